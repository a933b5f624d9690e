import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../statistics/proportions.ts';
import { determinedCells } from '../statistics/determined-cells.testing.ts';
import type { AdditiveRelation } from '../statistics/suppression.ts';
import { SurveyAggregator } from './aggregate.ts';
import { schoolEstimates, surveyEstimates, type AnswerSums } from './estimates.ts';
import type { Respondent } from './microdata.ts';

const grades = ['7', '9'];

function sumsOf(respondents: readonly Respondent[]): AnswerSums[] {
  const agg = new SurveyAggregator(1, 4);
  for (const r of respondents) agg.add(r);
  return [...agg.rows()].map((r) => ({ year: r.year, area: r.municipality, gender: r.gender, grade: r.grade, answer: r.answer, respondents: r.respondents, weight: r.weight, squaredWeight: r.squaredWeight }));
}

const person = (year: number, municipality: string, gender: 'K' | 'M' | 'X', grade: string, answer: number | null, weight = 1): Respondent => ({ year, municipality, schoolUnit: null, grade, gender, weight, answers: [answer] });
const many = (n: number, make: (i: number) => Respondent) => Array.from({ length: n }, (_, i) => make(i));

describe('survey estimates', () => {
  it('gives the share of counting answers with Wilson’s interval, as computed by hand (unweighted)', () => {
    // Municipality 9901, grade 9, girls: 30 of 40 answer 1 or 2 ("mår bra").
    const rows = sumsOf([...many(40, (i) => person(2024, '9901', 'K', '9', i < 30 ? (i % 2) + 1 : 3)), ...many(40, (i) => person(2024, '9901', 'M', '9', i < 20 ? 1 : 4))]);
    const cells = surveyEstimates(rows, { countingAnswers: [1, 2], grades });
    const girls = cells.find((c) => c.area === '9901' && c.gender === 'K' && c.grade === '9')!;
    expect(girls.suppressed).toBe(false);
    if (girls.suppressed) return;
    expect(girls.proportion).toBeCloseTo(0.75, 10);
    expect(girls.respondents).toBe(40);
    expect(girls.effectiveN).toBeCloseTo(40, 10);
    const w = wilsonInterval(30, 40);
    expect(girls.lower).toBeCloseTo(w.lower, 10);
    expect(girls.upper).toBeCloseTo(w.upper, 10);
    // By hand: 0.75 ± Wilson (z = 1.96): 0.5980 – 0.8579.
    expect(girls.lower).toBeCloseTo(0.598, 3);
    expect(girls.upper).toBeCloseTo(0.8579, 3);
    const total = cells.find((c) => c.area === 'county' && c.gender === 'T' && c.grade === 'all')!;
    expect(total.suppressed === false && total.proportion).toBeCloseTo(50 / 80, 10);
  });

  it('weights the share and uses Kish’s effective n for the interval', () => {
    // 10 with weight 2 answering yes, 10 with weight 1 answering no: p = 20/30, n_eff = 30²/50 = 18.
    const rows = sumsOf([...many(10, () => person(2024, '9901', 'K', '7', 1, 2)), ...many(10, () => person(2024, '9901', 'K', '7', 4, 1)), ...many(20, () => person(2024, '9901', 'M', '7', 1))]);
    const cell = surveyEstimates(rows, { countingAnswers: [1], grades }).find((c) => c.area === '9901' && c.gender === 'K' && c.grade === '7')!;
    if (cell.suppressed) throw new Error('suppressed');
    expect(cell.proportion).toBeCloseTo(2 / 3, 10);
    expect(cell.effectiveN).toBeCloseTo(18, 10);
    const w = wilsonInterval(12, 18);
    expect(cell.lower).toBeCloseTo(w.lower, 10);
  });

  it('counts only those who answered the question', () => {
    const rows = sumsOf([...many(20, () => person(2024, '9901', 'K', '7', 1)), ...many(30, () => person(2024, '9901', 'K', '7', null)), ...many(20, () => person(2024, '9901', 'M', '7', 4))]);
    const cell = surveyEstimates(rows, { countingAnswers: [1], grades }).find((c) => c.area === '9901' && c.gender === 'T' && c.grade === '7')!;
    expect(cell.suppressed === false && cell.respondents).toBe(40);
  });

  it('marks a change between waves as significant only when Newcombe’s interval excludes 0', () => {
    const wave = (year: number, yes: number) => many(200, (i) => person(year, '9901', i % 2 ? 'K' : 'M', '9', i < yes ? 1 : 4));
    const big = surveyEstimates(sumsOf([...wave(2021, 100), ...wave(2024, 140)]), { countingAnswers: [1], grades });
    const t = big.find((c) => c.year === 2024 && c.area === '9901' && c.gender === 'T' && c.grade === 'all')!;
    expect(t.change).toMatchObject({ fromYear: 2021, significant: true });
    expect(t.change!.difference).toBeCloseTo(0.2, 10);
    const small = surveyEstimates(sumsOf([...wave(2021, 100), ...wave(2024, 104)]), { countingAnswers: [1], grades });
    expect(small.find((c) => c.year === 2024 && c.area === '9901' && c.gender === 'T' && c.grade === 'all')!.change).toMatchObject({ significant: false });
    expect(small.find((c) => c.year === 2021)!.change).toBeNull();
  });

  it('hides a small cell (för få svar) and a complement beside it, never the respondents', () => {
    const rows = sumsOf([...many(4, () => person(2024, '9901', 'K', '9', 1)), ...many(30, () => person(2024, '9901', 'M', '9', 1)), ...many(40, () => person(2024, '9902', 'K', '9', 1)), ...many(40, () => person(2024, '9902', 'M', '9', 1))]);
    const cells = surveyEstimates(rows, { countingAnswers: [1], grades });
    const at = (area: string, gender: string) => cells.find((c) => c.area === area && c.gender === gender && c.grade === '9')!;
    expect(at('9901', 'K')).toMatchObject({ suppressed: true, reason: 'too_few' });
    expect(at('9901', 'K')).not.toHaveProperty('respondents');
    expect(at('9901', 'M')).toMatchObject({ suppressed: true, reason: 'complementary' });
  });

  it('keeps a threshold that is configured', () => {
    const rows = sumsOf(many(30, (i) => person(2024, '9901', i % 2 ? 'K' : 'M', '9', 1)));
    expect(surveyEstimates(rows, { countingAnswers: [1], grades, threshold: 20 }).find((c) => c.area === '9901' && c.gender === 'K' && c.grade === '9')).toMatchObject({ suppressed: true, reason: 'too_few' });
    expect(surveyEstimates(rows, { countingAnswers: [1], grades, threshold: 10 }).find((c) => c.area === '9901' && c.gender === 'K' && c.grade === '9')).toMatchObject({ suppressed: false });
  });
});

