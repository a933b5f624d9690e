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
  const cube = new WaveCubes(rows, options.grades);
  const hiddenByYear = cube.years.map((_, y) => suppressCube(cube, y, threshold));

  // Intervals only for the cells asked for (and the wave before each, for its change): the
  // suppression above still saw the whole table.
  const include = options.include ?? (() => true);
  const memo = cube.years.map(() => new Array<Shown | undefined>(cube.size));
  // A wave with nothing hidden (the usual case) needs no cell's key.
  const hiddenAt = (y: number, cell: number) => (hiddenByYear[y]!.size === 0 ? undefined : hiddenByYear[y]!.get(cube.keys[cell]!));
  const estimateOf = (y: number, cell: number): Shown => (memo[y]![cell] ??= shownEstimate(cube.sumsAt(y, cell), hiddenAt(y, cell), threshold, level));
  const cells: EstimateCell[] = [];
  // Index loops, and each cell built field by field: spreading `base` and the two shapes of
  // `Shown` into every cell took about 85 % of a panel's estimates (4 of 4.6 ms for 765 cells).
  for (let y = 0; y < cube.years.length; y++) {
    const year = cube.years[y]!;
    const previous = y > 0 ? cube.years[y - 1]! : null;
    for (let a = 0; a < cube.areas.length; a++) {
      const area = cube.areas[a]!;
      for (let g = 0; g < publishedGenders.length; g++) {
        const gender = publishedGenders[g]!;
        for (let r = 0; r < cube.publishedGrades; r++) {
          const grade = cube.grades[r]!;
          if (!include({ year, area, gender, grade })) continue;
          const cell = cube.cell(a, g, r);
          const shown = estimateOf(y, cell);
          if (shown.suppressed) {
            cells.push({ year, area, gender, grade, change: null, suppressed: true, reason: shown.reason });
            continue;
          }
          let change: EstimateCell['change'] = null;
          const before = previous === null ? null : estimateOf(y - 1, cell);
          if (before && !before.suppressed) {
            const d = newcombeFromIntervals(shown, before);
            change = { fromYear: previous!, difference: d.difference, lower: d.lower, upper: d.upper, significant: d.significant };
          }
          cells.push({ year, area, gender, grade, change, suppressed: false, proportion: shown.proportion, lower: shown.lower, upper: shown.upper, respondents: shown.respondents, effectiveN: shown.effectiveN });
        }
      }
    }
  }
  return cells;
}

/** T first (the margin), then K, M and X, as the cube's gender index has them. */
const cubeGenders = ['T', 'K', 'M', 'X'] as const;
/** The published genders: the cube's first three. */
const publishedGenders: readonly SurveyGender[] = ['T', 'K', 'M'];
const SUMS = 4;

/**
 * Each wave's table as one Float64Array: area (0 the county) × gender (0 T) × grade (0 all) ×
 * { respondents, Σw, Σw², Σw counting }. A panel sums a few thousand base cells into every margin
 * above them; integer indices instead of a Map of string keys keep that to a few milliseconds.
 * Grades a row has that the survey no longer lists are kept after the listed ones: they are in
 * the totals and the suppression, never published.
 */
class WaveCubes {
  readonly years: number[];
  readonly areas: string[];
  readonly grades: string[];
  readonly publishedGrades: number;
  readonly size: number;
  private readonly sums: Float64Array[];
  private cellKeys: string[] | undefined;

