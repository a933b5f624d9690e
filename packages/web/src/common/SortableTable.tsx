import { Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useFocusableWhenScrolling } from './DataTable.tsx';
import { nextSort, sortRows, type Column, type SortState } from './sortRows.ts';

// The pure part (columns, sorting, the export's rows) is its own module, unit-tested without a page.
export { exportRows, nextSort, sortRows, type CellValue, type Column, type SortState } from './sortRows.ts';

/**
 * The state of a list that sorts and filters: the free-text filter looks in each row's `texts`
 * (by default the columns' values), then the rows are sorted. FilteredTable and the population's
 * figure tables share it.
 */
export function useSortedFilter<T>(rows: readonly T[], columns: readonly Column<T>[], initial: SortState, texts: (row: T) => readonly string[] = (row) => columns.map((c) => String(c.value(row)))) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState>(initial);
  const needle = search.trim().toLocaleLowerCase('sv');
  const matches = (row: T) => !needle || texts(row).some((text) => text.toLocaleLowerCase('sv').includes(needle));
  return { search, setSearch, sort, setSort, filtered: needle !== '', rows: sortRows(rows.filter(matches), columns, sort) };
}

/** A column header that sorts its column: a button inside, aria-sort on the sorted one, the arrow hidden from screen readers. */
export function SortHeader({ label, sort, columnKey, onSort }: { label: string; sort: SortState; columnKey: string; onSort: (sort: SortState) => void }) {
  const sorted = sort.key === columnKey;
  return (
    <Table.Th scope="col" aria-sort={sorted ? sort.direction : undefined}>
      <UnstyledButton className="sort-button" onClick={() => onSort(nextSort(sort, columnKey))}>
        {label}
        <span aria-hidden="true" className={sorted ? 'sort-icon sort-icon-active' : 'sort-icon'}>
          {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

interface Props<T> {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort: SortState;
  onSort: (sort: SortState) => void;
  empty: string;
}

/**
 * A table whose column headers are sort buttons; the sorted column carries aria-sort. On a
 * narrow screen each row is a card whose cells are led by their column's name.
 */
export function SortableTable<T>({ caption, columns, rows, rowKey, sort, onSort, empty }: Props<T>) {
  const { ref, tabIndex } = useFocusableWhenScrolling();
  return (
    <div ref={ref} tabIndex={tabIndex} className="table-scroll">
      <Table striped highlightOnHover verticalSpacing="xs" className="data-table stacks">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              column.sortable === false ? <Table.Th key={column.key} scope="col">{column.header}</Table.Th> : <SortHeader key={column.key} label={column.header} sort={sort} columnKey={column.key} onSort={onSort} />,
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key} className={column.nowrap ? 'nowrap' : undefined} data-label={column.header}>{column.render ? column.render(row) : String(column.value(row))}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" py="md" ta="center">{empty}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