/** The published cube's relations, rebuilt here independently of estimates.ts. */
function cubeOf(rows: readonly AnswerSums[], year: number, areas: string[]) {
  const size = new Map<string, number>();
  for (const r of rows.filter((x) => x.year === year)) {
    for (const a of [r.area!, 'county']) for (const g of [r.gender, 'T']) for (const gr of [r.grade, 'all']) size.set(`${a}|${g}|${gr}`, (size.get(`${a}|${g}|${gr}`) ?? 0) + r.respondents);
  }
  const has = (k: string) => (size.get(k) ?? 0) > 0;
  const relations: AdditiveRelation[] = [];
  const rel = (total: string, parts: string[]) => has(total) && relations.push({ total, parts: parts.filter(has) });
  for (const g of ['T', 'K', 'M', 'X']) for (const gr of ['all', ...grades]) rel(`county|${g}|${gr}`, areas.map((a) => `${a}|${g}|${gr}`));
  for (const a of ['county', ...areas]) for (const gr of ['all', ...grades]) rel(`${a}|T|${gr}`, ['K', 'M', 'X'].map((g) => `${a}|${g}|${gr}`));
  for (const a of ['county', ...areas]) for (const g of ['T', 'K', 'M', 'X']) rel(`${a}|${g}|all`, grades.map((gr) => `${a}|${g}|${gr}`));
  return { size, relations };
}

describe('survey suppression (property)', () => {
  it('never returns a cell below the threshold, and no hidden or unpublished cell can be worked out', () => {
    const respondent = fc.record({
      municipality: fc.constantFrom('9901', '9902', '9903'),
      gender: fc.constantFrom<'K' | 'M' | 'X'>('K', 'M', 'K', 'M', 'X'),
      grade: fc.constantFrom(...grades),
      answer: fc.constantFrom(1, 2, 3, 4),
    });
    fc.assert(
      fc.property(fc.array(fc.record({ r: respondent, n: fc.integer({ min: 1, max: 14 }) }), { minLength: 1, maxLength: 12 }), (groups) => {
        const people = groups.flatMap(({ r, n }) => many(n, () => person(2024, r.municipality, r.gender, r.grade, r.answer)));
        const rows = sumsOf(people);
        const cells = surveyEstimates(rows, { countingAnswers: [1, 2], grades });
        for (const c of cells) if (!c.suppressed) expect(c.respondents).toBeGreaterThanOrEqual(10);
        const areas = [...new Set(rows.map((r) => r.area!))];
        const { size, relations } = cubeOf(rows, 2024, areas);
        const shown = new Set(cells.filter((c) => !c.suppressed).map((c) => `${c.area}|${c.gender}|${c.grade}`));
        // Unknown to a reader: every present cell not shown (hidden ones and the X cells).
        const unknown = [...size.entries()].filter(([k, n]) => n > 0 && !shown.has(k)).map(([k]) => k);
        const determined = determinedCells(relations, unknown);
        // A determined X cell with enough respondents reveals no one; anything else must stay unknown.
        expect(determined.filter((k) => !k.includes('|X|') || size.get(k)! < 10)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('school estimates', () => {
  it('shows schools with enough answers, hides the rest and a complement, and follows the public table', () => {
    const at = (school: string, n: number, gender: 'K' | 'M') => many(n, () => ({ ...person(2024, '9901', gender, '9', 1), schoolUnit: school }));
    const people = [...at('s1', 30, 'K'), ...at('s1', 30, 'M'), ...at('s2', 25, 'K'), ...at('s2', 5, 'M'), ...at('s3', 40, 'K'), ...at('s3', 40, 'M')];
    const rows = sumsOf(people);
    const publicCells = surveyEstimates(rows, { countingAnswers: [1], grades });
    const schoolRows = people.map((p) => ({ year: p.year, area: p.schoolUnit, gender: p.gender, grade: p.grade, answer: 1, respondents: 1, weight: 1, squaredWeight: 1 }));
    const cells = schoolEstimates(schoolRows, publicCells, { countingAnswers: [1] });
    const cell = (s: string, g: string) => cells.find((c) => c.schoolUnit === s && c.gender === g)!;
    expect(cell('s2', 'M')).toMatchObject({ suppressed: true, reason: 'too_few' });
    expect(cell('s1', 'T')).toMatchObject({ suppressed: false, respondents: 60 });
    expect(cells.filter((c) => !c.suppressed).every((c) => !c.suppressed && c.respondents >= 10)).toBe(true);
    expect(cells.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(3);
  });
});
