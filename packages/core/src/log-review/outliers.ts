/**
 * Outliers in a log review: a user who opened many more distinct child records in the period
 * than their peers. Median and median absolute deviation (MAD) instead of mean and standard
 * deviation, because one heavy user would otherwise raise the bar they are measured against.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export interface OutlierRules {
  /** How many MADs above the median counts as many more. */
  k: number;
  /** Never flag fewer distinct records than this, however quiet the peers are. */
  minCount: number;
}

export const defaultOutlierRules: OutlierRules = { k: 3, minCount: 10 };

export interface OutlierResult<T> {
  threshold: number;
  median: number;
  mad: number;
  outliers: (T & { count: number })[];
}

/** Flags those whose count is above median + k·MAD of all counts and at least `minCount`. */
export function findOutliers<T extends { count: number }>(users: readonly T[], rules: OutlierRules = defaultOutlierRules): OutlierResult<T> {
  if (users.length === 0) return { threshold: Number.POSITIVE_INFINITY, median: 0, mad: 0, outliers: [] };
  const counts = users.map((u) => u.count);
  const m = median(counts);
  const mad = medianAbsoluteDeviation(counts);
  const threshold = m + rules.k * mad;
  const outliers = users.filter((u) => u.count > threshold && u.count >= rules.minCount).sort((a, b) => b.count - a.count);
  return { threshold, median: m, mad, outliers };
}
