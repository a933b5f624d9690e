import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type AgreementList, type AgreementView, type PlacementList } from '@samsyn/core';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let coordinator: TestClient;
let today: string;
let orgs: { region: string; m1: string; m2: string; m3: string };

const professionals = ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'counsellor', 'intake', 'manager.norrvik', 'samordnare.norrvik', 'samordnare.sjobacka', 'samordnare.region'];
const orgId = async (name: string) => (await t.database.db.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const userId = async (username: string) => (await t.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  today = stockholmDate(t.app.services.clock.now());
  orgs = { region: await orgId(county.region.name), m1: await orgId(county.municipalities[0].name), m2: await orgId(county.municipalities[1].name), m3: await orgId(county.municipalities[2].name) };
});
afterAll(() => t.close());

describe('the library of agreements', () => {
  it('has the demo’s four agreements, the Västbus guidelines due for revision', async () => {
    const list = (await coordinator.get('/api/agreements')).json() as AgreementList;
    expect(list.agreements).toHaveLength(4);
    expect(list.agreements.filter((a) => a.status !== 'current').map((a) => [a.title.slice(0, 7), a.status, a.currentVersion])).toEqual([['Västbus', 'revision_soon', 2]]);
  });

  it('is read by every professional and refused to citizens; only coordinators of a party or owners change it', async () => {
    const list = (await coordinator.get('/api/agreements')).json() as AgreementList;
    const sip = list.agreements.find((a) => a.title.startsWith('Rutin för samordnad'))!; // parties: the region and Exempelstad, owner coordinator
    const editors = ['coordinator', 'samordnare.region'];
    for (const username of professionals) {
      const client = await t.loginAs(username);
      expect((await client.get('/api/agreements')).statusCode, username).toBe(200);
      const res = await client.post(`/api/agreements/${sip.id}/versions`, { summary: `Ändrad av ${username}`, decidedOn: today });
      expect(res.statusCode, username).toBe(editors.includes(username) ? 201 : 403);
    }
    for (const username of ['guardian', 'child']) expect((await (await t.loginAs(username)).get('/api/agreements')).statusCode, username).toBe(403);
    const after = (await coordinator.get(`/api/agreements/${sip.id}`)).json() as AgreementView;
    expect(after.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_username']).where('subject_id', '=', sip.id).orderBy('seq').execute();
    expect(audit.filter((a) => a.outcome === 'success').map((a) => a.action)).toEqual(['agreement.version.add', 'agreement.version.add']);
    // The refused versions are logged too, under the change each professional tried.
    const denied = audit.filter((a) => a.outcome === 'denied');
    expect(denied.map((a) => a.actor_username)).toEqual(professionals.filter((u) => !editors.includes(u)));
    expect(new Set(denied.map((a) => a.action))).toEqual(new Set(['agreement.version.add']));
  });

  it('lets a coordinator add an agreement only for parties including their own organisation', async () => {
    const input = { title: 'Ny riktlinje', kind: 'guideline', partyOrganisationIds: [orgs.m2], ownerUserIds: [await userId('coordinator')], validFrom: today, revisionDueOn: addDays(today, 365) };
    expect((await coordinator.post('/api/agreements', input)).statusCode).toBe(403);
    expect((await (await t.loginAs('orgadmin')).post('/api/agreements', { ...input, partyOrganisationIds: [orgs.m1] })).statusCode).toBe(403);
    const created = await coordinator.post('/api/agreements', { ...input, partyOrganisationIds: [orgs.m1, orgs.m2] });
    expect(created.statusCode).toBe(201);
    expect((created.json() as AgreementView).status).toBe('current');
    const bad = await coordinator.post('/api/agreements', { ...input, partyOrganisationIds: [orgs.m1], validUntil: addDays(today, -1) });
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('an agreement’s owners', () => {
  it('are changed by its owners and its parties’ coordinators only, keep at least one, and are professionals', async () => {
    const input = { title: 'Ägarbyte', kind: 'routine', partyOrganisationIds: [orgs.m1], ownerUserIds: [await userId('teacher')], validFrom: today, revisionDueOn: addDays(today, 365) };
    const { id } = (await coordinator.post('/api/agreements', input)).json() as AgreementView;
    const [teacher, nurse, region] = [await userId('teacher'), await userId('nurse'), await userId('samordnare.region')];
    // The teacher as owner, the coordinator as Exempelstad's coordinator; another party's coordinator, admins and the rest are refused.
    const editors = ['coordinator', 'teacher'];
    for (const username of professionals) {
      const client = await t.loginAs(username);
      const res = await client.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [teacher] });
      expect(res.statusCode, username).toBe(editors.includes(username) ? 200 : 403);
      if (res.statusCode === 403) expect(res.json().error.code, username).toBe('forbidden');
    }
    for (const username of ['guardian', 'child']) expect((await (await t.loginAs(username)).request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [teacher] })).statusCode, username).toBe(403);
    expect((await coordinator.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [teacher, nurse] })).statusCode).toBe(200);
    const nurseClient = await t.loginAs('nurse'); // an owner now: may hand the agreement on
    const handed = await nurseClient.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [region] });
    expect([handed.statusCode, (handed.json() as AgreementView).owners.map((o) => o.id), (handed.json() as AgreementView).canEdit]).toEqual([200, [region], false]);
    expect((await nurseClient.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [nurse] })).statusCode).toBe(403);
    const last = await coordinator.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [] });
    expect([last.statusCode, last.json().error.code]).toEqual([409, 'agreement_owner_required']);
    const citizen = await coordinator.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [region, await userId('guardian')] });
    expect([citizen.statusCode, citizen.json().error.code, citizen.json().error.details[0].message]).toEqual([400, 'validation_failed', 'unknown_user']);
    expect((await coordinator.request('PUT', `/api/agreements/${id}/owners`, { ownerUserIds: [region, region] })).statusCode).toBe(400);
    expect((await coordinator.request('PUT', '/api/agreements/00000000-0000-4000-8000-000000000000/owners', { ownerUserIds: [region] })).statusCode).toBe(404);
    const after = (await coordinator.get(`/api/agreements/${id}`)).json() as AgreementView;
    expect(after.owners.map((o) => o.id)).toEqual([region]);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', id).where('action', '=', 'agreement.owners.set').where('outcome', '=', 'success').orderBy('seq').execute();
    expect(audit).toHaveLength(4);
    // Each professional's refused change is on the log under the change it tried (the citizens never reach the agreement).
    const refused = await t.database.db.selectFrom('audit_log').select(['actor_username', 'details']).where('subject_id', '=', id).where('action', '=', 'agreement.owners.set').where('outcome', '=', 'denied').orderBy('seq').execute();
    expect(refused.map((e) => e.actor_username)).toEqual([...professionals.filter((u) => !editors.includes(u)), 'nurse']);
    expect(refused.every((e) => (e.details as { reason: string }).reason === 'forbidden')).toBe(true);
    const details = audit[3]!.details as { before: string[]; after: string[] };
    expect([[...details.before].sort(), details.after]).toEqual([[nurse, teacher].sort(), [region]]);
  });
});

