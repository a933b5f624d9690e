import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { addDays } from '../demo/dates.ts';
import { appendAuditNow } from '../audit/writer.ts';
import { auditOf, createChild, demoFamily, unitPeerOf, userIdOf } from '../test/fixtures.ts';

interface Entry { seq: string; actor: { id: string; username: string }; child: { id: string | null; identityNumber: string | null; protectedIdentity: boolean }; basis: string | null; flags: string[]; outcome: string; action: string; reason: string | null }
interface Result { entries: Entry[]; total: number; outliers: { username: string; distinctChildren: number }[] }

let t: TestApp;
let childId: string;
let protectedChild: string;
let colleague: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  childId = (await demoFamily(db)).childId;
  protectedChild = await createChild(db, { protectedIdentity: 'skyddad_folkbokforing', givenName: 'Hemligsson', team: [{ username: 'teacher', role: 'named_person' }] });
  colleague = await unitPeerOf(db, 'teacher', 'professional', ['manager']);
  const teacher = await t.loginAs('teacher');
  expect((await teacher.get(`/api/children/${childId}`)).statusCode).toBe(200);
  expect((await teacher.get(`/api/children/${protectedChild}`)).statusCode).toBe(200);
  expect((await (await t.loginAs('nurse')).get(`/api/children/${childId}`)).statusCode).toBe(200);
  // A colleague of the teacher reads the child with emergency access.
  const emergency = await t.loginAs(colleague);
  expect((await emergency.post(`/api/children/${childId}/emergency-access`, { reason: 'Akut oro, ingen i teamet nås', legalGroundCode: 'brb_necessity' })).statusCode).toBe(201);
  expect((await emergency.get(`/api/children/${childId}`)).statusCode).toBe(200);
  // The social worker opens twelve records in one day: many more than the peers.
  const socialworker = await t.loginAs('socialworker');
  for (let i = 0; i < 12; i += 1) {
    const id = await createChild(db, { team: [{ username: 'socialworker', role: 'lead_professional' }] });
    expect((await socialworker.get(`/api/children/${id}`)).statusCode).toBe(200);
  }
  // A refused read is part of the log too.
  expect((await (await t.loginAs('outsider')).get(`/api/children/${childId}`)).statusCode).toBe(403);
});
afterAll(() => t.close());

