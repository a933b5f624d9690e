import type { Column } from '../common/sortRows.ts';

/**
 * The rows of a figure table (FigureTable) as a list that sorts and filters. A row is text twice:
 * in the UI language for the table and in Swedish for the exports; it sorts on the Swedish text's
 * leading number, so `9,5 %` comes before `12,3 %` and `−2,1` before `+1,0`, and a hidden cell's
 * reason ("för få svar") or a missing figure ("–") is text, which the list keeps below the figures.
 */

export interface FigureRow {
  key: string;
  /** The cells as the table shows them (the UI language's numbers). */
  shown: readonly string[];
  /** The same cells as the exports hold them (`sv-SE`). */
  exported: readonly string[];
}

// A Swedish number at the start of a cell: a sign (the minus is U+2212), digits grouped by a
// (narrow) no-break space, a decimal comma; then the cell ends or goes on after a space, `%` or `(`.
const leadingNumber = /^([+\-\u2212]?)(\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(?:,(\d+))?(?=$|[\s\u00a0\u202f%(\u2013])/;

/** The number a cell's Swedish text starts with (`12,3 %` → 12.3), or null when it is text. */
export function figureNumber(text: string): number | null {
  const m = leadingNumber.exec(text.trim());
  if (!m) return null;
  const value = Number(`${m[2]!.replace(/[\u00a0\u202f ]/g, '')}.${m[3] ?? '0'}`);
  return m[1] === '-' || m[1] === '\u2212' ? -value : value;
}

/** A column per header, sorting on its cells' Swedish numbers (else their text). */
export function figureColumns(header: readonly string[]): Column<FigureRow>[] {
  return header.map((h, i) => ({ key: String(i), header: h, value: (r) => { const text = r.exported[i] ?? ''; return figureNumber(text) ?? text; } }));
}

/** Pairs the table's rows with the exports' rows (the same rows, in the same order). */
export function figureRows(shown: readonly (readonly string[])[], exported: readonly (readonly string[])[]): FigureRow[] {
  return shown.map((cells, i) => ({ key: `${i}-${cells[0] ?? ''}`, shown: cells, exported: exported[i] ?? cells }));
}
