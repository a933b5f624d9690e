import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../core/src/indicators/fixtures');
const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(path.join(fixtures, name), 'utf8'));
const files = async (...names: string[]) => ({ files: await Promise.all(names.map(async (name) => ({ name, content: await fixture(name) }))) });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const indicator = {
  id: 'kolada.n15419',
  nameSv: 'Behöriga till yrkesprogram, hemkommun',
  nameEn: 'Eligible for a vocational programme, home municipality',
  unit: 'percent',
  direction: 'higher_is_better',
  priorityArea: 'completed_studies',
  source: { kind: 'kolada', ref: 'N15419' },
  pupilBasis: 'home_municipality',
  breakdowns: ['year', 'municipality', 'gender'],
};

/** The whole Kolada state but the import history: what an idempotent import must leave alone. */
async function koladaState() {
  const { db } = t.database;
  return {
    values: await db.selectFrom('kolada_value').select(['kpi', 'municipality', 'ou', 'period', 'gender', 'value', 'status', 'count']).orderBy(['kpi', 'municipality', 'ou', 'period', 'gender']).execute(),
    revisions: await db.selectFrom('kolada_value_revision').select(['kpi', 'municipality', 'period', 'gender', 'value', 'status']).orderBy('id').execute(),
    kpis: await db.selectFrom('kolada_kpi').select(['id', 'title', 'title_changed_from', 'last_import_id']).orderBy('id').execute(),
    municipalities: await db.selectFrom('kolada_municipality').selectAll().orderBy('id').execute(),
  };
}

