import { describe, expect, it } from 'vitest';
import { iChart, pChart, phasesOf } from './control-charts.ts';

const to4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
const to2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe('pChart', () => {
  // Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange-juice cans):
  // 30 samples of 50, p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 are out of control.
  const nonconforming = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];

  it('gives the textbook centre and limits, and flags the textbook’s out-of-control samples', () => {
    const { points, phases } = pChart(nonconforming.map((count) => ({ count, size: 50 })));
    expect([to4(points[0]!.centre), to4(points[0]!.lcl), to4(points[0]!.ucl)]).toEqual([0.2313, 0.0524, 0.4102]);
    expect(points.flatMap((p, i) => (p.outside ? [i + 1] : []))).toEqual([15, 23]);
    expect(phases).toHaveLength(1);
    expect(phases[0]).toMatchObject({ start: 0, end: 30, runs: { n: 30 } });
  });

  it('gives a smaller subgroup wider limits around the same centre', () => {
    const { points } = pChart([{ count: 10, size: 100 }, { count: 3, size: 30 }, { count: 20, size: 200 }]);
    expect(points.map((p) => to4(p.centre))).toEqual([0.1, 0.1, 0.1]);
    const width = (i: number) => points[i]!.ucl! - points[i]!.lcl!;
    expect(width(1)).toBeGreaterThan(width(0));
    expect(width(0)).toBeGreaterThan(width(2));
    expect(to4(points[0]!.ucl)).toBe(to4(0.1 + 3 * Math.sqrt(0.09 / 100)));
    expect(to4(points[2]!.ucl)).toBe(to4(0.1 + 3 * Math.sqrt(0.09 / 200)));
    // A lower limit below 0 is 0.
    expect(points[1]!.lcl).toBe(0);
  });

  it('keeps an upper limit above 1 at 1', () => {
    const { points } = pChart([{ count: 9, size: 10 }, { count: 1, size: 1 }]);
    expect(points[1]!.ucl).toBe(1);
  });

  it('recomputes the centre and limits after a phase change, and leaves a missing subgroup out', () => {
    const { points, phases } = pChart([{ count: 20, size: 100 }, null, { count: 20, size: 100 }, { count: 5, size: 100 }, { count: 5, size: 100 }], { phaseStarts: [3] });
    expect(points.map((p) => to4(p.centre))).toEqual([0.2, 0.2, 0.2, 0.05, 0.05]);
    expect(points[1]).toMatchObject({ value: null, lcl: null, ucl: null, outside: false });
    expect(phases.map((p) => [p.start, p.end])).toEqual([[0, 3], [3, 5]]);
  });
});

describe('iChart', () => {
  // Montgomery, Introduction to Statistical Quality Control, Example 6.5 (weekly mortgage-loan
  // processing costs): x̄ = 300.5, MR̄ = 7.79, UCL = 321.22, LCL = 279.78, the MR chart's UCL = 25.45.
  const costs = [310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304];

  it('gives the textbook centre and limits for individuals and moving ranges', () => {
    const chart = iChart(costs);
    const p = chart.points[0]!;
    expect([to2(p.centre), to2(p.lcl), to2(p.ucl)]).toEqual([300.5, 279.78, 321.22]);
    expect(to2(chart.movingRangeCentre[0]!)).toBe(7.79);
    expect(to2(chart.movingRangeUpper[0]!)).toBe(25.45);
    expect(chart.points.some((x) => x.outside)).toBe(false);
  });

  it('puts the limits at the mean ± 2.66 × the mean moving range, and the moving-range limit at 3.267 × it', () => {
    const chart = iChart([10, 12, 11, 13, 12]);
    // Moving ranges 2, 1, 2, 1: mean 1.5; mean 11.6.
    expect(chart.movingRanges).toEqual([null, 2, 1, 2, 1]);
    expect(chart.points[0]).toMatchObject({ centre: 11.6, lcl: expect.closeTo(11.6 - 3.99, 10), ucl: expect.closeTo(11.6 + 3.99, 10) });
    expect(chart.movingRangeUpper[0]).toBeCloseTo(4.9005, 10);
  });

  it('flags a point outside the limits and starts new limits after a phase change', () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 30, 20, 21, 20, 21];
    const chart = iChart(values, { phaseStarts: [9] });
    expect(chart.points[8]!.outside).toBe(true);
    expect(chart.points[9]!.centre).toBe(20.5);
    expect(chart.movingRanges[9]).toBeNull();
    expect(chart.points.slice(9).every((p) => !p.outside)).toBe(true);
  });

  it('runs Anhøj’s rules per phase against the phase’s mean', () => {
    // 12 points below then 12 above the overall mean: one phase signals a long run; two phases do not.
    const values = [...Array<number>(12).fill(0).map((_, i) => 10 + (i % 3)), ...Array<number>(12).fill(0).map((_, i) => 20 + (i % 3))];
    const one = iChart(values);
    expect(one.phases[0]!.runs).toMatchObject({ n: 24, longestRun: 12, runsSignal: true });
    const two = iChart(values, { phaseStarts: [12] });
    expect(two.phases.map((p) => p.centre)).toEqual([11, 21]);
    expect(two.phases.map((p) => p.runs.runsSignal)).toEqual([false, false]);
  });

  it('skips a missing value in the moving ranges', () => {
    const chart = iChart([5, null, 7, 8]);
    expect(chart.movingRanges).toEqual([null, null, null, 1]);
    expect(chart.points[1]).toMatchObject({ value: null, outside: false });
  });
});

describe('phasesOf', () => {
  it('ignores phase starts outside the series, duplicates and order', () => {
    expect(phasesOf(10, [7, 3, 3, 0, 12, -1])).toEqual([[0, 3], [3, 7], [7, 10]]);
    expect(phasesOf(0, [2])).toEqual([]);
  });
});
