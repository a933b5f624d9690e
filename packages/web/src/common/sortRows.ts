import type { ReactNode } from 'react';
import { compareText } from './format.ts';

/** The pure part of a sortable list: its columns, the sort state, sorting and the export's rows. */

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
  return [...rows].sort((a, b) => compareValues(column.value(a), column.value(b), sign));
}

/**
 * Text after numbers whichever the direction: in a column of figures, a hidden cell's reason
 * ("för få svar") or a missing one ("–") stays below the figures, as in a spreadsheet.
 */
function compareValues(a: CellValue, b: CellValue, sign: number): number {
  const aText = typeof a === 'string';
  const bText = typeof b === 'string';
  if (aText && bText) return sign * compareText(a, b);
  if (aText !== bText) return aText ? 1 : -1;
  return sign * (Number(a) - Number(b));
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

