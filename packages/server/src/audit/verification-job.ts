import type { Kysely } from 'kysely';
import type { AuditVerification, AuditVerifyFrom } from '@samsyn/core';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { readCheckpoints } from './checkpoints.ts';
import { verifyAuditChain, type ChainReport } from './verify.ts';
import { appendAudit } from './writer.ts';

export interface VerificationDeps {
  db: Kysely<DB>;
  clock: Clock;
  checkpointFile: string;
  checkpointKey: Buffer;
  log: { error(details: object, message: string): void };
}

export type VerificationView = AuditVerification;

// A run that has not written progress for this long lost its node (a restart, a crash).
const abandonedAfterMs = 5 * 60_000;

type Row = DB['audit_verification'] extends infer T ? { [K in keyof T]: unknown } : never;

function toView(row: Row, now: Date): VerificationView {
  const updated = new Date(row.updated_at as Date);
  const status = row.status as AuditVerification['status'];
  return {
    id: row.id as string,
    status: status === 'running' && now.getTime() - updated.getTime() > abandonedAfterMs ? 'abandoned' : status,
    verified: Number(row.verified),
    total: Number(row.total),
    startedAt: new Date(row.started_at as Date).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at as Date).toISOString() : null,
    report: (row.report as ChainReport | null) ?? null,
  };
}

/**
 * Starts a verification in the background and returns at once: the caller polls its progress.
 * A run already going (and alive) is returned instead of starting a second one. The start is
 * logged: who checked the log, when.
 */
export async function startVerification(
  deps: VerificationDeps,
  actor: { userId: string; username: string; requestId: string; clientIp: string },
  from: AuditVerifyFrom = 'start',
): Promise<VerificationView> {
  const now = deps.clock.now();
  const { row, started } = await deps.db.transaction().execute(async (trx) => {
    const running = await trx
      .selectFrom('audit_verification')
      .selectAll()
      .where('status', '=', 'running')
      .where('updated_at', '>', new Date(now.getTime() - abandonedAfterMs))
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    if (running) return { row: running, started: false };
    const inserted = await trx
      .insertInto('audit_verification')
      .values({ started_by: actor.userId, started_at: now, updated_at: now, status: 'running' })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [{
      action: 'audit.verify', outcome: 'success', actorId: actor.userId, actorUsername: actor.username,
      subjectType: 'audit_verification', subjectId: inserted.id, requestId: actor.requestId, clientIp: actor.clientIp, details: { from },
    }], now);
    return { row: inserted, started: true };
  });
  if (started) void run(deps, row.id, from);
  return toView(row, now);
}

async function run(deps: VerificationDeps, id: string, from: AuditVerifyFrom): Promise<void> {
  const { db, clock } = deps;
  try {
    const checkpoints = await readCheckpoints(deps.checkpointFile, deps.checkpointKey);
    const report = await verifyAuditChain(db, {
      checkpoints,
      from,
      onProgress: async ({ verified, total }) => {
        await db.updateTable('audit_verification').set({ verified, total, updated_at: clock.now() }).where('id', '=', id).execute();
      },
    });
    const now = clock.now();
    await db
      .updateTable('audit_verification')
      // A break ends the run early: the share shows where it stopped.
      .set({ status: 'done', verified: report.entries, total: (BigInt(report.headSeq) - BigInt(report.sinceCheckpoint ?? '0')).toString(), report: JSON.stringify(report), updated_at: now, finished_at: now })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    deps.log.error({ err: error, verificationId: id }, 'audit verification failed');
    const now = clock.now();
    await db
      .updateTable('audit_verification')
      .set({ status: 'failed', error: (error as Error).message, updated_at: now, finished_at: now })
      .where('id', '=', id)
      .execute()
      .catch(() => undefined);
  }
}

export async function findVerification(deps: Pick<VerificationDeps, 'db' | 'clock'>, id: string): Promise<VerificationView | null> {
  const row = await deps.db.selectFrom('audit_verification').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toView(row, deps.clock.now()) : null;
}
