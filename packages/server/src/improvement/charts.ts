import { iChart, pChart, runChartAnalysis, runChartMinimumPoints, type MeasureView, type RunChartAnalysis } from '@samsyn/core';

/**
 * A measure's chart as the API answers it: core's maths (runChartAnalysis, iChart, pChart) over
 * the values in period order, the points of a signalling long run marked, the limits recomputed
 * from each marked phase start, and the PDSA cycles placed on the period they ended (or began).
 */

export interface ValueRow { period: string; value: number | null; numerator: number | null; denominator: number | null }
export interface PdsaRow { id: string; title: string; changeIdea: string; act: 'adopt' | 'adapt' | 'abandon' | null; startsOn: string; endsOn: string | null }
type Status = MeasureView['status'];

/** The week's Monday, or the month's first day: one value per period. */
export function periodOf(day: string, frequency: 'weekly' | 'monthly'): string {
  if (frequency === 'monthly') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Indexes of the longest run of useful points on one side of the median (the first such run). */
export function longestRunIndexes(values: readonly (number | null)[], median: number | null): number[] {
  if (median === null) return [];
  let best: number[] = [];
  let current: number[] = [];
  let side = 0;
  values.forEach((v, i) => {
    if (v === null || v === median) return;
    const s = v > median ? 1 : -1;
    if (s !== side) current = [];
    side = s;
    current.push(i);
    if (current.length > best.length) best = [...current];
  });
  return best;
}

export function statusOf(run: RunChartAnalysis, anyOutside = false): Status {
  if (run.n < runChartMinimumPoints) return anyOutside ? 'signal' : 'too_few';
  return run.signal || anyOutside ? 'signal' : 'no_signal';
}

/** The run chart's status alone (list pages), without building the control chart. */
export function quickStatus(kind: string, rows: readonly ValueRow[]): Status {
  return statusOf(runChartAnalysis(rows.map((r) => ratio(kind, r))));
}

const ratio = (kind: string, r: ValueRow) => (kind === 'proportion' ? (r.numerator !== null && r.denominator ? r.numerator / r.denominator : null) : r.value);

export function chartOf(measure: { kind: string; phaseStarts: readonly string[] }, rows: readonly ValueRow[], pdsa: readonly PdsaRow[]): Pick<MeasureView, 'chart' | 'points' | 'run' | 'status' | 'annotations'> {
  const values = rows.map((r) => ratio(measure.kind, r));
  const phaseStarts = [...new Set(measure.phaseStarts.map((d) => rows.findIndex((r) => r.period >= d)).filter((i) => i > 0))].sort((a, b) => a - b);
  const run = runChartAnalysis(values);
  const long = new Set(run.runsSignal ? longestRunIndexes(values, run.median) : []);
  const isP = measure.kind === 'proportion';
  const control = isP ? pChart(rows.map((r) => (r.numerator !== null && r.denominator ? { count: r.numerator, size: r.denominator } : null)), { phaseStarts }) : iChart(values, { phaseStarts });
  const ic = isP ? null : (control as ReturnType<typeof iChart>);
  const points = rows.map((r, i) => {
    const p = control.points[i]!;
    return { period: r.period, value: values[i] ?? null, numerator: r.numerator, denominator: r.denominator, centre: p.centre, lcl: p.lcl, ucl: p.ucl, outside: p.outside, inLongRun: long.has(i), movingRange: ic?.movingRanges[i] ?? null, movingRangeUpper: ic?.movingRangeUpper[i] ?? null };
  });
  const annotations = pdsa.flatMap((c) => {
    const day = c.endsOn ?? c.startsOn;
    const at = rows.filter((r) => r.period <= day).at(-1);
    return at ? [{ period: at.period, pdsaId: c.id, title: c.title, changeIdea: c.changeIdea, act: c.act }] : [];
  });
  return { chart: isP ? 'p' : 'i', points, run, status: statusOf(run, points.some((p) => p.outside)), annotations };
}
