/**
 * For tests: which hidden cells of a published table can be worked out from the cells shown,
 * decided from the respondents themselves and not from the suppression code. Every published
 * figure is a sum of base cells (municipality × school × gender × grade); a reader who knows the
 * shown sums recovers a hidden cell exactly when its sum is a linear combination of the shown ones.
 * The base cells are every combination the responses reveal to exist (the municipalities and
 * schools they name, pupils without a school, each gender and grade), empty ones included: a reader
 * cannot tell that a school has no girls in grade 9. Exact arithmetic on BigInt.
 */

export interface BaseCell {
  municipality: string;
  school: string;
  gender: string;
  grade: string;
  /** Respondents. */
  n: number;
}

export interface PublishedCell {
  name: string;
  /** Which base cells the cell sums. */
  match: (cell: BaseCell) => boolean;
  /** A part never published on its own (another gender, pupils without a school): only a small one must stay unknown. */
  unpublished?: boolean;
}

export interface Table {
  /** Every base cell a reader must allow for, with its true respondents (0 for an empty one). */
  base: ReadonlyMap<string, BaseCell>;
  shown: PublishedCell[];
  hidden: PublishedCell[];
}

type Vector = bigint[];

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Reduces `v` by the echelon rows (each with its own pivot column), keeping integers small. */
function reduce(rows: readonly { pivot: number; row: Vector }[], v: Vector): Vector {
  let out = v;
  for (const { pivot, row } of rows) {
    const f = out[pivot]!;
    if (f === 0n) continue;
    const p = row[pivot]!;
    out = out.map((x, i) => x * p - row[i]! * f);
    const g = out.reduce((acc, x) => gcd(acc, x), 0n);
    if (g > 1n) out = out.map((x) => x / g);
  }
  return out;
}

/** The names of the hidden cells a reader of the shown cells can work out (none, if suppression holds). */
export function determinedTargets(table: Table, threshold: number): string[] {
  const unknowns = [...table.base.values()];
  const vector = (cell: PublishedCell): Vector => unknowns.map((b) => (cell.match(b) ? 1n : 0n));
  const basis: { pivot: number; row: Vector }[] = [];
  for (const cell of table.shown) {
    const row = reduce(basis, vector(cell));
    const pivot = row.findIndex((x) => x !== 0n);
    if (pivot >= 0) basis.push({ pivot, row });
  }
  const size = (cell: PublishedCell) => unknowns.filter(cell.match).reduce((n, b) => n + b.n, 0);
  return table.hidden
    .filter((cell) => size(cell) > 0 && !(cell.unpublished && size(cell) >= threshold))
    .filter((cell) => reduce(basis, vector(cell)).every((x) => x === 0n))
    .map((cell) => cell.name);
}
