// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- jstat ships no types; the reference brings its declaration to every package that compiles core
/// <reference path="./jstat.d.ts" />
import jStat from 'jstat';


/** A two-sided interval, as proportions (0–1) or as a difference of proportions (−1–1). */
export interface Interval {
  lower: number;
  upper: number;
}

/** The standard normal quantile for a two-sided interval at `level` (0.95 → 1.959964). */
export function zFor(level: number): number {
  let z = quantiles.get(level);
  if (z === undefined) {
    if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
    z = jStat.normal.inv(1 - (1 - level) / 2, 0, 1);
    // A dashboard asks for thousands of intervals at one or two levels: the quantile is computed once.
    if (quantiles.size < 100) quantiles.set(level, z);
  }
  return z;
}
const quantiles = new Map<number, number>();

/**
 * The Wilson score interval for a proportion (Newcombe 1998, method 3): unlike the Wald interval
 * it stays inside 0–1 and is sensible at 0 and at n successes, which small municipalities' cells
 * often are. `successes` may be fractional: a weighted estimate passes p̂ × n_eff.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval {
  if (!(n > 0)) throw new RangeError(`n must be positive, got ${n}`);
  if (successes < 0 || successes > n) throw new RangeError(`successes must be within 0…n, got ${successes} of ${n}`);
  const z = zFor(level);
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // At the ends the formula gives exactly 0 and 1 in exact arithmetic; floating point may not.
  return {
    lower: successes === 0 ? 0 : (centre - spread) / denominator,
    upper: successes === n ? 1 : (centre + spread) / denominator,
  };
}

/** One group's count: successes of n (n may be an effective sample size). */
export interface ProportionCount {
  successes: number;
  n: number;
}

export interface ProportionDifference extends Interval {
  /** p1 − p2. */
  difference: number;
  /** Whether the interval excludes 0: a change larger than noise at the level asked for. */
  significant: boolean;
}

/**
 * The difference of two independent proportions, p1 − p2, with Newcombe's hybrid score interval
 * (Newcombe 1998, method 10), built from each proportion's Wilson interval. Used for a year-on-year
 * change: is this year's share really different from last year's?
 */
export function newcombeDifference(first: ProportionCount, second: ProportionCount, level = 0.95): ProportionDifference {
  const p1 = first.successes / first.n;
  const p2 = second.successes / second.n;
  return newcombeFromIntervals({ proportion: p1, ...wilsonInterval(first.successes, first.n, level) }, { proportion: p2, ...wilsonInterval(second.successes, second.n, level) });
}

/** Newcombe's hybrid interval from each proportion and its Wilson interval, already computed. */
export function newcombeFromIntervals(first: Interval & { proportion: number }, second: Interval & { proportion: number }): ProportionDifference {
  const p1 = first.proportion;
  const p2 = second.proportion;
  const a = first;
  const b = second;
  const difference = p1 - p2;
  const below = Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2);
  const above = Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2);
  const lower = difference - below;
  const upper = difference + above;
  return { difference, lower, upper, significant: lower > 0 || upper < 0 };
}

/** A weighted share: the weight of those answering yes over all the weight. */
export interface WeightedAnswer {
  /** Whether the answer counts for the indicator (e.g. "mår bra": very good or good). */
  counts: boolean;
  weight?: number;
}

export interface WeightedProportion {
  proportion: number;
  /** Respondents, unweighted: what suppression counts. */
  respondents: number;
  /** Kish's effective sample size, (Σw)² / Σw²: what the interval uses. */
  effectiveN: number;
  interval: Interval;
}

/** Kish's effective sample size from the sums of the weights and of their squares. */
export function kishEffectiveSize(sumOfWeights: number, sumOfSquaredWeights: number): number {
  if (!(sumOfSquaredWeights > 0)) return 0;
  return (sumOfWeights * sumOfWeights) / sumOfSquaredWeights;
}

/**
 * A weighted proportion from sums (what a pre-aggregated table holds): Σw of those counting, Σw
 * and Σw² of all, and the unweighted count. The interval is Wilson's on the effective sample size.
 */
export function weightedProportionFromSums(sums: { countingWeight: number; weight: number; squaredWeight: number; respondents: number }, level = 0.95): WeightedProportion | null {
  if (!(sums.weight > 0) || sums.respondents === 0) return null;
  const proportion = sums.countingWeight / sums.weight;
  const effectiveN = kishEffectiveSize(sums.weight, sums.squaredWeight);
  return { proportion, respondents: sums.respondents, effectiveN, interval: wilsonInterval(proportion * effectiveN, effectiveN, level) };
}

/** The same from the answers themselves; a missing weight is 1. */
export function weightedProportion(answers: readonly WeightedAnswer[], level = 0.95): WeightedProportion | null {
  let countingWeight = 0;
  let weight = 0;
  let squaredWeight = 0;
  for (const a of answers) {
    const w = a.weight ?? 1;
    if (!(w >= 0)) throw new RangeError(`a weight must be zero or more, got ${w}`);
    weight += w;
    squaredWeight += w * w;
    if (a.counts) countingWeight += w;
  }
  return weightedProportionFromSums({ countingWeight, weight, squaredWeight, respondents: answers.length }, level);
}

/** The 5th-percentile-style lower quantile of Binomial(n, p): the smallest k with P(X ≤ k) ≥ q. */
export function binomialQuantile(q: number, trials: number, p: number): number {
  for (let k = 0; k <= trials; k++) if (jStat.binomial.cdf(k, trials, p) >= q) return k;
  return trials;
}
