import { describe, expect, it } from 'vitest';
import { crossingsLimit, longestRunLimit, runChartAnalysis } from './run-chart.ts';

/** A series of n useful points alternating around a median of 0. */
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));

// The critical values for n = 10 … 100 useful points, one line per ten n (10–19, 20–29, …).
// Longest run: as published in the table of unaettie.com's run-chart FAQ (rows n = 10…65, 70…75,
// 80…85, 90…94 and 100 compared one by one; the others by the formula). Fewest crossings: R's qbinom(0.05, n − 1, 0.5), computed apart
// from this code in exact integer arithmetic, and agreeing with the rows of Anhøj & Olesen (2014),
// PLoS ONE 9(11): e113825, Table 1, quoted here and in issue 17 (n = 10…15, 20, 25, 30, 40, 50,
// …, 100). qicharts2's book prints the same table from the same two formulas.
const longestRunMaxTable = [
  6, 6, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 7, 8, 8, 8, 8, 8, 8, 8,
  8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
  8, 8, 8, 8, 8, 8, 9, 9, 9, 9,
  9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
  9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
  9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
  9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
  9, 10, 10, 10, 10, 10, 10, 10, 10, 10,
  10,
];
const crossingsMinTable = [
  2, 2, 3, 3, 4, 4, 4, 5, 5, 6,
  6, 6, 7, 7, 8, 8, 8, 9, 9, 10,
  10, 11, 11, 11, 12, 12, 13, 13, 14, 14,
  14, 15, 15, 16, 16, 17, 17, 17, 18, 18,
  19, 19, 20, 20, 21, 21, 21, 22, 22, 23,
  23, 24, 24, 25, 25, 25, 26, 26, 27, 27,
  28, 28, 29, 29, 29, 30, 30, 31, 31, 32,
  32, 33, 33, 34, 34, 34, 35, 35, 36, 36,
  37, 37, 38, 38, 39, 39, 39, 40, 40, 41,
  41,
];
const table = longestRunMaxTable.map((l, i) => [i + 10, l, crossingsMinTable[i]!] as const);

describe('runChartAnalysis: the published limits, n = 10 … 100', () => {
  it('covers every n from 10 to 100', () => {
    expect(table.map(([n]) => n)).toEqual(Array.from({ length: 91 }, (_, i) => i + 10));
    // The rows the issue quotes.
    expect(table.filter(([n]) => [10, 20, 30, 100].includes(n))).toEqual([[10, 6, 2], [20, 7, 6], [30, 8, 10], [100, 10, 41]]);
  });

  it.each(table)('n = %i: a run longer than %i or fewer than %i crossings signals', (n, longestRunMax, crossingsMin) => {
    expect(longestRunLimit(n)).toBe(longestRunMax);
    expect(crossingsLimit(n)).toBe(crossingsMin);
    expect(runChartAnalysis(alternating(n), { median: 0 })).toMatchObject({ n, longestRunMax, crossingsMin, longestRun: 1, crossings: n - 1, signal: false });
  });
});

describe('runChartAnalysis: a published example', () => {
  it('counts the run chart example of unaettie.com ("Run chart Anhøj rules") as published', () => {
    // Published: 24 points, median 10; #2, #11 and #14 on the median; two runs of nine useful
    // points (#5–#15 above, #16–#24 below); 3 crossings, #3(16)→#4(7), #4(7)→#5(20),
    // #15(12)→#16(9). The values the page does not print are filled in on their published side.
    const values = [14, 10, 16, 7, 20, 13, 15, 12, 17, 14, 10, 13, 11, 10, 12, 9, 6, 8, 5, 7, 9, 4, 8, 6];
    expect(runChartAnalysis(values)).toEqual({
      n: 21, median: 10, longestRun: 9, longestRunMax: 7, crossings: 3, crossingsMin: 6, runsSignal: true, crossingsSignal: true, signal: true,
    });
  });
});

