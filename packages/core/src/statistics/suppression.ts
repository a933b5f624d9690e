/**
 * Small-cell suppression for published tables (survey shares, counts of children): a cell with
 * fewer respondents than the threshold is never shown, and complementary suppression hides enough
 * other cells that no hidden cell can be worked out from the totals and margins that are shown.
 *
 * A table is its cells and its additive relations (a total is the sum of its parts: T = K + M, the
 * county = Σ municipalities). Counts and successes add up the same way, so hiding a cell hides both.
 */

export interface SuppressionCell {
  key: string;
  /** Respondents (unweighted): what the threshold counts. */
  respondents: number;
}

export interface AdditiveRelation {
  total: string;
  parts: readonly string[];
}

export type SuppressionReason = 'too_few' | 'complementary';

export interface SuppressionResult {
  /** Keys of hidden cells, with why: too few respondents, or hidden so another cannot be derived. */
  hidden: Map<string, SuppressionReason>;
  isShown(key: string): boolean;
}

export const defaultSuppressionThreshold = 10;

/**
 * `alreadyHidden`: cells hidden in another table that shares them (a municipality's row, hidden in
 * the public table, stays hidden in its schools' table), so that the two tables together give
 * nothing away either.
 */
export function suppressTable(cells: readonly SuppressionCell[], relations: readonly AdditiveRelation[], threshold = defaultSuppressionThreshold, alreadyHidden?: ReadonlyMap<string, SuppressionReason>): SuppressionResult {
  const size = new Map(cells.map((c) => [c.key, c.respondents]));
  const hidden = new Map<string, SuppressionReason>();
  for (const c of cells) if (c.respondents < threshold) hidden.set(c.key, 'too_few');
  for (const [key, reason] of alreadyHidden ?? []) if (size.has(key) && !hidden.has(key)) hidden.set(key, reason);
  const known = relations.filter((r) => size.has(r.total) && r.parts.every((p) => size.has(p)));
  // Hiding only adds cells, so the loop ends: at worst every cell is hidden.
  for (;;) {
    if (closeSingleHidden(known, size, hidden)) continue;
    const derivable = firstDerivable(known, hidden);
    if (derivable === null) break;
    // A cell determined through a chain of relations may have every neighbour hidden already:
    // then a shown cell further along its relations is hidden instead (else the loop would not end).
    if (!hidePartner(known, derivable, size, hidden) && !hideNearest(known, derivable, size, hidden)) break;
  }
  return { hidden, isShown: (key) => size.has(key) && !hidden.has(key) };
}

/** The smallest shown cell among `candidates` (parts before the total), ties by key. */
function smallestShown(candidates: readonly string[], size: Map<string, number>, hidden: Map<string, SuppressionReason>): string | null {
  const shown = candidates.filter((k) => !hidden.has(k));
  shown.sort((a, b) => size.get(a)! - size.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  return shown[0] ?? null;
}

/** A relation with exactly one hidden member gives it away by subtraction: hide one more. */
function closeSingleHidden(relations: readonly AdditiveRelation[], size: Map<string, number>, hidden: Map<string, SuppressionReason>): boolean {
  let changed = false;
  for (const r of relations) {
    const members = [r.total, ...r.parts];
    if (members.filter((k) => hidden.has(k)).length !== 1) continue;
    const partner = smallestShown(r.parts, size, hidden) ?? smallestShown([r.total], size, hidden);
    if (partner !== null) {
      hidden.set(partner, 'complementary');
      changed = true;
    }
  }
  return changed;
}

/** Hides one more cell in a relation of a derivable cell, so it is no longer determined. */
function hidePartner(relations: readonly AdditiveRelation[], key: string, size: Map<string, number>, hidden: Map<string, SuppressionReason>): boolean {
  for (const r of relations) {
    if (r.total !== key && !r.parts.includes(key)) continue;
    const partner = smallestShown(r.parts, size, hidden) ?? smallestShown([r.total], size, hidden);
    if (partner !== null) {
      hidden.set(partner, 'complementary');
      return true;
    }
  }
  return false;
}

/** Walks the relations out from `key` through hidden cells and hides the first shown cell it meets. */
function hideNearest(relations: readonly AdditiveRelation[], key: string, size: Map<string, number>, hidden: Map<string, SuppressionReason>): boolean {
  const seen = new Set([key]);
  let frontier = [key];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const r of relations) {
      const members = [r.total, ...r.parts];
      if (!members.some((m) => frontier.includes(m))) continue;
      const partner = smallestShown(r.parts, size, hidden) ?? smallestShown([r.total], size, hidden);
      if (partner !== null) {
        hidden.set(partner, 'complementary');
        return true;
      }
      for (const m of members) {
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * The first hidden cell that the shown cells and the relations still determine, found by linear
 * algebra over the hidden cells (several relations together can give away what no single one does):
 * a hidden cell is determined when its unit vector lies in the row space of the relations
 * restricted to the hidden cells.
 */
function firstDerivable(relations: readonly AdditiveRelation[], hidden: Map<string, SuppressionReason>): string | null {
  const unknowns = [...hidden.keys()];
  if (unknowns.length === 0) return null;
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let touches = false;
    const add = (k: string, coefficient: number) => {
      const i = index.get(k);
      if (i !== undefined) {
        row[i]! += coefficient;
        touches = true;
      }
    };
    add(r.total, 1);
    for (const p of r.parts) add(p, -1);
    if (touches) rows.push(row);
  }
  const basis = rowEchelon(rows);
  for (const [k, i] of index) if (inRowSpace(basis, i, unknowns.length)) return k;
  return null;
}

const epsilon = 1e-9;

/** Reduced row echelon form: each row has a pivot column with 1 and zeros above and below. */
function rowEchelon(input: number[][]): { pivot: number; row: number[] }[] {
  const rows = input.map((r) => [...r]);
  const basis: { pivot: number; row: number[] }[] = [];
  const width = rows[0]?.length ?? 0;
  let next = 0;
  for (let col = 0; col < width && next < rows.length; col++) {
    let best = next;
    for (let r = next + 1; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) < epsilon) continue;
    [rows[next], rows[best]] = [rows[best]!, rows[next]!];
    const pivotRow = rows[next]!;
    const scale = pivotRow[col]!;
    for (let c = 0; c < width; c++) pivotRow[c]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      if (r === next) continue;
      const factor = rows[r]![col]!;
      if (Math.abs(factor) < epsilon) continue;
      for (let c = 0; c < width; c++) rows[r]![c]! -= factor * pivotRow[c]!;
    }
    basis.push({ pivot: col, row: pivotRow });
    next++;
  }
  return basis;
}

/** Whether the unit vector e_i is a combination of the reduced rows. */
function inRowSpace(basis: { pivot: number; row: number[] }[], i: number, width: number): boolean {
  // In reduced form, a vector is in the span iff it equals Σ v[pivot] · row over the pivots.
  const combination = new Array<number>(width).fill(0);
  for (const b of basis) {
    const coefficient = b.pivot === i ? 1 : 0;
    if (coefficient === 0) continue;
    for (let c = 0; c < width; c++) combination[c]! += coefficient * b.row[c]!;
  }
  return combination.every((v, c) => Math.abs(v - (c === i ? 1 : 0)) < epsilon);
}
