import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalImportView, LocalPreviewView, SeriesView } from '@samsyn/core';
import { localLayout, newcombeDifference, runChartAnalysis } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { runLocalImport, STALE_AFTER_MS } from './local-import.ts';
import { readLocalFile } from './local-file.ts';
import { findIndicator } from './queries.ts';

let t: TestApp;
let analyst: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  analyst = await t.loginAs('analyst');
  const created = await analyst.post('/api/indicators', { id: 'local.fysisk-aktivitet', nameSv: 'Fysiskt aktiva, lokal enkät', nameEn: 'Physically active, local survey', unit: 'percent', direction: 'higher_is_better', priorityArea: 'physical_activity', source: { kind: 'local', ref: 'fysisk-aktivitet' }, breakdowns: ['year', 'municipality', 'gender', 'school_unit'] });
  expect(created.statusCode).toBe(201);
  // A second local indicator, for the tests of imports at once and of a stale import.
  const other = await analyst.post('/api/indicators', { id: 'local.samtidig', nameSv: 'Samtidig import', nameEn: 'Concurrent import', unit: 'percent', direction: 'higher_is_better', priorityArea: 'other', source: { kind: 'local', ref: 'samtidig' }, breakdowns: ['year', 'municipality'] });
  expect(other.statusCode).toBe(201);
});
afterAll(() => t.close());

