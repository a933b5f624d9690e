import { describe, expect, it } from 'vitest';
import { binomialQuantile, kishEffectiveSize, newcombeDifference, weightedProportion, weightedProportionFromSums, wilsonInterval, zFor } from './proportions.ts';

const to4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe('wilsonInterval', () => {
  // Newcombe (1998a), Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches Newcombe’s published interval for %i/%i', (x, n, lower, upper) => {
    const i = wilsonInterval(x, n);
    expect([to4(i.lower), to4(i.upper)]).toEqual([lower, upper]);
  });

  it('is exact at 0 and at n successes, and mirrors', () => {
    expect(wilsonInterval(0, 20).lower).toBe(0);
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    expect(to4(all.lower)).toBe(to4(1 - wilsonInterval(0, 20).upper));
  });

  it('widens with the level and narrows with n', () => {
    const w = (i: { lower: number; upper: number }) => i.upper - i.lower;
    expect(w(wilsonInterval(30, 100, 0.99))).toBeGreaterThan(w(wilsonInterval(30, 100)));
    expect(w(wilsonInterval(300, 1000))).toBeLessThan(w(wilsonInterval(30, 100)));
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
  });

  it('refuses what is not a proportion', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => zFor(1)).toThrow(RangeError);
  });
});

describe('newcombeDifference', () => {
  // Newcombe (1998b), Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
  ])('matches Newcombe’s worked example %i/%i − %i/%i', (a, m, b, n, lower, upper) => {
    const d = newcombeDifference({ successes: a, n: m }, { successes: b, n });
    expect([to4(d.lower), to4(d.upper)]).toEqual([lower, upper]);
    expect(d.difference).toBeCloseTo(a / m - b / n, 12);
  });

  it('flags a difference as significant only when its interval excludes 0', () => {
    expect(newcombeDifference({ successes: 56, n: 70 }, { successes: 48, n: 80 }).significant).toBe(true);
    expect(newcombeDifference({ successes: 5, n: 56 }, { successes: 0, n: 29 }).significant).toBe(false);
    expect(newcombeDifference({ successes: 48, n: 80 }, { successes: 56, n: 70 })).toMatchObject({ significant: true, difference: expect.closeTo(-0.2, 12) });
  });
});

describe('weighted proportions', () => {
  it('equals the plain share when every weight is 1, with n as the effective size', () => {
    const answers = [...Array(30).fill({ counts: true }), ...Array(70).fill({ counts: false })];
    const p = weightedProportion(answers)!;
    expect(p).toMatchObject({ proportion: 0.3, respondents: 100, effectiveN: 100 });
    expect(p.interval).toEqual(wilsonInterval(30, 100));
  });

  it('weighs answers and shrinks the effective size by Kish’s formula', () => {
    const p = weightedProportion([{ counts: true, weight: 3 }, { counts: false, weight: 1 }, { counts: false, weight: 1 }, { counts: true, weight: 1 }])!;
    expect(p.proportion).toBeCloseTo(4 / 6, 12);
    expect(p.effectiveN).toBeCloseTo(36 / 12, 12);
    expect(kishEffectiveSize(6, 12)).toBeCloseTo(3, 12);
    expect(p.interval.upper - p.interval.lower).toBeGreaterThan(wilsonInterval(4 * (4 / 6), 4).upper - wilsonInterval(4 * (4 / 6), 4).lower);
  });

  it('gives the same from a pre-aggregated table’s sums as from the answers', () => {
    const answers = [{ counts: true, weight: 1.5 }, { counts: false, weight: 0.5 }, { counts: true, weight: 1 }];
    expect(weightedProportionFromSums({ countingWeight: 2.5, weight: 3, squaredWeight: 2.25 + 0.25 + 1, respondents: 3 })).toEqual(weightedProportion(answers));
  });

  it('has no estimate without answers and refuses a negative weight', () => {
    expect(weightedProportion([])).toBeNull();
    expect(() => weightedProportion([{ counts: true, weight: -1 }])).toThrow(RangeError);
  });
});

describe('binomialQuantile', () => {
  it('is the smallest k with P(X ≤ k) ≥ q, as R’s qbinom', () => {
    // qbinom(0.05, 9, 0.5) = 2; qbinom(0.05, 19, 0.5) = 6; qbinom(0.05, 99, 0.5) = 41.
    expect([binomialQuantile(0.05, 9, 0.5), binomialQuantile(0.05, 19, 0.5), binomialQuantile(0.05, 99, 0.5)]).toEqual([2, 6, 41]);
    expect(binomialQuantile(0.05, 0, 0.5)).toBe(0);
  });
});
