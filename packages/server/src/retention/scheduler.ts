import { sql } from 'kysely';
import { eraseExpired, type RetentionDeps } from './service.ts';
import { PeriodicJob, type JobLog } from '../jobs/periodic.ts';
import { purgeUnconfirmed } from '../newsletter/subscribers.ts';

export type RetentionLog = JobLog;

// Any fixed number: nodes take turns deciding whether a run is due.
const retentionLock = 72_010;

/**
 * The scheduled erasure (gallring), a periodic job on the services' clock. A run is due when none
 * started within the interval; the decision is taken under an advisory lock and recorded as the
 * run's row, so several nodes (or a restart) never erase twice in one interval.
 */
export class RetentionScheduler extends PeriodicJob<string | null> {
  constructor(
    private readonly deps: RetentionDeps,
    private readonly intervalHours: number,
    log: RetentionLog,
  ) {
    super('retention run', log);
  }

  /** Looks every few minutes (at most every interval); the first look comes after one of them. */
  start(): void {
    if (this.intervalHours > 0) this.startEvery(Math.min(this.intervalHours * 3_600_000, 10 * 60_000));
  }

  /** One look: starts a run when one is due; returns its id, or null. */
  tick(): Promise<string | null> {
    return this.run();
  }

  protected work(): Promise<string | null> {
    return this.runIfDue();
  }

  private async runIfDue(): Promise<string | null> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const since = new Date(now.getTime() - this.intervalHours * 3_600_000);
    const runId = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${retentionLock})`.execute(trx);
      const recent = await trx.selectFrom('retention_run').select('id').where('started_at', '>', since).where('status', '!=', 'failed').limit(1).executeTakeFirst();
      if (recent) return null;
      return (await trx.insertInto('retention_run').values({ started_at: now, status: 'running' }).returning('id').executeTakeFirstOrThrow()).id;
    });
    if (!runId) return null;
    const plan = await eraseExpired(this.deps, { actorId: null, actorUsername: 'retention-job', requestId: null, clientIp: null }, null, runId);
    // Newsletter addresses never confirmed: the confirmation mail promises they go.
    const unconfirmed = await purgeUnconfirmed(db, now);
    this.log.info({ retentionRun: runId, erased: plan.total, unconfirmedSubscribers: unconfirmed }, 'retention run done');
    return runId;
  }
}
