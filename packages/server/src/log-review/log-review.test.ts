import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { addDays } from '../demo/children.ts';
import { auditOf, createChild, demoFamily, unitPeerOf, userIdOf } from '../test/fixtures.ts';

interface Entry { actor: { id: string; username: string }; child: { id: string; identityNumber: string | null; protectedIdentity: boolean }; basis: string | null; flags: string[]; outcome: string; action: string }
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
  expect((await emergency.post(`/api/children/${childId}/emergency-access`, { reason: 'Akut oro, ingen i teamet nås', legalGroundCode: 'osl_emergency_health' })).statusCode).toBe(201);
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

  it('filters by outcome, so refusals can be reviewed', async () => {
    const result = await review(await unitPeerOf(t.database.db, 'outsider', 'unit_manager'), '?outcome=denied');
    expect(result.entries.some((e) => e.actor.username === 'outsider' && e.child.id === childId)).toBe(true);
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

  it('logs the review itself', async () => {
    const res = await (await t.loginAs('coordinator')).get(`/api/log-review?childId=${childId}`);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'log_review.search', outcome: 'success', actor_username: 'coordinator' });
    expect(entry!.details).toMatchObject({ filters: { childId } });
  });

  it('exports the review as CSV for Swedish spreadsheets', async () => {
    const res = await (await t.loginAs('coordinator')).get('/api/log-review/export.csv?basis=emergency');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="loggkontroll-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFFTid;Användare;Användarnamn;Barn-id;Personnummer;Händelse;Utfall;Grund;Kategori;Orsak;Flaggor\r\n')).toBe(true);
    const lines = res.body.trim().split('\r\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.slice(1).every((l) => l.includes(';emergency;') && l.includes('nödåtkomst'))).toBe(true);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'log_review.export', outcome: 'success' });
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

