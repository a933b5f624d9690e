import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { toCsv } from '@samsyn/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisations, type OrganisationItem } from '../admin/useOrganisations.ts';
import { downloadCsv } from '../common/csv.ts';
import { today } from '../common/format.ts';
import { LoadError } from '../common/LoadError.tsx';
import { Loading } from '../common/Loading.tsx';
import { PageTitle } from '../common/PageTitle.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';
import { exportExcel } from './exports.ts';

/** The county's municipalities in force, each with a kommunkod: what a municipality's page is for. */
export function countyMunicipalities(organisations: readonly OrganisationItem[]): OrganisationItem[] {
  return organisations.filter((o) => o.kind === 'municipality' && o.active && o.municipalityCode !== null);
}

/** Befolkning → Kommunerna: each municipality links to its follow-up page; to search, sort and export. */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const columns: Column<OrganisationItem>[] = useMemo(() => [
    { key: 'name', header: t('municipalityPages.name'), value: (o) => o.name, render: (o) => <Anchor component={Link} to={`/population/municipalities/${o.municipalityCode}`} aria-label={t('municipalityPages.openNamed', { name: o.name })}>{o.name}</Anchor> },
    { key: 'code', header: t('municipalityPages.code'), value: (o) => o.municipalityCode ?? '', nowrap: true },
  ], [t]);
  const needle = search.trim().toLocaleLowerCase('sv');
  const all = countyMunicipalities(organisations.data ?? []);
  const rows = sortRows(all.filter((o) => !needle || `${o.name} ${o.municipalityCode}`.toLocaleLowerCase('sv').includes(needle)), columns, sort);
  const table = () => {
    const data = exportRows(rows, columns);
    return { header: data.header, rows: data.rows.map((r) => r.map(String)) };
  };
  const file = `${t('municipalityPages.exportFile')}-${today()}`;
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageTitle>{t('municipalityPages.listTitle')}</PageTitle>
        <Text mt="xs">{t('municipalityPages.listIntro')}</Text>
      </div>
      {organisations.isPending && <Loading />}
      {organisations.isError && <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />}
      {organisations.data && all.length === 0 && <Alert>{t('municipalityPages.none')}</Alert>}
      {all.length > 0 && (
        <>
          <Group align="end" justify="space-between">
            <TextInput type="search" label={t('municipalityPages.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} />
            <Group gap="xs">
              <Button variant="default" onClick={() => { const d = table(); downloadCsv(`${file}.csv`, toCsv(d.header, d.rows)); }}>{t('municipalityPages.exportCsv')}</Button>
              <Button variant="default" onClick={() => void exportExcel(`${file}.xlsx`, t('municipalityPages.listTitle'), table())}>{t('municipalityPages.exportExcel')}</Button>
            </Group>
          </Group>
          <SortableTable caption={t('municipalityPages.listTitle')} columns={columns} rows={rows} rowKey={(o) => o.id} sort={sort} onSort={setSort} empty={t('municipalityPages.noMatch')} />
        </>
      )}
    </Stack>
  );
}
