import type { Kysely } from 'kysely';
import { retentionCutoff, ruleFor, type AuditErasureSkip, type RetentionPlan, type RetentionPlanItem, type RetentionRule } from '@samsyn/core';
import type { Clock } from '../clock.ts';
import type { ScriptConnection } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { readCheckpoints } from '../audit/checkpoints.ts';
import { eraseAuditPrefix, planAuditErasure, type AuditErasurePlan } from '../audit/erasure.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { expiredDisclosures, inactiveChildrenEntries, listRules, type ExpiredRow } from './queries.ts';

export interface RetentionDeps {
  db: Kysely<DB>;
  /** The schema owner's connection: only it may erase the audit log's expired prefix. */
  owner: ScriptConnection;
  clock: Clock;
  checkpointFile: string;
  checkpointKey: Buffer;
}

/** Who asked: an administrator, the CLI, or the scheduled job (no actor). */
export type RetentionActor = Pick<AuditEntry, 'actorId' | 'actorUsername' | 'requestId' | 'clientIp'>;

interface Found {
  rule: RetentionRule;
  cutoff: Date;
  rows: { id: string; child_id: string | null; secrecy_domain_id: string | null; recorded_at: Date }[];
  audit?: AuditErasurePlan;
}

/** What has passed its time now, per rule; reads only. */
async function findExpired(deps: RetentionDeps, now: Date): Promise<Found[]> {
  const rules = await listRules(deps.db);
  const cutoffOf = (r: RetentionRule) => retentionCutoff(now, r.effectiveYears);
  const found = new Map<string, Found>(rules.map((r) => [r.id, { rule: r, cutoff: cutoffOf(r), rows: [] }]));
  const entryRules = rules.filter((r) => r.category === 'record_entry');
  if (entryRules.length > 0) {
    const lenient = new Date(Math.max(...entryRules.map((r) => cutoffOf(r).getTime())));
    for (const row of await inactiveChildrenEntries(deps.db, lenient)) {
      const rule = ruleFor(entryRules, 'record_entry', row.kind);
      if (rule && row.last_activity < cutoffOf(rule)) found.get(rule.id)!.rows.push(toRow(row));
    }
  }
  const disclosure = rules.find((r) => r.category === 'disclosure');
  if (disclosure) {
    found.get(disclosure.id)!.rows = (await expiredDisclosures(deps.db, cutoffOf(disclosure))).map((r) => ({ ...r, recorded_at: new Date(r.recorded_at) }));
  }
  const audit = rules.find((r) => r.category === 'audit_log');
  if (audit) {
    const checkpoints = await readCheckpoints(deps.checkpointFile, deps.checkpointKey);
    found.get(audit.id)!.audit = await planAuditErasure(deps.db, checkpoints, cutoffOf(audit));
  }
  return [...found.values()];
}

function toRow(r: ExpiredRow) {
  return { id: r.id, child_id: r.child_id, secrecy_domain_id: r.secrecy_domain_id, recorded_at: r.recorded_at };
}

function toItem(f: Found, skipped?: AuditErasureSkip | null): RetentionPlanItem {
  const times = f.rows.map((r) => r.recorded_at.getTime());
  const audit = f.audit;
  return {
    ruleId: f.rule.id,
    category: f.rule.category,
    secrecyDomainKind: f.rule.secrecyDomainKind,
    years: f.rule.effectiveYears,
    legalReference: f.rule.legalReference,
    cutoff: f.cutoff.toISOString(),
    count: audit ? ((skipped ?? audit.skipped) ? 0 : audit.count) : f.rows.length,
    oldest: audit ? audit.oldest?.toISOString() ?? null : times.length > 0 ? new Date(Math.min(...times)).toISOString() : null,
    newest: audit ? audit.newest?.toISOString() ?? null : times.length > 0 ? new Date(Math.max(...times)).toISOString() : null,
    throughSeq: audit?.through?.seq ?? null,
    skipped: audit ? (skipped !== undefined ? skipped : audit.skipped) : null,
  };
}