async function review(username: string, query = ''): Promise<Result> {
  const res = await (await t.loginAs(username)).get(`/api/log-review${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}

describe('log review (loggkontroll)', () => {
  it('filters by user', async () => {
    const teacherId = await userIdOf(t.database.db, 'teacher');
    const result = await review('coordinator', `?userId=${teacherId}`);
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.entries.every((e) => e.actor.username === 'teacher')).toBe(true);
  });

  it('filters by child', async () => {
    const result = await review('coordinator', `?childId=${childId}`);
    expect(result.entries.every((e) => e.child.id === childId)).toBe(true);
    expect(new Set(result.entries.map((e) => e.actor.username))).toEqual(new Set(['teacher', 'nurse', colleague]));
  });

  it('filters by date, as Stockholm days', async () => {
    // The log's times are the services' clock; its days are the days to filter by.
    const today = stockholmDate(t.app.services.clock.now());
    expect((await review('coordinator', `?from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    const tomorrow = addDays(today, 1);
    expect((await review('coordinator', `?from=${tomorrow}`)).total).toBe(0);
    const yesterday = addDays(today, -1);
    expect((await review('coordinator', `?to=${yesterday}`)).total).toBe(0);
  });

  it('filters by basis and flags emergency access', async () => {
    const result = await review('coordinator', '?basis=emergency');
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.entries.every((e) => e.basis === 'emergency' && e.flags.includes('emergency_access'))).toBe(true);
    expect(result.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['child.emergency_access.open', 'child.record.read']));
  });

  it('flags a protected identity and shows neither its name nor its number', async () => {
    const res = await (await t.loginAs('coordinator')).get(`/api/log-review?childId=${protectedChild}`);
    const result = res.json() as Result;
    expect(result.entries.length).toBeGreaterThan(0);
    expect(result.entries.every((e) => e.flags.includes('protected_identity') && e.child.identityNumber === null)).toBe(true);
    expect(res.body).not.toContain('Hemligsson');
    const other = (await review('coordinator', `?childId=${childId}`)).entries[0]!;
    expect(other.child.identityNumber).toMatch(/^\d{8}-\*{4}$/);
  });

  it('finds the user who opened many more records than their peers', async () => {
    const result = await review('coordinator');
    expect(result.outliers.map((o) => o.username)).toEqual(['socialworker']);
    expect(result.outliers[0]!.distinctChildren).toBeGreaterThanOrEqual(12);
    const flagged = await review('coordinator', '?flagged=true&pageSize=500');
    expect(flagged.entries.filter((e) => e.actor.username === 'socialworker').every((e) => e.flags.includes('outlier'))).toBe(true);
    expect(flagged.entries.every((e) => e.flags.length > 0)).toBe(true);
    const unflagged = await review('coordinator', '?flagged=false&pageSize=500');
    expect(unflagged.entries.every((e) => e.flags.length === 0)).toBe(true);
    expect(flagged.total + unflagged.total).toBe((await review('coordinator')).total);
  });

  it('filters by outcome, so refusals can be reviewed; a child the reviewer’s organisation does not work with is not named', async () => {
    const manager = await t.loginAs(await unitPeerOf(t.database.db, 'outsider', 'unit_manager'));
    const res = await manager.get('/api/log-review?outcome=denied');
    const result = res.json() as Result;
    // The outsider's refused read of Ebba: shown, since it is their staff's act, but Ebba is not theirs to review.
    const refused = result.entries.filter((e) => e.actor.username === 'outsider' && e.action === 'child.record.read');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.child.id === null && e.child.identityNumber === null && e.reason === null)).toBe(true);
    expect(res.body).not.toContain(childId);
    // The gate was asked about Ebba for this page, and refused: one entry of this request.
    const entries = (await auditOf(t.database.db, res)).filter((e) => e.subject_id === childId);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['child.log_review.search', 'denied']]);
    // Filtering by her is refused outright, and logged once.
    const filtered = await manager.get(`/api/log-review?childId=${childId}`);
    expect(filtered.statusCode).toBe(403);
    expect((await auditOf(t.database.db, filtered)).filter((e) => e.subject_id === childId).map((e) => e.outcome)).toEqual(['denied']);
    expect((await manager.get(`/api/log-review/export.csv?childId=${childId}`)).statusCode).toBe(403);
  });

  it('shows a unit manager the people of their own unit only', async () => {
    const result = await review('manager', '?pageSize=500');
    const users = new Set(result.entries.map((e) => e.actor.username));
    expect(users).toContain('teacher');
    expect(users).toContain(colleague);
    expect(users).not.toContain('nurse');
    expect(users).not.toContain('outsider');
  });

  it('pages through the entries', async () => {
    const first = await review('coordinator', '?pageSize=5');
    const second = await review('coordinator', '?pageSize=5&page=2');
    expect(first.entries).toHaveLength(5);
    expect(second.entries[0]).not.toEqual(first.entries[0]);
  });

  it('logs the review itself, and one entry of the request per child on the page', async () => {
    const res = await (await t.loginAs('coordinator')).get('/api/log-review?pageSize=50');
    const logged = await auditOf(t.database.db, res);
    expect(logged.filter((e) => e.action === 'log_review.search')).toEqual([expect.objectContaining({ outcome: 'success', actor_username: 'coordinator', subject_id: null })]);
    const shown = new Set((res.json() as Result).entries.map((e) => e.child.id).filter((id) => id !== null));
    expect(shown.size).toBeGreaterThan(1);
    const perChild = logged.filter((e) => e.subject_type === 'child');
    expect(perChild.map((e) => e.subject_id).sort()).toEqual([...shown].sort());
    expect(perChild.every((e) => e.action === 'child.log_review.search' && e.outcome === 'success' && e.request_id === res.headers['x-request-id'])).toBe(true);
    expect(perChild[0]!.details).toMatchObject({ basis: 'legal_duty', category: 'access_log' });
    // Those looks are not themselves listed, or each page viewed would push the next one down.
    const again = await review('coordinator', '?pageSize=50');
    expect(again.entries.some((e) => e.action.startsWith('child.log_review'))).toBe(false);
    expect(again.entries.map((e) => e.seq)).toEqual((res.json() as Result).entries.map((e) => e.seq));
  });

  it('shows the reason of an emergency access (free text) to the reviewer, and refuses it to the team', async () => {
    const result = await review('manager', '?basis=emergency');
    expect(result.entries.find((e) => e.action === 'child.emergency_access.open')).toMatchObject({ child: { id: childId }, reason: 'Akut oro, ingen i teamet nås' });
    const teacher = await (await t.loginAs('teacher')).get('/api/log-review?basis=emergency');
    expect(teacher.statusCode).toBe(403);
    expect(teacher.body).not.toContain('Akut oro');
  });

  it('flags a consent a professional recorded on the family’s behalf, and looks in a session begun with a password an administrator reset', async () => {
    const db = t.database.db;
    const [teacherId, adminId] = await Promise.all([userIdOf(db, 'teacher'), userIdOf(db, 'orgadmin')]);
    const base = { actorId: teacherId, actorUsername: 'teacher', subjectType: 'child', subjectId: childId, outcome: 'success' as const };
    await appendAuditNow(db, [
      { ...base, action: 'child.consent.give', details: { category: 'consent', basis: 'own_organisation', flagged: true, recordedByProfessional: teacherId } },
      { ...base, action: 'child.consent.give', actorUsername: 'guardian', details: { category: 'consent', basis: 'own_record' } },
      { ...base, action: 'child.record.read', details: { category: 'record', basis: 'own_organisation', passwordResetBy: adminId } },
    ], t.app.services.clock.now());
    const entries = (await review('coordinator', `?childId=${childId}&pageSize=10`)).entries;
    const [reset, byGuardian, byProfessional] = entries;
    expect(reset).toMatchObject({ action: 'child.record.read', flags: ['password_reset_session'] });
    expect(byGuardian).toMatchObject({ action: 'child.consent.give', flags: [] });
    expect(byProfessional).toMatchObject({ action: 'child.consent.give', flags: ['consent_recorded_by_professional'] });
    const flagged = (await review('coordinator', `?childId=${childId}&flagged=true&pageSize=500`)).entries.map((e) => e.seq);
    expect(flagged).toEqual(expect.arrayContaining([reset!.seq, byProfessional!.seq]));
    expect(flagged).not.toContain(byGuardian!.seq);
    const csv = await (await t.loginAs('coordinator')).get(`/api/log-review/export.csv?childId=${childId}`);
    expect(csv.body).toContain('Samtycke registrerat av personal');
    expect(csv.body).toContain('Lösenord återställt av administratör');
  });

  it('exports the review as CSV for Swedish spreadsheets', async () => {
    const res = await (await t.loginAs('coordinator')).get('/api/log-review/export.csv?basis=emergency');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="loggkontroll-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFFTid;Användare;Användarnamn;Barn-id;Personnummer;Händelse;Utfall;Grund;Kategori;Orsak;Markeringar\r\n')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // As the page shows it: Stockholm time, words and labels, never codes.
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[0]!) && r[7] === 'nödåtkomst' && r[10]!.includes('Nödåtkomst'))).toBe(true);
    expect(rows.every((r) => ['Tillåten', 'Nekad', 'Misslyckad'].includes(r[6]!))).toBe(true);
    expect(res.body).not.toMatch(/;emergency;|;success;|child\.record\.read|T\d{2}:\d{2}:\d{2}/);
    const first = (await auditOf(t.database.db, res)).length;
    expect(first).toBeGreaterThan(0);
    const logged = await auditOf(t.database.db, res);
    expect(logged.filter((e) => e.subject_type === null)).toEqual([expect.objectContaining({ action: 'log_review.export', outcome: 'success' })]);
    // One entry per child in the export, of this request.
    const exported = new Set(lines.slice(1).map((l) => l.split(';')[3]));
    expect(logged.filter((e) => e.subject_type === 'child').map((e) => e.subject_id).sort()).toEqual([...exported].sort());
  });

  it('exports in English when the interface is English', async () => {
    const res = await (await t.loginAs('coordinator')).get('/api/log-review/export.csv?basis=emergency&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('\uFEFFTime;User;Username;Child id;Identity number;Event;Outcome;Basis;Category;Reason;Flags\r\n')).toBe(true);
    const rows = res.body.trim().split('\r\n').slice(1).map((l) => l.split(';'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[7] === 'emergency access' && r[10]!.includes('Emergency access'))).toBe(true);
    expect((await (await t.loginAs('coordinator')).get('/api/log-review/export.csv?lang=fi')).statusCode).toBe(400);
  });

  it('refuses a teacher, an analyst and a guardian, and logs the refusal', async () => {
    for (const username of ['teacher', 'analyst', 'guardian']) {
      const client = await t.loginAs(username);
      const res = await client.get('/api/log-review');
      expect(res.statusCode, username).toBe(403);
      const [entry] = await auditOf(t.database.db, res);
      expect(entry).toMatchObject({ action: 'log_review.search', outcome: 'denied' });
      expect((await client.get('/api/log-review/export.csv')).statusCode, username).toBe(403);
    }
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

