import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { SchoolListView } from '@samsyn/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import type { Column } from '../common/SortableTable.tsx';
import { FilteredTable } from '../workspaces/FilteredTable.tsx';
import { useSchools } from './useSchools.ts';

type School = SchoolListView['schools'][number];

/** The school profiles the caller may open (the server decides): to filter, sort and export as CSV and Excel. */
export function SchoolsPage() {
  const { t } = useTranslation();
  const schools = useSchools();
  const columns: Column<School>[] = useMemo(() => [
    { key: 'name', header: t('schoolProfiles.school'), value: (s) => s.name, render: (s) => <Anchor component={Link} to={`/population/schools/${s.unitId}`}>{s.name}</Anchor> },
    { key: 'organisation', header: t('schoolProfiles.organisation'), value: (s) => s.organisation },
    { key: 'kolada', header: t('schoolProfiles.koladaColumn'), value: (s) => (s.hasKolada ? t('schoolProfiles.yes') : t('schoolProfiles.no')) },
  ], [t]);
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
        // The server lists them by organisation and name; sorting is stable, so ties keep that order.
        <FilteredTable rows={schools.data} columns={columns} caption={t('schoolProfiles.listTitle')} rowKey={(s) => s.unitId} empty={t('schoolProfiles.noMatch')} exportFile={t('schoolProfiles.listFile')} sortKey="organisation" excelSheet={t('schoolProfiles.listTitle')} />
      )}
    </Stack>
  );
}
