import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionPlan, RetentionRule, RetentionTombstoneList } from '@samsyn/core';
import { fixedClock } from '../clock.ts';
import { RetentionScheduler } from '../retention/scheduler.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { verifyOverApi } from '../test/audit.ts';
import { demoSeededAt } from '../test/fixtures.ts';

// The demo's retention (demo/retention.ts) as the README tells a system administrator to try it:
// an organisation's own period on one rule, the job's last run with its tombstones, and children
// whose time has just passed, listed by a dry run and erased by "Gallra nu", the chain verified.

const clock = fixedClock(new Date(0));
let t: TestApp;
let seededAt: Date;

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  seededAt = await demoSeededAt(t.database.db);
  // A minute after the seed: what the demo looks like when it has just started.
  clock.set(new Date(seededAt.getTime() + 60_000));
});
afterAll(() => t.close());

const countOf = (plan: RetentionPlan, rule: string) => plan.items.find((i) => i.ruleId === rule)!.count;

describe('the demo’s retention', () => {
  it('has the region’s own period for health care’s entries, next to the defaults', async () => {
    const rules = (await (await t.loginAs('sysadmin')).get('/api/admin/retention/rules')).json() as RetentionRule[];
    expect(rules.find((r) => r.id === 'record_entry.health_care')).toMatchObject({ years: 12, defaultYears: 10, effectiveYears: 12, updatedAt: expect.any(String) });
    expect(rules.filter((r) => r.years !== null).map((r) => r.id)).toEqual(['record_entry.health_care']);
  });

  it('has the job’s last run, two hours before the seed, with a tombstone for each thing it erased', async () => {
    const { db } = t.database;
    const runs = await db.selectFrom('retention_run').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', started_by: null });
    expect(seededAt.getTime() - new Date(runs[0]!.started_at).getTime()).toBe(2 * 3_600_000);
    const list = (await (await t.loginAs('sysadmin')).get('/api/admin/retention/tombstones')).json() as RetentionTombstoneList;
    expect(list.total).toBe(6);
    expect(list.tombstones.map((s) => s.ruleId).sort()).toEqual(['disclosure', 'record_entry.education', 'record_entry.education', 'record_entry.education', 'record_entry.social_services', 'record_entry.social_services']);
    // What went is gone: no entry or ledger row has a tombstone's id.
    const ids = list.tombstones.map((s) => s.subject);
    expect(await db.selectFrom('record_entry').select('id').where('id', 'in', ids).execute()).toEqual([]);
    expect(await db.selectFrom('disclosure').select('id').where('id', 'in', ids).execute()).toEqual([]);
    // The job does not run again within its interval of the last run; a day after it, it does.
    const deps = { db, owner: t.database.ownerScript, clock, checkpointFile: t.config.auditCheckpoint.file, checkpointKey: Buffer.from(t.config.auditCheckpoint.key!, 'utf8') };
    const scheduler = new RetentionScheduler(deps, 24, { info: () => undefined, error: () => undefined });
    expect(await scheduler.tick()).toBeNull();
    await scheduler.stop();
  });

  it('lists in a dry run the children whose time has passed since that run, and keeps the student-health entries seven years old', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const plan = (await sysadmin.get('/api/admin/retention/dry-run')).json() as RetentionPlan;
    expect(countOf(plan, 'record_entry.education')).toBe(3);
    expect(countOf(plan, 'record_entry.social_services')).toBe(2);
    expect(countOf(plan, 'disclosure')).toBe(1);
    expect(countOf(plan, 'record_entry.student_health')).toBe(0);
    expect(countOf(plan, 'record_entry.health_care')).toBe(0);
    expect(plan.total).toBe(6);
    // The entries of an inactive child within their period are there, and stay.
    const kept = await t.database.db.selectFrom('record_entry as e').innerJoin('secrecy_domain as s', 's.id', 'e.secrecy_domain_id').select('e.id').where('s.kind', '=', 'student_health').where('e.created_at', '<', new Date(seededAt.getTime() - 6 * 365 * 86_400_000)).execute();
    expect(kept).toHaveLength(2);
  });

  it('erases them with "erase now", leaving tombstones, and the audit chain still verifies', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const run = (await sysadmin.post('/api/admin/retention/runs')).json() as RetentionPlan;
    expect(run).toMatchObject({ dryRun: false, total: 6 });
    const list = (await sysadmin.get('/api/admin/retention/tombstones')).json() as RetentionTombstoneList;
    expect(list.total).toBe(12);
    const again = (await sysadmin.get('/api/admin/retention/dry-run')).json() as RetentionPlan;
    expect(again.total).toBe(0);
    expect((await verifyOverApi(sysadmin)).report).toMatchObject({ ok: true });
  });
});
