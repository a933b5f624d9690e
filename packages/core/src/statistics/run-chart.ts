import { binomialQuantile } from './proportions.ts';

export interface RunChartOptions {
  /**
   * How many of the first points the median is taken from (a baseline); the median is then frozen
   * and later points are judged against it. Default: all points.
   */
  baseline?: number;
  /** A median fixed beforehand (a frozen centre line from an earlier period); wins over `baseline`. */
  median?: number;
}

export interface RunChartAnalysis {
  /** Useful points: present and not on the median. */
  n: number;
  median: number | null;
  longestRun: number;
  /** A run longer than this signals: round(log2(n) + 3). Null without useful points. */
  longestRunMax: number | null;
  crossings: number;
  /** Fewer crossings than this signal: the 5th percentile of Binomial(n − 1, 0.5). Null without useful points. */
  crossingsMin: number | null;
  runsSignal: boolean;
  crossingsSignal: boolean;
  /** Non-random variation by either rule. */
  signal: boolean;
}

/** Anhøj's rules are calibrated from 10 useful points; fewer never signal. */
export const runChartMinimumPoints = 10;

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The run-chart analysis with Anhøj's rules (Anhøj & Olesen 2014): an unusually long run on one
 * side of the median, or unusually few crossings of it, signals non-random variation. Points
 * exactly on the median, and missing points (null), are left out of both, and n counts only the
 * useful points.
 */
export function runChartAnalysis(values: readonly (number | null)[], options: RunChartOptions = {}): RunChartAnalysis {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const baseline = options.baseline === undefined ? present : present.slice(0, Math.max(0, options.baseline));
  const median = options.median ?? medianOf(baseline);
  const sides = median === null ? [] : present.filter((v) => v !== median).map((v) => (v > median ? 1 : -1));
  const n = sides.length;
  let longestRun = 0;
  let run = 0;
  let crossings = 0;
  sides.forEach((side, i) => {
    run = i > 0 && side === sides[i - 1] ? run + 1 : 1;
    if (i > 0 && side !== sides[i - 1]) crossings++;
    longestRun = Math.max(longestRun, run);
  });
  const longestRunMax = n > 0 ? Math.round(Math.log2(n) + 3) : null;
  const crossingsMin = n > 0 ? binomialQuantile(0.05, n - 1, 0.5) : null;
  const enough = n >= runChartMinimumPoints;
  const runsSignal = enough && longestRunMax !== null && longestRun > longestRunMax;
  const crossingsSignal = enough && crossingsMin !== null && crossings < crossingsMin;
  return { n, median, longestRun, longestRunMax, crossings, crossingsMin, runsSignal, crossingsSignal, signal: runsSignal || crossingsSignal };
}
