import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval, type EstimatesView, type SurveyImportView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { demoSurveyId } from '../demo/surveys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const header = 'year;municipality;school_unit;grade;gender;weight;q_health;q_safe_school;q_sleep;q_active;q_stress;q_adult';

/** A wave of `n` respondents in Exempelstad, grade 9, where the first `good` answer 1 to q_health. */
function wave(year: number, n: number, good: number, extra: string[] = []): string {
  const rows = Array.from({ length: n }, (_, i) => `${year};9901;;9;${i % 2 ? 'K' : 'M'};;${i < good ? 1 : 4};1;2;3;4;5`);
  return [header, ...rows, ...extra].join('\n') + '\n';
}

async function waitFor(client: TestClient, id: string): Promise<SurveyImportView> {
  for (let i = 0; i < 200; i++) {
    const view = (await client.get(`/api/survey-imports/${id}`)).json() as SurveyImportView;
    if (!['reading', 'saving'].includes(view.status)) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

async function upload(client: TestClient, content: string, options: { replaceWave?: boolean; skipInvalidRows?: boolean } = {}) {
  const res = await client.post(`/api/surveys/${demoSurveyId}/imports`, { fileName: 'wave.csv', content, ...options });
  return { res, view: res.statusCode < 300 ? await waitFor(client, (res.json() as SurveyImportView).id) : null };
}

const respondentsOf = async (importId: string) => Number((await t.database.db.selectFrom('survey_respondent').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow()).n);

describe('survey definitions', () => {
  it('lists the demo survey to anyone logged in, and to no one without a session', async () => {
    expect((await t.client().get('/api/surveys')).statusCode).toBe(401);
    const list = (await (await t.loginAs('teacher')).get('/api/surveys')).json() as { surveys: { id: string; waves: number[]; indicators: { indicatorId: string; countingAnswers: number[] }[] }[] };
    const survey = list.surveys.find((s) => s.id === demoSurveyId)!;
    expect(survey.waves).toHaveLength(2);
    expect(survey.waves[1]! - survey.waves[0]!).toBe(3);
    expect(survey.indicators).toContainEqual({ indicatorId: 'lhu.mar-bra', questionId: 'q_health', countingAnswers: [1, 2] });
  });

  it('are made by an analyst (logged) and refused to everyone else', async () => {
    const body = { id: 'elevenkat', nameSv: 'Elevenkäten', nameEn: 'Pupil survey', grades: ['5', '8'], questions: [{ id: 'q_ok', textSv: 'Trivs du?', textEn: 'Do you like it?', options: [{ code: 1, labelSv: 'Ja', labelEn: 'Yes' }, { code: 2, labelSv: 'Nej', labelEn: 'No' }] }] };
    for (const who of ['teacher', 'manager', 'coordinator', 'orgadmin', 'nurse']) expect((await (await t.loginAs(who)).post('/api/surveys', body)).statusCode).toBe(403);
    expect((await t.client().post('/api/surveys', body)).statusCode).toBe(401);
    const analyst = await t.loginAs('analyst');
    expect((await analyst.post('/api/surveys', body)).statusCode).toBe(201);
    expect((await analyst.post('/api/surveys', body)).statusCode).toBe(409);
    const entry = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'survey.create').executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'survey.create', subject_id: 'elevenkat' });
  });

  it('link an indicator to a question and its counting answers, checked against the definition', async () => {
    const analyst = await t.loginAs('analyst');
    const ok = await analyst.request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.mar-bra', questionId: 'q_health', countingAnswers: [1, 2] });
    expect(ok.statusCode).toBe(200);
    const bad = await analyst.request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.mar-bra', questionId: 'q_health', countingAnswers: [9] });
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'body.countingAnswers', message: 'unknown_answer' }] } });
    expect((await analyst.request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.mar-bra', questionId: 'q_nope', countingAnswers: [1] })).statusCode).toBe(400);
    expect((await (await t.loginAs('teacher')).request('PUT', `/api/surveys/${demoSurveyId}/indicators`, { indicatorId: 'lhu.mar-bra', questionId: 'q_health', countingAnswers: [1] })).statusCode).toBe(403);
  });
});

