/**
 * A target for an indicator and an organisation: from a baseline year and value, either a yearly
 * change ("+2 procentenheter per år") or a fixed value by a year. Each year after the baseline is
 * on track, off track, or without data, with the gap to the trajectory in the indicator's unit
 * (percentage points for a percent). A status always has words and a symbol, never only a colour.
 */

export type IndicatorDirection = 'higher_is_better' | 'lower_is_better';

export type TargetRule =
  | { kind: 'yearly_change'; baselineYear: number; baselineValue: number; changePerYear: number }
  | { kind: 'fixed_value'; baselineYear: number; baselineValue: number; targetYear: number; targetValue: number };

export type TargetStatus = 'on_track' | 'off_track' | 'no_data';

export interface TargetYear {
  year: number;
  /** Where the trajectory says the indicator should be this year. */
  expected: number;
  actual: number | null;
  status: TargetStatus;
  /** actual − expected, in the indicator's unit; positive is ahead when higher is better. Null without data. */
  gap: number | null;
}

/** The trajectory's value in a year: a straight line from the baseline; a fixed target holds after its year. */
export function trajectoryValue(rule: TargetRule, year: number): number {
  const years = year - rule.baselineYear;
  if (rule.kind === 'yearly_change') return rule.baselineValue + rule.changePerYear * years;
  const span = rule.targetYear - rule.baselineYear;
  if (span <= 0 || year >= rule.targetYear) return rule.targetValue;
  return rule.baselineValue + ((rule.targetValue - rule.baselineValue) * years) / span;
}

// Figures arrive rounded to a tenth or so; a gap smaller than this is on the line, not below it.
const tolerance = 1e-9;

/** Each year from the one after the baseline to `untilYear`, judged against the trajectory. */
export function targetYears(rule: TargetRule, actuals: ReadonlyMap<number, number | null>, untilYear: number, direction: IndicatorDirection = 'higher_is_better'): TargetYear[] {
  const years: TargetYear[] = [];
  for (let year = rule.baselineYear + 1; year <= untilYear; year++) {
    const expected = trajectoryValue(rule, year);
    const actual = actuals.get(year) ?? null;
    if (actual === null) {
      years.push({ year, expected, actual, status: 'no_data', gap: null });
      continue;
    }
    const gap = actual - expected;
    const ahead = direction === 'higher_is_better' ? gap >= -tolerance : gap <= tolerance;
    years.push({ year, expected, actual, status: ahead ? 'on_track' : 'off_track', gap });
  }
  return years;
}

/** The symbol that goes with a status, beside its words (WCAG 1.4.1: never colour alone). */
export const targetStatusSymbols: Record<TargetStatus, string> = { on_track: '✓', off_track: '✗', no_data: '–' };

/** The county's shared rule ("Bästa platsen att växa upp"): +2 percentage points a year, −2 where lower is better. */
export const sharedPointsPerYear = 2;

/** Where a stored target applies: the county as a whole (its region's) or one municipality, by kommunkod. */
export interface TargetArea {
  area: { kind: 'county' | 'municipality'; code: string };
}

/** The stored target that judges an area's figures (`county` or a kommunkod), or null. */
export function targetForArea<T extends TargetArea>(targets: readonly T[], area: string): T | null {
  return targets.find((t) => (area === 'county' ? t.area.kind === 'county' : t.area.kind === 'municipality' && t.area.code === area)) ?? null;
}

/** The shared rule from an area's first figure (rounded to a tenth, as it is shown), or null without one. */
export function sharedTargetRule(points: readonly { year: number; value: number | null }[], direction: IndicatorDirection = 'higher_is_better'): TargetRule | null {
  const first = points.filter((p): p is { year: number; value: number } => p.value !== null).sort((a, b) => a.year - b.year)[0];
  if (!first) return null;
  return { kind: 'yearly_change', baselineYear: first.year, baselineValue: Math.round(first.value * 10) / 10, changePerYear: direction === 'higher_is_better' ? sharedPointsPerYear : -sharedPointsPerYear };
}

/** Which rule judges an area, and whether it is a stored target (with its organisation) or the shared rule. */
export type JudgingRule<T> = { source: 'stored'; target: T; rule: TargetRule } | { source: 'shared'; rule: TargetRule };

/**
 * The rule a dashboard judges an area by: the area's stored target where one exists, and only
 * without one the county's shared rule from the area's first figure. Null when there is neither
 * (no stored target and no figure). The series page and the dashboards ask this one function.
 */
export function judgingRule<T extends TargetArea & { rule: TargetRule }>(targets: readonly T[], area: string, points: readonly { year: number; value: number | null }[], direction: IndicatorDirection = 'higher_is_better'): JudgingRule<T> | null {
  const stored = targetForArea(targets, area);
  if (stored) return { source: 'stored', target: stored, rule: stored.rule };
  const shared = sharedTargetRule(points, direction);
  return shared ? { source: 'shared', rule: shared } : null;
}
