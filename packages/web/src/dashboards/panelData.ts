import { targetStatusSymbols, targetYears, type EstimateCell, type EstimatesView, type TargetStatus } from '@samsyn/core';

/** The county's shared target (Bästa platsen att växa upp): 2 percentage points a year from the first wave. */
export const targetPointsPerYear = 2;

export interface Filters {
  year: number;
  area: string;
  gender: 'T' | 'K' | 'M';
  grade: string;
}

export interface TrendRow {
  year: number;
  cell: EstimateCell;
  /** The trajectory's value (a share) and the year's status against it. */
  expected: number | null;
  status: TargetStatus | null;
}

/** One area's shares over the waves, with the target trajectory from the first shown wave. */
export function trendOf(view: EstimatesView, f: Omit<Filters, 'year'>): TrendRow[] {
  const cells = view.years.map((year) => view.cells.find((c) => c.year === year && c.area === f.area && c.gender === f.gender && c.grade === f.grade)!).filter(Boolean);
  const baseline = cells.find((c) => !c.suppressed);
  if (!baseline || baseline.suppressed) return cells.map((cell) => ({ year: cell.year, cell, expected: null, status: null }));
  const direction = view.indicator.direction;
  const rule = { kind: 'yearly_change' as const, baselineYear: baseline.year, baselineValue: baseline.proportion * 100, changePerYear: direction === 'higher_is_better' ? targetPointsPerYear : -targetPointsPerYear };
  const actuals = new Map(cells.map((c) => [c.year, c.suppressed ? null : c.proportion * 100]));
  const judged = new Map(targetYears(rule, actuals, Math.max(...view.years), direction).map((y) => [y.year, y]));
  return cells.map((cell) => {
    if (cell.year === baseline.year) return { year: cell.year, cell, expected: baseline.proportion, status: null };
    const j = judged.get(cell.year);
    return { year: cell.year, cell, expected: j ? j.expected / 100 : null, status: j ? j.status : null };
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

export { targetStatusSymbols };
