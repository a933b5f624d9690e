/**
 * Survey estimates from the pre-aggregated sums: for each wave, the published table of year ×
 * area (the county and each municipality) × gender (T, K, M) × grade (all, and each grade), with
 * the weighted share, Wilson's interval on Kish's effective n, small-cell suppression with
 * complementary suppression, and the change since the previous wave with Newcombe's interval.
 *
 * Suppression is decided on the whole published table of a wave, never on the slice a request
 * asks for: two requests for different slices then hide the same cells, and cannot be combined
 * to work a hidden one out. Respondents whose gender is neither K nor M (X) are in the totals only;
 * their cells are never published but take part in the relations (T = K + M + X), so they cannot
 * be worked out either. An empty cell (no respondents) is a known zero and leaves the relations.
 */
import { newcombeFromIntervals, weightedProportionFromSums } from '../statistics/proportions.ts';
import { defaultSuppressionThreshold, suppressTable, type AdditiveRelation, type SuppressionReason } from '../statistics/suppression.ts';
import { allGrades, countyArea, type EstimateCell, type SchoolEstimateCell, type SurveyGender } from './schema.ts';

/** Sums of one question's answers in one base cell (or one school), as the aggregate table has them. */
export interface AnswerSums {
  year: number;
  /** A municipality code (or, for the school table, a school unit code; null for no school). */
  area: string | null;
  gender: 'K' | 'M' | 'X';
  grade: string;
  answer: number;
  respondents: number;
  weight: number;
  squaredWeight: number;
}

interface Sums {
  respondents: number;
  weight: number;
  squaredWeight: number;
  countingWeight: number;
}

const empty = (): Sums => ({ respondents: 0, weight: 0, squaredWeight: 0, countingWeight: 0 });
const key = (area: string, gender: string, grade: string) => `${area}|${gender}|${grade}`;
const genders = ['T', 'K', 'M', 'X'] as const;

export interface EstimateOptions {
  countingAnswers: readonly number[];
  grades: readonly string[];
  threshold?: number;
  level?: number;
  /** Which published cells to return (all by default); suppression is decided on the whole table either way. */
  include?: (cell: { year: number; area: string; gender: SurveyGender; grade: string }) => boolean;
}

/** A base cell's sums with the counting answers already summed (what the panel's query returns). */
export interface CellSums {
  year: number;
  area: string;
  gender: 'K' | 'M' | 'X';
  grade: string;
  respondents: number;
  weight: number;
  squaredWeight: number;
  countingWeight: number;
}

/** Answer rows to cell sums: the weight of the counting answers apart. */
export function cellSumsOf(rows: readonly AnswerSums[], countingAnswers: readonly number[]): CellSums[] {
  const counting = new Set(countingAnswers);
  return rows.map((r) => ({ year: r.year, area: r.area!, gender: r.gender, grade: r.grade, respondents: r.respondents, weight: r.weight, squaredWeight: r.squaredWeight, countingWeight: counting.has(r.answer) ? r.weight : 0 }));
}

/** Every published cell of every wave, with suppression applied. */
export function surveyEstimates(rows: readonly AnswerSums[], options: EstimateOptions): EstimateCell[] {
  return surveyEstimatesFromCells(cellSumsOf(rows, options.countingAnswers), options);
}

export function surveyEstimatesFromCells(rows: readonly CellSums[], options: Omit<EstimateOptions, 'countingAnswers'>): EstimateCell[] {
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  const level = options.level ?? 0.95;
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const municipalities = [...new Set(rows.map((r) => r.area))].sort();
  const areas = [countyArea, ...municipalities];
  const grades = [allGrades, ...options.grades];
  const byYear = new Map<number, Map<string, Sums>>();
  for (const year of years) byYear.set(year, new Map());
  for (const r of rows) {
    const cube = byYear.get(r.year)!;
    // Each answer goes into its cell and every margin above it.
    for (const area of [r.area, countyArea]) {
      for (const gender of [r.gender, 'T']) {
        for (const grade of [r.grade, allGrades]) {
          const k = key(area, gender, grade);
          const s = cube.get(k) ?? empty();
          s.respondents += r.respondents;
          s.weight += r.weight;
          s.squaredWeight += r.squaredWeight;
          s.countingWeight += r.countingWeight;
          cube.set(k, s);
        }
      }
    }
  }
  const hiddenByYear = new Map<number, Map<string, SuppressionReason>>();
  for (const [year, cube] of byYear) hiddenByYear.set(year, suppressCube(cube, areas, grades, threshold));

  // Intervals only for the cells asked for (and the wave before each, for its change): the
  // suppression above still saw the whole table.
  const include = options.include ?? (() => true);
  const memo = new Map<string, Shown>();
  const estimateOf = (year: number, k: string): Shown => {
    const at = `${year}|${k}`;
    let e = memo.get(at);
    if (!e) memo.set(at, (e = shownEstimate(byYear.get(year)!.get(k), hiddenByYear.get(year)!.get(k), threshold, level)));
    return e;
  };
  const cells: EstimateCell[] = [];
  for (const [i, year] of years.entries()) {
    const previous = i > 0 ? years[i - 1]! : null;
    for (const area of areas) {
      for (const gender of ['T', 'K', 'M'] as SurveyGender[]) {
        for (const grade of grades) {
          const base = { year, area, gender, grade };
          if (!include(base)) continue;
          const k = key(area, gender, grade);
          const shown = estimateOf(year, k);
          if (shown.suppressed) {
            cells.push({ ...base, change: null, ...shown });
            continue;
          }
          let change: EstimateCell['change'] = null;
          const before = previous === null ? null : estimateOf(previous, k);
          if (before && !before.suppressed) {
            const d = newcombeFromIntervals(shown, before);
            change = { fromYear: previous!, difference: d.difference, lower: d.lower, upper: d.upper, significant: d.significant };
          }
          cells.push({ ...base, change, ...shown });
        }
      }
    }
  }
  return cells;
}

