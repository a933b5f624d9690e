import { Group, TextInput } from '@mantine/core';
import { toCsv } from '@samsyn/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../common/csv.ts';
import { today } from '../common/format.ts';
import { ListToolbar } from '../common/ListToolbar.tsx';
import { exportRows, sortRows, SortableTable, type Column, type SortState } from '../common/SortableTable.tsx';

/** A list that sorts, filters (a search, and the page's own filters) and exports CSV, like the other lists. */
export function DataList<T>({ rows, columns, caption, exportFile, searchText, filters, filter, rowKey, sortKey }: { rows: readonly T[]; columns: Column<T>[]; caption: string; exportFile: string; searchText: (row: T) => string; filters?: ReactNode; filter?: (row: T) => boolean; rowKey: (row: T) => string; sortKey: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState>({ key: sortKey, direction: 'ascending' });
  const needle = search.trim().toLocaleLowerCase('sv');
  const shown = sortRows(rows.filter((r) => (!needle || searchText(r).toLocaleLowerCase('sv').includes(needle)) && (!filter || filter(r))), columns, sort);
  const exportCsv = () => {
    const data = exportRows(shown, columns);
    downloadCsv(`${exportFile}-${today()}.csv`, toCsv(data.header, data.rows));
  };
  return (
    <div>
      <Group align="end" wrap="wrap">
        <TextInput label={t('improvement.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        {filters}
      </Group>
      <ListToolbar from={shown.length === 0 ? 0 : 1} to={shown.length} count={shown.length} total={rows.length} onExport={exportCsv} />
      <SortableTable caption={caption} columns={columns} rows={shown} rowKey={rowKey} sort={sort} onSort={setSort} empty={t('improvement.empty')} />
    </div>
  );
}
