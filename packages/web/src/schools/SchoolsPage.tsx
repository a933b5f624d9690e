import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { toCsv, type SchoolListView } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadCsv } from '../common/csv.ts';
import { today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { useSchools } from './useSchools.ts';

type School = SchoolListView['schools'][number];

/** The school profiles the caller may open (the server decides): to search, sort and export. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const schools = useSchools();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'organisation', direction: 'ascending' });
  const columns: Column<School>[] = useMemo(() => [
    { key: 'name', header: t('schoolProfiles.school'), value: (s) => s.name, render: (s) => <Anchor component={Link} to={`/population/schools/${s.unitId}`}>{s.name}</Anchor> },
    { key: 'organisation', header: t('schoolProfiles.organisation'), value: (s) => s.organisation },
    { key: 'kolada', header: t('schoolProfiles.koladaColumn'), value: (s) => (s.hasKolada ? t('schoolProfiles.yes') : t('schoolProfiles.no')) },
  ], [t]);
  const needle = search.trim().toLowerCase();
  // The server lists them by organisation and name; sorting is stable, so ties keep that order.
  const rows = sortRows((schools.data ?? []).filter((s) => !needle || `${s.name} ${s.organisation}`.toLowerCase().includes(needle)), columns, sort);
  const exportCsv = () => {
    const data = exportRows(rows, columns);
    downloadCsv(`skolprofiler-${today()}.csv`, toCsv(data.header, data.rows));
  };
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageTitle>{t('schoolProfiles.listTitle')}</PageTitle>
        <Text mt="xs">{t('schoolProfiles.listIntro')}</Text>
      </div>
      {schools.isPending && <Loading />}
      {schools.isError && <LoadError error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.data && schools.data.length === 0 && <Alert>{t('schoolProfiles.noSchools')}</Alert>}
      {schools.data && schools.data.length > 0 && (
        <>
          <Group align="end" justify="space-between">
            <TextInput label={t('schoolProfiles.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
            <Button variant="default" onClick={exportCsv}>{t('schoolProfiles.exportCsv')}</Button>
          </Group>
          <SortableTable caption={t('schoolProfiles.listTitle')} columns={columns} rows={rows} rowKey={(s) => s.unitId} sort={sort} onSort={setSort} empty={t('schoolProfiles.noMatch')} />
        </>
      )}
    </Stack>
  );
}
