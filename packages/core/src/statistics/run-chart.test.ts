import { describe, expect, it } from 'vitest';
import { runChartAnalysis } from './run-chart.ts';

/** A series of n useful points alternating around a median of 0. */
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));

describe('runChartAnalysis: the limits', () => {
  // Anhøj & Olesen (2014), "Run charts revisited", PLoS ONE 9(11): e113825, Table 1:
  // the longest run allowed, round(log2(n) + 3), and the fewest crossings, qbinom(0.05, n − 1, 0.5).
  it.each([
    [10, 6, 2], [11, 6, 2], [12, 7, 3], [13, 7, 3], [14, 7, 4], [15, 7, 4], [20, 7, 6], [25, 8, 8], [30, 8, 10],
    [40, 8, 14], [50, 9, 19], [60, 9, 23], [70, 9, 28], [80, 9, 32], [90, 9, 37], [100, 10, 41],
  ])('n = %i: a run longer than %i or fewer than %i crossings signals', (n, longestRunMax, crossingsMin) => {
    expect(runChartAnalysis(alternating(n), { median: 0 })).toMatchObject({ n, longestRunMax, crossingsMin, longestRun: 1, crossings: n - 1, signal: false });
  });
});

describe('runChartAnalysis: the rules', () => {
  it('a run exactly at the limit is not a signal; one point longer is', () => {
    // 10 useful points, median 0: six above in a row, then alternating.
    const atLimit = [1, 1, 1, 1, 1, 1, -1, 1, -1, -1];
    expect(runChartAnalysis(atLimit, { median: 0 })).toMatchObject({ n: 10, longestRun: 6, longestRunMax: 6, runsSignal: false });
    const over = [1, 1, 1, 1, 1, 1, 1, -1, -1, -1];
    expect(runChartAnalysis(over, { median: 0 })).toMatchObject({ n: 10, longestRun: 7, runsSignal: true, signal: true });
  });

  it('too few crossings signal, exactly the minimum does not', () => {
    // n = 10 allows as few as 2 crossings.
    expect(runChartAnalysis([1, 1, 1, 1, 1, -1, -1, -1, -1, 1], { median: 0 })).toMatchObject({ crossings: 2, crossingsMin: 2, crossingsSignal: false });
    expect(runChartAnalysis([1, 1, 1, 1, 1, -1, -1, -1, -1, -1], { median: 0 })).toMatchObject({ crossings: 1, crossingsSignal: true });
  });

  it('leaves points on the median and missing points out of n, runs and crossings', () => {
    // Median of the 11 present values is 5; the two 5s are not useful; null is missing.
    const values = [1, 9, 5, 2, null, 8, 3, 7, 5, 4, 6, 9];
    const r = runChartAnalysis(values);
    expect(r.median).toBe(5);
    expect(r.n).toBe(9);
    // Sides: − + − + − + − + + → crossings 7, longest run 2.
    expect(r).toMatchObject({ crossings: 7, longestRun: 2, signal: false });
  });

  it('signals nothing when every point is on the median', () => {
    expect(runChartAnalysis([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual({
      n: 0, median: 4, longestRun: 0, longestRunMax: null, crossings: 0, crossingsMin: null, runsSignal: false, crossingsSignal: false, signal: false,
    });
  });

  it('never signals with fewer than 10 useful points, though it reports what it counted', () => {
    const r = runChartAnalysis([1, 1, 1, 1, 1, 1, 1, 1, -1], { median: 0 });
    expect(r).toMatchObject({ n: 9, longestRun: 8, longestRunMax: 6, crossings: 1, runsSignal: false, crossingsSignal: false, signal: false });
    expect(runChartAnalysis([])).toMatchObject({ n: 0, median: null, signal: false });
  });

  it('takes the median from the baseline and judges later points against it (a freeze)', () => {
    // 12 baseline points around 50, then an improvement: 8 points above the baseline's median.
    const baseline = [48, 52, 49, 51, 47, 53, 50.5, 49.5, 52, 48, 51, 49];
    const after = [55, 56, 54, 57, 55, 58, 56, 57];
    const frozen = runChartAnalysis([...baseline, ...after], { baseline: baseline.length });
    expect(frozen.median).toBe(50);
    expect(frozen).toMatchObject({ n: 20, longestRun: 8, longestRunMax: 7, runsSignal: true, signal: true });
    // Without the freeze the median moves up with the new points and the shift is partly hidden.
    const unfrozen = runChartAnalysis([...baseline, ...after]);
    expect(unfrozen.median).toBeGreaterThan(50);
  });
});
