import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoladaOuLink, KoladaOuList, SchoolProfileView } from '@samsyn/core';
import { demoSchoolOus } from '../demo/schools.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf } from '../test/fixtures.ts';

// An administrator links a school unit to its Kolada unit (ou): list, set, remove (issue 15,
// item 8). Only an administrator of the school's organisation, or a system administrator; every
// change is one entry in the log, every other role is refused and changes nothing.

let t: TestApp;
let f6: string;
let lindmo: string;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const unitNamed = async (name: string) => (await t.database.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const stored = async (unitId: string) => (await t.database.db.selectFrom('school_unit_kolada_ou').select('kolada_ou').where('unit_id', '=', unitId).executeTakeFirst())?.kolada_ou ?? null;
const refusers = ['analyst', 'manager', 'teacher', 'nurse', 'coordinator', 'socialworker', 'fundmanager', 'guardian'];

beforeAll(async () => {
  t = await createTestApp();
  f6 = await unitNamed('Exempelstadskolan F–6');
  lindmo = await unitNamed('Centrumskolan Lindmo F–9');
});
afterAll(() => t.close());

describe('the list of school units and their Kolada units', () => {
  it('shows an organisation administrator their own organisation’s schools, a system administrator all, with the values Kolada holds for each ou', async () => {
    const list = async (u: string) => ((await (await as(u)).get('/api/schools/kolada-ous')).json() as KoladaOuList).schools;
    const own = await list('orgadmin');
    expect(new Set(own.map((s) => s.organisation))).toEqual(new Set(['Exempelstads kommun']));
    expect(own.map((s) => s.unitId)).toContain(f6);
    const linked = own.filter((s) => s.koladaOu !== null);
    expect(linked.map((s) => [s.name, s.koladaOu]).sort()).toEqual(demoSchoolOus.map((s) => [s.unitName, s.ou]).sort());
    for (const s of linked) expect(s.koladaValues).toBeGreaterThan(0);
    expect(own.find((s) => s.unitId === f6)).toMatchObject({ koladaOu: null, koladaValues: 0 });
    expect(new Set((await list('admin.norrvik')).map((s) => s.organisation))).toEqual(new Set(['Norrviks kommun']));
    const all = await list('sysadmin');
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(all.map((s) => s.unitId)).toContain(lindmo);
  });

  it('is refused to everyone who administers no organisation, and needs a login', async () => {
    for (const u of refusers) {
      const res = await (await as(u)).get('/api/schools/kolada-ous');
      expect(res.statusCode, u).toBe(403);
      expect(res.json().error.code, u).toBe('forbidden');
    }
    expect((await t.client().get('/api/schools/kolada-ous')).statusCode).toBe(401);
  });
});

describe('setting and removing a school’s Kolada unit', () => {
  it('the organisation’s administrator sets it, changes it and removes it, each change logged with before and after; the profile follows', async () => {
    const admin = await as('orgadmin');
    const set = await admin.request('PUT', `/api/schools/${f6}/kolada-ou`, { koladaOu: 'V15E990100199' });
    expect(set.statusCode).toBe(200);
    expect(set.json() as KoladaOuLink).toMatchObject({ unitId: f6, name: 'Exempelstadskolan F–6', koladaOu: 'V15E990100199', koladaValues: 0 });
    expect(await auditOf(t.database.db, set)).toEqual([expect.objectContaining({ action: 'school.kolada_ou.set', outcome: 'success', subject_type: 'unit', subject_id: f6, details: { before: null, after: 'V15E990100199' } })]);
    const changed = await admin.request('PUT', `/api/schools/${f6}/kolada-ou`, { koladaOu: ' V15E990100198 ' });
    expect(changed.json()).toMatchObject({ koladaOu: 'V15E990100198' });
    expect((await auditOf(t.database.db, changed))[0]).toMatchObject({ details: { before: 'V15E990100199', after: 'V15E990100198' } });
    const profile = (await (await as('analyst')).get(`/api/schools/${f6}/profile`)).json() as SchoolProfileView;
    expect(profile.school.koladaOu).toBe('V15E990100198');

    const removed = await admin.request('DELETE', `/api/schools/${f6}/kolada-ou`);
    expect(removed.statusCode).toBe(204);
    expect(await auditOf(t.database.db, removed)).toEqual([expect.objectContaining({ action: 'school.kolada_ou.remove', subject_id: f6, details: { before: 'V15E990100198', after: null } })]);
    expect(await stored(f6)).toBeNull();
    // Removing what is not there changes nothing and logs nothing.
    const again = await admin.request('DELETE', `/api/schools/${f6}/kolada-ou`);
    expect(again.statusCode).toBe(204);
    expect(await auditOf(t.database.db, again)).toEqual([]);
  });

  it('a system administrator may change any organisation’s school', async () => {
    const sys = await as('sysadmin');
    expect((await sys.request('PUT', `/api/schools/${lindmo}/kolada-ou`, { koladaOu: 'V15E990500101' })).statusCode).toBe(200);
    expect(await stored(lindmo)).toBe('V15E990500101');
    expect((await sys.request('DELETE', `/api/schools/${lindmo}/kolada-ou`)).statusCode).toBe(204);
    expect(await stored(lindmo)).toBeNull();
  });

  it('another organisation’s administrator and every other role are refused, and nothing changes', async () => {
    const exempelstadSchool = await unitNamed(demoSchoolOus[0].unitName);
    const attempts: [string, string][] = [['orgadmin', lindmo], ['admin.norrvik', exempelstadSchool], ...refusers.map((u): [string, string] => [u, exempelstadSchool])];
    for (const [u, unit] of attempts) {
      const client = await as(u);
      const put = await client.request('PUT', `/api/schools/${unit}/kolada-ou`, { koladaOu: 'V15E000000001' });
      expect(put.statusCode, u).toBe(403);
      expect(put.json().error.code, u).toBe('forbidden');
      // The refusal is logged as denied, under the change it tried.
      expect(await auditOf(t.database.db, put), u).toEqual([expect.objectContaining({ action: 'school.kolada_ou.set', outcome: 'denied', subject_type: 'unit', subject_id: unit, details: { reason: 'not_an_administrator' } })]);
      const del = await client.request('DELETE', `/api/schools/${unit}/kolada-ou`);
      expect(del.statusCode, u).toBe(403);
      expect(await auditOf(t.database.db, del), u).toEqual([expect.objectContaining({ action: 'school.kolada_ou.remove', outcome: 'denied', subject_id: unit })]);
    }
    expect(await stored(lindmo)).toBeNull();
    expect(await stored(exempelstadSchool)).toBe(demoSchoolOus[0].ou);
    expect((await t.client().request('PUT', `/api/schools/${f6}/kolada-ou`, { koladaOu: 'V15E000000001' })).statusCode).toBe(401);
  });

  it('answers bad input with 400, a unit that is no school with 404, and an ou another school has with 409', async () => {
    const admin = await as('orgadmin');
    for (const body of [{ koladaOu: 'V15E 99!' }, { koladaOu: '' }, { koladaOu: 'x'.repeat(41) }, {}, { koladaOu: 'V15E1', other: 1 }]) {
      const res = await admin.request('PUT', `/api/schools/${f6}/kolada-ou`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect((await admin.request('PUT', '/api/schools/not-a-uuid/kolada-ou', { koladaOu: 'V15E1' })).statusCode).toBe(400);
    expect((await admin.request('PUT', '/api/schools/00000000-0000-4000-8000-000000000000/kolada-ou', { koladaOu: 'V15E1' })).statusCode).toBe(404);
    expect((await admin.request('PUT', `/api/schools/${await unitNamed('Elevhälsan Exempelstad')}/kolada-ou`, { koladaOu: 'V15E1' })).statusCode).toBe(404);
    const holder = await unitNamed(demoSchoolOus[0].unitName);
    const taken = await admin.request('PUT', `/api/schools/${f6}/kolada-ou`, { koladaOu: demoSchoolOus[0].ou });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'body.koladaOu', message: 'kolada_ou_taken', unitId: holder }] });
    expect(await stored(f6)).toBeNull();
    // Two schools asking for one new ou at once: one gets it, the other hears why.
    const other = await unitNamed(demoSchoolOus[1].unitName);
    const both = await Promise.all([f6, other].map((u) => admin.request('PUT', `/api/schools/${u}/kolada-ou`, { koladaOu: 'V15E990100177' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.statusCode === 200)!.json() as KoladaOuLink;
    expect(await stored(winner.unitId)).toBe('V15E990100177');
  });
});
