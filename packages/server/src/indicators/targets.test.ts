import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetList, TargetView } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let region: string;
let exempelstad: string;
let partner: string;
beforeAll(async () => {
  t = await createTestApp();
  const orgs = await t.database.db.selectFrom('organisation').select(['id', 'kind', 'municipality_code']).execute();
  region = orgs.find((o) => o.kind === 'region')!.id;
  exempelstad = orgs.find((o) => o.municipality_code === '9901')!.id;
  partner = orgs.find((o) => o.kind === 'partner')!.id;
  const created = await (await t.loginAs('analyst')).post('/api/indicators', { id: 'local.fullfoljda', nameSv: 'Fullföljda studier, lokalt', nameEn: 'Completed studies, local', unit: 'percent', direction: 'higher_is_better', priorityArea: 'completed_studies', source: { kind: 'local', ref: 'fullfoljda' }, breakdowns: ['year', 'municipality', 'gender'] });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t.close());

const url = '/api/indicators/local.fullfoljda/targets';
const plusTwo = { kind: 'yearly_change', baselineYear: 2020, baselineValue: 70, changePerYear: 2 };
const byYear = { kind: 'fixed_value', baselineYear: 2020, baselineValue: 60, targetYear: 2026, targetValue: 72 };

async function entries(action: string, outcome: string) {
  return t.database.db.selectFrom('audit_log').select(['actor_id', 'subject_id', 'organisation_id', 'details']).where('action', '=', action as 'indicator.target.create').where('outcome', '=', outcome as 'success').execute();
}

describe('an indicator’s targets', () => {
  it('are read by anyone logged in, who is told whether they may change them, and by no one without a session', async () => {
    expect((await t.client().get(url)).statusCode).toBe(401);
    const teacher = (await (await t.loginAs('teacher')).get(url)).json() as TargetList;
    expect(teacher).toEqual({ targets: [], canManage: false, defaultTargetIndicatorId: null });
    expect(((await (await t.loginAs('analyst')).get(url)).json() as TargetList).canManage).toBe(true);
    expect((await (await t.loginAs('analyst')).get('/api/indicators/no.such/targets')).statusCode).toBe(404);
  });

  it('are set by the indicator’s analyst for the county and a municipality, with who and when, and logged', async () => {
    const analyst = await t.loginAs('analyst');
    const county = await analyst.post(url, { organisationId: region, rule: plusTwo });
    expect(county.statusCode).toBe(201);
    expect(county.json()).toMatchObject({ indicatorId: 'local.fullfoljda', area: { kind: 'county', code: 'county' }, rule: plusTwo, setBy: { displayName: expect.any(String) } });
    const town = await analyst.post(url, { organisationId: exempelstad, rule: byYear });
    expect(town.json()).toMatchObject({ area: { kind: 'municipality', code: '9901' }, rule: byYear });
    const list = (await analyst.get(url)).json() as TargetList;
    expect(list.targets.map((x) => x.area.code)).toEqual(['county', '9901']);
    const logged = await entries('indicator.target.create', 'success');
    expect(logged.map((e) => e.organisation_id).sort()).toEqual([region, exempelstad].sort());
    expect(logged[0]!.details).toMatchObject({ after: expect.objectContaining({ baselineYear: 2020 }) });
  });

  it('are changed by the owner’s collaboration coordinator and removed by a system administrator; the rule before is logged', async () => {
    const target = ((await (await t.loginAs('analyst')).get(url)).json() as TargetList).targets.find((x) => x.area.kind === 'municipality')!;
    const coordinator = await t.loginAs('samordnare.region');
    const changed = await coordinator.patch(`${url}/${target.id}`, { rule: { ...plusTwo, changePerYear: 1.5 } });
    expect(changed.statusCode).toBe(200);
    expect((changed.json() as TargetView).rule).toEqual({ ...plusTwo, changePerYear: 1.5 });
    expect((changed.json() as TargetView).setBy.displayName).toMatch(/Rikard/);
    expect((await entries('indicator.target.update', 'success'))[0]!.details).toMatchObject({ before: byYear, after: { changePerYear: 1.5 } });
    const sysadmin = await t.loginAs('sysadmin');
    expect((await sysadmin.request('DELETE', `${url}/${target.id}`)).statusCode).toBe(204);
    expect(((await sysadmin.get(url)).json() as TargetList).targets.map((x) => x.area.code)).toEqual(['county']);
    expect((await entries('indicator.target.delete', 'success'))[0]!.details).toMatchObject({ before: { changePerYear: 1.5 } });
    expect((await sysadmin.request('DELETE', `${url}/${target.id}`)).statusCode).toBe(404);
  });

  it('are set by a municipality’s own analyst for that municipality only, who is told so by `canManage`', async () => {
    const { db } = t.database;
    const norrvik = (await db.selectFrom('organisation').select('id').where('municipality_code', '=', '9902').executeTakeFirstOrThrow()).id;
    const nurse = await db.selectFrom('app_user').select('id').where('username', '=', 'nurse').executeTakeFirstOrThrow();
    await db.insertInto('user_role').values({ user_id: nurse.id, organisation_id: norrvik, unit_id: null, role: 'analyst' }).execute();
    const analystOfNorrvik = await t.loginAs('nurse');
    expect(((await analystOfNorrvik.get(url)).json() as TargetList).canManage).toBe(true);
    expect((await analystOfNorrvik.post(url, { organisationId: norrvik, rule: plusTwo })).statusCode).toBe(201);
    expect((await analystOfNorrvik.post(url, { organisationId: partner, rule: plusTwo })).statusCode).toBe(403);
  });

  it('hold one target per organisation: a second is a conflict that names the first', async () => {
    const res = await (await t.loginAs('analyst')).post(url, { organisationId: region, rule: byYear });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict', details: [{ path: 'body.organisationId', message: 'target_exists' }] } });
  });

  it('hold one target when two are set at once: one 201, the other a conflict naming it, one entry in the log', async () => {
    const { db } = t.database;
    const lindmo = (await db.selectFrom('organisation').select('id').where('municipality_code', '=', '9903').executeTakeFirstOrThrow()).id;
    const [a, b] = [await t.loginAs('analyst'), await t.loginAs('analyst')];
    const before = (await entries('indicator.target.create', 'success')).length;
    const answers = await Promise.all([a.post(url, { organisationId: lindmo, rule: plusTwo }), b.post(url, { organisationId: lindmo, rule: byYear })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const won = answers.find((r) => r.statusCode === 201)!.json() as TargetView;
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({ error: { code: 'conflict', details: [{ path: 'body.organisationId', message: 'target_exists', targetId: won.id }] } });
    const stored = await db.selectFrom('indicator_target').select('id').where('indicator_id', '=', 'local.fullfoljda').where('organisation_id', '=', lindmo).execute();
    expect(stored).toEqual([{ id: won.id }]);
    expect(await entries('indicator.target.create', 'success')).toHaveLength(before + 1);
  });

  it('refuse bad input with the field named', async () => {
    const analyst = await t.loginAs('analyst');
    const backwards = await analyst.post(url, { organisationId: exempelstad, rule: { ...byYear, targetYear: 2019 } });
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json())).toContain('target_year_after_baseline');
    const odd = await analyst.post(url, { organisationId: exempelstad, rule: { kind: 'halved', baselineYear: 2020, baselineValue: 1 } });
    expect(odd.statusCode).toBe(400);
    expect((await analyst.post(url, { organisationId: exempelstad, rule: { ...plusTwo, baselineYear: 1850 } })).statusCode).toBe(400);
    const club = await analyst.post(url, { organisationId: partner, rule: plusTwo });
    expect(club.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'body.organisationId', message: 'not_a_municipality_or_region' }] } });
    expect((await analyst.post(url, { organisationId: '00000000-0000-4000-8000-000000000000', rule: plusTwo })).json()).toMatchObject({ error: { details: [{ message: 'unknown_organisation' }] } });
    expect((await analyst.patch(`${url}/not-a-uuid`, { rule: plusTwo })).statusCode).toBe(400);
    expect((await analyst.post('/api/indicators/no.such/targets', { organisationId: region, rule: plusTwo })).statusCode).toBe(404);
  });

  it.each(['teacher', 'guardian', 'child', 'outsider', 'orgadmin', 'manager', 'coordinator', 'nurse'])('are not set, changed or removed by %s, and the refusal is logged', async (username) => {
    const county = ((await (await t.loginAs('analyst')).get(url)).json() as TargetList).targets[0]!;
    const client = await t.loginAs(username);
    const before = (await entries('indicator.target.create', 'denied')).length;
    expect((await client.post(url, { organisationId: exempelstad, rule: plusTwo })).statusCode).toBe(403);
    expect((await client.patch(`${url}/${county.id}`, { rule: byYear })).statusCode).toBe(403);
    expect((await client.request('DELETE', `${url}/${county.id}`)).statusCode).toBe(403);
    expect((await entries('indicator.target.create', 'denied')).length).toBe(before + 1);
    const denied = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('outcome', '=', 'denied').where('subject_id', '=', 'local.fullfoljda').orderBy('seq', 'desc').limit(3).execute();
    expect(denied.map((d) => d.action).sort()).toEqual(['indicator.target.create', 'indicator.target.delete', 'indicator.target.update']);
    expect(((await (await t.loginAs('analyst')).get(url)).json() as TargetList).targets[0]!.rule).toEqual(plusTwo);
  });
});

describe('the demo’s targets', () => {
  it('are +2 points a year for the county from the first wave, and −2 where lower is better; Exempelstad has its own for "mår bra"', async () => {
    const client = await t.loginAs('teacher');
    const feelWell = ((await client.get('/api/indicators/lhu.mar-bra/targets')).json() as TargetList).targets;
    expect(feelWell).toEqual([
      expect.objectContaining({ area: { kind: 'county', code: 'county' }, rule: expect.objectContaining({ kind: 'yearly_change', changePerYear: 2 }) }),
      expect.objectContaining({ area: { kind: 'municipality', code: '9901' }, organisation: expect.objectContaining({ name: 'Exempelstads kommun' }), rule: expect.objectContaining({ kind: 'yearly_change', baselineYear: feelWell[0]!.rule.baselineYear, changePerYear: 2 }) }),
    ]);
    const stressed = ((await client.get('/api/indicators/lhu.stressad/targets')).json() as TargetList).targets;
    expect(stressed[0]!.rule).toMatchObject({ changePerYear: -2 });
  });
});
