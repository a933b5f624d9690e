import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily } from '../test/fixtures.ts';

let t: TestApp;
let childId: string;
let identityNumber: string;

beforeAll(async () => {
  t = await createTestApp();
  childId = (await demoFamily(t.database.db)).childId;
  identityNumber = (await t.database.db.selectFrom('child').select('identity_number').where('id', '=', childId).executeTakeFirstOrThrow()).identity_number;
});
afterAll(() => t.close());

describe("the child's record", () => {
  it('shows the named person the whole record, logged with the basis', async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(`/api/children/${childId}`);
    expect(res.statusCode).toBe(200);
    const record = res.json();
    expect(record.name).not.toBeNull();
    expect(record.identityNumber).toMatch(/^\d{8}-\d{4}$/);
    expect(record.access.basis).toBe('own_organisation');
    expect(record.careTeam.map((m: { role: string }) => m.role)).toEqual(expect.arrayContaining(['named_person', 'lead_professional']));
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.record.read', subject_type: 'child', subject_id: childId, outcome: 'success', actor_username: 'teacher' });
    expect(entries[0]!.details).toMatchObject({ basis: 'own_organisation', category: 'record' });
  });

  it('shows the psychologist, whose organisation has consent only for the plan, the plan and nothing else from the municipality', async () => {
    const psychologist = await t.loginAs('psychologist');
    const record = (await psychologist.get(`/api/children/${childId}`)).json() as { access: { basis: string }; categories: { category: string; sharedFromOthers: boolean; entries: { organisationName: string; basis: string }[] }[] };
    expect(record.access.basis).toBe('consent');
    const byCategory = Object.fromEntries(record.categories.map((c) => [c.category, c]));
    expect(byCategory.plan!.sharedFromOthers).toBe(true);
    expect(byCategory.school!.sharedFromOthers).toBe(false);
    expect(byCategory.school!.entries).toEqual([]);
    // What the psychologist's own organisation wrote is always there.
    expect(record.categories.flatMap((c) => c.entries).every((e) => e.basis === 'own_organisation' || e.basis === 'consent')).toBe(true);
    expect(byCategory.plan!.entries.some((e) => e.basis === 'consent')).toBe(true);
  });

  it('refuses someone outside the team, an analyst and a system administrator, and logs each refusal', async () => {
    for (const username of ['outsider', 'analyst', 'sysadmin']) {
      const res = await (await t.loginAs(username)).get(`/api/children/${childId}`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe('access_denied');
      const [entry] = await auditOf(t.database.db, res);
      expect(entry).toMatchObject({ outcome: 'denied', subject_id: childId, actor_username: username });
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('answers an unknown child with 404, logged', async () => {
    const res = await (await t.loginAs('teacher')).get('/api/children/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(await auditOf(t.database.db, res)).toHaveLength(1);
  });
});

describe('finding a child by identity number', () => {
  it('returns the child to someone with a basis', async () => {
    const res = await (await t.loginAs('teacher')).post('/api/children/search', { identityNumber });
    expect(res.json()).toMatchObject({ found: true, access: 'allowed', childId, child: { id: childId } });
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.search', outcome: 'success' });
  });

  it('tells someone without a basis that a record exists and how to get access, without the name', async () => {
    const res = await (await t.loginAs('outsider')).post('/api/children/search', { identityNumber: `${identityNumber.slice(2, 8)}-${identityNumber.slice(8)}` });
    const body = res.json();
    expect(body).toMatchObject({ found: true, access: 'denied' });
    expect(body.child).toBeUndefined();
    expect(body.howToGetAccess).toContain('emergency_access');
    expect(JSON.stringify(body)).not.toMatch(/givenName|familyName/);
    // …and never the record's id.
    expect(body.childId).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(childId);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'child.search', outcome: 'denied' });
  });

  it('is for professionals only: administrators, analysts, managers, coordinators and citizens are refused, logged', async () => {
    for (const username of ['sysadmin', 'orgadmin', 'analyst', 'manager', 'coordinator', 'guardian', 'child']) {
      const res = await (await t.loginAs(username)).post('/api/children/search', { identityNumber });
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain(childId);
      const [entry, ...rest] = await auditOf(t.database.db, res);
      expect(rest).toEqual([]);
      expect(entry, username).toMatchObject({ action: 'child.search', outcome: 'denied', details: { reason: 'not_a_professional' } });
    }
  });

  it('lets a refused professional open emergency access by the number searched for, one entry per request', async () => {
    const outsider = await t.loginAs('outsider');
    const body = { identityNumber, reason: 'Akut oro för barnets säkerhet, behöver se planen.', legalGroundCode: 'brb_necessity' };
    const unknown = await outsider.post('/api/emergency-access', { ...body, identityNumber: '19121212-1212' });
    expect(unknown.statusCode).toBe(404);
    expect(await auditOf(t.database.db, unknown)).toHaveLength(1);
    const opened = await outsider.post('/api/emergency-access', body);
    expect(opened.statusCode).toBe(201);
    const [entry, ...rest] = await auditOf(t.database.db, opened);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'child.emergency_access.open', outcome: 'success', subject_id: childId });
    expect((await outsider.get(`/api/children/${childId}`)).json().access).toMatchObject({ basis: 'emergency' });
    // The administrator is no professional: refused, and logged.
    const admin = await (await t.loginAs('orgadmin')).post('/api/emergency-access', body);
    expect(admin.statusCode).toBe(403);
  });

  it('says when no record exists, and rejects a malformed number', async () => {
    const teacher = await t.loginAs('teacher');
    const none = await teacher.post('/api/children/search', { identityNumber: '19121212-1212' });
    expect(none.json()).toEqual({ found: false, access: 'none' });
    const bad = await teacher.post('/api/children/search', { identityNumber: '19121212-1213' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'body.identityNumber', message: 'identity_number_checksum' });
  });

  it('never shows a protected identity in a search hit', async () => {
    const hidden = await t.database.db
      .selectFrom('child')
      .innerJoin('care_team_member as m', 'm.child_id', 'child.id')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['child.identity_number', 'u.username'])
      .where('child.protected_identity', 'is not', null)
      .where('m.ends_at', 'is', null)
      .where('m.basis', '=', 'own_organisation')
      .executeTakeFirst();
    expect(hidden, 'the demo data has a protected child with a team').toBeDefined();
    const member = await t.loginAs(hidden!.username);
    const res = await member.post('/api/children/search', { identityNumber: hidden!.identity_number });
    const hit = res.json();
    expect(hit.access).toBe('allowed');
    expect(hit.child.name).toBeNull();
    expect(hit.child.identityNumber).toMatch(/\*{4}$/);
    // This very search is flagged in the log, not just some earlier one.
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.search', details: { flagged: true } });
  });
});
