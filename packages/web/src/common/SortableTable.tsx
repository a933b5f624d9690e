import { Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFocusableWhenScrolling } from './DataTable.tsx';
import { compareText } from './format.ts';

export type CellValue = string | number | boolean;

export interface Column<T> {
  key: string;
  header: string;
  /** What the column sorts on and exports. */
  value: (row: T) => CellValue;
  render?: (row: T) => ReactNode;
  sortable?: boolean;
  /** Short values (dates, status, buttons) that should not wrap. */
  nowrap?: boolean;
  exported?: boolean;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: SortState): T[] {
  const column = columns.find((c) => c.key === sort.key);
  if (!column) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compareValues(column.value(a), column.value(b)));
}

function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return Number(a) - Number(b);
}

export function nextSort(sort: SortState, key: string): SortState {
  if (sort.key !== key) return { key, direction: 'ascending' };
  return { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** The header row and values of the exported columns, for CSV. */
export function exportRows<T>(rows: readonly T[], columns: readonly Column<T>[]): { header: string[]; rows: CellValue[][] } {
  const exported = columns.filter((c) => c.exported !== false);
  return { header: exported.map((c) => c.header), rows: rows.map((row) => exported.map((c) => c.value(row))) };
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
            {columns.map((column) => {
              const sorted = sort.key === column.key;
              if (column.sortable === false) return <Table.Th key={column.key} scope="col">{column.header}</Table.Th>;
              return (
                <Table.Th key={column.key} scope="col" aria-sort={sorted ? sort.direction : undefined}>
                  <UnstyledButton className="sort-button" onClick={() => onSort(nextSort(sort, column.key))}>
                    {column.header}
                    <span aria-hidden="true" className={sorted ? 'sort-icon sort-icon-active' : 'sort-icon'}>
                      {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
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