/** The dry run: what would go now, rule by rule, and one audit entry saying who asked. */
export async function dryRun(deps: RetentionDeps, actor: RetentionActor): Promise<RetentionPlan> {
  const now = deps.clock.now();
  const items = (await findExpired(deps, now)).map((f) => toItem(f));
  const total = items.reduce((n, i) => n + i.count, 0);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, [{ ...actor, action: 'retention.dry_run', outcome: 'success', details: { total, items: items.map((i) => ({ rule: i.ruleId, count: i.count })) } }], now));
  return { at: now.toISOString(), dryRun: true, runId: null, items, total };
}

/**
 * Erases what has passed its time: record entries and ledger rows in one transaction with their
 * tombstones, then the audit log's expired prefix by the owner (audit/erasure.ts), then one audit
 * entry for the run. Returns what went.
 */
export async function eraseExpired(deps: RetentionDeps, actor: RetentionActor, startedBy: string | null, runId?: string): Promise<RetentionPlan> {
  const now = deps.clock.now();
  const run = runId ? { id: runId } : await deps.db.insertInto('retention_run').values({ started_at: now, started_by: startedBy, status: 'running' }).returning('id').executeTakeFirstOrThrow();
  try {
    const found = await findExpired(deps, now);
    await deps.db.transaction().execute(async (trx) => {
      for (const f of found) {
        if (f.rows.length === 0) continue;
        const table = f.rule.category === 'record_entry' ? 'record_entry' : 'disclosure';
        const ids = f.rows.map((r) => r.id);
        for (let i = 0; i < ids.length; i += 1000) await trx.deleteFrom(table).where('id', 'in', ids.slice(i, i + 1000)).execute();
        for (let i = 0; i < f.rows.length; i += 1000) {
          await trx.insertInto('retention_tombstone').values(f.rows.slice(i, i + 1000).map((r) => ({
            run_id: run.id, rule_id: f.rule.id, category: f.rule.category, subject: r.id, child_id: r.child_id, secrecy_domain_id: r.secrecy_domain_id, recorded_at: r.recorded_at, erased_at: now,
          }))).execute();
        }
      }
    });
    const items: RetentionPlanItem[] = [];
    for (const f of found) {
      if (!f.audit) {
        items.push(toItem(f));
        continue;
      }
      const checkpoints = await readCheckpoints(deps.checkpointFile, deps.checkpointKey);
      const skipped = await eraseAuditPrefix(deps.db, deps.owner, checkpoints, f.audit, { ruleId: f.rule.id, runId: run.id, at: now });
      if (!skipped && f.audit.through) {
        await deps.db.insertInto('retention_tombstone').values({
          run_id: run.id, rule_id: f.rule.id, category: 'audit_log', subject: `seq ${BigInt(f.audit.afterSeq) + 1n}–${f.audit.through.seq}`, recorded_at: f.audit.newest, erased_at: now,
        }).execute();
      }
      items.push(toItem(f, skipped));
    }
    const total = items.reduce((n, i) => n + i.count, 0);
    const summary = Object.fromEntries(items.map((i) => [i.ruleId, { count: i.count, ...(i.skipped ? { skipped: i.skipped } : {}), ...(i.throughSeq && !i.skipped ? { throughSeq: i.throughSeq } : {}) }]));
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('retention_run').set({ status: 'done', finished_at: deps.clock.now(), summary: JSON.stringify(summary) }).where('id', '=', run.id).execute();
      await appendAudit(trx, [{ ...actor, action: 'retention.erase', outcome: 'success', subjectType: 'retention_run', subjectId: run.id, details: { total, rules: summary } }], now);
    });
    return { at: now.toISOString(), dryRun: false, runId: run.id, items, total };
  } catch (error) {
    await deps.db.updateTable('retention_run').set({ status: 'failed', finished_at: deps.clock.now(), error: (error as Error).message }).where('id', '=', run.id).execute().catch(() => undefined);
    throw error;
  }
}
