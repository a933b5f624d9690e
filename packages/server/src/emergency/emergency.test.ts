import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, placeOf, unitPeerOf } from '../test/fixtures.ts';

let t: TestApp;
let childId: string;
let colleague: string;
let outsiderManager: string;
const reason = 'Akut oro för barnets hälsa, vårdnadshavare nås inte';
const open = { reason, legalGroundCode: 'brb_necessity' };

beforeAll(async () => {
  t = await createTestApp();
  childId = (await demoFamily(t.database.db)).childId;
  // A teacher at the named person's school who is not in the child's team.
  colleague = await unitPeerOf(t.database.db, 'teacher', 'professional', ['manager']);
  outsiderManager = await unitPeerOf(t.database.db, 'outsider', 'unit_manager');
});
afterAll(() => t.close());

/** Moves an emergency access into the past of the services' clock: opened five hours ago, expired an hour ago. */
async function expire(id: string) {
  const now = t.app.services.clock.now().getTime();
  const hours = (n: number) => new Date(now - n * 3_600_000);
  await sql`UPDATE emergency_access SET starts_at = ${hours(5)}, expires_at = ${hours(1)} WHERE id = ${id}`.execute(t.database.db);
}

describe('emergency access (nödåtkomst)', () => {
  it('refuses someone outside the team without emergency access, and logs the refusal', async () => {
    const outsider = await t.loginAs('outsider');
    const res = await outsider.get(`/api/children/${childId}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('access_denied');
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.record.read', outcome: 'denied', subject_id: childId, actor_username: 'outsider' });
  });

  it('opens the record read-only for a limited time, with a reason and a legal ground, flagged in the log', async () => {
    const outsider = await t.loginAs('outsider');
    const res = await outsider.post(`/api/children/${childId}/emergency-access`, open);
    expect(res.statusCode).toBe(201);
    const access = res.json();
    const place = await placeOf(t.database.db, 'outsider');
    expect(access).toMatchObject({ reason, active: true, review: null, legalGround: { code: 'brb_necessity' }, organisation: { id: place.organisationId }, unit: { id: place.unitId } });
    const hours = (Date.parse(access.expiresAt) - Date.parse(access.startsAt)) / 3_600_000;
    expect(hours).toBe(t.config.emergencyAccessHours);
    const [opened] = await auditOf(t.database.db, res);
    expect(opened).toMatchObject({ action: 'child.emergency_access.open', outcome: 'success', subject_type: 'child', subject_id: childId });
    expect(opened!.details).toMatchObject({ basis: 'emergency', legalGround: 'brb_necessity', reason, flagged: true });

    const read = await outsider.get(`/api/children/${childId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().access.basis).toBe('emergency');
    const [logged] = await auditOf(t.database.db, read);
    expect(logged).toMatchObject({ action: 'child.record.read', outcome: 'success' });
    expect(logged!.details).toMatchObject({ basis: 'emergency', flagged: true });
  });

  it('answers 409 to a second opening while one is active, and to someone who already has a basis', async () => {
    const again = await (await t.loginAs('outsider')).post(`/api/children/${childId}/emergency-access`, open);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('emergency_access_active');
    const teacher = await (await t.loginAs('teacher')).post(`/api/children/${childId}/emergency-access`, open);
    expect(teacher.statusCode).toBe(409);
    expect(teacher.json().error.details).toMatchObject({ reason: 'already_has_basis', basis: 'own_organisation' });
    // Each 409 is one entry of its own request, a failure naming the child.
    for (const [res, reason] of [[again, 'emergency_access_active'], [teacher, 'already_has_basis']] as const) {
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.emergency_access.open', outcome: 'failure', subject_id: childId, request_id: res.headers['x-request-id'] });
      expect(entries[0]!.details).toMatchObject({ code: 'conflict', refusal: { reason }, basis: null });
    }
  });

  it('refuses analysts, administrators and citizens, and logs the attempt', async () => {
    for (const username of ['analyst', 'sysadmin', 'orgadmin', 'guardian']) {
      const res = await (await t.loginAs(username)).post(`/api/children/${childId}/emergency-access`, open);
      expect(res.statusCode, username).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0], username).toMatchObject({ action: 'child.emergency_access.open', outcome: 'denied', subject_id: childId });
    }
    expect(await t.database.db.selectFrom('emergency_access').select('id').where('child_id', '=', childId).execute()).toHaveLength(1);
  });

  it('needs a reason of at least ten characters and a legal ground meant for emergencies', async () => {
    const client = await t.loginAs(colleague);
    expect((await client.post(`/api/children/${childId}/emergency-access`, { ...open, reason: 'kort' })).statusCode).toBe(400);
    const wrongGround = await client.post(`/api/children/${childId}/emergency-access`, { ...open, legalGroundCode: 'consent' });
    expect(wrongGround.statusCode).toBe(400);
    expect(wrongGround.json().error.details[0].path).toBe('body.legalGroundCode');
    // The area's own refusal after the gate offered the action: rolled back, and one entry.
    const refused = await auditOf(t.database.db, wrongGround);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ action: 'child.emergency_access.open', outcome: 'failure', subject_id: childId, actor_username: colleague });
    expect(refused[0]!.details).toMatchObject({ code: 'validation_failed', action: 'open_emergency_access' });
    const colleagueId = (await placeOf(t.database.db, colleague)).userId;
    expect(await t.database.db.selectFrom('emergency_access').select('id').where('user_id', '=', colleagueId).execute()).toEqual([]);
    const missing = await client.post('/api/children/00000000-0000-4000-8000-000000000000/emergency-access', open);
    expect(missing.statusCode).toBe(404);
    expect((await auditOf(t.database.db, missing)).map((e) => [e.outcome, e.subject_id])).toEqual([['failure', '00000000-0000-4000-8000-000000000000']]);
    const grounds = (await client.get('/api/legal-grounds?kind=emergency')).json() as { code: string }[];
    expect(grounds.map((g) => g.code).sort()).toEqual(['brb_necessity', 'lvu_urgent', 'osl_emergency_health']);
  });

  it('ends when it expires: the next read is refused and logged', async () => {
    const outsider = await t.loginAs('outsider');
    const row = await t.database.db.selectFrom('emergency_access').select('id').where('child_id', '=', childId).executeTakeFirstOrThrow();
    await expire(row.id);
    const res = await outsider.get(`/api/children/${childId}`);
    expect(res.statusCode).toBe(403);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ outcome: 'denied' });
  });
});

