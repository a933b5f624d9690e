import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { toCsv, type PreviewRow } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../common/csv.ts';
import { ListToolbar, TablePages, usePage } from '../../common/ListToolbar.tsx';
import { exportRows, SortableTable, sortRows, type Column, type SortState } from '../../common/SortableTable.tsx';
import { rowErrorText, rowNameText, toneStyle } from './text.ts';

const outcomeColour = { create: 'green', change: 'blue', unchanged: 'gray', error: 'red' } as const;

/** The preview: what each row of the file says and what the run would do, errors per row; sortable, filterable, exportable. */
export function PreviewTable({ rows, fileName }: { rows: readonly PreviewRow[]; fileName: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>({ key: 'line', direction: 'ascending' });
  const [outcome, setOutcome] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLocaleLowerCase('sv');
  const columns: Column<PreviewRow>[] = [
    { key: 'line', header: t('registerImport.line'), value: (r) => r.line, nowrap: true },
    { key: 'identityNumber', header: t('registerImport.identityNumber'), value: (r) => r.identityNumber, nowrap: true },
    { key: 'name', header: t('registerImport.name'), value: (r) => rowNameText(r, t) },
    { key: 'outcome', header: t('registerImport.outcome'), value: (r) => t(`registerImport.outcomes.${r.outcome}`), render: (r) => <Badge variant="light" tt="none" style={toneStyle(outcomeColour[r.outcome])}>{t(`registerImport.outcomes.${r.outcome}`)}</Badge>, nowrap: true },
    {
      key: 'details',
      header: t('registerImport.details'),
      value: (r) => (r.outcome === 'error' ? r.errors.map((e) => rowErrorText(e, t)).join('; ') : [...r.changes.map((c) => t(`registerImport.fields.${c}`)), ...(r.newGuardians > 0 ? [t('registerImport.newGuardians', { count: r.newGuardians })] : [])].join(', ')),
    },
  ];
  const filtered = rows.filter((r) => (!outcome || r.outcome === outcome) && (!needle || columns.map((c) => String(c.value(r))).join(' ').toLocaleLowerCase('sv').includes(needle)));
  const sorted = sortRows(filtered, columns, sort);
  const page = usePage(sorted, `${outcome}|${needle}|${sort.key}|${sort.direction}`);
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('registerImport.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
        <Select label={t('registerImport.outcome')} placeholder={t('registerImport.allOutcomes')} data={(['error', 'create', 'change', 'unchanged'] as const).map((o) => ({ value: o, label: t(`registerImport.outcomes.${o}`) }))} value={outcome} onChange={setOutcome} clearable w={220} />
      </Group>
      <ListToolbar from={page.from} to={page.to} count={sorted.length} total={rows.length} onExport={() => {
        const out = exportRows(sorted, columns);
        downloadCsv(`${t('registerImport.exportFile')}-${fileName.replace(/\.[^.]*$/, '')}.csv`, toCsv(out.header, out.rows));
      }} />
      <SortableTable caption={t('registerImport.previewCaption')} columns={columns} rows={page.rows} rowKey={(r) => String(r.line)} sort={sort} onSort={setSort} empty={t('table.none')} />
      <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
      {rows.length === 0 && <Text c="dimmed">{t('table.none')}</Text>}
    </Stack>
  );
}
