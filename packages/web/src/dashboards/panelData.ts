import { targetStatusSymbols, targetYears, trajectoryValue, type EstimateCell, type EstimatesView, type TargetStatus, type TargetView } from '@samsyn/core';

export interface Filters {
  year: number;
  area: string;
  gender: 'T' | 'K' | 'M';
  grade: string;
}

export interface TrendRow {
  year: number;
  cell: EstimateCell;
  /** The stored target's trajectory (a share), the year's status against it and the gap (a share); null before the baseline or without a target. */
  expected: number | null;
  status: TargetStatus | null;
  gap: number | null;
}

/** The stored target for the area shown: the county's (its region's) or the municipality's. */
export function targetForArea(targets: readonly TargetView[], area: string): TargetView | null {
  return targets.find((t) => (area === 'county' ? t.area.kind === 'county' : t.area.code === area)) ?? null;
}

/** One area's shares over the waves, judged against the area's stored target (in percent). */
export function trendOf(view: EstimatesView, f: Omit<Filters, 'year'>, target: TargetView | null): TrendRow[] {
  const cells = view.years.map((year) => view.cells.find((c) => c.year === year && c.area === f.area && c.gender === f.gender && c.grade === f.grade)!).filter(Boolean);
  const none = (cell: EstimateCell): TrendRow => ({ year: cell.year, cell, expected: null, status: null, gap: null });
  if (!target) return cells.map(none);
  const rule = target.rule;
  const actuals = new Map(cells.map((c) => [c.year, c.suppressed ? null : c.proportion * 100]));
  const judged = new Map(targetYears(rule, actuals, Math.max(rule.baselineYear + 1, ...view.years), view.indicator.direction).map((y) => [y.year, y]));
  return cells.map((cell) => {
    if (cell.year === rule.baselineYear) return { ...none(cell), expected: trajectoryValue(rule, cell.year) / 100 };
    const j = judged.get(cell.year);
    return j ? { year: cell.year, cell, expected: j.expected / 100, status: j.status, gap: j.gap === null ? null : j.gap / 100 } : none(cell);
  });
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