describe('the review of emergency accesses', () => {
  let colleagueAccess: string;

  beforeAll(async () => {
    const res = await (await t.loginAs(colleague)).post(`/api/children/${childId}/emergency-access`, open);
    expect(res.statusCode).toBe(201);
    colleagueAccess = res.json().id;
  });

  it("lands in the queue of the manager of the opener's unit, and of the organisation's coordinator", async () => {
    const queue = (await (await t.loginAs('manager')).get('/api/emergency-access/review')).json() as { id: string; user: { username: string } }[];
    expect(queue.map((q) => q.id)).toContain(colleagueAccess);
    // The outsider works in another municipality: their opening is not this manager's to review.
    expect(queue.map((q) => q.user.username)).not.toContain('outsider');
    const coordinator = (await (await t.loginAs('coordinator')).get('/api/emergency-access/review')).json() as { id: string }[];
    expect(coordinator.map((q) => q.id)).toContain(colleagueAccess);
    const other = (await (await t.loginAs(outsiderManager)).get('/api/emergency-access/review')).json() as { id: string; user: { username: string } }[];
    expect(other.map((q) => q.id)).not.toContain(colleagueAccess);
    expect(other.map((q) => q.user.username)).toContain('outsider');
  });

  it('shows the manager each row’s child and reason, asking the gate per child: one look per child, of this request', async () => {
    const res = await (await t.loginAs('manager')).get('/api/emergency-access/review');
    const queue = res.json() as { id: string; child: { id: string }; reason: string }[];
    expect(queue.find((q) => q.id === colleagueAccess)).toMatchObject({ child: { id: childId }, reason });
    const entries = await auditOf(t.database.db, res);
    const perChild = entries.filter((e) => e.subject_type === 'child');
    expect(perChild.map((e) => e.subject_id).sort()).toEqual([...new Set(queue.map((q) => q.child.id))].sort());
    const entry = perChild.find((e) => e.subject_id === childId)!;
    expect(entry).toMatchObject({ action: 'child.emergency_access.review_queue.read', outcome: 'success', request_id: res.headers['x-request-id'] });
    expect(entry.details).toMatchObject({ basis: 'legal_duty', category: 'access_log', emergencyAccessIds: expect.arrayContaining([colleagueAccess]) });
    // A teacher and a nurse in the child's team are no reviewers: no reason, no child, nothing logged about the child.
    for (const username of ['teacher', 'nurse']) {
      const refused = await (await t.loginAs(username)).get('/api/emergency-access/review');
      expect(refused.statusCode, username).toBe(403);
      expect(refused.body).not.toContain(reason);
      expect((await auditOf(t.database.db, refused)).map((e) => [e.action, e.outcome, e.subject_id])).toEqual([['emergency_access.review_queue.read', 'denied', null]]);
    }
  });

  it('shows no name, and for a protected identity no number, of the child in the queue', async () => {
    const res = await (await t.loginAs('manager')).get('/api/emergency-access/review');
    const child = await t.database.db.selectFrom('child').select(['given_name', 'identity_number']).where('id', '=', childId).executeTakeFirstOrThrow();
    expect(res.body).not.toContain(child.given_name);
    expect(res.body).not.toContain(child.identity_number.slice(-4) + '"');
  });

  it('refuses the queue and the review to someone who is not a reviewer, and to a manager of another unit', async () => {
    const teacher = await t.loginAs('teacher');
    expect((await teacher.get('/api/emergency-access/review')).statusCode).toBe(403);
    const res = await teacher.post(`/api/emergency-access/${colleagueAccess}/review`, { outcome: 'justified', comment: 'Ok' });
    expect(res.statusCode).toBe(403);
    const other = await (await t.loginAs(outsiderManager)).post(`/api/emergency-access/${colleagueAccess}/review`, { outcome: 'justified', comment: 'Ok' });
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain(reason);
    const entries = await auditOf(t.database.db, other);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.emergency_access.review', outcome: 'denied', subject_id: childId });
    expect(entries[0]!.details).toMatchObject({ emergencyAccessId: colleagueAccess, refusal: { reason: 'not_in_review_scope' } });
  });

  it('is reviewed once, with a comment, and the review is logged', async () => {
    const manager = await t.loginAs('manager');
    const res = await manager.post(`/api/emergency-access/${colleagueAccess}/review`, { outcome: 'unjustified', comment: 'Det fanns ingen akut fara.' });
    expect(res.statusCode).toBe(200);
    expect(res.json().review).toMatchObject({ outcome: 'unjustified', comment: 'Det fanns ingen akut fara.', reviewer: { name: 'Maja Rektor' } });
    const logged = await auditOf(t.database.db, res);
    expect(logged).toHaveLength(1);
    const [entry] = logged;
    expect(entry).toMatchObject({ action: 'child.emergency_access.review', outcome: 'success', subject_id: childId });
    expect(entry!.details).toMatchObject({ basis: 'legal_duty' });
    expect(entry!.details).toMatchObject({ outcome: 'unjustified', emergencyAccessId: colleagueAccess });

    const again = await (await t.loginAs('coordinator')).post(`/api/emergency-access/${colleagueAccess}/review`, { outcome: 'justified', comment: 'Ändrar mig' });
    expect(again.statusCode).toBe(409);
    expect((await auditOf(t.database.db, again)).map((e) => [e.outcome, e.subject_id])).toEqual([['failure', childId]]);
    const pending = (await manager.get('/api/emergency-access/review')).json() as { id: string }[];
    expect(pending.map((q) => q.id)).not.toContain(colleagueAccess);
    const reviewed = (await manager.get('/api/emergency-access/review?status=reviewed')).json() as { id: string; review: { outcome: string } }[];
    expect(reviewed.find((q) => q.id === colleagueAccess)?.review.outcome).toBe('unjustified');
  });

  it('needs an outcome and a comment', async () => {
    const res = await (await t.loginAs('coordinator')).post(`/api/emergency-access/${colleagueAccess}/review`, { outcome: 'maybe' });
    expect(res.statusCode).toBe(400);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
