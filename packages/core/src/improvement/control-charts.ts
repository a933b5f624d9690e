/**
 * Shewhart control charts for improvement work: the I chart (individuals) with its moving-range
 * chart, and the p-chart for proportions with limits that follow each subgroup's size. A phase
 * change (a tested change adopted) starts new limits from the points after it.
 */
import { runChartAnalysis, type RunChartAnalysis } from './run-chart.ts';

export interface ControlPoint {
  value: number | null;
  centre: number | null;
  lcl: number | null;
  ucl: number | null;
  /** Outside the limits: a special-cause signal. */
  outside: boolean;
}

/** One phase of a chart: points start…end − 1, and Anhøj's rules against the phase's centre line. */
export interface ControlPhase {
  start: number;
  end: number;
  centre: number | null;
  /** Runs and crossings around the centre line (the mean, or p̄), as qicharts2 does for control charts. */
  runs: RunChartAnalysis;
}

export interface ControlChartOptions {
  /** Indexes where a new phase begins; limits are recomputed from each phase's own points. */
  phaseStarts?: readonly number[];
}

export interface IChart {
  points: ControlPoint[];
  phases: ControlPhase[];
  /** The moving ranges |xᵢ − xᵢ₋₁| within each phase (null for a phase's first point or beside a gap). */
  movingRanges: (number | null)[];
  /** The moving-range chart's centre per point: the phase's mean moving range. */
  movingRangeCentre: (number | null)[];
  /** The moving-range chart's upper limit per point: 3.267 × mean moving range. */
  movingRangeUpper: (number | null)[];
}

export interface PChart {
  points: ControlPoint[];
  phases: ControlPhase[];
}

/** d₂-based constants for individuals (n = 2): 3/1.128 and D₄. */
export const iChartFactor = 2.66;
export const movingRangeFactor = 3.267;

/** Splits 0…length−1 at each phase start (indexes where a new phase begins). */
export function phasesOf(length: number, phaseStarts: readonly number[] = []): [number, number][] {
  const starts = [...new Set([0, ...phaseStarts.filter((s) => Number.isInteger(s) && s > 0 && s < length)])].sort((a, b) => a - b);
  return length === 0 ? [] : starts.map((start, i) => [start, starts[i + 1] ?? length]);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const present = <T>(xs: readonly (T | null)[]) => xs.filter((x): x is T => x !== null);

function phaseRuns(start: number, end: number, values: readonly (number | null)[], centre: number | null): ControlPhase {
  const runs = centre === null ? runChartAnalysis([]) : runChartAnalysis(values, { median: centre });
  return { start, end, centre, runs };
}

function point(value: number | null, centre: number | null, lcl: number | null, ucl: number | null): ControlPoint {
  const outside = value !== null && lcl !== null && ucl !== null && (value < lcl || value > ucl);
  return { value, centre, lcl, ucl, outside };
}

/** The I chart: centre = the phase's mean, limits = centre ± 2.66 × the mean moving range. */
export function iChart(values: readonly (number | null)[], options: ControlChartOptions = {}): IChart {
  const chart: IChart = { points: [], phases: [], movingRanges: [], movingRangeCentre: [], movingRangeUpper: [] };
  for (const [start, end] of phasesOf(values.length, options.phaseStarts)) {
    const phase = values.slice(start, end);
    const ranges = phase.map((v, i) => (i > 0 && v !== null && phase[i - 1] != null ? Math.abs(v - phase[i - 1]!) : null));
    const centre = mean(present(phase));
    const meanRange = mean(present(ranges));
    const half = meanRange === null ? null : iChartFactor * meanRange;
    for (const [i, value] of phase.entries()) {
      const known = centre !== null && half !== null;
      chart.points.push(point(value, centre, known ? centre - half : null, known ? centre + half : null));
      chart.movingRanges.push(ranges[i] ?? null);
      chart.movingRangeCentre.push(meanRange);
      chart.movingRangeUpper.push(meanRange === null ? null : movingRangeFactor * meanRange);
    }
    chart.phases.push(phaseRuns(start, end, phase, centre));
  }
  return chart;
}

export interface Subgroup {
  /** Those with the outcome. */
  count: number;
  /** The subgroup's size (e.g. pupils asked that month). */
  size: number;
}

function pPoint(s: Subgroup | null, centre: number | null): ControlPoint {
  if (s === null || s.size <= 0 || centre === null) return point(null, centre, null, null);
  const sigma = Math.sqrt((centre * (1 - centre)) / s.size);
  return point(s.count / s.size, centre, Math.max(0, centre - 3 * sigma), Math.min(1, centre + 3 * sigma));
}

/**
 * The p-chart: centre p̄ = Σcount / Σsize over the phase, and 3-sigma limits per subgroup,
 * p̄ ± 3 √(p̄(1 − p̄) / nᵢ), kept within 0–1: a small subgroup gets wider limits.
 */
export function pChart(subgroups: readonly (Subgroup | null)[], options: ControlChartOptions = {}): PChart {
  const chart: PChart = { points: [], phases: [] };
  for (const [start, end] of phasesOf(subgroups.length, options.phaseStarts)) {
    const phase = subgroups.slice(start, end);
    const known = phase.filter((s): s is Subgroup => s !== null && s.size > 0);
    const total = known.reduce((a, s) => a + s.size, 0);
    const centre = total === 0 ? null : known.reduce((a, s) => a + s.count, 0) / total;
    const points = phase.map((s) => pPoint(s, centre));
    chart.points.push(...points);
    chart.phases.push(phaseRuns(start, end, points.map((p) => p.value), centre));
  }
  return chart;
}