describe('joint placements', () => {
  const placement = (caseReference: string) => ({ caseReference, regionId: orgs.region, municipalityId: orgs.m1, regionSharePercent: 40, startsOn: today, costs: [{ year: 2030, amount: 100_000 }] });

  it('refuses a case reference that holds an identity number, checksum right or wrong, with or without separator', async () => {
    const region = await t.loginAs('samordnare.region');
    for (const ref of ['20121212-1212', '201212121212', '121212-1212', 'SN 1212121212', 'SN 121212-1213']) {
      const res = await region.post('/api/agreements/placements', placement(ref));
      expect([res.statusCode, res.json().error.code, JSON.stringify(res.json().error.details)], ref).toEqual([400, 'validation_failed', expect.stringContaining('identity_number')]);
    }
    expect((await region.post('/api/agreements/placements', placement('SN 2026/1212'))).statusCode).toBe(201);
    expect((await region.post('/api/agreements/placements', placement('SN 2026/1212'))).json().error.code).toBe('conflict');
  });

  it('is read by the coordinators and analysts of its region and municipality, changed by their coordinators, and refused to others', async () => {
    const created = ((await (await t.loginAs('samordnare.region')).get('/api/agreements/placements')).json() as PlacementList).placements.find((p) => p.caseReference === 'SN 2026/1212')!;
    const editors = ['coordinator', 'samordnare.region'];
    const readers = [...editors, 'analyst'];
    for (const username of professionals) {
      const client = await t.loginAs(username);
      const list = (await client.get('/api/agreements/placements')).json() as PlacementList;
      expect(list.placements.some((p) => p.id === created.id), username).toBe(readers.includes(username));
      const res = await client.request('PUT', `/api/agreements/placements/${created.id}/costs`, { year: 2031, amount: 5000 });
      expect(res.statusCode, username).toBe(editors.includes(username) ? 200 : 403);
    }
    expect((await (await t.loginAs('samordnare.norrvik')).post('/api/agreements/placements', placement('SN 2026/7777'))).statusCode).toBe(403);
  });

  it('splits each year between region and municipality and totals per organisation and year', async () => {
    const list = (await coordinator.get('/api/agreements/placements')).json() as PlacementList;
    const mine = list.placements.find((p) => p.caseReference === 'SN 2026/1212')!;
    expect(mine.costs.find((c) => c.year === 2030)).toEqual({ year: 2030, amount: 100_000, region: 40_000, municipality: 60_000 });
    const year = Number(today.slice(0, 4));
    const expected = list.placements.flatMap((p) => p.costs.filter((c) => c.year === year).map((c) => c.region)).reduce((a, b) => a + b, 0);
    expect(list.totals.find((x) => x.organisation.id === orgs.region && x.year === year)!.amount).toBeCloseTo(expected, 2);
  });

  it('exports for the finance departments: the Excel read back matches the list, and CSV', async () => {
    const list = (await coordinator.get('/api/agreements/placements')).json() as PlacementList;
    const res = await coordinator.get('/api/agreements/placements/export?format=xlsx&lang=sv');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('Placeringar')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toHaveLength(list.placements.reduce((n, p) => n + p.costs.length, 0));
    const first = list.placements[0]!;
    expect(rows[0]!.slice(0, 4)).toEqual([first.caseReference, first.region.name, first.municipality.name, first.regionSharePercent]);
    expect(rows[0]!.slice(6)).toEqual([first.costs[0]!.year, first.costs[0]!.amount, first.costs[0]!.region, first.costs[0]!.municipality]);
    const totals = workbook.getWorksheet('Summor')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(totals).toEqual(list.totals.map((x) => [x.organisation.name, x.year, x.amount, x.placements]));
    const csv = await coordinator.get('/api/agreements/placements/export?format=csv&lang=en');
    expect(csv.body.split('\r\n')[0]).toContain('Case reference');
    expect((await (await t.loginAs('teacher')).get('/api/agreements/placements/export?format=csv')).body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('training', () => {
  it('gives shares per organisation, marks units below target, and lets the right people record', async () => {
    const list = (await coordinator.get('/api/agreements/training')).json() as { records: { unit: { id: string }; organisation: { id: string }; course: { id: string }; belowTarget: boolean; canEdit: boolean }[]; shares: { organisation: { id: string }; unitsBelowTarget: number }[] };
    expect(list.records.some((r) => r.belowTarget)).toBe(true);
    expect(list.shares.find((s) => s.organisation.id === orgs.m1)!.unitsBelowTarget).toBeGreaterThan(0);
    const managerUnit = (await t.database.db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('r.unit_id').where('u.username', '=', 'manager').where('r.role', '=', 'unit_manager').executeTakeFirstOrThrow()).unit_id!;
    const regionUnit = list.records.find((r) => r.organisation.id === orgs.region)!.unit.id;
    const may: Record<string, string[]> = { coordinator: [managerUnit], orgadmin: [managerUnit], manager: [managerUnit], 'samordnare.region': [regionUnit] };
    for (const username of professionals) {
      const client = await t.loginAs(username);
      for (const unitId of [managerUnit, regionUnit]) {
        const res = await client.request('PUT', '/api/agreements/training', { unitId, courseId: 'child_rights', staffCount: 10, completedCount: 9 });
        expect(res.statusCode, `${username} ${unitId === managerUnit ? 'school' : 'region'}`).toBe(may[username]?.includes(unitId) ? 200 : 403);
      }
    }
    const bad = await coordinator.request('PUT', '/api/agreements/training', { unitId: managerUnit, courseId: 'child_rights', staffCount: 5, completedCount: 9 });
    expect(bad.json().error.code).toBe('validation_failed');
    const xlsx = await coordinator.get('/api/agreements/training/export?format=xlsx&lang=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Training')!.rowCount).toBe(list.records.length + 1);
  });
});
