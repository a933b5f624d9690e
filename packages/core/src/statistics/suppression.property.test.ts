import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable, type AdditiveRelation, type SuppressionCell } from './suppression.ts';
import { determinedCells } from './determined-cells.testing.ts';

/**
 * Property: over generated tables with margins (municipality × gender × grade, each with a total),
 * no shown cell is below the threshold, and no hidden cell can be recovered from the shown cells
 * and the additive relations. "Recovered" is checked independently of the implementation, in exact
 * rational arithmetic: a hidden cell is determined iff every solution of the relations restricted
 * to the hidden cells (the null space) has 0 in its coordinate.
 */

const TOTAL = -1;

function tableOf(sizes: readonly number[], counts: readonly number[]): { cells: SuppressionCell[]; relations: AdditiveRelation[] } {
  const inner = (coords: number[]) => coords.reduce((acc, c, d) => acc * sizes[d]! + c, 0);
  const keyOf = (coords: readonly number[]) => coords.map((c) => (c === TOTAL ? 'T' : String(c))).join('|');
  const all: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === sizes.length) return void all.push(prefix);
    for (let v = TOTAL; v < sizes[prefix.length]!; v++) walk([...prefix, v]);
  };
  walk([]);
  const value = (coords: number[]): number => {
    const d = coords.indexOf(TOTAL);
    if (d === -1) return counts[inner(coords) % counts.length]!;
    let sum = 0;
    for (let v = 0; v < sizes[d]!; v++) sum += value(coords.map((c, i) => (i === d ? v : c)));
    return sum;
  };
  const cells = all.map((coords) => ({ key: keyOf(coords), respondents: value(coords) }));
  const relations: AdditiveRelation[] = [];
  for (const coords of all) {
    coords.forEach((c, d) => {
      if (c !== TOTAL) return;
      relations.push({ total: keyOf(coords), parts: Array.from({ length: sizes[d]! }, (_, v) => keyOf(coords.map((x, i) => (i === d ? v : x)))) });
    });
  }
  return { cells, relations };
}

const threshold = 10;
const tables = fc.record({
  sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 }),
  // Mostly small counts, so that suppression has work to do.
  counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 64 }),
});

describe('small-cell suppression (property)', () => {
  it('never shows a cell below the threshold, and leaves no hidden cell derivable from totals and margins', () => {
    fc.assert(
      fc.property(tables, ({ sizes, counts }) => {
        const { cells, relations } = tableOf(sizes, counts);
        const result = suppressTable(cells, relations, threshold);
        for (const c of cells) {
          if (c.respondents < threshold) expect(result.hidden.get(c.key)).toBe('too_few');
          if (result.isShown(c.key)) expect(c.respondents).toBeGreaterThanOrEqual(threshold);
        }
        expect(determinedCells(relations, [...result.hidden.keys()])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('small-cell suppression (cases)', () => {
  it('hides nothing when every cell is large enough', () => {
    const { cells, relations } = tableOf([3, 2], [20, 30, 40]);
    expect(suppressTable(cells, relations).hidden.size).toBe(0);
  });

  it('hides a second cell beside a single small one, so the total does not give it away', () => {
    // Gender in one municipality: K = 4, M = 30, T = 34.
    const cells = [{ key: 'K', respondents: 4 }, { key: 'M', respondents: 30 }, { key: 'T', respondents: 34 }];
    const result = suppressTable(cells, [{ total: 'T', parts: ['K', 'M'] }]);
    expect(Object.fromEntries(result.hidden)).toEqual({ K: 'too_few', M: 'complementary' });
    expect(result.isShown('T')).toBe(true);
  });

  it('picks the smallest shown part as the complement', () => {
    const cells = [{ key: 'a', respondents: 3 }, { key: 'b', respondents: 50 }, { key: 'c', respondents: 12 }, { key: 'T', respondents: 65 }];
    const result = suppressTable(cells, [{ total: 'T', parts: ['a', 'b', 'c'] }]);
    expect([...result.hidden.keys()].sort()).toEqual(['a', 'c']);
  });

  it('says nothing of a cell it does not know', () => {
    expect(suppressTable([], []).isShown('x')).toBe(false);
  });
});