const base = '/api/indicators/local.fysisk-aktivitet';
const mapping = { year: 'År', municipality: 'Kommun', schoolUnit: 'Skolenhet', gender: 'Kön', value: 'Andel', count: 'Antal', status: 'Status' };
const header = 'År;Kommun;Skolenhet;Kön;Andel;Antal;Status';
const good = ['2020;9901;;T;60,0;400;', '2021;9901;;T;62,5;410;', '2023;9901;;T;64,0;420;', '2021;9901;;K;;;..', '2021;9902;12345678;M;55,5;40;'];
const bad = ['2021;99;;T;50;;', '2021;9901;;X;abc;;'];
const csv = (rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const upload = (content: string, extra: Record<string, unknown> = {}) => ({ fileName: 'aktivitet.csv', format: 'csv', content, mapping, ...extra });

async function waitFor(client: TestClient, id: string): Promise<LocalImportView> {
  for (let i = 0; i < 400; i++) {
    const view = (await client.get(`/api/local-imports/${id}`)).json() as LocalImportView;
    if (!['reading', 'saving'].includes(view.status)) return view;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function importFile(body: unknown): Promise<LocalImportView> {
  const res = await analyst.post(`${base}/local-imports`, body);
  expect(res.statusCode).toBe(202);
  return waitFor(analyst, (res.json() as LocalImportView).id);
}

async function state() {
  const { db } = t.database;
  return {
    values: await db.selectFrom('local_value').select(['municipality', 'school_unit', 'year', 'gender', 'value', 'status', 'count']).where('indicator_id', '=', 'local.fysisk-aktivitet').orderBy('municipality').orderBy('school_unit').orderBy('year').orderBy('gender').execute(),
    revisions: await db.selectFrom('local_value_revision').select(['municipality', 'year', 'gender', 'value', 'status']).where('indicator_id', '=', 'local.fysisk-aktivitet').orderBy('id').execute(),
  };
}

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(header.split(';'));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('local statistics import', () => {
  it('previews a file with its errors per row and column, and writes nothing', async () => {
    const res = await analyst.post(`${base}/local-imports/preview`, upload(csv([...good, ...bad])));
    expect(res.statusCode).toBe(200);
    const preview = res.json() as LocalPreviewView;
    expect(preview).toMatchObject({ header: header.split(';'), total: 7, valid: 5, rejected: 2 });
    expect(preview.errors).toEqual([
      { line: 7, column: 'Kommun', code: 'municipality_invalid' },
      { line: 8, column: 'Kön', code: 'gender_invalid' },
      { line: 8, column: 'Andel', code: 'value_invalid' },
    ]);
    expect(preview.sample[3]).toEqual({ year: 2021, municipality: '9901', schoolUnit: '', gender: 'K', value: null, status: 'confidential', count: null });
    expect(await state()).toEqual({ values: [], revisions: [] });
    expect(await t.database.db.selectFrom('local_import').select('id').execute()).toEqual([]);
  });

  it('refuses a mapping whose column is not in the file, naming it', async () => {
    const res = await analyst.post(`${base}/local-imports/preview`, upload('År;Kommun;Kön;Andel\n2020;9901;T;60\n', { mapping: { ...mapping, value: 'Värde' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'local_file_invalid', details: expect.arrayContaining([{ line: 1, column: 'Värde', code: 'column_missing' }]) } });
    const broken = await analyst.post(`${base}/local-imports/preview`, { ...upload('x'), format: 'xlsx' });
    expect(broken.json()).toMatchObject({ error: { code: 'local_file_invalid', details: [{ code: 'file_unreadable' }] } });
  });

  it('writes nothing from a file with bad rows until skipping them is accepted; then only the good rows', async () => {
    const refused = await importFile(upload(csv([...good, ...bad])));
    expect(refused).toMatchObject({ status: 'failed', failure: 'rows_invalid', counts: { added: 0, rejected: 2 }, totalRows: 7, processedRows: 7 });
    expect((await state()).values).toEqual([]);
    const skipped = await importFile(upload(csv([...good, ...bad]), { skipInvalidRows: true }));
    expect(skipped).toMatchObject({ status: 'done', failure: null, counts: { added: 5, revised: 0, unchanged: 0, rejected: 2 } });
    expect(skipped.errors).toHaveLength(3);
    const { values } = await state();
    expect(values).toHaveLength(5);
    expect(values.find((v) => v.school_unit === '12345678')).toMatchObject({ municipality: '9902', value: 55.5, count: 40 });
    expect(values.find((v) => v.gender === 'K')).toMatchObject({ value: null, status: 'confidential' });
    const logged = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'indicator.local.import.run').execute();
    expect(logged).toEqual([{ action: 'indicator.local.import.run', details: expect.objectContaining({ added: 5, rejected: 2 }) }]);
  });

  it('imports the same figures again from Excel and changes nothing', async () => {
    const before = await state();
    const content = await xlsx([[2020, '9901', null, 'T', 60, 400, null], [2021, '9901', null, 'T', 62.5, 410, null], [2023, '9901', null, 'T', 64, 420, null], [2021, '9901', null, 'K', null, null, '..'], [2021, '9902', '12345678', 'M', 55.5, 40, null]]);
    const again = await importFile({ ...upload(content), fileName: 'aktivitet.xlsx', format: 'xlsx' });
    expect(again).toMatchObject({ status: 'done', format: 'xlsx', counts: { added: 0, revised: 0, unchanged: 5, rejected: 0 } });
    expect(await state()).toEqual(before);
  });

  it('keeps the earlier version of a revised figure', async () => {
    const revised = await importFile(upload(csv(['2021;9901;;T;63,0;410;'])));
    expect(revised.counts).toEqual({ added: 0, revised: 1, unchanged: 0, rejected: 0 });
    // The raw figures (school units, counts) are the keepers': a teacher is refused them.
    expect((await (await t.loginAs('teacher')).get(`${base}/local-values`)).statusCode).toBe(403);
    const values = ((await analyst.get(`${base}/local-values`)).json() as { values: { municipality: string; year: number; gender: string; value: number; history: { value: number }[] }[] }).values;
    expect(values.find((v) => v.municipality === '9901' && v.year === 2021 && v.gender === 'T')).toMatchObject({ value: 63, history: [{ value: 62.5 }] });
  });

  it('keeps a history of who imported which file, and how many rows', async () => {
    const { imports } = (await analyst.get(`${base}/local-imports`)).json() as { imports: LocalImportView[] };
    expect(imports.map((i) => [i.fileName, i.status, i.counts.added, i.counts.revised])).toEqual([
      ['aktivitet.csv', 'done', 0, 1],
      ['aktivitet.xlsx', 'done', 0, 0],
      ['aktivitet.csv', 'done', 5, 0],
      ['aktivitet.csv', 'failed', 0, 0],
    ]);
    expect(imports[0]!.importedBy.displayName).toMatch(/Alva/);
  });

  it('shows progress on a large file and ends with every row read', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `${1990 + (i % 100)};${String(1000 + Math.floor(i / 100)).padStart(4, '0')};;T;${(i % 1000) / 10};;`);
    const done = await importFile(upload(csv(rows)));
    expect(done).toMatchObject({ status: 'done', totalRows: 12_000, processedRows: 12_000, counts: { added: 12_000 } });
  });

  it.each(['teacher', 'guardian', 'outsider', 'coordinator', 'orgadmin', 'manager'])('is refused to %s', async (username) => {
    const client = await t.loginAs(username);
    expect((await client.post(`${base}/local-imports/preview`, upload(csv(good)))).statusCode).toBe(403);
    expect((await client.post(`${base}/local-imports`, upload(csv(good)))).statusCode).toBe(403);
    expect((await client.get(`${base}/local-imports`)).statusCode).toBe(403);
  });

  it('runs one import of an indicator at a time: of two at once one is started (202), the other refused (409)', async () => {
    const other = '/api/indicators/local.samtidig';
    // Large enough that the first is still reading when the second asks; a bad last row, so nothing is saved.
    const rows = [...Array.from({ length: 12_000 }, (_, i) => `${1990 + (i % 100)};${String(1000 + Math.floor(i / 100)).padStart(4, '0')};;T;50;;`), '2021;99;;T;50;;'];
    const second = await t.loginAs('analyst');
    const answers = await Promise.all([analyst.post(`${other}/local-imports`, upload(csv(rows))), second.post(`${other}/local-imports`, upload(csv(rows)))]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([202, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({ error: { code: 'local_import_state', details: { reason: 'import_running' } } });
    const started = answers.find((r) => r.statusCode === 202)!.json() as LocalImportView;
    expect((await waitFor(analyst, started.id)).failure).toBe('rows_invalid');
    const { imports } = (await analyst.get(`${other}/local-imports`)).json() as { imports: LocalImportView[] };
    expect(imports.map((i) => i.id)).toEqual([started.id]);
    // The database itself holds the rule: a second running row of the indicator is refused.
    const { db } = t.database;
    const running = { indicator_id: 'local.samtidig', file_name: 'x.csv', file_sha256: 'x', format: 'csv' as const, mapping: '{}', status: 'reading' as const, imported_by: started.importedBy.id, started_at: t.app.services.clock.now(), heartbeat_at: t.app.services.clock.now() };
    await db.insertInto('local_import').values(running).execute();
    await expect(db.insertInto('local_import').values(running).execute()).rejects.toThrow(/local_import_one_running/);
    await db.deleteFrom('local_import').where('indicator_id', '=', 'local.samtidig').where('status', '=', 'reading').execute();
  });

  it('fails a running import whose heartbeat is older than the timeout (its process died), and starts the new one; a live one still refuses', async () => {
    const other = '/api/indicators/local.samtidig';
    const { db } = t.database;
    const now = t.app.services.clock.now();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const owner = (await db.selectFrom('app_user').select('id').where('username', '=', 'analyst').executeTakeFirstOrThrow()).id;
    const dead = await db.insertInto('local_import').values({ indicator_id: 'local.samtidig', file_name: 'dog.csv', file_sha256: 'x', format: 'csv', mapping: '{}', status: 'saving', imported_by: owner, started_at: ago(STALE_AFTER_MS + 120_000), heartbeat_at: ago(STALE_AFTER_MS - 60_000) }).returning('id').executeTakeFirstOrThrow();
    // Within the timeout it is taken as alive.
    const refused = await analyst.post(`${other}/local-imports`, upload(csv(good)));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'local_import_state' } });
    // Its beat one minute past the timeout: it is failed, logged, and the new import runs.
    await db.updateTable('local_import').set({ heartbeat_at: ago(STALE_AFTER_MS + 60_000) }).where('id', '=', dead.id).execute();
    const res = await analyst.post(`${other}/local-imports`, upload(csv(good)));
    expect(res.statusCode).toBe(202);
    expect(await waitFor(analyst, (res.json() as LocalImportView).id)).toMatchObject({ status: 'done', counts: { added: 5 } });
    const after = (await analyst.get(`/api/local-imports/${dead.id}`)).json() as LocalImportView;
    expect(after).toMatchObject({ status: 'failed', failure: 'internal_error' });
    expect(Date.parse(after.finishedAt!)).toBeGreaterThanOrEqual(now.getTime());
    const logged = await db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'indicator.local.import.run').where('subject_id', '=', dead.id).execute();
    expect(logged).toEqual([{ outcome: 'failure', details: expect.objectContaining({ reason: 'stale', heartbeatAt: ago(STALE_AFTER_MS + 60_000).toISOString() }) }]);
  });

  it('stops a run that a newer import failed as stale: it writes nothing and leaves the row failed', async () => {
    const { db } = t.database;
    const indicator = (await findIndicator(db, 'local.samtidig'))!;
    const owner = (await db.selectFrom('app_user').select('id').where('username', '=', 'analyst').executeTakeFirstOrThrow()).id;
    const now = t.app.services.clock.now();
    // The row as a newer import left it: failed while its run was still reading.
    const row = await db.insertInto('local_import').values({ indicator_id: indicator.id, file_name: 'sen.csv', file_sha256: 'x', format: 'csv', mapping: '{}', status: 'failed', failure: 'internal_error', imported_by: owner, started_at: now, heartbeat_at: now, finished_at: now }).returning('id').executeTakeFirstOrThrow();
    const before = await db.selectFrom('local_value').select(['municipality', 'year', 'gender', 'value']).where('indicator_id', '=', indicator.id).orderBy('municipality').orderBy('year').orderBy('gender').execute();
    const fresh = ['2030;9905;;T;10,0;;', '2031;9905;;T;11,0;;'];
    const table = await readLocalFile('csv', csv(fresh));
    const { layout } = localLayout(table.header, mapping);
    await runLocalImport({ db, clock: t.app.services.clock }, { importId: row.id, indicator, table, layout: layout!, upload: { fileName: 'sen.csv', format: 'csv', content: csv(fresh), mapping, skipInvalidRows: false }, audit: {} });
    expect(await db.selectFrom('local_value').select(['municipality', 'year', 'gender', 'value']).where('indicator_id', '=', indicator.id).orderBy('municipality').orderBy('year').orderBy('gender').execute()).toEqual(before);
    expect(await db.selectFrom('local_import').select(['status', 'failure', 'processed_rows']).where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual({ status: 'failed', failure: 'internal_error', processed_rows: 0 });
  });

  it('is only for local indicators', async () => {
    const res = await analyst.post('/api/indicators/lhu.mar-bra/local-imports/preview', upload(csv(good)));
    expect(res.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ message: 'not_a_local_indicator' }] } });
  });
});

