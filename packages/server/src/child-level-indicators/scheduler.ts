import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { computeChildLevelIndicators } from './service.ts';
import { ensureChildLevelCatalogue } from './catalogue.ts';
import { PeriodicJob, type JobLog } from '../jobs/periodic.ts';

// Any fixed number: nodes take turns, so two never write the same quarter at once.
const computeLock = 72_034;

/**
 * The scheduled computation of the child level's own indicators, started like the retention job:
 * a timer on the services' clock. A run recomputes the recent quarters whole (the figures of a
 * quarter change while it lasts, and a closed plan or a late wheel can change the last one).
 */
export class ChildLevelIndicatorScheduler extends PeriodicJob<number> {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly threshold: number,
    private readonly intervalHours: number,
    log: JobLog,
  ) {
    super('child-level indicators', log);
  }

  start(): void {
    this.startEvery(this.intervalHours * 3_600_000);
  }

  /** The four catalogue rows, when the install has a region to own them; logs what it added. */
  async registerCatalogue(): Promise<void> {
    const added = await ensureChildLevelCatalogue(this.db, this.clock.now());
    if (added.length > 0) this.log.info({ added }, 'child-level indicators registered in the catalogue');
  }

  /** One run (also on demand, for tests and the CLI): the rows stored. */
  protected async work(): Promise<number> {
    // A region added after the start gets the catalogue rows at the next run.
    await this.registerCatalogue();
    // The lock lasts as long as the transaction that computes and writes: another node's run waits for none of it and skips.
    const rows = await this.db.transaction().execute(async (trx) => {
      const got = (await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${computeLock}) AS ok`.execute(trx)).rows[0]!.ok;
      return got ? computeChildLevelIndicators(trx, { now: this.clock.now(), threshold: this.threshold }) : 0;
    });
    this.log.info({ rows }, 'child-level indicators computed');
    return rows;
  }
}
