import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EstimatesView, SchoolEstimatesView, SchoolProfileView, SurveyImportView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { determinedTargets, type BaseCell, type Table } from './suppression-check.testing.ts';

/**
 * Issue 15's suppression property over the real server: generated small survey tables go in
 * through the real import (CSV, the job, the pre-aggregated sums), and everything that serves the
 * figures is asked: the open aggregate API without login (the whole table and a slice of it, which
 * the dashboards' charts, tables and CSV/Excel exports are drawn from), the analysts' school-unit
 * table; and the school profile (its PDF is drawn from the same view) shows nothing the two
 * tables do not. The server has no CSV route of its own for surveys: the web's exports are the open
 * API's cells as text (dashboards/panelData.test.ts checks the charts' series).
 *
 * Checked against the generated respondents themselves, independently of the suppression code: no
 * shown cell has fewer respondents than the threshold (and its count is the true one), a hidden
 * cell carries no figure, and no hidden cell — nor a small part never published (another gender,
 * pupils without a school) — can be recovered by subtraction from everything shown in all the
 * responses together (suppression-check.testing.ts: exact linear algebra over the base cells).
 */

let t: TestApp;
let analyst: TestClient;
let year: number;
const surveyId = 'egenskapen';
const indicatorId = 'egenskapen.trivs';
const grades = ['7', '9'];
const municipalities = ['9901', '9902', '9903'];
/** The demo's schools with a code (skolenhetskod) and a profile, two per municipality at most. */
const schools: { unitId: string; code: string; municipality: string }[] = [];