describe('a yearly series with its stored target', () => {
  it('judges each year after the baseline on track, off track or without data, with the gap in points', async () => {
    const organisations = await t.database.db.selectFrom('organisation').select(['id', 'municipality_code']).where('municipality_code', '=', '9901').execute();
    const target = await analyst.post(`${base}/targets`, { organisationId: organisations[0]!.id, rule: { kind: 'yearly_change', baselineYear: 2020, baselineValue: 60, changePerYear: 2 } });
    expect(target.statusCode).toBe(201);
    const series = (await (await t.loginAs('teacher')).get(`${base}/series?area=9901`)).json() as SeriesView;
    expect(series.points.map((p) => [p.year, p.value])).toEqual([[2020, 60], [2021, 63], [2023, 64]]);
    expect(series.judged.map((j) => [j.year, j.expected, j.status, j.gap])).toEqual([
      [2021, 62, 'on_track', 1],
      [2022, 64, 'no_data', null],
      [2023, 66, 'off_track', -2],
    ]);
    // A place with figures for a school unit only is not an area of the series.
    expect(series.areas.map((a) => a.code)).toEqual(expect.arrayContaining(['county', '9901']));
    expect(series.areas.map((a) => a.code)).not.toContain('9902');
    expect(series.judgedBy).toEqual({ source: 'stored', rule: { kind: 'yearly_change', baselineYear: 2020, baselineValue: 60, changePerYear: 2 } });
    // No figures and no target: nothing to judge by, not even the shared rule.
    const county = (await analyst.get(`${base}/series`)).json() as SeriesView;
    expect(county).toMatchObject({ area: { code: 'county' }, points: [], target: null, judgedBy: null, judged: [] });
  });

  it('gives each year’s change with Newcombe’s interval where the shares’ counts are known, and the run-chart rules', async () => {
    const series = (await analyst.get(`${base}/series?area=9901`)).json() as SeriesView;
    const rows = await t.database.db.selectFrom('local_value').select(['year', 'value', 'count']).where('indicator_id', '=', 'local.fysisk-aktivitet').where('municipality', '=', '9901').where('school_unit', '=', '').where('gender', '=', 'T').orderBy('year').execute();
    const share = (r: (typeof rows)[number]) => ({ successes: Math.round((r.value! / 100) * r.count!), n: r.count! });
    const expected = rows.slice(1).map((r, i) => {
      const d = newcombeDifference(share(r), share(rows[i]!));
      return { year: r.year, difference: expect.closeTo(r.value! - rows[i]!.value!, 9), interval: { lower: expect.closeTo(d.lower * 100, 9), upper: expect.closeTo(d.upper * 100, 9), significant: d.significant } };
    });
    expect(series.changes).toEqual(expected);
    expect(series.changes.map((c) => c.year)).toEqual([2021, 2023]);
    for (const c of series.changes) expect(c.interval!.lower).toBeLessThan(c.difference);
    // Three points are too few for Anhøj's rules: the figures are given, no signal.
    expect(series.runChart).toMatchObject({ n: 2, signal: false });
  });

  it('reads the demo’s Kolada series, and an indicator of the municipality’s own schools defaults to the hemkommun target', async () => {
    const teacher = await t.loginAs('teacher');
    const home = (await teacher.get('/api/indicators/kolada.n99001/series')).json() as SeriesView;
    expect(home.points).toHaveLength(10);
    expect(home.target).toMatchObject({ indicatorId: 'kolada.n99001', rule: { changePerYear: 2 } });
    expect(home.judged).toHaveLength(9);
    // Kolada gives no number of pupils, so its changes have no interval; ten years rising are a signal by the crossings rule.
    expect(home.changes).toHaveLength(9);
    expect(home.changes.every((c) => c.interval === null)).toBe(true);
    expect(home.runChart).toEqual(runChartAnalysis(home.points.map((p) => p.value)));
    expect(home.runChart).toMatchObject({ n: 10, crossingsSignal: true, signal: true });
    const own = (await teacher.get('/api/indicators/kolada.n99002/series?area=county')).json() as SeriesView;
    expect(own.target?.indicatorId).toBe('kolada.n99001');
    const lindmo = (await teacher.get('/api/indicators/kolada.n99002/series?area=9905&gender=K')).json() as SeriesView;
    expect(lindmo.points.filter((p) => p.status === 'confidential')).toHaveLength(1);
    expect((await teacher.get('/api/indicators/lhu.mar-bra/series')).statusCode).toBe(400);
  });

  it('holds the demo’s six Kolada indicators over the three priorities: ten years each, the county’s +2 a year, one revised value and one confidential cell', async () => {
    const teacher = await t.loginAs('teacher');
    const twins: Record<string, string> = { 'kolada.n99002': 'kolada.n99001', 'kolada.u15571': 'kolada.u15570' };
    for (const id of ['kolada.n99001', 'kolada.n99002', 'kolada.u15611', 'kolada.u15613', 'kolada.u15570', 'kolada.u15571']) {
      const view = (await teacher.get(`/api/indicators/${id}/series`)).json() as SeriesView;
      expect(view.points).toHaveLength(10);
      expect(view.areas.map((a) => a.code)).toEqual(['county', '9901', '9902', '9903', '9904', '9905']);
      // Judged by the county's stored target, +2 points a year from the first year; a kommunala skolor twin by its hemkommun one's.
      expect(view.target).toMatchObject({ indicatorId: twins[id] ?? id, area: { kind: 'county' }, rule: { kind: 'yearly_change', changePerYear: 2 } });
      expect(view.judgedBy?.source).toBe('stored');
      expect(view.judged).toHaveLength(9);
    }
    const kpis = ['N99001', 'N99002', 'U15611', 'U15613', 'U15570', 'U15571'];
    const db = t.database.db;
    expect((await db.selectFrom('kolada_value').select('status').where('kpi', 'in', kpis).where('status', '<>', 'ok').execute()).map((r) => r.status)).toEqual(['confidential']);
    expect(await db.selectFrom('kolada_value_revision').select(['kpi', 'municipality']).where('kpi', 'in', kpis).execute()).toEqual([{ kpi: 'N99001', municipality: '9901' }]);
  });

  it('judges a municipality without a target of its own by the county’s shared rule, +2 a year from its first figure, and says so', async () => {
    const view = (await (await t.loginAs('teacher')).get('/api/indicators/kolada.n99001/series?area=9902')).json() as SeriesView;
    const first = view.points[0]!;
    expect(view.target).toBeNull();
    expect(view.judgedBy).toEqual({ source: 'shared', rule: { kind: 'yearly_change', baselineYear: first.year, baselineValue: first.value, changePerYear: 2 } });
    expect(view.judged.map((j) => j.year)).toEqual(view.points.slice(1).map((p) => p.year));
    for (const [i, j] of view.judged.entries()) {
      expect(j.expected).toBeCloseTo(first.value! + 2 * (i + 1), 9);
      expect(j.status).toBe(j.actual! >= j.expected ? 'on_track' : 'off_track');
    }
    expect((await t.client().get('/api/indicators/kolada.n99001/series')).statusCode).toBe(401);
  });
});
