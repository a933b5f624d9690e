import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { pollVerification, verifyOverApi } from '../test/audit.ts';
import { verifyAuditChain } from './verify.ts';
import { AuditBatcher } from './batcher.ts';
import { appendAudit, appendAuditStatement, appendLinkedIfHead, readChainHead, type AuditEntry } from './writer.ts';
import { chainHash } from './chain.ts';
import { loggedTransaction } from './logged-transaction.ts';
import { childLooks, listLookEntry } from './child-looks.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;

describe('audit log', () => {
  it('starts with a verifiable chain (the demo seed is logged too)', async () => {
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThanOrEqual(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(db())).rejects.toThrow(/permission denied|append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db())).rejects.toThrow(/permission denied|append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db())).rejects.toThrow(/permission denied|append-only/);
  });

  it('runs the application without UPDATE or DELETE rights on the log', async () => {
    expect(t.database.appRole).toBe(true);
    // On PostgreSQL the server's login owns nothing; PGlite is one superuser session (for trying Samsyn).
    if (t.database.kind === 'postgresql') expect(t.database.privileges.ownerRights).toEqual([]);
    else expect(t.database.privileges.ownerRights).toContain('superuser');
    const { rows } = await sql<{ upd: boolean; del: boolean; ins: boolean }>`
      SELECT has_table_privilege('samsyn_app', 'audit_log', 'UPDATE') AS upd,
             has_table_privilege('samsyn_app', 'audit_log', 'DELETE') AS del,
             has_table_privilege('samsyn_app', 'audit_log', 'INSERT') AS ins`.execute(db());
    expect(rows[0]).toEqual({ upd: false, del: false, ins: true });
  });

  it('refuses UPDATE and DELETE even from the table owner, by trigger', async () => {
    await expect(t.database.ownerScript.exec(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.database.ownerScript.exec(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('writes an entry for every administrative change, in the same transaction', async () => {
    const admin = await t.loginAs('orgadmin');
    const me = (await admin.get('/api/auth/me')).json();
    const organisationId = me.roles[0].organisationId;
    const before = await db().selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const created = await admin.post('/api/units', { organisationId, name: 'Auditskolan', sector: 'school' });
    expect(created.statusCode).toBe(201);
    // A refused change (duplicate name) writes neither the unit nor an entry.
    expect((await admin.post('/api/units', { organisationId, name: 'Auditskolan', sector: 'school' })).statusCode).toBe(409);
    const entries = await db().selectFrom('audit_log').selectAll().where('action', '=', 'unit.create').where('subject_id', '=', created.json().id).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_username: 'orgadmin', organisation_id: organisationId, outcome: 'success', details: { name: 'Auditskolan', sector: 'school' } });
    expect(entries[0]!.request_id).toMatch(/^[0-9a-f-]{36}$/);
    const after = await db().selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(1);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('keeps one total order when many entries are written at once', async () => {
    const clients = await Promise.all(['teacher', 'nurse', 'manager', 'analyst'].map((u) => t.loginAs(u)));
    await Promise.all(clients.map((c) => c.post('/api/auth/logout')));
    const report = await verifyAuditChain(db());
    expect(report.ok).toBe(true);
  });

  it('writes the good entries of a group-commit batch when the database refuses one of them', async () => {
    const audit = new AuditBatcher(db(), t.app.services.clock);
    // PostgreSQL's jsonb cannot hold a NUL character: this entry is refused.
    const results = await Promise.allSettled([
      audit.append({ action: 'demo.seed', outcome: 'success', details: { batchTest: 'good', n: 1 } }),
      audit.append({ action: 'demo.seed', outcome: 'success', details: { batchTest: 'bad', text: 'a\u0000b' } }),
      audit.append({ action: 'demo.seed', outcome: 'success', details: { batchTest: 'good', n: 2 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const written = await db().selectFrom('audit_log').select(sql<string>`details->>'batchTest'`.as('which')).where(sql<boolean>`details ? 'batchTest'`).orderBy('seq').execute();
    expect(written.map((w) => w.which)).toEqual(['good', 'good']);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('links entries in the database exactly as chain.ts does, whatever the characters', async () => {
    const at = t.app.services.clock.now();
    const odd = { action: 'demo.seed' as const, outcome: 'success' as const, actorUsername: 'Åsa "ö" \\ \n 🙂', clientIp: "o'brien", details: { text: 'Ärende: "citat", \\n, tab\t, \u2028, 🙂', nested: { z: 1.5, a: [true, null, -0.25] } } };
    await appendAuditStatement(db(), [odd, { ...odd, details: { second: true } }], at);
    const rows = await db().selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(3).execute();
    const [second, first, before] = rows;
    const fields = (r: typeof first) => ({ seq: String(r!.seq), at: new Date(r!.at), actorId: r!.actor_id, actorUsername: r!.actor_username, action: r!.action, subjectType: r!.subject_type, subjectId: r!.subject_id, outcome: r!.outcome, organisationId: r!.organisation_id, requestId: r!.request_id, clientIp: r!.client_ip, details: r!.details });
    expect(first!.actor_username).toBe(odd.actorUsername);
    expect(first!.prev_hash).toBe(before!.hash);
    expect(first!.hash).toBe(chainHash(before!.hash, fields(first)));
    expect(second!.prev_hash).toBe(first!.hash);
    expect(second!.hash).toBe(chainHash(first!.hash, fields(second)));
    const head = await db().selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect({ seq: String(head.seq), hash: head.hash }).toEqual({ seq: String(second!.seq), hash: second!.hash });
  });

  it('keeps one chain when batches and write transactions append at the same time', async () => {
    const entry = (n: number): AuditEntry => ({ action: 'demo.seed', outcome: 'success', details: { concurrent: n } });
    const at = t.app.services.clock.now();
    const before = await db().selectFrom('audit_chain_head').select(sql<string>`seq::text`.as('seq')).executeTakeFirstOrThrow();
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => appendAuditStatement(db(), [entry(i * 3), entry(i * 3 + 1), entry(i * 3 + 2)], at)),
      ...Array.from({ length: 4 }, (_, i) => db().transaction().execute((trx) => appendAudit(trx, [entry(100 + i)], at))),
      // A write that rolls back takes its entry with it.
      db().transaction().execute(async (trx) => {
        await appendAudit(trx, [entry(999)], at);
        throw new Error('rolled back');
      }).catch(() => undefined),
    ]);
    const written = await db().selectFrom('audit_log').select([sql<string>`seq::text`.as('seq'), sql<string>`details->>'concurrent'`.as('n')]).where('seq', '>', before.seq).orderBy('seq').execute();
    expect(written).toHaveLength(28);
    expect(written.map((w) => Number(w.n)).sort((a, b) => a - b)).toEqual([...Array.from({ length: 24 }, (_, i) => i), 100, 101, 102, 103]);
    // One total order without gaps, and the chain holds.
    expect(written.map((w) => BigInt(w.seq) - BigInt(before.seq))).toEqual(Array.from({ length: 28 }, (_, i) => BigInt(i + 1)));
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('links a batch in the process only onto the head it expects, and otherwise appends nothing', async () => {
    const entry = (n: number): AuditEntry => ({ action: 'demo.seed', outcome: 'success', details: { linked: n } });
    const at = t.app.services.clock.now();
    const head = await readChainHead(db());
    const first = await appendLinkedIfHead(db(), [entry(1), entry(2)], at, head);
    expect(first.appended).toBe(true);
    expect(BigInt(first.head.seq)).toBe(BigInt(head.seq) + 2n);
    expect(await readChainHead(db())).toEqual(first.head);
    // A stale head (the one before the batch): nothing is written, and the statement names the real head.
    const stale = await appendLinkedIfHead(db(), [entry(3)], at, head);
    expect(stale).toEqual({ appended: false, head: first.head });
    const wrongHash = await appendLinkedIfHead(db(), [entry(4)], at, { seq: first.head.seq, hash: head.hash });
    expect(wrongHash.appended).toBe(false);
    const written = await db().selectFrom('audit_log').select(sql<string>`details->>'linked'`.as('n')).where(sql<boolean>`details ? 'linked'`).orderBy('seq').execute();
    expect(written.map((w) => w.n)).toEqual(['1', '2']);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('keeps one chain when the group commit links batches while write transactions move the head', async () => {
    const audit = new AuditBatcher(db(), t.app.services.clock);
    const entry = (n: number): AuditEntry => ({ action: 'demo.seed', outcome: 'success', details: { mixed: n } });
    const at = t.app.services.clock.now();
    const before = await readChainHead(db());
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => audit.append(entry(i))),
      ...Array.from({ length: 6 }, (_, i) => db().transaction().execute((trx) => appendAudit(trx, [entry(100 + i)], at))),
      ...Array.from({ length: 30 }, (_, i) => new Promise((r) => setTimeout(r, i)).then(() => audit.append(entry(200 + i)))),
    ]);
    const written = await db().selectFrom('audit_log').select([sql<string>`seq::text`.as('seq'), sql<string>`details->>'mixed'`.as('n')]).where('seq', '>', before.seq).orderBy('seq').execute();
    expect(written).toHaveLength(66);
    // Sorted as numbers: the text alias orders as text where the seq gains a digit.
    expect(written.map((w) => BigInt(w.seq) - BigInt(before.seq)).sort((a, b) => (a < b ? -1 : 1))).toEqual(Array.from({ length: 66 }, (_, i) => BigInt(i + 1)));
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('commits a change with its entries as its last statement, the same text whatever the entry holds, and rolls both back when the append fails', async () => {
    const at = () => t.app.services.clock.now();
    const tricky = `it's \\ "quoted" \\' '' $1 $$ E'x' åäö \u2028 ${'x'.repeat(3000)}`;
    const requestId = `logged-${Date.now()}`;
    const entry = (n: number): AuditEntry => ({ action: 'auth.login', outcome: 'success', actorUsername: 'teacher', requestId, details: { n, tricky } });
    // The change (here an entry of its own, written by the work) and the entries the work returns commit together.
    const value = await loggedTransaction(db(), t.database.kind, at, async (trx) => {
      await appendAudit(trx, [entry(1)], at());
      return { value: 'done', entries: [entry(2), entry(3)] };
    });
    expect(value).toBe('done');
    const stored = await db().selectFrom('audit_log').select(['seq', 'details']).where('request_id', '=', requestId).orderBy('seq').execute();
    expect(stored.map((r) => r.details)).toEqual([1, 2, 3].map((n) => ({ n, tricky })));
    expect((await verifyAuditChain(db())).ok).toBe(true);
    // An entry the database refuses (an actor id that is no uuid) takes the change with it.
    const failing = `logged-failing-${Date.now()}`;
    await expect(
      loggedTransaction(db(), t.database.kind, at, async (trx) => {
        await appendAudit(trx, [{ ...entry(4), requestId: failing }], at());
        return { value: null, entries: [{ ...entry(5), requestId: failing, actorId: 'not-a-uuid' }] };
      }),
    ).rejects.toThrow(/uuid/);
    expect(await db().selectFrom('audit_log').select('seq').where('request_id', '=', failing).execute()).toEqual([]);
    // The connection went back to the pool outside a transaction: the next change commits as usual.
    await loggedTransaction(db(), t.database.kind, at, async () => ({ value: null, entries: [{ ...entry(6), requestId: failing }] }));
    expect(await db().selectFrom('audit_log').select('seq').where('request_id', '=', failing).execute()).toHaveLength(1);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('reads a list look, compact or in the first form (an object per child), as one look per child with its own answer and rows', async () => {
    const [a, b, c] = ['0a000000-0000-4000-8000-00000000000a', '0b000000-0000-4000-8000-00000000000b', '0c000000-0000-4000-8000-00000000000c'];
    const org = '0d000000-0000-4000-8000-00000000000d';
    const base = { action: 'child.my_children.list', actorUsername: 'looks-test', requestId: 'looks-test' } as const;
    const allowed = { basis: 'care_team', reason: null, flagged: false };
    const compact = listLookEntry(base, { category: 'record' }, [
      { childId: a!, outcome: 'success', organisationId: org, details: allowed, rows: { memberIds: ['m-a'] } },
      { childId: b!, outcome: 'denied', organisationId: null, details: { basis: null, reason: 'no_basis', flagged: false }, rows: { memberIds: ['m-b'] } },
      { childId: c!, outcome: 'success', organisationId: org, details: allowed, rows: { memberIds: ['m-c'] } },
    ]);
    // Children with the same answer share it: three children, two answers.
    expect(compact.details).toMatchObject({ children: [a, b, c], answerOf: [0, 1, 0] });
    expect((compact.details as { answers: unknown[] }).answers).toHaveLength(2);
    const first: AuditEntry = { ...base, subjectType: 'child_list', subjectId: null, outcome: 'success', details: { category: 'record', children: [a], looks: { [a!]: { outcome: 'success', organisationId: org, ...allowed, memberIds: ['m-old'] } } } };
    await appendAuditStatement(db(), [first, compact], t.app.services.clock.now());
    const looksAt = (childId: string) => childLooks(db(), childId).as('l');
    const ofA = await db().selectFrom(looksAt(a!)).selectAll().where('l.actor_username', '=', 'looks-test').orderBy('l.seq').execute();
    expect(ofA.map((l) => ({ subject: l.subject_id, outcome: l.outcome, org: l.organisation_id, details: l.details }))).toEqual([
      { subject: a, outcome: 'success', org, details: { category: 'record', ...allowed, memberIds: ['m-old'] } },
      { subject: a, outcome: 'success', org, details: { category: 'record', ...allowed, memberIds: ['m-a'] } },
    ]);
    const ofB = await db().selectFrom(looksAt(b!)).selectAll().where('l.actor_username', '=', 'looks-test').execute();
    expect(ofB).toHaveLength(1);
    expect(ofB[0]).toMatchObject({ subject_id: b, outcome: 'denied', organisation_id: null, details: { category: 'record', basis: null, reason: 'no_basis', memberIds: ['m-b'] } });
    // Unfiltered, the compact entry is three looks and the first form one.
    const all = await db().selectFrom(childLooks(db()).as('l')).select(['l.subject_id']).where('l.actor_username', '=', 'looks-test').execute();
    expect(all.map((l) => l.subject_id).sort()).toEqual([a, a, b, c].sort());
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('lets only system administrators verify the chain, as a job they start and poll', async () => {
    const orgadmin = await t.loginAs('orgadmin');
    expect((await orgadmin.post('/api/admin/audit/verifications')).statusCode).toBe(403);
    expect((await t.client().post('/api/admin/audit/verifications')).statusCode).toBe(401);
    const sysadmin = await t.loginAs('sysadmin');
    const started = await sysadmin.post('/api/admin/audit/verifications');
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', report: null });
    const id = started.json().id as string;
    expect((await orgadmin.get(`/api/admin/audit/verifications/${id}`)).statusCode).toBe(403);
    const done = await pollVerification(sysadmin, id);
    expect(done).toMatchObject({ status: 'done', report: { ok: true, firstBroken: null } });
    expect(done.verified).toBe(done.report!.entries);
    expect(done.total).toBeGreaterThanOrEqual(done.verified);
    // Who checked the log, and when, is itself logged.
    const entry = await db().selectFrom('audit_log').selectAll().where('action', '=', 'audit.verify').where('subject_id', '=', id).executeTakeFirst();
    expect(entry).toMatchObject({ actor_username: 'sysadmin', outcome: 'success' });
    expect((await sysadmin.get('/api/admin/audit/verifications/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await sysadmin.get('/api/admin/audit/verifications/not-an-id')).statusCode).toBe(400);
  });
});

describe('tampering', () => {
  it('names the first tampered entry', async () => {
    const tampered = await createTestApp();
    try {
      const admin = await tampered.loginAs('orgadmin');
      await admin.post('/api/auth/logout');
      const target = await tampered.database.db.selectFrom('audit_log').select(sql<string>`seq::text`.as('seq')).where('action', '=', 'auth.login').executeTakeFirstOrThrow();
      // Someone with the owner's rights switches the guard off and rewrites history.
      await tampered.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
        UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = ${target.seq};
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const report = await verifyAuditChain(tampered.database.db);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: target.seq, reason: 'hash_mismatch' } });
      const sysadmin = await tampered.loginAs('sysadmin');
      const job = await verifyOverApi(sysadmin);
      expect(job).toMatchObject({ status: 'done', report: { ok: false, firstBroken: { seq: target.seq, reason: 'hash_mismatch' } } });
    } finally {
      await tampered.close();
    }
  });

  it('notices a time moved by less than a millisecond', async () => {
    const tampered = await createTestApp();
    try {
      await tampered.loginAs('teacher');
      const target = await tampered.database.db.selectFrom('audit_log').select(sql<string>`seq::text`.as('seq')).where('action', '=', 'auth.login').executeTakeFirstOrThrow();
      await tampered.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
        UPDATE audit_log SET at = at + interval '300 microseconds' WHERE seq = ${target.seq};
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      expect(await verifyAuditChain(tampered.database.db)).toMatchObject({ ok: false, firstBroken: { seq: target.seq, reason: 'hash_mismatch' } });
    } finally {
      await tampered.close();
    }
  });

  it('notices a deleted tail', async () => {
    const tampered = await createTestApp();
    try {
      await tampered.loginAs('teacher');
      const last = await tampered.database.db.selectFrom('audit_log').select(sql<string>`max(seq)::text`.as('seq')).executeTakeFirstOrThrow();
      await tampered.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
        DELETE FROM audit_log WHERE seq = ${last.seq};
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      const report = await verifyAuditChain(tampered.database.db);
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: last.seq, reason: 'head_mismatch' } });
    } finally {
      await tampered.close();
    }
  });
});

// Compile-time: the writer takes only actions of core's vocabulary (tsc fails if this stops erroring).
// @ts-expect-error 'child.record.rewrite' is not an audit action
const _unknownAction: AuditEntry = { action: 'child.record.rewrite', outcome: 'success' };
void _unknownAction;