  constructor(rows: readonly CellSums[], listedGrades: readonly string[]) {
    this.years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    this.areas = [countyArea, ...[...new Set(rows.map((r) => r.area))].sort()];
    const published = [allGrades, ...listedGrades];
    this.publishedGrades = published.length;
    this.grades = [...published, ...[...new Set(rows.map((r) => r.grade))].filter((g) => !published.includes(g)).sort()];
    this.size = this.areas.length * cubeGenders.length * this.grades.length;
    this.sums = this.years.map(() => new Float64Array(this.size * SUMS));
    const yearIndex = new Map(this.years.map((y, i) => [y, i]));
    const areaIndex = new Map(this.areas.map((a, i) => [a, i]));
    const gradeIndex = new Map(this.grades.map((g, i) => [g, i]));
    for (const row of rows) {
      const sums = this.sums[yearIndex.get(row.year)!]!;
      const a = areaIndex.get(row.area)!;
      const g = cubeGenders.indexOf(row.gender);
      const r = gradeIndex.get(row.grade)!;
      // Each base cell goes into its own cell and every margin above it (county, T, all grades):
      // index 0 of each axis is its margin, and a base cell is never on one.
      for (let area = a; area >= 0; area = area === 0 ? -1 : 0) {
        for (let gender = g; gender >= 0; gender = gender === 0 ? -1 : 0) {
          for (let grade = r; grade >= 0; grade = grade === 0 ? -1 : 0) {
            const at = this.cell(area, gender, grade) * SUMS;
            sums[at]! += row.respondents;
            sums[at + 1]! += row.weight;
            sums[at + 2]! += row.squaredWeight;
            sums[at + 3]! += row.countingWeight;
          }
        }
      }
    }
  }

  /** Each cell's key (`area|gender|grade`), as the suppression names cells: made only when a wave has a cell to hide. */
  get keys(): string[] {
    if (!this.cellKeys) {
      const keys = new Array<string>(this.size);
      for (const [a, area] of this.areas.entries()) for (const [g, gender] of cubeGenders.entries()) for (const [r, grade] of this.grades.entries()) keys[this.cell(a, g, r)] = key(area, gender, grade);
      this.cellKeys = keys;
    }
    return this.cellKeys;
  }

  cell(area: number, gender: number, grade: number): number {
    return (area * cubeGenders.length + gender) * this.grades.length + grade;
  }

  respondents(y: number, cell: number): number {
    return this.sums[y]![cell * SUMS]!;
  }

  sumsAt(y: number, cell: number): Sums {
    const s = this.sums[y]!;
    const at = cell * SUMS;
    return { respondents: s[at]!, weight: s[at + 1]!, squaredWeight: s[at + 2]!, countingWeight: s[at + 3]! };
  }
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
function suppressCube(cube: WaveCubes, y: number, threshold: number): Map<string, SuppressionReason> {
  const present = (cell: number) => cube.respondents(y, cell) > 0;
  // With no cell below the threshold nothing is hidden, so nothing can be worked out either.
  let anyTooFew = false;
  for (let cell = 0; cell < cube.size && !anyTooFew; cell++) anyTooFew = present(cell) && cube.respondents(y, cell) < threshold;
  if (!anyTooFew) return new Map();
  const cells: { key: string; respondents: number }[] = [];
  for (let cell = 0; cell < cube.size; cell++) if (present(cell)) cells.push({ key: cube.keys[cell]!, respondents: cube.respondents(y, cell) });
  const relations: AdditiveRelation[] = [];
  const add = (total: number, parts: number[]) => {
    if (present(total)) relations.push({ total: cube.keys[total]!, parts: parts.filter(present).map((p) => cube.keys[p]!) });
  };
  const areas = cube.areas.map((_, a) => a);
  const municipalities = areas.slice(1);
  const grades = Array.from({ length: cube.publishedGrades }, (_, r) => r);
  const parts = grades.slice(1);
  const genders = cubeGenders.map((_, g) => g);
  for (const g of genders) for (const r of grades) add(cube.cell(0, g, r), municipalities.map((m) => cube.cell(m, g, r)));
  for (const a of areas) for (const r of grades) add(cube.cell(a, 0, r), [1, 2, 3].map((g) => cube.cell(a, g, r)));
  for (const a of areas) for (const g of genders) add(cube.cell(a, g, 0), parts.map((r) => cube.cell(a, g, r)));
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
    for (const gender of cubeGenders) if (present(`${total}|${gender}`)) relations.push({ total: `${total}|${gender}`, parts: schools.map((s) => `${s}|${gender}`).filter(present) });
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
