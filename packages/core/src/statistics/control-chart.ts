/**
 * Shewhart control charts for improvement work: the I chart (individuals) with its moving-range
 * chart, and the p-chart for proportions with limits that follow each subgroup's size. A phase
 * change (a tested change adopted) starts new limits from the points after it.
 */

export interface ControlPoint {
  value: number | null;
  centre: number | null;
  lower: number | null;
  upper: number | null;
  /** Outside the limits: a special-cause signal. */
  outside: boolean;
}

export interface IChart {
  points: ControlPoint[];
  /** The moving ranges |xᵢ − xᵢ₋₁| within each phase (null for a phase's first point). */
  movingRanges: (number | null)[];
  /** The moving-range chart's upper limit per point: 3.267 × mean moving range. */
  movingRangeUpper: (number | null)[];
}

/** Splits 0…length−1 at each phase start (indexes where a new phase begins). */
function phasesOf(length: number, phaseStarts: readonly number[]): [number, number][] {
  const starts = [...new Set([0, ...phaseStarts.filter((s) => s > 0 && s < length)])].sort((a, b) => a - b);
  return starts.map((start, i) => [start, starts[i + 1] ?? length]);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** The I chart: centre = the phase's mean, limits = centre ± 2.66 × the mean moving range. */
export function iChart(values: readonly (number | null)[], options: { phaseStarts?: readonly number[] } = {}): IChart {
  const points: ControlPoint[] = [];
  const movingRanges: (number | null)[] = [];
  const movingRangeUpper: (number | null)[] = [];
  for (const [start, end] of phasesOf(values.length, options.phaseStarts ?? [])) {
    const phase = values.slice(start, end);
    const ranges = phase.map((v, i) => (i > 0 && v !== null && phase[i - 1] != null ? Math.abs(v - phase[i - 1]!) : null));
    const centre = mean(phase.filter((v): v is number => v !== null));
    const meanRange = mean(ranges.filter((r): r is number => r !== null));
    const half = meanRange === null ? null : 2.66 * meanRange;
    for (const [i, value] of phase.entries()) {
      const lower = centre === null || half === null ? null : centre - half;
      const upper = centre === null || half === null ? null : centre + half;
      points.push({ value, centre, lower, upper, outside: value !== null && lower !== null && upper !== null && (value < lower || value > upper) });
      movingRanges.push(ranges[i] ?? null);
      movingRangeUpper.push(meanRange === null ? null : 3.267 * meanRange);
    }
  }
  return { points, movingRanges, movingRangeUpper };
}

export interface Subgroup {
  /** Those with the outcome. */
  count: number;
  /** The subgroup's size (e.g. pupils asked that month). */
  size: number;
}

/**
 * The p-chart: centre p̄ = Σcount / Σsize over the phase, and 3-sigma limits per subgroup,
 * p̄ ± 3 √(p̄(1 − p̄) / nᵢ), kept within 0–1: a small subgroup gets wider limits.
 */
export function pChart(subgroups: readonly (Subgroup | null)[], options: { phaseStarts?: readonly number[] } = {}): ControlPoint[] {
  const points: ControlPoint[] = [];
  for (const [start, end] of phasesOf(subgroups.length, options.phaseStarts ?? [])) {
    const phase = subgroups.slice(start, end);
    const known = phase.filter((s): s is Subgroup => s !== null && s.size > 0);
    const total = known.reduce((a, s) => a + s.size, 0);
    const centre = total === 0 ? null : known.reduce((a, s) => a + s.count, 0) / total;
    for (const s of phase) {
      if (s === null || s.size <= 0 || centre === null) {
        points.push({ value: null, centre, lower: null, upper: null, outside: false });
        continue;
      }
      const sigma = Math.sqrt((centre * (1 - centre)) / s.size);
      const lower = Math.max(0, centre - 3 * sigma);
      const upper = Math.min(1, centre + 3 * sigma);
      const value = s.count / s.size;
      points.push({ value, centre, lower, upper, outside: value < lower || value > upper });
    }
  }
  return points;
}