beforeAll(async () => {
  t = await createTestApp({ openApiPerMinute: 100_000 });
  analyst = await t.loginAs('analyst');
  year = t.app.services.clock.now().getUTCFullYear() - 1;
  const indicator = { id: indicatorId, nameSv: 'Trivs i skolan', nameEn: 'Likes school', unit: 'percent', direction: 'higher_is_better', priorityArea: 'mental_health', source: { kind: 'survey', ref: 'q_trivs' }, breakdowns: ['year', 'municipality', 'gender', 'grade'] };
  expect((await analyst.post('/api/indicators', indicator)).statusCode).toBe(201);
  const survey = { id: surveyId, nameSv: 'Egenskapen', nameEn: 'The property', grades, questions: [{ id: 'q_trivs', textSv: 'Trivs du?', textEn: 'Do you like it?', options: [1, 2, 3].map((code) => ({ code, labelSv: `s${code}`, labelEn: `e${code}` })) }] };
  expect((await analyst.post('/api/surveys', survey)).statusCode).toBe(201);
  expect((await analyst.request('PUT', `/api/surveys/${surveyId}/indicators`, { indicatorId, questionId: 'q_trivs', countingAnswers: [1, 2] })).statusCode).toBe(200);
  const units = await t.database.db.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.school_unit_code', 'o.municipality_code']).where('u.school_unit_code', 'is not', null).where('u.sector', '=', 'school').where('u.active', '=', true).where('o.municipality_code', 'in', municipalities).orderBy('u.school_unit_code').execute();
  for (const m of municipalities) schools.push(...units.filter((u) => u.municipality_code === m).slice(0, 2).map((u) => ({ unitId: u.id, code: u.school_unit_code!, municipality: m })));
  expect(schools.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => t.close());

/** A group of alike respondents; `school` 0 is none, 1 and 2 the municipality's first and second school. */
const group = fc.record({
  municipality: fc.constantFrom(...municipalities),
  school: fc.constantFrom(0, 1, 1, 2),
  gender: fc.constantFrom('K', 'M', 'K', 'M', 'X'),
  grade: fc.constantFrom(...grades),
  answer: fc.constantFrom(1, 2, 3),
  weight: fc.constantFrom('', '0.8', '1.6'),
  n: fc.integer({ min: 1, max: 14 }),
});
const tables = fc.record({ groups: fc.array(group, { minLength: 1, maxLength: 9 }), slice: fc.record({ area: fc.constantFrom('county', ...municipalities), gender: fc.constantFrom('T', 'K', 'M'), grade: fc.constantFrom('all', ...grades) }) });
type Group = typeof group extends fc.Arbitrary<infer G> ? G : never;

function schoolOf(g: Group): string | null {
  if (g.school === 0) return null;
  return schools.filter((s) => s.municipality === g.municipality)[g.school - 1]?.code ?? null;
}

function fileOf(groups: readonly Group[]): string {
  const lines = ['year;municipality;school_unit;grade;gender;weight;q_trivs'];
  for (const g of groups) for (let i = 0; i < g.n; i++) lines.push(`${year};${g.municipality};${schoolOf(g) ?? ''};${g.grade};${g.gender === 'X' ? '' : g.gender};${g.weight};${g.answer}`);
  return lines.join('\n') + '\n';
}

/**
 * The true respondents per base cell (municipality × school × gender × grade): every combination
 * of the municipalities and schools the data has (a school's pupils or none), each gender and grade.
 */
function baseCells(groups: readonly Group[]): Map<string, BaseCell> {
  const cells = new Map<string, BaseCell>();
  const key = (c: Omit<BaseCell, 'n'>) => [c.municipality, c.school, c.gender, c.grade].join('|');
  for (const m of new Set(groups.map((g) => g.municipality))) {
    const inM = ['-', ...new Set(groups.filter((g) => g.municipality === m).map((g) => schoolOf(g)).filter((s) => s !== null))];
    for (const school of inM) for (const gender of ['K', 'M', 'X']) for (const grade of grades) cells.set(key({ municipality: m, school, gender, grade }), { municipality: m, school, gender, grade, n: 0 });
  }
  for (const g of groups) cells.get(key({ municipality: g.municipality, school: schoolOf(g) ?? '-', gender: g.gender, grade: g.grade }))!.n += g.n;
  return cells;
}

async function importWave(content: string): Promise<SurveyImportView> {
  const res = await analyst.post(`/api/surveys/${surveyId}/imports`, { fileName: 'egenskapen.csv', content, replaceWave: true });
  expect(res.statusCode).toBeLessThan(300);
  const id = (res.json() as SurveyImportView).id;
  for (let i = 0; i < 400; i++) {
    const view = (await analyst.get(`/api/survey-imports/${id}`)).json() as SurveyImportView;
    if (view.status !== 'reading' && view.status !== 'saving') return view;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

const figureKeys = ['proportion', 'lower', 'upper', 'respondents', 'effectiveN'];

/** A cell as every response has it: hidden with its reason, or shown with its respondents. */
type Published = { suppressed: true; reason: string } | { suppressed: false; respondents: number };

/** A hidden cell says why and holds no figure; a shown one holds at least the threshold and the true count. */
function expectHonest(cell: Published, trueCount: number, threshold: number) {
  if (cell.suppressed) {
    for (const k of figureKeys) expect(cell).not.toHaveProperty(k);
    expect(['too_few', 'complementary']).toContain(cell.reason);
  } else {
    expect(cell.respondents).toBeGreaterThanOrEqual(threshold);
    expect(cell.respondents).toBe(trueCount);
  }
}

describe('small-cell suppression over the API (property)', () => {
  it('no response holds a cell below the threshold, and no hidden cell can be worked out from all of them together', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(tables, async ({ groups, slice }) => {
        const imported = await importWave(fileOf(groups));
        expect(imported).toMatchObject({ status: 'done', years: [year] });
        const base = baseCells(groups);
        const table: Table = { base, shown: [], hidden: [] };
        const count = (match: (c: { municipality: string; school: string; gender: string; grade: string }) => boolean) => [...base.values()].filter(match).reduce((n, c) => n + c.n, 0);

        // The open aggregate API, without login: the whole table, and a slice that must be the same cells.
        const open = t.client();
        const full = (await open.get(`/api/open/survey-estimates?indicator=${indicatorId}`)).json() as EstimatesView;
        expect(full.years).toEqual([year]);
        for (const c of full.cells) {
          const match = (b: { municipality: string; gender: string; grade: string }) => (c.area === 'county' || b.municipality === c.area) && (c.gender === 'T' || b.gender === c.gender) && (c.grade === 'all' || b.grade === c.grade);
          expectHonest(c, count(match), full.threshold);
          (c.suppressed ? table.hidden : table.shown).push({ name: `${c.area}|${c.gender}|${c.grade}`, match });
        }
        const sliced = (await open.get(`/api/open/survey-estimates?indicator=${indicatorId}&year=${year}&area=${slice.area}&gender=${slice.gender}&grade=${slice.grade}`)).json() as EstimatesView;
        expect(sliced.cells).toEqual(full.cells.filter((c) => c.area === slice.area && c.gender === slice.gender && c.grade === slice.grade));

        // The analysts' finer table: school units of each municipality, all grades.
        for (const m of municipalities) {
          const res = await analyst.get(`/api/survey-estimates/schools?indicator=${indicatorId}&municipality=${m}`);
          expect(res.statusCode).toBe(200);
          for (const c of (res.json() as SchoolEstimatesView).cells) {
            const match = (b: { municipality: string; school: string; gender: string }) => b.municipality === m && b.school === c.schoolUnit && (c.gender === 'T' || b.gender === c.gender);
            expectHonest(c, count(match), full.threshold);
            (c.suppressed ? table.hidden : table.shown).push({ name: `${c.schoolUnit}|${c.gender}`, match });
          }
        }

        // Small parts never published: another gender (X), and the pupils without a school.
        for (const area of ['county', ...municipalities]) for (const grade of ['all', ...grades]) table.hidden.push({ name: `${area}|X|${grade}`, unpublished: true, match: (b) => (area === 'county' || b.municipality === area) && b.gender === 'X' && (grade === 'all' || b.grade === grade) });
        for (const s of schools) table.hidden.push({ name: `${s.code}|X`, unpublished: true, match: (b) => b.school === s.code && b.gender === 'X' });
        for (const m of municipalities) for (const gender of ['T', 'K', 'M', 'X']) table.hidden.push({ name: `${m}|no school|${gender}`, unpublished: true, match: (b) => b.municipality === m && b.school === '-' && (gender === 'T' || b.gender === gender) });

        expect(determinedTargets(table, full.threshold)).toEqual([]);

      }),
      { numRuns: 20 },
    );
  });

  it('the school profile shows the same cells as the two tables, nothing of its own', async () => {
    // A school of 12 girls and 4 boys in grade 9 beside pupils without a school: hidden cells at every level.
    const [first, second] = schools.filter((s) => s.municipality === '9901');
    const groups: Group[] = [
      { municipality: '9901', school: 1, gender: 'K', grade: '9', answer: 1, weight: '', n: 12 },
      { municipality: '9901', school: 1, gender: 'M', grade: '9', answer: 2, weight: '', n: 4 },
      { municipality: '9901', school: second ? 2 : 1, gender: 'M', grade: '7', answer: 3, weight: '1.6', n: 15 },
      { municipality: '9901', school: 0, gender: 'K', grade: '7', answer: 1, weight: '', n: 6 },
      { municipality: '9902', school: 0, gender: 'M', grade: '9', answer: 1, weight: '', n: 20 },
    ];
    expect(await importWave(fileOf(groups))).toMatchObject({ status: 'done' });
    const school = first!;
    const full = (await t.client().get(`/api/open/survey-estimates?indicator=${indicatorId}`)).json() as EstimatesView;
    expect(full.cells.some((c) => c.suppressed)).toBe(true);
    const profileRes = await analyst.get(`/api/schools/${school.unitId}/profile`);
    expect(profileRes.statusCode, profileRes.body).toBe(200);
    const ours = (profileRes.json() as SchoolProfileView).survey.find((i) => i.id === indicatorId)!;
    const schoolCells = ((await analyst.get(`/api/survey-estimates/schools?indicator=${indicatorId}&municipality=${school.municipality}`)).json() as SchoolEstimatesView).cells;
    expect(schoolCells.find((c) => c.schoolUnit === school.code && c.gender === 'M')).toMatchObject({ suppressed: true, reason: 'too_few' });
    const same = (shown: unknown, cell: Published | undefined) => expect(shown).toMatchObject(cell && !cell.suppressed ? { suppressed: false, respondents: cell.respondents } : { suppressed: true });
    expect(ours.waves.map((w) => w.year)).toEqual([year]);
    for (const wave of ours.waves) {
      for (const [gender, parts] of [['T', wave] as const, ...wave.genders.map((g) => [g.gender, g] as const)]) {
        same(parts.school, schoolCells.find((c) => c.schoolUnit === school.code && c.gender === gender));
        same(parts.municipality, full.cells.find((c) => c.area === school.municipality && c.gender === gender && c.grade === 'all'));
        same(parts.county, full.cells.find((c) => c.area === 'county' && c.gender === gender && c.grade === 'all'));
      }
    }
  });

  it('the check itself finds what hiding only the small cells would give away', () => {
    // Exempelstad's girls in grade 7: 4 of them beside 30 boys; the total shown with the boys tells the girls.
    const base = new Map([
      ['9901|-|K|7', { municipality: '9901', school: '-', gender: 'K', grade: '7', n: 4 }],
      ['9901|-|M|7', { municipality: '9901', school: '-', gender: 'M', grade: '7', n: 30 }],
    ]);
    const cell = (gender: string) => ({ name: gender, match: (b: { gender: string }) => gender === 'T' || b.gender === gender });
    expect(determinedTargets({ base, shown: [cell('T'), cell('M')], hidden: [cell('K')] }, 10)).toEqual(['K']);
    expect(determinedTargets({ base, shown: [cell('T')], hidden: [cell('K'), cell('M')] }, 10)).toEqual([]);
  });
});
