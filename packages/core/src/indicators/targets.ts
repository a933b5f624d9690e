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
