import { judgingRule, targetStatusSymbols, targetYears, trajectoryValue, type EstimateCell, type EstimatesView, type JudgingRule, type TargetStatus, type TargetView } from '@samsyn/core';

export interface Filters {
  year: number;
  area: string;
  gender: 'T' | 'K' | 'M';
  grade: string;
}

export interface TrendRow {
  year: number;
  cell: EstimateCell;
  /** The same year's cell of the area shown beside (the county, on a municipality's page). */
  beside: EstimateCell | null;
  /** The trajectory (a share), the year's status against it and the gap (a share); null before the baseline or without a rule. */
  expected: number | null;
  status: TargetStatus | null;
  gap: number | null;
}

export interface Trend {
  rows: TrendRow[];
  /** What judges the area: its stored target, or the county's shared rule from its first wave (`judgingRule` in core). */
  judge: JudgingRule<TargetView> | null;
}

function cellsOf(view: EstimatesView, f: Omit<Filters, 'year'>, area: string): EstimateCell[] {
  return view.years.map((year) => view.cells.find((c) => c.year === year && c.area === area && c.gender === f.gender && c.grade === f.grade)!).filter(Boolean);
}

/**
 * One area's shares over the waves (in percent for the rule), judged by the area's stored target
 * or, without one, by the county's shared +2 a year; `beside` adds another area's cells per year.
 */
export function trendOf(view: EstimatesView, f: Omit<Filters, 'year'>, targets: readonly TargetView[], beside?: string): Trend {
  const cells = cellsOf(view, f, f.area);
  const others = new Map(beside ? cellsOf(view, f, beside).map((c) => [c.year, c]) : []);
  const none = (cell: EstimateCell): TrendRow => ({ year: cell.year, cell, beside: others.get(cell.year) ?? null, expected: null, status: null, gap: null });
  const points = cells.map((c) => ({ year: c.year, value: c.suppressed ? null : c.proportion * 100 }));
  const judge = judgingRule(targets, f.area, points, view.indicator.direction);
  if (!judge) return { rows: cells.map(none), judge };
  const rule = judge.rule;
  const judged = new Map(targetYears(rule, new Map(points.map((p) => [p.year, p.value])), Math.max(rule.baselineYear + 1, ...view.years), view.indicator.direction).map((y) => [y.year, y]));
  const rows = cells.map((cell) => {
    if (cell.year === rule.baselineYear) return { ...none(cell), expected: trajectoryValue(rule, cell.year) / 100 };
    const j = judged.get(cell.year);
    return j ? { ...none(cell), expected: j.expected / 100, status: j.status, gap: j.gap === null ? null : j.gap / 100 } : none(cell);
  });
  return { rows, judge };
}

export interface ComparisonRow {
  area: string;
  name: string;
  cell: EstimateCell;
}

/** The municipalities in one year, shown ones ordered by value (best first), hidden ones last. */
export function comparisonOf(view: EstimatesView, f: Omit<Filters, 'area'>): ComparisonRow[] {
  const names = new Map(view.areas.map((a) => [a.code, a.name]));
  const rows = view.cells.filter((c) => c.year === f.year && c.area !== 'county' && c.gender === f.gender && c.grade === f.grade).map((cell) => ({ area: cell.area, name: names.get(cell.area) ?? cell.area, cell }));
  const sign = view.indicator.direction === 'higher_is_better' ? -1 : 1;
  return rows.sort((a, b) => {
    if (a.cell.suppressed !== b.cell.suppressed) return a.cell.suppressed ? 1 : -1;
    if (!a.cell.suppressed && !b.cell.suppressed) return sign * (a.cell.proportion - b.cell.proportion) || a.name.localeCompare(b.name, 'sv');
    return a.name.localeCompare(b.name, 'sv');
  });
}

/** A chart's points in percent (two decimals): the share and its interval's ends; a hidden cell is a gap (null), never a figure. */
export interface ShareSeries {
  value: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
}

export function shareSeries(cells: readonly EstimateCell[]): ShareSeries {
  const pct = (pick: (c: EstimateCell & { suppressed: false }) => number) => cells.map((c) => (c.suppressed ? null : Number((pick(c) * 100).toFixed(2))));
  return { value: pct((c) => c.proportion), lower: pct((c) => c.lower), upper: pct((c) => c.upper) };
}

export { targetStatusSymbols };