type Shown = { suppressed: false; proportion: number; lower: number; upper: number; respondents: number; effectiveN: number } | { suppressed: true; reason: SuppressionReason };

function shownEstimate(sums: Sums | undefined, hidden: SuppressionReason | undefined, threshold: number, level: number): Shown {
  if (!sums || sums.respondents < threshold) return { suppressed: true, reason: 'too_few' };
  if (hidden) return { suppressed: true, reason: hidden };
  const p = weightedProportionFromSums({ countingWeight: sums.countingWeight, weight: sums.weight, squaredWeight: sums.squaredWeight, respondents: sums.respondents }, level);
  if (!p) return { suppressed: true, reason: 'too_few' };
  return { suppressed: false, proportion: p.proportion, lower: p.interval.lower, upper: p.interval.upper, respondents: p.respondents, effectiveN: p.effectiveN };
}

/** Suppression on one wave's cube: area × gender × grade with their margins. */
function suppressCube(cube: Map<string, Sums>, areas: readonly string[], grades: readonly string[], threshold: number): Map<string, SuppressionReason> {
  const present = (k: string) => (cube.get(k)?.respondents ?? 0) > 0;
  const cells = [...cube.entries()].filter(([, s]) => s.respondents > 0).map(([k, s]) => ({ key: k, respondents: s.respondents }));
  const relations: AdditiveRelation[] = [];
  const add = (total: string, parts: string[]) => {
    if (present(total)) relations.push({ total, parts: parts.filter(present) });
  };
  const municipalities = areas.filter((a) => a !== countyArea);
  const parts = grades.filter((g) => g !== allGrades);
  for (const gender of genders) for (const grade of grades) add(key(countyArea, gender, grade), municipalities.map((m) => key(m, gender, grade)));
  for (const area of areas) for (const grade of grades) add(key(area, 'T', grade), ['K', 'M', 'X'].map((g) => key(area, g, grade)));
  for (const area of areas) for (const gender of genders) add(key(area, gender, allGrades), parts.map((g) => key(area, gender, g)));
  return suppressTable(cells, relations, threshold).hidden;
}

/**
 * The finer table for analysts: school units of one municipality × gender (all grades), for each
 * wave. The municipality's own row is the total (what the public table shows or hides) and
 * respondents without a school are a part never shown.
 */
export function schoolEstimates(rows: readonly AnswerSums[], publicCells: readonly EstimateCell[], options: Omit<EstimateOptions, 'grades'>): SchoolEstimateCell[] {
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  const level = options.level ?? 0.95;
  const counting = new Set(options.countingAnswers);
  const noSchool = '-';
  const total = '*';
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const result: SchoolEstimateCell[] = [];
  for (const year of years) {
    const cube = new Map<string, Sums>();
    for (const r of rows.filter((x) => x.year === year)) {
      for (const school of [r.area ?? noSchool, total]) {
        for (const gender of [r.gender, 'T']) {
          const k = `${school}|${gender}`;
          const s = cube.get(k) ?? empty();
          s.respondents += r.respondents;
          s.weight += r.weight;
          s.squaredWeight += r.squaredWeight;
          if (counting.has(r.answer)) s.countingWeight += r.weight;
          cube.set(k, s);
        }
      }
    }
    const schools = [...new Set(rows.filter((x) => x.year === year).map((r) => r.area ?? noSchool))].sort();
    const present = (k: string) => (cube.get(k)?.respondents ?? 0) > 0;
    const relations: AdditiveRelation[] = [];
    for (const gender of genders) if (present(`${total}|${gender}`)) relations.push({ total: `${total}|${gender}`, parts: schools.map((s) => `${s}|${gender}`).filter(present) });
    for (const school of [...schools, total]) if (present(`${school}|T`)) relations.push({ total: `${school}|T`, parts: ['K', 'M', 'X'].map((g) => `${school}|${g}`).filter(present) });
    // The municipality's cells as the public table has them. The part without a school is never
    // shown: below the threshold it is hidden like any cell; above it, working it out reveals no one.
    const alreadyHidden = new Map<string, SuppressionReason>();
    for (const c of publicCells) if (c.year === year && c.grade === allGrades && c.suppressed) alreadyHidden.set(`${total}|${c.gender}`, c.reason);
    const cells = [...cube.entries()].filter(([, s]) => s.respondents > 0).map(([k, s]) => ({ key: k, respondents: s.respondents }));
    const hidden = suppressTable(cells, relations, threshold, alreadyHidden).hidden;
    for (const school of schools.filter((s) => s !== noSchool)) {
      for (const gender of ['T', 'K', 'M'] as SurveyGender[]) {
        const k = `${school}|${gender}`;
        result.push({ year, schoolUnit: school, gender, ...shownEstimate(cube.get(k), hidden.get(k), threshold, level) });
      }
    }
  }
  return result;
}