describe('microdata import', () => {
  it('imports a valid file as a job, keeps the raw rows and builds the sums (logged)', async () => {
    const analyst = await t.loginAs('analyst');
    const { res, view } = await upload(analyst, wave(2010, 60, 45));
    expect(res.statusCode).toBe(202);
    expect(view).toMatchObject({ status: 'done', years: [2010], totalRows: 60, processedRows: 60, importedRows: 60, rejectedRows: 0, errors: [] });
    expect(await respondentsOf(view!.id)).toBe(60);
    const sums = await t.database.db.selectFrom('survey_aggregate').select(['gender', 'answer', 'respondents']).where('import_id', '=', view!.id).where('question', '=', 1).orderBy('answer').orderBy('gender').execute();
    expect(sums).toEqual([{ gender: 'K', answer: 1, respondents: 22 }, { gender: 'M', answer: 1, respondents: 23 }, { gender: 'K', answer: 4, respondents: 8 }, { gender: 'M', answer: 4, respondents: 7 }]);
    const actions = (await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', view!.id).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['survey.import', 'survey.import.run']);
  });

  it('gives the same file again back as it is: nothing new is written', async () => {
    const analyst = await t.loginAs('analyst');
    const first = (await upload(analyst, wave(2010, 60, 45))).res;
    expect(first.statusCode).toBe(200);
    expect((await t.database.db.selectFrom('survey_import').select('id').where('file_sha256', '=', (first.json() as SurveyImportView).fileSha256).execute()).length).toBe(1);
  });

  it('refuses a new file for a wave already imported, unless it replaces the wave', async () => {
    const analyst = await t.loginAs('analyst');
    const refused = await upload(analyst, wave(2010, 60, 30));
    expect(refused.view).toMatchObject({ status: 'failed', failure: 'wave_exists', importedRows: 0 });
    expect(await respondentsOf(refused.view!.id)).toBe(0);
    const replaced = await upload(analyst, wave(2010, 60, 30), { replaceWave: true });
    expect(replaced.view).toMatchObject({ status: 'done', importedRows: 60 });
    const history = (await analyst.get(`/api/surveys/${demoSurveyId}/imports`)).json() as { imports: SurveyImportView[] };
    expect(history.imports.filter((i) => i.years.includes(2010)).map((i) => i.status).sort()).toEqual(['done', 'replaced']);
  });

  it('writes nothing from a file with bad rows, and says each row’s line and column; skipping them imports the rest', async () => {
    const analyst = await t.loginAs('analyst');
    const content = wave(2011, 20, 10, ['2011;9901;;8;K;;1;1;1;1;1;1', '2011;9901;;9;K;-2;1;1;1;1;1;9']);
    const { view } = await upload(analyst, content);
    expect(view).toMatchObject({ status: 'failed', failure: 'rows_invalid', rejectedRows: 2, importedRows: 0 });
    expect(view!.errors).toEqual([
      { line: 22, column: 'grade', code: 'grade_unknown' },
      { line: 23, column: 'weight', code: 'weight_invalid' },
      { line: 23, column: 'q_adult', code: 'answer_invalid' },
    ]);
    expect(await respondentsOf(view!.id)).toBe(0);
    const skipped = await upload(analyst, content, { skipInvalidRows: true });
    expect(skipped.view).toMatchObject({ status: 'done', importedRows: 20, rejectedRows: 2 });
  });

  it('refuses a file without the fixed columns at once, with the columns named', async () => {
    const res = await (await t.loginAs('analyst')).post(`/api/surveys/${demoSurveyId}/imports`, { fileName: 'x.csv', content: 'year;q_health\n2012;1\n' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'survey_file_invalid', details: [{ column: 'municipality', code: 'column_missing' }, { column: 'grade', code: 'column_missing' }, { column: 'gender', code: 'column_missing' }] } });
  });

  it('is for analysts and system administrators only, and so is its progress', async () => {
    for (const who of ['teacher', 'manager', 'coordinator', 'orgadmin', 'socialworker']) {
      const client = await t.loginAs(who);
      expect((await client.post(`/api/surveys/${demoSurveyId}/imports`, { fileName: 'w.csv', content: wave(2012, 5, 5) })).statusCode).toBe(403);
      expect((await client.get(`/api/surveys/${demoSurveyId}/imports`)).statusCode).toBe(403);
    }
    const sysadmin = await t.loginAs('sysadmin');
    const { view } = await upload(sysadmin, wave(2012, 12, 6));
    expect(view).toMatchObject({ status: 'done' });
    expect((await (await t.loginAs('teacher')).get(`/api/survey-imports/${view!.id}`)).statusCode).toBe(403);
    expect((await t.client().get(`/api/survey-imports/${view!.id}`)).statusCode).toBe(401);
  });
});

