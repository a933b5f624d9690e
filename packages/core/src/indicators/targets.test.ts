import { describe, expect, it } from 'vitest';
import { judgingRule, sharedPointsPerYear, targetForArea, targetStatusSymbols, targetYears, trajectoryValue, type TargetRule } from './targets.ts';

const plusTwo: TargetRule = { kind: 'yearly_change', baselineYear: 2020, baselineValue: 70, changePerYear: 2 };

describe('a target of +2 percentage points a year', () => {
  it('draws the trajectory from the baseline', () => {
    expect([2020, 2021, 2022, 2025].map((y) => trajectoryValue(plusTwo, y))).toEqual([70, 72, 74, 80]);
  });

  it('marks each year on track, off track or without data, with the gap in points', () => {
    const actuals = new Map<number, number | null>([[2021, 72.5], [2022, 73.0], [2023, null], [2024, 78.0]]);
    const years = targetYears(plusTwo, actuals, 2025);
    expect(years.map((y) => [y.year, y.expected, y.status, y.gap === null ? null : Math.round(y.gap * 10) / 10])).toEqual([
      [2021, 72, 'on_track', 0.5],
      [2022, 74, 'off_track', -1],
      [2023, 76, 'no_data', null],
      [2024, 78, 'on_track', 0],
      [2025, 80, 'no_data', null],
    ]);
  });

  it('judges a lower-is-better indicator the other way round', () => {
    const fewer: TargetRule = { kind: 'yearly_change', baselineYear: 2020, baselineValue: 20, changePerYear: -1 };
    const years = targetYears(fewer, new Map([[2021, 18.5], [2022, 19.5]]), 2022, 'lower_is_better');
    expect(years.map((y) => y.status)).toEqual(['on_track', 'off_track']);
  });
});

describe('a fixed target by a year', () => {
  const rule: TargetRule = { kind: 'fixed_value', baselineYear: 2020, baselineValue: 60, targetYear: 2025, targetValue: 70 };
  it('runs straight to the target value and holds it after the target year', () => {
    expect([2021, 2023, 2025, 2027].map((y) => trajectoryValue(rule, y))).toEqual([62, 66, 70, 70]);
    expect(targetYears(rule, new Map([[2026, 69]]), 2026).at(-1)).toMatchObject({ expected: 70, status: 'off_track', gap: -1 });
  });
});

it('gives every status a symbol as well as its words', () => {
  expect(Object.keys(targetStatusSymbols).sort()).toEqual(['no_data', 'off_track', 'on_track']);
  expect(new Set(Object.values(targetStatusSymbols)).size).toBe(3);
});

describe('the rule a dashboard judges an area by', () => {
  const county = { area: { kind: 'county' as const, code: 'county' }, rule: plusTwo, name: 'Region' };
  const lindmo = { area: { kind: 'municipality' as const, code: '9905' }, rule: { ...plusTwo, changePerYear: 1 }, name: 'Lindmo' };
  const points = [{ year: 2023, value: null }, { year: 2022, value: 61.26 }, { year: 2025, value: 66 }];

  it('is the area’s stored target where one exists: the county’s for the county, the municipality’s for it', () => {
    expect(targetForArea([lindmo, county], 'county')).toBe(county);
    expect(targetForArea([county, lindmo], '9905')).toBe(lindmo);
    expect(judgingRule([county, lindmo], '9905', points)).toEqual({ source: 'stored', target: lindmo, rule: lindmo.rule });
  });

  it('falls back to the shared +2 a year from the area’s first figure only without one, −2 where lower is better', () => {
    // The county's target does not judge a municipality: it has no target of its own.
    expect(targetForArea([county], '9901')).toBeNull();
    expect(judgingRule([county], '9901', points)).toEqual({ source: 'shared', rule: { kind: 'yearly_change', baselineYear: 2022, baselineValue: 61.3, changePerYear: sharedPointsPerYear } });
    expect(judgingRule([], 'county', points, 'lower_is_better')?.rule).toMatchObject({ changePerYear: -2 });
    expect(judgingRule([], '9901', [{ year: 2022, value: null }])).toBeNull();
  });
});
