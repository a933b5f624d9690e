import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionPlan, RetentionRule, RetentionTombstoneList } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { readCheckpoints } from '../audit/checkpoints.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';
import { verifyOverApi } from '../test/audit.ts';
import { addEntry, createChild } from '../test/fixtures.ts';
import { RetentionScheduler } from './scheduler.ts';
import type { RetentionDeps } from './service.ts';

const year = 365.25 * 86_400_000;
const clock = fixedClock(systemClock(testClockOffsetDays).now());
let t: TestApp;
let deps: RetentionDeps;
let childId: string;
// The demo's own retention history (demo/retention.ts): the job's last run and its tombstones.
let demo: { run: string; tombstones: number };

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  deps = { db: t.database.db, owner: t.database.ownerScript, clock, checkpointFile: t.config.auditCheckpoint.file, checkpointKey: Buffer.from(t.config.auditCheckpoint.key!, 'utf8') };
  // A child whose team has ended: a school entry (5 years) and a student-health entry (10 years).
  childId = await createChild(t.database.db);
  await addEntry(t.database.db, childId, 'teacher', 'school', 'Retention: school entry');
  await addEntry(t.database.db, childId, 'nurse', 'health', 'Retention: health entry');
  const { db } = t.database;
  demo = { run: (await db.selectFrom('retention_run').select('id').executeTakeFirstOrThrow()).id, tombstones: (await db.selectFrom('retention_tombstone').select('id').execute()).length };
});
afterAll(() => t.close());

const entriesOf = (id: string) => t.database.db.selectFrom('record_entry').select(['title']).where('child_id', '=', id).orderBy('title').execute();
const routes = [
  ['GET', '/api/admin/retention/rules'],
  ['PATCH', '/api/admin/retention/rules/record_entry.education'],
  ['GET', '/api/admin/retention/dry-run'],
  ['POST', '/api/admin/retention/runs'],
  ['GET', '/api/admin/retention/tombstones'],
] as const;

describe('retention rules, dry run and erasure: who may', () => {
  it('only a system administrator; everyone else is refused, nobody anonymous', async () => {
    for (const username of ['orgadmin', 'manager', 'coordinator', 'teacher', 'socialworker', 'guardian', 'child']) {
      const client = await t.loginAs(username);
      for (const [method, url] of routes) {
        expect((await client.request(method, url, method === 'GET' ? undefined : method === 'PATCH' ? { years: 3 } : {})).statusCode, `${username} ${method} ${url}`).toBe(403);
      }
    }
    const anonymous = t.client();
    for (const [method, url] of routes) expect((await anonymous.request(method, url, method === 'GET' ? undefined : {}, { csrf: false })).statusCode).toBeGreaterThanOrEqual(401);
    expect((await anonymous.get('/api/admin/retention/rules')).statusCode).toBe(401);
    // Nothing was changed by the refused PATCHes.
    const rule = await t.database.db.selectFrom('retention_rule').select('years').where('id', '=', 'record_entry.education').executeTakeFirstOrThrow();
    expect(rule.years).toBeNull();
  });
});

describe('retention rules are data', () => {
  it('lists each rule with its category, domain kind, default and legal reference; a period can be set and reset, and that is logged', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const rules = (await sysadmin.get('/api/admin/retention/rules')).json() as RetentionRule[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['record_entry.education', 'record_entry.social_services', 'record_entry.health_care', 'record_entry.student_health', 'disclosure', 'audit_log']));
    expect(rules.find((r) => r.id === 'record_entry.education')).toMatchObject({ category: 'record_entry', secrecyDomainKind: 'education', startsFrom: 'child_last_activity', defaultYears: 5, years: null, effectiveYears: 5 });
    expect(rules.every((r) => r.legalReference.length > 5)).toBe(true);
    const set = await sysadmin.patch('/api/admin/retention/rules/record_entry.education', { years: 7 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ years: 7, effectiveYears: 7, defaultYears: 5 });
    const logged = await t.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'retention.rule.update').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(logged.details).toMatchObject({ years: 7, defaultYears: 5 });
    expect((await sysadmin.patch('/api/admin/retention/rules/record_entry.education', { years: 0 })).statusCode).toBe(400);
    expect((await sysadmin.patch('/api/admin/retention/rules/record_entry.education', { years: 'five' })).statusCode).toBe(400);
    expect((await sysadmin.patch('/api/admin/retention/rules/no_such_rule', { years: 3 })).statusCode).toBe(404);
    const reset = await sysadmin.patch('/api/admin/retention/rules/record_entry.education', { years: null });
    expect(reset.json()).toMatchObject({ years: null, effectiveYears: 5 });
  });
});

