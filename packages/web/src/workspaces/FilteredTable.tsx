import { Button, Group, TextInput } from '@mantine/core';
import { toCsv } from '@samsyn/core';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../common/csv.ts';
import { today } from '../common/format.ts';
import { exportExcel } from '../dashboards/exports.ts';
import { exportRows, SortableTable, useSortedFilter, type Column, type SortState } from '../common/SortableTable.tsx';

/** A list that sorts (column headers; `sortDirection` for newest first), filters (free text over the exported values) and exports CSV (and Excel when `excelSheet` names a sheet). */
export function FilteredTable<T>({ rows, columns, caption, rowKey, empty, exportFile, sortKey, sortDirection = 'ascending', excelSheet }: { rows: readonly T[]; columns: readonly Column<T>[]; caption: string; rowKey: (row: T) => string; empty: string; exportFile: string; sortKey: string; sortDirection?: SortState['direction']; excelSheet?: string }) {
  const { t } = useTranslation();
  const { search, setSearch, sort, setSort, rows: shown } = useSortedFilter(rows, columns, { key: sortKey, direction: sortDirection });
  const exportCsv = () => {
    const data = exportRows(shown, columns);
    downloadCsv(`${exportFile}-${today()}.csv`, toCsv(data.header, data.rows));
  };
  // Excel gets what the table shows: the filtered rows in their sort order, as text.
  const toExcel = () => {
    const data = exportRows(shown, columns);
    void exportExcel(`${exportFile}-${today()}.xlsx`, excelSheet ?? exportFile, { header: data.header, rows: data.rows.map((r) => r.map((c) => String(c ?? ''))) });
  };
  return (
    <>
      <Group align="end" mb="xs">
        <TextInput label={t('workspaces.filter')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Button variant="default" onClick={exportCsv}>{t('workspaces.exportCsv')}</Button>
        {excelSheet !== undefined && <Button variant="default" onClick={toExcel}>{t('opsForms.exportExcel')}</Button>}
      </Group>
      <SortableTable caption={caption} columns={columns} rows={shown} rowKey={rowKey} sort={sort} onSort={setSort} empty={empty} />
    </>
  );
}
