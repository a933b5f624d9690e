import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcernList, ConcernView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { auditOf, demoFamily, placeOf, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const concern = { areas: ['safe', 'nurtured'], description: 'Barnet berättar att det är bråk hemma på kvällarna.', level: 'concern', source: 'child' };

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

describe('recording a concern', () => {
  it('records it in the writer’s own secrecy domain and unit, with one entry in the log', async () => {
    const nurse = await as('nurse');
    const res = await nurse.post(`/api/children/${family.childId}/concerns`, concern);
    expect(res.statusCode).toBe(201);
    const view = res.json() as ConcernView;
    expect(view).toMatchObject({ areas: ['safe', 'nurtured'], level: 'concern', source: 'child', authorName: 'Nora Skolsköterska', secrecyDomainName: 'Elevhälsans medicinska och psykologiska insats', basis: 'own_organisation' });
    const place = await placeOf(t.database.db, 'nurse');
    const row = await t.database.db.selectFrom('concern').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const domain = await t.database.db.selectFrom('unit_secrecy_domain').select('secrecy_domain_id').where('unit_id', '=', place.unitId).where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation_id: place.organisationId, unit_id: place.unitId, secrecy_domain_id: domain.secrecy_domain_id, author_id: place.userId });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.concern.record', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ category: 'concern', concernId: view.id, basis: 'own_organisation' }) });
  });

  it('lets every team member write in their own domain, and nobody else', async () => {
    for (const username of ['teacher', 'socialworker', 'psychologist']) {
      expect((await (await as(username)).post(`/api/children/${family.childId}/concerns`, concern)).statusCode, username).toBe(201);
    }
    for (const username of ['outsider', 'guardian', 'child', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin']) {
      const res = await (await as(username)).post(`/api/children/${family.childId}/concerns`, concern);
      expect(res.statusCode, username).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.concern.record', outcome: 'denied' });
    }
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const nurse = await as('nurse');
    const before = await t.database.db.selectFrom('concern').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const body of [{ ...concern, areas: [] }, { ...concern, areas: ['safe', 'safe'] }, { ...concern, areas: ['happy'] }, { ...concern, level: 'grave' }, { ...concern, source: 'rumour' }, { ...concern, description: '  ' }, { ...concern, occurredOn: '2999-01-01' }]) {
      const res = await nurse.post(`/api/children/${family.childId}/concerns`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code, res.body).toBe('validation_failed');
    }
    const after = await t.database.db.selectFrom('concern').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('reading concerns', () => {
  it('shows each reader what their basis allows: their own domain, and across domains only under a consent that covers concerns', async () => {
    const read = async (username: string) => (await (await as(username)).get(`/api/children/${family.childId}/concerns`)).json() as ConcernList;
    const nurse = await read('nurse');
    expect(nurse.concerns.every((c) => c.basis === 'own_organisation' || c.basis === 'consent')).toBe(true);
    // The family's consent lets the municipality's domains share concerns: the teacher reads the nurse's on it.
    const teacher = await read('teacher');
    const nursesForTeacher = teacher.concerns.filter((c) => c.authorName === 'Nora Skolsköterska');
    expect(nursesForTeacher.length).toBeGreaterThanOrEqual(2);
    expect(nursesForTeacher.every((c) => c.basis === 'consent')).toBe(true);
    expect(teacher.mayRecord).toBe(true);
    // The psychologist's consent covers only the plan: she reads her own concern and none of the municipality's.
    const psychologist = await read('psychologist');
    expect(psychologist.concerns.map((c) => c.authorName)).toEqual(['Petra Psykolog']);
    expect(psychologist.sharedFromOthers).toBe(false);
  });

  it('shows the family no concern, and refuses everyone off the team', async () => {
    for (const username of ['guardian', 'child']) {
      const res = await (await as(username)).get(`/api/children/${family.childId}/concerns`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ concerns: [], sharedFromOthers: false, mayRecord: false });
    }
    for (const username of ['outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin']) {
      const res = await (await as(username)).get(`/api/children/${family.childId}/concerns`);
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain('Nora');
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.concern.list', outcome: 'denied', subject_id: family.childId });
    }
  });

  it('logs one entry per look, with its basis', async () => {
    const res = await (await as('teacher')).get(`/api/children/${family.childId}/concerns`);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.concern.list', outcome: 'success', details: expect.objectContaining({ basis: 'own_organisation' }) });
  });
});