describe('the dry run and the erasure', () => {
  it('before its time nothing of the child goes; six years on, the dry run lists the school entry and erases nothing', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const early = (await sysadmin.get('/api/admin/retention/dry-run')).json() as RetentionPlan;
    expect(early.dryRun).toBe(true);
    clock.advance(6 * year);
    const admin = await t.loginAs('sysadmin');
    const res = await admin.get('/api/admin/retention/dry-run');
    expect(res.statusCode).toBe(200);
    const plan = res.json() as RetentionPlan;
    const education = plan.items.find((i) => i.ruleId === 'record_entry.education')!;
    expect(education.count).toBeGreaterThan(early.items.find((i) => i.ruleId === 'record_entry.education')!.count);
    expect(education).toMatchObject({ years: 5, category: 'record_entry', secrecyDomainKind: 'education' });
    expect(plan.items.find((i) => i.ruleId === 'audit_log')).toMatchObject({ count: 0, skipped: 'nothing_expired' });
    expect(JSON.stringify(plan)).not.toContain('Retention: school entry');
    expect((await entriesOf(childId)).map((e) => e.title)).toEqual(['Retention: health entry', 'Retention: school entry']);
    // A dry run erases nothing: only the demo's tombstones are there.
    expect(await t.database.db.selectFrom('retention_tombstone').select('id').execute()).toHaveLength(demo.tombstones);
    const logged = await t.database.db.selectFrom('audit_log').select(['actor_username']).where('action', '=', 'retention.dry_run').execute();
    expect(logged.map((l) => l.actor_username)).toEqual(['sysadmin', 'sysadmin']);
  });

  it('erases the school entry and leaves a tombstone (what, when, which rule); the student-health entry keeps its ten years', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const res = await sysadmin.post('/api/admin/retention/runs');
    expect(res.statusCode).toBe(200);
    const run = res.json() as RetentionPlan;
    expect(run).toMatchObject({ dryRun: false });
    expect(run.items.find((i) => i.ruleId === 'record_entry.education')!.count).toBeGreaterThan(0);
    expect((await entriesOf(childId)).map((e) => e.title)).toEqual(['Retention: health entry']);
    const tombstones = (await sysadmin.get('/api/admin/retention/tombstones?pageSize=500')).json() as RetentionTombstoneList;
    const stored = await t.database.db.selectFrom('retention_tombstone').select('subject').where('child_id', '=', childId).execute();
    expect(stored).toHaveLength(1);
    const mine = tombstones.tombstones.filter((s) => s.subject === stored[0]!.subject);
    expect(mine).toHaveLength(1);
    // The list says what was erased, not whose: a system administrator reads no child's data. The
    // child's id stays in the table, for the family's register extract.
    expect(tombstones.tombstones.every((s) => !('childId' in s))).toBe(true);
    expect(mine[0]).toMatchObject({ ruleId: 'record_entry.education', category: 'record_entry', erasedAt: clock.now().toISOString() });
    expect(tombstones.total).toBe(demo.tombstones + run.total);
    const runRow = await t.database.db.selectFrom('retention_run').selectAll().where('id', '=', run.runId!).executeTakeFirstOrThrow();
    expect(runRow.status).toBe('done');
    const logged = await t.database.db.selectFrom('audit_log').select(['details', 'subject_id']).where('action', '=', 'retention.erase').executeTakeFirstOrThrow();
    expect(logged).toMatchObject({ subject_id: run.runId, details: { total: run.total } });
    // A second run finds nothing more of it.
    const again = (await sysadmin.post('/api/admin/retention/runs')).json() as RetentionPlan;
    expect(again.items.find((i) => i.ruleId === 'record_entry.education')!.count).toBe(0);
  });

  it('eleven years on, erases the audit log up to a signed checkpoint, and the chain still verifies', async () => {
    clock.advance(5 * year);
    const sysadmin = await t.loginAs('sysadmin');
    const { db } = t.database;
    const cutoff = new Date(clock.now().getTime() - 10 * year);
    const lastExpired = await db.selectFrom('audit_log').select(sql<string>`max(seq)::text`.as('seq')).where('at', '<', cutoff).executeTakeFirstOrThrow();
    const dry = (await sysadmin.get('/api/admin/retention/dry-run')).json() as RetentionPlan;
    const planned = dry.items.find((i) => i.ruleId === 'audit_log')!;
    expect(planned.skipped).toBeNull();
    expect(BigInt(planned.throughSeq!)).toBeLessThanOrEqual(BigInt(lastExpired.seq));
    const checkpoints = await readCheckpoints(t.config.auditCheckpoint.file, deps.checkpointKey);
    expect(checkpoints.good.some((c) => c.seq === planned.throughSeq)).toBe(true);

    const run = (await sysadmin.post('/api/admin/retention/runs')).json() as RetentionPlan;
    const erased = run.items.find((i) => i.ruleId === 'audit_log')!;
    expect(erased).toMatchObject({ skipped: null, throughSeq: planned.throughSeq, count: Number(planned.throughSeq) });
    const remaining = await db.selectFrom('audit_log').select(sql<string>`min(seq)::text`.as('seq')).executeTakeFirstOrThrow();
    expect(BigInt(remaining.seq)).toBe(BigInt(planned.throughSeq!) + 1n);
    const left = await db.selectFrom('audit_log').select(sql<string>`count(*)`.as('n')).where('seq', '<=', planned.throughSeq!).executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    const anchor = await db.selectFrom('audit_erasure').select([sql<string>`through_seq::text`.as('seq'), 'rule_id', 'run_id']).executeTakeFirstOrThrow();
    expect(anchor).toMatchObject({ seq: planned.throughSeq, rule_id: 'audit_log', run_id: run.runId });
    const tombstone = await db.selectFrom('retention_tombstone').select(['subject', 'rule_id']).where('category', '=', 'audit_log').executeTakeFirstOrThrow();
    expect(tombstone).toEqual({ subject: `seq 1–${planned.throughSeq}`, rule_id: 'audit_log' });

    // Verified over the API (a full run) and from the last checkpoint.
    const verification = await verifyOverApi(sysadmin);
    expect(verification.report).toMatchObject({ ok: true, sinceCheckpoint: planned.throughSeq });
    const fresh = await readCheckpoints(t.config.auditCheckpoint.file, deps.checkpointKey);
    expect((await verifyAuditChain(db, { checkpoints: fresh, from: 'last_checkpoint' })).ok).toBe(true);
    expect((await verifyAuditChain(db, { checkpoints: fresh })).ok).toBe(true);
  });

  it('the app login still cannot delete or rewrite audit rows, nor write an anchor; the owner deletes only what an anchor covers', async () => {
    const { db, ownerScript } = t.database;
    const head = await db.selectFrom('audit_chain_head').select(sql<string>`seq::text`.as('seq')).executeTakeFirstOrThrow();
    await expect(db.deleteFrom('audit_log').where('seq', '=', head.seq).execute()).rejects.toThrow(/permission denied|append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/permission denied|append-only/);
    await expect(db.updateTable('audit_log').set({ actor_username: 'x' }).where('seq', '=', head.seq).execute()).rejects.toThrow(/permission denied|append-only/);
    await expect(sql`INSERT INTO audit_erasure (through_seq, through_hash, checkpoint_at, checkpoint_mac, entries, rule_id, erased_at) VALUES (${head.seq}, 'x', now(), 'x', 1, 'audit_log', now())`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM retention_tombstone`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(ownerScript.exec(`DELETE FROM audit_log WHERE seq = ${head.seq}`)).rejects.toThrow(/append-only/);
    await expect(ownerScript.exec('DELETE FROM audit_erasure')).rejects.toThrow(/append-only/);
    expect((await db.selectFrom('audit_log').select('seq').where('seq', '=', head.seq).execute())).toHaveLength(1);
  });

  it('the scheduled job runs once per interval, on the services\' clock', async () => {
    const logged: unknown[] = [];
    const scheduler = new RetentionScheduler(deps, 24, { info: (d) => logged.push(d), error: () => undefined });
    // A newsletter address never confirmed goes with the run (its confirmation mail says so); a confirmed one stays.
    const { db } = t.database;
    const org = (await db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const weeksAgo = new Date(clock.now().getTime() - 30 * 86_400_000);
    await db.insertInto('newsletter_subscriber').values([
      { owner_organisation_id: org, email: 'aldrig.bekraftad@example.se', token: 'retention-unconfirmed', lang: 'sv', created_at: weeksAgo },
      { owner_organisation_id: org, email: 'bekraftad@example.se', token: 'retention-confirmed', lang: 'sv', created_at: weeksAgo, confirmed_at: weeksAgo },
    ]).execute();
    clock.advance(2 * 86_400_000);
    const first = await scheduler.tick();
    const left = await db.selectFrom('newsletter_subscriber').select('email').where('token', 'in', ['retention-unconfirmed', 'retention-confirmed']).execute();
    expect(left.map((r) => r.email)).toEqual(['bekraftad@example.se']);
    expect(first).not.toBeNull();
    expect(await scheduler.tick()).toBeNull();
    clock.advance(25 * 3_600_000);
    expect(await scheduler.tick()).not.toBeNull();
    await scheduler.stop();
    const runs = await t.database.db.selectFrom('retention_run').select(['status', 'started_by']).where('started_by', 'is', null).where('id', '!=', demo.run).execute();
    expect(runs).toEqual([{ status: 'done', started_by: null }, { status: 'done', started_by: null }]);
    const job = await t.database.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'retention.erase').where('subject_id', '=', first).executeTakeFirstOrThrow();
    expect(job.actor_username).toBe('retention-job');
  });

  it('an anchor that no signed checkpoint vouches for breaks verification', async () => {
    const { db, ownerScript } = t.database;
    const head = await db.selectFrom('audit_chain_head').select(sql<string>`seq::text`.as('seq')).executeTakeFirstOrThrow();
    const seq = BigInt(head.seq) - 1n;
    await ownerScript.exec(`INSERT INTO audit_erasure (through_seq, through_hash, checkpoint_at, checkpoint_mac, entries, rule_id, erased_at)
      VALUES (${seq}, '${'a'.repeat(64)}', now(), '${'b'.repeat(64)}', 1, 'audit_log', now())`);
    const report = await verifyAuditChain(db, { checkpoints: await readCheckpoints(t.config.auditCheckpoint.file, deps.checkpointKey) });
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: seq.toString(), reason: 'anchor_mismatch' } });
  });
});
