import { Badge, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatStockholmDateTime, toCsv, type RegisterImportSummary } from '@samsyn/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../common/csv.ts';
import { formatNumber, today } from '../../common/format.ts';
import { ListToolbar, TablePages, usePage } from '../../common/ListToolbar.tsx';
import { LoadError } from '../../common/LoadError.tsx';
import { Loading } from '../../common/Loading.tsx';
import { exportRows, SortableTable, sortRows, type Column, type SortState } from '../../common/SortableTable.tsx';
import { toneStyle } from './text.ts';
import { useImportHistory } from './useRegisterImport.ts';

const statusColour = { previewed: 'yellow', running: 'blue', done: 'green', discarded: 'gray', failed: 'red' } as const;
const statuses = ['previewed', 'running', 'done', 'discarded', 'failed'] as const;

/** Who imported which file when, and what it did; sorted, filtered and exported like every list. */
export function ImportHistory() {
  const { t } = useTranslation();
  const history = useImportHistory();
  const [sort, setSort] = useState<SortState>({ key: 'when', direction: 'descending' });
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const imports = history.data?.imports ?? [];
  // The municipality is a column only for an administrator who keeps several registers.
  const several = (history.data?.registers.length ?? 0) > 1;
  const columns: Column<RegisterImportSummary>[] = [
    // Stockholm time as shown, which also sorts in time order.
    { key: 'when', header: t('registerImport.when'), value: (i) => formatStockholmDateTime(new Date(i.previewedAt)), nowrap: true },
    ...(several ? [{ key: 'organisation', header: t('registerImport.organisation'), value: (i: RegisterImportSummary) => i.organisation.name }] : []),
    { key: 'who', header: t('registerImport.who'), value: (i) => i.importedBy },
    { key: 'file', header: t('registerImport.fileName'), value: (i) => i.fileName },
    { key: 'status', header: t('registerImport.status'), value: (i) => t(`registerImport.statuses.${i.status}`), render: (i) => <Badge variant="light" tt="none" style={toneStyle(statusColour[i.status])}>{t(`registerImport.statuses.${i.status}`)}</Badge>, nowrap: true },
    { key: 'created', header: t('registerImport.outcomes.create'), value: (i) => i.created, render: (i) => formatNumber(i.created) },
    { key: 'changed', header: t('registerImport.outcomes.change'), value: (i) => i.changed, render: (i) => formatNumber(i.changed) },
    { key: 'unchanged', header: t('registerImport.outcomes.unchanged'), value: (i) => i.unchanged, render: (i) => formatNumber(i.unchanged) },
    { key: 'errors', header: t('registerImport.outcomes.error'), value: (i) => i.errors, render: (i) => formatNumber(i.errors) },
  ];
  const needle = search.trim().toLocaleLowerCase('sv');
  const filtered = imports.filter((i) => (!status || i.status === status) && (!needle || `${i.fileName} ${i.importedBy} ${i.organisation.name}`.toLocaleLowerCase('sv').includes(needle)));
  const sorted = sortRows(filtered, columns, sort);
  const page = usePage(sorted, `${status}|${needle}|${sort.key}|${sort.direction}`);
  return (
    <section aria-labelledby="history-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="history-heading">{t('registerImport.historyTitle')}</Title>
        {history.isPending && <Loading />}
        {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && imports.length === 0 && <Text c="dimmed">{t('registerImport.noHistory')}</Text>}
        {history.data && imports.length > 0 && (
          <>
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('registerImport.historySearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
              <Select label={t('registerImport.status')} placeholder={t('registerImport.allStatuses')} data={statuses.map((s) => ({ value: s, label: t(`registerImport.statuses.${s}`) }))} value={status} onChange={setStatus} clearable w={220} />
            </Group>
            <ListToolbar from={page.from} to={page.to} count={sorted.length} total={imports.length} onExport={() => {
              const out = exportRows(sorted, columns);
              downloadCsv(`${t('registerImport.historyFile')}-${today()}.csv`, toCsv(out.header, out.rows));
            }} />
            <SortableTable caption={t('registerImport.historyTitle')} columns={columns} rows={page.rows} rowKey={(i) => i.id} sort={sort} onSort={setSort} empty={t('table.none')} />
            <TablePages page={page.page} pageCount={page.pageCount} onChange={page.setPage} />
          </>
        )}
      </Stack>
    </section>
  );
}