describe('estimates', () => {
  it('match the hand-computed share and Wilson interval, without login', async () => {
    // The replaced 2010 wave: 30 of 60 answer 1 (unweighted): 50 %, Wilson 37.7 %–62.3 %.
    const res = await t.client().get('/api/open/survey-estimates?indicator=lhu.mar-bra&year=2010&area=9901&gender=T&grade=9');
    expect(res.statusCode).toBe(200);
    const cell = (res.json() as EstimatesView).cells[0]!;
    const w = wilsonInterval(30, 60);
    expect(cell).toMatchObject({ suppressed: false, respondents: 60, proportion: 0.5 });
    if (cell.suppressed) return;
    expect(cell.lower).toBeCloseTo(w.lower, 10);
    expect(cell.upper).toBeCloseTo(w.upper, 10);
    expect(cell.lower).toBeCloseTo(0.377, 3);
  });

  it('show the demo’s real improvement in Exempelstad as significant, and not elsewhere by default', async () => {
    const view = (await t.client().get('/api/open/survey-estimates?indicator=lhu.mar-bra&gender=T&grade=all')).json() as EstimatesView;
    const latest = Math.max(...view.years.filter((y) => y > 2012));
    const at = (area: string) => view.cells.find((c) => c.year === latest && c.area === area)!;
    expect(at('9901').change).toMatchObject({ fromYear: latest - 3, significant: true });
    expect(at('9901').change!.difference).toBeGreaterThan(0.04);
    expect(at('9902').change?.significant).toBe(false);
    expect(view.areas.find((a) => a.code === '9901')!.name).toMatch(/Exempelstad/);
  });

  it('never return a cell with fewer respondents than the threshold, and say why it is hidden', async () => {
    const view = (await t.client().get('/api/open/survey-estimates?indicator=lhu.mar-bra')).json() as EstimatesView;
    expect(view.threshold).toBe(10);
    for (const c of view.cells) if (!c.suppressed) expect(c.respondents).toBeGreaterThanOrEqual(10);
    // Lindmo (9905) has few pupils in upper-secondary year 2: too few, and a complement beside them.
    const latest = Math.max(...view.years.filter((y) => y > 2012));
    const lindmo = view.cells.filter((c) => c.year === latest && c.area === '9905');
    expect(lindmo.find((c) => c.gender === 'K' && c.grade === 'gy2')).toMatchObject({ suppressed: true, reason: 'too_few' });
    expect(lindmo.some((c) => c.suppressed && c.reason === 'complementary')).toBe(true);
    expect(JSON.stringify(lindmo.filter((c) => c.suppressed))).not.toMatch(/respondents|proportion/);
  });

  it('are throttled per client address on the open API', async () => {
    const small = await createTestApp({ openApiPerMinute: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await small.client().get('/api/open/survey-indicators')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await small.close();
    }
  });

  it('by school unit are for analysts and system administrators only', async () => {
    const url = '/api/survey-estimates/schools?indicator=lhu.mar-bra&municipality=9901';
    expect((await t.client().get(url)).statusCode).toBe(401);
    for (const who of ['teacher', 'manager', 'coordinator', 'orgadmin', 'nurse', 'psychologist']) expect((await (await t.loginAs(who)).get(url)).statusCode).toBe(403);
    for (const who of ['analyst', 'sysadmin']) {
      const res = await (await t.loginAs(who)).get(url);
      expect(res.statusCode).toBe(200);
      const cells = (res.json() as { cells: { suppressed: boolean; respondents?: number }[] }).cells;
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) if (!c.suppressed) expect(c.respondents).toBeGreaterThanOrEqual(10);
    }
  });

  it('are documented in the OpenAPI document as open', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[] } }> };
    expect(doc.paths['/api/open/survey-estimates']?.get?.tags).toEqual(['open data']);
  });
});
