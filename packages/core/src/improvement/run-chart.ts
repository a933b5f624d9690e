/**
 * The run chart's analysis with Anhøj's rules (Anhøj & Olesen 2014, "Run charts revisited",
 * PLoS ONE 9(11): e113825; Anhøj 2015, PLoS ONE 10(3): e0121349): an unusually long run on one
 * side of the median, or unusually few crossings of it, signals non-random variation.
 */

export interface RunChartOptions {
  /**
   * The median is taken from the first `baseline` entries of the series (positions, so a missing
   * week still counts as a week), and every point — baseline and later — is judged against it.
   * This is what qicharts2 calls `freeze`. Default: the median of all points.
   */
  baseline?: number;
  /**
   * The median is taken from the first `freeze` entries and frozen; only the points *after* them
   * are judged against it. This answers "has the process left its baseline since the change?"
   * without the baseline's own crossings diluting the answer. Not together with `baseline`.
   */
  freeze?: number;
  /** A median fixed beforehand (a centre line carried over from an earlier period); wins over both. */
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

/**
 * Anhøj's rules are calibrated from 10 useful points (the published table starts there); fewer
 * never signal, though the figures are reported. qicharts2 applies the rules from 1 point.
 */
export const runChartMinimumPoints = 10;

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** round(log2(n) + 3) (Schilling 2012); log2(n) + 3 is never exactly x.5 for a whole n. */
export function longestRunLimit(n: number): number {
  return Math.round(Math.log2(n) + 3);
}

/**
 * R's qbinom(0.05, n − 1, 0.5): the smallest c with P(C ≤ c) ≥ 0.05 for C ~ Binomial(n − 1, ½).
 * Exact in integers (Σ C(t, k) · 20 ≥ 2ᵗ), so no floating-point fuzz decides a boundary.
 */
export function crossingsLimit(n: number): number {
  const trials = BigInt(Math.max(n - 1, 0));
  const total = 1n << trials;
  let coefficient = 1n;
  let cumulative = 0n;
  for (let k = 0n; k <= trials; k++) {
    cumulative += coefficient;
    if (cumulative * 20n >= total) return Number(k);
    coefficient = (coefficient * (trials - k)) / (k + 1n);
  }
  return Number(trials);
}

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function countRuns(sides: readonly number[]): { longestRun: number; crossings: number } {
  let longestRun = 0;
  let run = 0;
  let crossings = 0;
  sides.forEach((side, i) => {
    const same = i > 0 && side === sides[i - 1];
    run = same ? run + 1 : 1;
    if (i > 0 && !same) crossings++;
    longestRun = Math.max(longestRun, run);
  });
  return { longestRun, crossings };
}

/** The median and the points judged against it, per the options. */
function judged(values: readonly (number | null)[], options: RunChartOptions): { median: number | null; points: number[] } {
  if (options.baseline !== undefined && options.freeze !== undefined) throw new RangeError('give baseline or freeze, not both');
  const k = options.freeze ?? options.baseline;
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) throw new RangeError(`baseline and freeze count points (a whole number ≥ 1), got ${k}`);
  const median = options.median ?? medianOf(finite(k === undefined ? values : values.slice(0, k)));
  return { median, points: finite(options.freeze === undefined ? values : values.slice(options.freeze)) };
}

/**
 * Points exactly on the median, and missing points (null), are left out of both rules, and n
 * counts only the useful points. A run exactly at the limit is not a signal; one point longer is.
 */
export function runChartAnalysis(values: readonly (number | null)[], options: RunChartOptions = {}): RunChartAnalysis {
  const { median, points } = judged(values, options);
  const sides = median === null ? [] : points.filter((v) => v !== median).map((v) => (v > median ? 1 : -1));
  const n = sides.length;
  const { longestRun, crossings } = countRuns(sides);
  const longestRunMax = n > 0 ? longestRunLimit(n) : null;
  const crossingsMin = n > 0 ? crossingsLimit(n) : null;
  const enough = n >= runChartMinimumPoints;
  const runsSignal = enough && longestRunMax !== null && longestRun > longestRunMax;
  const crossingsSignal = enough && crossingsMin !== null && crossings < crossingsMin;
  return { n, median, longestRun, longestRunMax, crossings, crossingsMin, runsSignal, crossingsSignal, signal: runsSignal || crossingsSignal };
}