describe('the indicator catalogue', () => {
  it('is read by anyone logged in, and by no one without a session', async () => {
    expect((await t.client().get('/api/indicators')).statusCode).toBe(401);
    // The demo's catalogue holds its survey's indicators (demo/surveys.ts), Samsyn's own from the
    // child level (child-level-indicators/catalogue.ts) and its six Kolada KPIs, two for each of the
    // three priorities (demo/population-targets.ts).
    const { indicators } = (await (await t.loginAs('teacher')).get('/api/indicators')).json() as { indicators: { id: string; priorityArea: string; source: { kind: string } }[] };
    expect(indicators.some((i) => i.source.kind === 'survey')).toBe(true);
    expect(indicators.every((i) => i.source.kind === 'survey' || i.source.kind === 'samsyn' || i.source.kind === 'kolada')).toBe(true);
    const kolada = indicators.filter((i) => i.source.kind === 'kolada');
    expect(kolada.map((i) => i.id).sort()).toEqual(['kolada.n99001', 'kolada.n99002', 'kolada.u15570', 'kolada.u15571', 'kolada.u15611', 'kolada.u15613']);
    expect(kolada.map((i) => i.priorityArea).sort()).toEqual(['completed_studies', 'completed_studies', 'mental_health', 'mental_health', 'physical_activity', 'physical_activity']);
  });

  it('is kept by an analyst, for her own organisation, and logged', async () => {
    const analyst = await t.loginAs('analyst');
    const res = await analyst.post('/api/indicators', indicator);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'kolada.n15419', owner: { name: expect.any(String) }, pupilBasis: 'home_municipality', koladaTitleChanged: null });
    const entry = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id', 'outcome']).where('action', '=', 'indicator.create').executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'indicator.create', subject_id: 'kolada.n15419', outcome: 'success' });
    const changed = await analyst.patch('/api/indicators/kolada.n15419', { nameEn: 'Eligible for vocational programmes (home municipality)' });
    expect(changed.json()).toMatchObject({ nameEn: 'Eligible for vocational programmes (home municipality)', nameSv: indicator.nameSv });
  });

  it('holds a source once: the same KPI again is a conflict that names the indicator', async () => {
    const res = await (await t.loginAs('analyst')).post('/api/indicators', { ...indicator, id: 'kolada.n15419.copy', pupilBasis: 'municipal_schools' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict', details: [{ path: 'body.source.ref', message: 'source_in_catalogue', indicatorId: 'kolada.n15419' }] } });
  });

  it('refuses bad input with the field named', async () => {
    const analyst = await t.loginAs('analyst');
    const res = await analyst.post('/api/indicators', { ...indicator, id: 'Not An Id', unit: 'percentage', breakdowns: ['year', 'year'] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.id', 'body.unit', 'body.breakdowns']));
  });

  it.each(['teacher', 'orgadmin', 'manager', 'coordinator', 'guardian'])('refuses %s as a keeper of the catalogue', async (username) => {
    const client = await t.loginAs(username);
    expect((await client.post('/api/indicators', { ...indicator, id: `x.${username}`, source: { kind: 'survey', ref: username } })).statusCode).toBe(403);
    expect((await client.patch('/api/indicators/kolada.n15419', { nameSv: 'x' })).statusCode).toBe(403);
    expect((await client.post('/api/kolada/imports', await files('v2-data-page1.json'))).statusCode).toBe(403);
    expect((await client.get('/api/kolada/imports')).statusCode).toBe(403);
  });

  it('lets a system administrator keep it too, naming the owner', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const withoutOwner = await sysadmin.post('/api/indicators', { ...indicator, id: 'survey.mar-bra', source: { kind: 'survey', ref: 'mar_bra' }, priorityArea: 'mental_health', pupilBasis: null });
    expect(withoutOwner.statusCode).toBe(400);
    const region = (await t.database.db.selectFrom('organisation').select('id').where('kind', '=', 'region').executeTakeFirstOrThrow()).id;
    const res = await sysadmin.post('/api/indicators', { ...indicator, id: 'survey.mar-bra', source: { kind: 'survey', ref: 'mar_bra' }, priorityArea: 'mental_health', pupilBasis: null, ownerOrganisationId: region });
    expect(res.statusCode).toBe(201);
  });
});

describe('Kolada import from files', () => {
  it('reads v2 pages with their metadata, keeps ids and reasons, and reports a rejected row', async () => {
    const analyst = await t.loginAs('analyst');
    const res = await analyst.post('/api/kolada/imports', await files('v2-kpi.json', 'v2-municipality.json', 'v2-data-page1.json', 'v2-data-page2.json'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ counts: { values: 9, added: 9, revised: 0, unchanged: 0, rejected: 0, kpis: 1, municipalities: 3 }, importedBy: { displayName: 'Alva Analytiker' }, source: expect.stringContaining('v2-kpi.json') });
    const values = (await analyst.get('/api/kolada/values?kpi=N15419&municipality=0760')).json() as { values: { gender: string; value: number | null; status: string; municipalityName: string }[] };
    expect(values.values.map((v) => [v.gender, v.value, v.status])).toEqual([['K', null, 'confidential'], ['M', 70, 'ok'], ['T', 73.4, 'ok']]);
    expect(values.values[0]!.municipalityName).toBe('Uppvidinge');
  });

  it('imported again, v2 or v3, leaves the same state, and the history has both imports', async () => {
    const analyst = await t.loginAs('analyst');
    const before = await koladaState();
    // The demo's own import of its schools' results (demo/schools.ts) is in the history too.
    const history = async () => ((await analyst.get('/api/kolada/imports')).json() as { imports: unknown[] }).imports.length;
    const earlier = await history();
    const again = await analyst.post('/api/kolada/imports', await files('v2-kpi.json', 'v2-municipality.json', 'v2-data-page1.json', 'v2-data-page2.json'));
    expect(again.json()).toMatchObject({ counts: { added: 0, revised: 0, unchanged: 9 } });
    const v3 = await analyst.post('/api/kolada/imports', await files('v3-data-page1.json', 'v3-data-page2.json'));
    expect(v3.json()).toMatchObject({ counts: { added: 0, revised: 0, unchanged: 9, rejected: 1 }, rejected: [{ file: 'v3-data-page2.json', path: 'values[1]' }] });
    expect(await koladaState()).toEqual(before);
    expect(await history()).toBe(earlier + 2);
  });

  it('keeps a revised value’s history and shows what changed', async () => {
    const analyst = await t.loginAs('analyst');
    const page = (await fixture('v2-data-page1.json')) as { values: { municipality: string; values: { gender: string; value: number | null; status: string }[] }[] };
    const vaxjo = page.values.find((v) => v.municipality === '0780')!;
    vaxjo.values.find((c) => c.gender === 'T')!.value = 81.4;
    const res = await analyst.post('/api/kolada/imports', { files: [{ name: 'revised.json', content: page }] });
    expect(res.json()).toMatchObject({ counts: { added: 0, revised: 1, unchanged: 5 }, revised: [{ key: 'N15419|0780||2023|T', before: 81.2, after: 81.4, beforeStatus: 'ok', afterStatus: 'ok' }] });
    const values = (await analyst.get('/api/kolada/values?kpi=N15419&municipality=0780&gender=T')).json() as { values: { value: number; history: { value: number }[] }[] };
    expect(values.values).toEqual([expect.objectContaining({ value: 81.4, history: [expect.objectContaining({ value: 81.2, status: 'ok' })] })]);
  });

  it('flags an indicator whose KPI title changed, until an analyst confirms it', async () => {
    const analyst = await t.loginAs('analyst');
    await analyst.post('/api/kolada/imports', await files('v3-kpi.json'));
    const flagged = (await analyst.get('/api/indicators/kolada.n15419')).json() as { koladaTitleChanged: { before: string; after: string } | null };
    expect(flagged.koladaTitleChanged).toEqual({ before: 'Elever i åk. 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)', after: 'Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)' });
    expect((await (await t.loginAs('teacher')).post('/api/indicators/kolada.n15419/kpi-title-confirmation', {})).statusCode).toBe(403);
    const confirmed = await analyst.post('/api/indicators/kolada.n15419/kpi-title-confirmation', {});
    expect(confirmed.json()).toMatchObject({ koladaTitleChanged: null });
  });

  it('rejects a file that is not Kolada’s, and refuses an empty import', async () => {
    const analyst = await t.loginAs('analyst');
    const res = await analyst.post('/api/kolada/imports', { files: [{ name: 'notes.json', content: { hello: 'world' } }] });
    expect(res.json()).toMatchObject({ counts: { values: 0, rejected: 1 }, rejected: [{ file: 'notes.json', reason: expect.stringContaining('not a Kolada') }] });
    expect((await analyst.post('/api/kolada/imports', { files: [] })).statusCode).toBe(400);
  });
});

describe('Kolada import fetched from the API', () => {
  // A real HTTP server that answers as Kolada's v3 API does, from the fixtures, two data pages.
  let kolada: Server;
  let base = '';
  let fetchApp: TestApp;
  beforeAll(async () => {
    const pages: Record<string, unknown> = {
      '/v3/kpi/N15419': await fixture('v3-kpi.json'),
      '/v3/municipality': await fixture('v2-municipality.json'),
      '/v3/data/kpi/N15419/year/2023': await fixture('v3-data-page1.json'),
      '/v3/data/kpi/N15419/year/2023?page=2&per_page=2': await fixture('v3-data-page2.json'),
      '/v3/kpi/N99999': { count: 0, values: [] },
      '/v3/data/kpi/N99999/year/2023': { count: 1, values: [], next_url: 'http://elsewhere.invalid/v3/x' },
    };
    kolada = createServer((req, res) => {
      let body = pages[req.url ?? ''];
      if (body === undefined) return void res.writeHead(404).end();
      body = JSON.parse(JSON.stringify(body).replaceAll('https://api.kolada.se', base.replace(/\/v3$/, '')));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => kolada.listen(0, '127.0.0.1', resolve));
    const address = kolada.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v3`;
    fetchApp = await createTestApp({ koladaBaseUrl: base });
  });
  afterAll(async () => {
    await fetchApp?.close();
    await new Promise((resolve) => kolada?.close(resolve));
  });

  it('follows next_url and imports what it fetched', async () => {
    const analyst = await fetchApp.loginAs('analyst');
    const res = await analyst.post('/api/kolada/imports/fetch', { kpis: ['N15419'], years: [2023] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: `api: ${base}`, counts: { values: 9, added: 9, kpis: 1, municipalities: 3, rejected: 1 } });
  });

  it('answers 502 when Kolada fails or links outside its address, and imports nothing', async () => {
    const analyst = await fetchApp.loginAs('analyst');
    const before = (await fetchApp.database.db.selectFrom('kolada_import').select('id').execute()).length;
    const unknown = await analyst.post('/api/kolada/imports/fetch', { kpis: ['N00000'], years: [2023] });
    expect(unknown.statusCode).toBe(502);
    expect(unknown.json()).toMatchObject({ error: { code: 'upstream_unavailable', details: { reason: expect.stringContaining('404') } } });
    const away = await analyst.post('/api/kolada/imports/fetch', { kpis: ['N99999'], years: [2023] });
    expect(away.json()).toMatchObject({ error: { code: 'upstream_unavailable', details: { reason: expect.stringContaining('outside') } } });
    expect((await fetchApp.database.db.selectFrom('kolada_import').select('id').execute()).length).toBe(before);
  });
});
