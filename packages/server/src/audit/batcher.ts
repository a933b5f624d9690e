import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import { appendAuditStatement, appendLinkedIfHead, readChainHead, type AuditEntry, type ChainHead } from './writer.ts';

// A batch larger than this waits for the next transaction; keeps one INSERT statement small.
const maxBatch = 500;
// Tries to link a batch to a head that moved meanwhile before it lets the database link it.
const maxLinkAttempts = 3;

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
  // The head this process last wrote or saw: the next batch links to it (see appendLinkedIfHead).
  private head: ChainHead | null = null;

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
        await this.appendBatch(batch.map((p) => p.entry));
        for (const p of batch) p.resolve();
      } catch {
        this.head = null;
        // One entry the database refuses must not fail every request that shared its batch.
        await this.appendOneByOne(batch);
      }
    }
    this.flushing = false;
  }

  /**
   * Links the batch here and appends it if the chain still ends where this process saw it; a
   * change's own entry (in its transaction) or another node moves the head, and then the batch is
   * linked again to the head the statement found. After a few misses the database links it.
   */
  private async appendBatch(entries: AuditEntry[]): Promise<void> {
    const at = this.clock.now();
    this.head ??= await readChainHead(this.db);
    for (let attempt = 0; attempt < maxLinkAttempts; attempt++) {
      const result = await appendLinkedIfHead(this.db, entries, at, this.head);
      this.head = result.head;
      if (result.appended) return;
    }
    this.head = null;
    await appendAuditStatement(this.db, entries, at);
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
