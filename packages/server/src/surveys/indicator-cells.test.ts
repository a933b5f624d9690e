import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { CellSums, SurveyImportView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { demoSurveyId, demoSurveyIndicators } from '../demo/surveys.ts';
import { indicatorSums } from './indicator-cells.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/**
 * What a panel summed before the stored cells (migration 0048): the indicator's question over the
 * imports in force, summed over the answers in survey_aggregate. The stored cells must give the same.
 */
async function summedFromAggregates(db: Kysely<DB>, indicatorId: string): Promise<CellSums[]> {
  const { rows } = await sql<{ year: number; area: string; gender: CellSums['gender']; grade: string; respondents: number; weight: number; squared_weight: number; counting_weight: number }>`
    SELECT a.year, a.municipality AS area, a.gender, a.grade, sum(a.respondents)::int AS respondents, sum(a.weight_sum) AS weight, sum(a.weight_squared_sum) AS squared_weight,
      coalesce(sum(a.weight_sum) FILTER (WHERE a.answer = ANY (l.counting_answers)), 0) AS counting_weight
    FROM survey_indicator l
    JOIN survey_import i ON i.survey_id = l.survey_id AND i.status = 'done'
    JOIN survey_aggregate a ON a.import_id = i.id AND a.question = array_position(i.questions, l.question_id)
    WHERE l.indicator_id = ${indicatorId}
    GROUP BY a.year, a.municipality, a.gender, a.grade`.execute(db);
  return rows.map((r) => ({ year: r.year, area: r.area, gender: r.gender, grade: r.grade, respondents: r.respondents, weight: Number(r.weight), squaredWeight: Number(r.squared_weight), countingWeight: Number(r.counting_weight) }));
}

/** Two lists of cells as the same set: in one order, the sums equal to the last few digits (a sum's order may differ). */
function expectSameCells(actual: readonly CellSums[], expected: readonly CellSums[]): void {
  const order = (cells: readonly CellSums[]) => [...cells].sort((a, b) => a.year - b.year || a.area.localeCompare(b.area) || a.gender.localeCompare(b.gender) || a.grade.localeCompare(b.grade));
  const close = (x: CellSums) => ({ ...x, weight: expect.closeTo(x.weight, 9), squaredWeight: expect.closeTo(x.squaredWeight, 9), countingWeight: expect.closeTo(x.countingWeight, 9) });
  expect(order(actual)).toEqual(order(expected).map(close));
}

const header = 'year;municipality;school_unit;grade;gender;weight;q_health;q_safe_school;q_sleep;q_active;q_stress;q_adult';
const wave = (year: number, n: number, good: number) => [header, ...Array.from({ length: n }, (_, i) => `${year};9901;;9;${i % 2 ? 'K' : 'M'};1.${i % 7};${i < good ? 1 : 4};2;2;3;${1 + (i % 5)};5`)].join('\n') + '\n';

async function upload(client: TestClient, content: string, replaceWave = false): Promise<SurveyImportView> {
  const res = await client.post(`/api/surveys/${demoSurveyId}/imports`, { fileName: 'wave.csv', content, replaceWave });
  expect(res.statusCode).toBe(202);
  const id = (res.json() as SurveyImportView).id;
  for (let i = 0; i < 200; i++) {
    const view = (await client.get(`/api/survey-imports/${id}`)).json() as SurveyImportView;
    if (!['reading', 'saving'].includes(view.status)) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const storedFor = async (importId: string) => (await t.database.db.selectFrom('survey_indicator_cells').select('indicator_id').where('import_id', '=', importId).orderBy('indicator_id').execute()).map((r) => r.indicator_id);

describe("an indicator's stored cells", () => {
  it('are, for every demo indicator, the sums the panel summed from the answers', async () => {
    for (const indicator of demoSurveyIndicators) {
      const expected = await summedFromAggregates(t.database.db, indicator.id);
      expect(expected.length, indicator.id).toBeGreaterThan(20);
      expectSameCells(await indicatorSums(t.database.db, indicator.id), expected);
    }
  });

  it('are built for a new import with its sums, and a replaced import is no longer read', async () => {
    const analyst = await t.loginAs('analyst');
    const first = await upload(analyst, wave(2011, 40, 25));
    expect(first.status).toBe('done');
    expect(await storedFor(first.id)).toEqual(demoSurveyIndicators.map((i) => i.id).sort());
    const replacing = await upload(analyst, wave(2011, 40, 10), true);
    expect(replacing.status).toBe('done');
    for (const indicator of demoSurveyIndicators) expectSameCells(await indicatorSums(t.database.db, indicator.id), await summedFromAggregates(t.database.db, indicator.id));
    // The replaced wave's cells are kept with its sums, and not read: Exempelstad's 2011 says the new wave's 40, once.
    const cells2011 = (await indicatorSums(t.database.db, 'lhu.mar-bra')).filter((c) => c.year === 2011);
    expect(cells2011.reduce((n, c) => n + c.respondents, 0)).toBe(40);
    expect(cells2011.reduce((n, c) => n + c.countingWeight, 0)).toBeLessThan(cells2011.reduce((n, c) => n + c.weight, 0) / 2);
  });

  it('are not built for an import that saves nothing', async () => {
    const analyst = await t.loginAs('analyst');
    const refused = await upload(analyst, wave(2011, 40, 30));
    expect(refused).toMatchObject({ status: 'failed', failure: 'wave_exists' });
    expect(await storedFor(refused.id)).toEqual([]);
  });

  it("follow the indicator's link: other counting answers or another question sum anew", async () => {
    const analyst = await t.loginAs('analyst');
    const before = await indicatorSums(t.database.db, 'lhu.stressad');
    const changed = await analyst.request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.stressad', questionId: 'q_stress', countingAnswers: [1] });
    expect(changed.statusCode).toBe(200);
    const fewer = await indicatorSums(t.database.db, 'lhu.stressad');
    expectSameCells(fewer, await summedFromAggregates(t.database.db, 'lhu.stressad'));
    expect(fewer.reduce((n, c) => n + c.countingWeight, 0)).toBeLessThan(before.reduce((n, c) => n + c.countingWeight, 0));
    const moved = await analyst.request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.stressad', questionId: 'q_sleep', countingAnswers: [1, 2] });
    expect(moved.statusCode).toBe(200);
    expectSameCells(await indicatorSums(t.database.db, 'lhu.stressad'), await summedFromAggregates(t.database.db, 'lhu.stressad'));
  });

  it('are filled by migration 0048 from the sums stored before it', async () => {
    const { db } = t.database;
    const expected = await Promise.all(demoSurveyIndicators.map((i) => summedFromAggregates(db, i.id)));
    await db.deleteFrom('survey_indicator_cells').execute();
    expect(await indicatorSums(db, 'lhu.mar-bra')).toEqual([]);
    const migration = await readFile(new URL('../db/migrations/0048_survey_indicator_cells.sql', import.meta.url), 'utf8');
    await t.database.ownerScript.exec(migration.slice(migration.indexOf('INSERT INTO survey_indicator_cells')));
    for (const [n, indicator] of demoSurveyIndicators.entries()) expectSameCells(await indicatorSums(db, indicator.id), expected[n]!);
  });
});
