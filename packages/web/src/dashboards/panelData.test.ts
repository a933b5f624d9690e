import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstimateCell, EstimatesView, TargetView } from '@samsyn/core';
import { comparisonOf, shareSeries, trendOf } from './panelData.ts';

/**
 * The dashboards' chart data (issue 15, small-cell suppression): whatever the server's suppressed
 * cells are, the rows the charts and tables are drawn from hold the server's cells as they are, a
 * hidden cell is a gap in every series and never a figure, and a hidden year is never judged
 * against its target.
 */

const years = [2019, 2022, 2025];
const areas = ['county', '9901', '9902', '9903'];
const genders = ['T', 'K', 'M'] as const;
const grades = ['all', '7', '9'];
const places = years.flatMap((year) => areas.flatMap((area) => genders.flatMap((gender) => grades.map((grade) => ({ year, area, gender, grade })))));

type State = 'too_few' | 'complementary' | { share: number; half: number; respondents: number };

const shown = fc.record({ share: fc.double({ min: 0.05, max: 0.95, noNaN: true }), half: fc.double({ min: 0.01, max: 0.05, noNaN: true }), respondents: fc.integer({ min: 10, max: 400 }) });
const cellState: fc.Arbitrary<State> = fc.oneof(fc.constant('too_few' as const), fc.constant('complementary' as const), shown);

function viewOf(states: readonly State[], direction: EstimatesView['indicator']['direction']): EstimatesView {
  const cells: EstimateCell[] = places.map((p, i) => {
    const s = states[i % states.length]!;
    if (typeof s === 'string') return { ...p, change: null, suppressed: true, reason: s };
    return { ...p, change: null, suppressed: false, proportion: s.share, lower: s.share - s.half, upper: s.share + s.half, respondents: s.respondents, effectiveN: s.respondents };
  });
  return {
    indicator: { id: 'lhu.test', nameSv: 'Test', nameEn: 'Test', direction, priorityArea: 'mental_health' },
    survey: { id: 's', questionId: 'q', countingAnswers: [1] },
    threshold: 10,
    level: 0.95,
    years,
    areas: areas.map((code) => ({ code, name: code })),
    grades: grades.slice(1),
    cells,
  };
}

const target = (area: string): TargetView => ({
  id: '00000000-0000-4000-8000-000000000001',
  indicatorId: 'lhu.test',
  organisation: { id: '00000000-0000-4000-8000-000000000002', name: 'Region' },
  area: area === 'county' ? { kind: 'county', code: 'county' } : { kind: 'municipality', code: area },
  rule: { kind: 'yearly_change', baselineYear: 2019, baselineValue: 50, changePerYear: 2 },
  setBy: { id: '00000000-0000-4000-8000-000000000003', displayName: 'Analytiker' },
  setAt: '2026-01-01T00:00:00.000Z',
});

const input = fc.record({
  states: fc.array(cellState, { minLength: 1, maxLength: places.length }),
  direction: fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const),
  year: fc.constantFrom(...years),
  area: fc.constantFrom(...areas),
  gender: fc.constantFrom(...genders),
  grade: fc.constantFrom(...grades),
});

/** Every series of a chart: a number exactly where the cell is shown, and that cell's own figure. */
function expectGapsForHidden(cells: readonly EstimateCell[]) {
  const series = shareSeries(cells);
  cells.forEach((c, i) => {
    for (const part of [series.value, series.lower, series.upper]) expect(part[i] === null).toBe(c.suppressed);
    if (!c.suppressed) expect(series.value[i]).toBeCloseTo(c.proportion * 100, 2);
  });
}

describe('the dashboards’ chart data (property)', () => {
  it('never puts a hidden cell into a series, in the comparison of municipalities and over time', () => {
    fc.assert(
      fc.property(input, ({ states, direction, year, area, gender, grade }) => {
        const view = viewOf(states, direction);
        const comparison = comparisonOf(view, { year, gender, grade });
        const asked = view.cells.filter((c) => c.year === year && c.area !== 'county' && c.gender === gender && c.grade === grade);
        // The server's own cells, none made up or left out; the hidden ones after every figure.
        expect(new Set(comparison.map((r) => r.cell))).toEqual(new Set(asked));
        const firstHidden = comparison.findIndex((r) => r.cell.suppressed);
        if (firstHidden >= 0) expect(comparison.slice(firstHidden).every((r) => r.cell.suppressed)).toBe(true);
        expectGapsForHidden(comparison.map((r) => r.cell));

        // Judged by the area's stored target, and without one by the shared rule from its first shown wave.
        for (const targets of [[target(area)], []]) {
          const trend = trendOf(view, { area, gender, grade }, targets).rows;
          expect(trend.map((r) => r.cell)).toEqual(view.cells.filter((c) => c.area === area && c.gender === gender && c.grade === grade));
          expectGapsForHidden(trend.map((r) => r.cell));
          // A hidden year has no status but "no data" and no gap: its figure is never used, not even to judge it.
          for (const r of trend) if (r.cell.suppressed) {
            expect(r.status === null || r.status === 'no_data').toBe(true);
            expect(r.gap).toBeNull();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('judges a shown year against the trajectory (so the check above can fail)', () => {
    const view = viewOf([{ share: 0.6, half: 0.02, respondents: 100 }], 'higher_is_better');
    const trend = trendOf(view, { area: 'county', gender: 'T', grade: 'all' }, [target('county')]).rows;
    // 2022: 50 + 3 × 2 = 56 expected, 60 shown: on track by 4 points.
    expect(trend.find((r) => r.year === 2022)).toMatchObject({ status: 'on_track' });
    expect(trend.find((r) => r.year === 2022)!.gap).toBeCloseTo(0.04, 6);
  });
});
