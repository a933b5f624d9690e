import type { AdditiveRelation } from './suppression.ts';

/**
 * For tests: which hidden cells the relations still determine, computed independently of
 * `suppressTable`, in exact rational arithmetic (a hidden cell is determined iff every solution of
 * the relations restricted to the hidden cells has 0 in its coordinate).
 */

// Exact rationals on BigInt, for the independent check.
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);

/** Hidden cells determined by the relations, via the exact null space of the hidden-cell system. */
export function determinedCells(relations: readonly AdditiveRelation[], hidden: readonly string[]): string[] {
  const index = new Map(hidden.map((k, i) => [k, i]));
  const m: Q[][] = relations
    .map((r) => {
      const row: Q[] = hidden.map(() => q(0n));
      if (index.has(r.total)) row[index.get(r.total)!] = q(1n);
      for (const p of r.parts) if (index.has(p)) row[index.get(p)!] = sub(row[index.get(p)!]!, q(1n));
      return row;
    })
    .filter((row) => row.some((x) => x[0] !== 0n));
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < hidden.length && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p === -1) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]![c]!;
    m[r] = m[r]!.map((x) => div(x, pivot));
    for (let i = 0; i < m.length; i++) if (i !== r && m[i]![c]![0] !== 0n) {
      const f = m[i]![c]!;
      m[i] = m[i]!.map((x, j) => sub(x, mul(f, m[r]![j]!)));
    }
    pivots.push(c);
    r++;
  }
  // Free columns span the null space; a pivot column is determined iff no free column feeds it.
  const free = hidden.map((_, c) => c).filter((c) => !pivots.includes(c));
  return pivots.filter((c, i) => free.every((f) => m[i]![f]![0] === 0n)).map((c) => hidden[c]!);
}

