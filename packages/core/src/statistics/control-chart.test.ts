import { describe, expect, it } from 'vitest';
import { iChart, pChart } from './control-chart.ts';

const to4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

describe('pChart', () => {
  // Montgomery, Introduction to Statistical Quality Control, Example 7.1 (orange-juice cans):
  // 30 samples of 50, p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 are out of control.
  const nonconforming = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];

  it('gives the textbook centre and limits, and flags the textbook’s out-of-control samples', () => {
    const points = pChart(nonconforming.map((count) => ({ count, size: 50 })));
    expect([to4(points[0]!.centre), to4(points[0]!.lower), to4(points[0]!.upper)]).toEqual([0.2313, 0.0524, 0.4102]);
    expect(points.flatMap((p, i) => (p.outside ? [i + 1] : []))).toEqual([15, 23]);
  });

  it('gives a smaller subgroup wider limits around the same centre', () => {
    const points = pChart([{ count: 10, size: 100 }, { count: 3, size: 30 }, { count: 20, size: 200 }]);
    expect(points.map((p) => to4(p.centre))).toEqual([0.1, 0.1, 0.1]);
    const width = (i: number) => points[i]!.upper! - points[i]!.lower!;
    expect(width(1)).toBeGreaterThan(width(0));
    expect(width(0)).toBeGreaterThan(width(2));
    expect(to4(points[0]!.upper)).toBe(to4(0.1 + 3 * Math.sqrt(0.09 / 100)));
    // A lower limit below 0 is 0.
    expect(points[1]!.lower).toBe(0);
  });

  it('recomputes the centre and limits after a phase change, and leaves a missing subgroup out', () => {
    const points = pChart([{ count: 20, size: 100 }, null, { count: 20, size: 100 }, { count: 5, size: 100 }, { count: 5, size: 100 }], { phaseStarts: [3] });
    expect(points.map((p) => to4(p.centre))).toEqual([0.2, 0.2, 0.2, 0.05, 0.05]);
    expect(points[1]).toMatchObject({ value: null, lower: null, upper: null, outside: false });
  });
});

describe('iChart', () => {
  it('puts the limits at the mean ± 2.66 × the mean moving range, and the moving-range limit at 3.267 × it', () => {
    const chart = iChart([10, 12, 11, 13, 12]);
    // Moving ranges 2, 1, 2, 1: mean 1.5; mean 11.6.
    expect(chart.movingRanges).toEqual([null, 2, 1, 2, 1]);
    expect(chart.points[0]).toMatchObject({ centre: 11.6, lower: expect.closeTo(11.6 - 3.99, 10), upper: expect.closeTo(11.6 + 3.99, 10) });
    expect(chart.movingRangeUpper[0]).toBeCloseTo(4.9005, 10);
    expect(chart.points.some((p) => p.outside)).toBe(false);
  });

  it('flags a point outside the limits and starts new limits after a phase change', () => {
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 30, 20, 21, 20, 21];
    const chart = iChart(values, { phaseStarts: [9] });
    expect(chart.points[8]!.outside).toBe(true);
    expect(chart.points[9]!.centre).toBe(20.5);
    expect(chart.movingRanges[9]).toBeNull();
    expect(chart.points.slice(9).every((p) => !p.outside)).toBe(true);
  });

  it('skips a missing value in the moving ranges', () => {
    const chart = iChart([5, null, 7, 8]);
    expect(chart.movingRanges).toEqual([null, null, null, 1]);
    expect(chart.points[1]).toMatchObject({ value: null, outside: false });
  });
});
