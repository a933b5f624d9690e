import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { appendAuditStatement, type AuditEntry } from './writer.ts';

// A batch larger than this waits for the next transaction; keeps one INSERT statement small.
const maxBatch = 500;

interface Pending {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for audited reads (see DESIGN.md, "The cost of the log"): entries that arrive
 * while a batch is being written wait for the next one; each batch is one statement that
 * commits on its own (`appendAuditStatement`: the chain lock, the rows and the head in one round
 * trip, where a transaction took four). A response waits for its entry's commit, so nothing is read
 * unlogged, and nothing is held in memory longer than one commit.
 */
export class AuditBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  append(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, maxBatch);
      try {
        await appendAuditStatement(this.db, batch.map((p) => p.entry), this.clock.now());
        for (const p of batch) p.resolve();
      } catch {
        // One entry the database refuses must not fail every request that shared its batch.
        await this.appendOneByOne(batch);
      }
    }
    this.flushing = false;
  }

  private async appendOneByOne(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      try {
        await appendAuditStatement(this.db, [p.entry], this.clock.now());
        p.resolve();
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