describe('runChartAnalysis: the rules', () => {
  it('a run exactly at the limit is not a signal; one point longer is', () => {
    // 10 useful points, median 0: six above in a row, then alternating.
    const atLimit = [1, 1, 1, 1, 1, 1, -1, 1, -1, -1];
    expect(runChartAnalysis(atLimit, { median: 0 })).toMatchObject({ n: 10, longestRun: 6, longestRunMax: 6, runsSignal: false, signal: false });
    const over = [1, 1, 1, 1, 1, 1, 1, -1, -1, -1];
    expect(runChartAnalysis(over, { median: 0 })).toMatchObject({ n: 10, longestRun: 7, runsSignal: true, signal: true });
  });

  it('at n = 100 a run of 10 is allowed and a run of 11 signals', () => {
    const withRun = (length: number) => [...Array<number>(length).fill(1), ...alternating(100 - length).map((v) => -v)];
    expect(runChartAnalysis(withRun(10), { median: 0 })).toMatchObject({ n: 100, longestRun: 10, longestRunMax: 10, runsSignal: false });
    expect(runChartAnalysis(withRun(11), { median: 0 })).toMatchObject({ n: 100, longestRun: 11, runsSignal: true });
  });

  it('too few crossings signal, exactly the minimum does not', () => {
    // n = 10 allows as few as 2 crossings.
    expect(runChartAnalysis([1, 1, 1, 1, 1, -1, -1, -1, -1, 1], { median: 0 })).toMatchObject({ crossings: 2, crossingsMin: 2, crossingsSignal: false });
    expect(runChartAnalysis([1, 1, 1, 1, 1, -1, -1, -1, -1, -1], { median: 0 })).toMatchObject({ crossings: 1, crossingsSignal: true, runsSignal: false, signal: true });
  });

  it('leaves points on the median (ties) and missing points out of n, runs and crossings', () => {
    // Median of the 11 present values is 5; the two 5s are not useful; null is missing.
    const values = [1, 9, 5, 2, null, 8, 3, 7, 5, 4, 6, 9];
    const r = runChartAnalysis(values);
    expect(r.median).toBe(5);
    expect(r.n).toBe(9);
    // Sides: − + − + − + − + + → crossings 7, longest run 2.
    expect(r).toMatchObject({ crossings: 7, longestRun: 2, signal: false });
  });

  it('a point on the median neither breaks a run nor counts as a crossing', () => {
    // Seven above with a tie in the middle: one run of 7 (not 3 + 4), 11 useful points.
    const values = [3, 3, 3, 2, 3, 3, 3, 3, 1, 3, 1, 1];
    const r = runChartAnalysis(values, { median: 2 });
    expect(r).toMatchObject({ n: 11, longestRun: 7, longestRunMax: 6, crossings: 3, runsSignal: true });
  });

  it('signals nothing when every point is on the median', () => {
    expect(runChartAnalysis([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual({
      n: 0, median: 4, longestRun: 0, longestRunMax: null, crossings: 0, crossingsMin: null, runsSignal: false, crossingsSignal: false, signal: false,
    });
  });

  it('never signals with fewer than 10 useful points, though it reports what it counted', () => {
    const r = runChartAnalysis([1, 1, 1, 1, 1, 1, 1, 1, -1], { median: 0 });
    expect(r).toMatchObject({ n: 9, longestRun: 8, longestRunMax: 6, crossings: 1, crossingsMin: 2, runsSignal: false, crossingsSignal: false, signal: false });
    // Ten points with two on the median leave 8 useful ones: still no signal.
    expect(runChartAnalysis([1, 1, 1, 1, 1, 1, 1, 0, 0, -1], { median: 0 })).toMatchObject({ n: 8, signal: false });
    expect(runChartAnalysis([])).toMatchObject({ n: 0, median: null, signal: false });
  });
});

describe('runChartAnalysis: baseline and freeze', () => {
  // 12 baseline weeks around 50, then an improvement: 8 weeks above the baseline's median.
  const baseline = [48, 52, 49, 51, 47, 53, 50.5, 49.5, 52, 48, 51, 49];
  const after = [55, 56, 54, 57, 55, 58, 56, 57];

  it('baseline: the median of the first k points, every point judged against it', () => {
    const r = runChartAnalysis([...baseline, ...after], { baseline: baseline.length });
    expect(r.median).toBe(50);
    expect(r).toMatchObject({ n: 20, longestRun: 8, longestRunMax: 7, runsSignal: true, signal: true });
    // Without a baseline the median moves up with the new points and the shift is partly hidden.
    expect(runChartAnalysis([...baseline, ...after]).median).toBeGreaterThan(50);
  });

  it('freeze: the median of the first k points, only the later points judged against it', () => {
    const r = runChartAnalysis([...baseline, ...after, 49, 58], { freeze: baseline.length });
    expect(r.median).toBe(50);
    // 10 later points: eight above, one below, one above → longest run 8 > 6, 2 crossings ≥ 2.
    expect(r).toMatchObject({ n: 10, longestRun: 8, longestRunMax: 6, crossings: 2, crossingsMin: 2, runsSignal: true, crossingsSignal: false });
  });

  it('counts the baseline in positions, so a missing week is still a week', () => {
    const withGap = [48, null, 52, 49, 51, 60, 61];
    // The first 5 entries hold 48, 52, 49, 51: median 50.
    expect(runChartAnalysis(withGap, { baseline: 5 }).median).toBe(50);
    expect(runChartAnalysis(withGap, { freeze: 5 })).toMatchObject({ median: 50, n: 2, longestRun: 2 });
  });

  it('a fixed median wins over the baseline; baseline and freeze together, or a bad count, are refused', () => {
    expect(runChartAnalysis([...baseline, ...after], { baseline: 12, median: 40 }).median).toBe(40);
    expect(() => runChartAnalysis(baseline, { baseline: 4, freeze: 4 })).toThrow(RangeError);
    expect(() => runChartAnalysis(baseline, { freeze: 0 })).toThrow(RangeError);
    expect(() => runChartAnalysis(baseline, { baseline: 2.5 })).toThrow(RangeError);
  });
});
