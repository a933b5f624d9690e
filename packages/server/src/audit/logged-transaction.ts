import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendAudit, appendAuditStatementSql, type AuditEntry } from './writer.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * The transaction's first statement (the child's lock), as text without parameters: on PostgreSQL
 * it goes with the BEGIN in one round trip, and its rows are the work's `opened`. Its values are
 * written in as literals, so only values of a checked shape may be (access/gate.ts, a uuid).
 */
export interface OpeningStatement {
  sql: string;
}

/**
 * A change's transaction whose audit entries are its last statement. `work` makes the change and
 * returns the entries that record it; they are appended after every other statement, so the
 * chain head's lock (which every audited change and every batch of the group commit queue on) is
 * taken only at the end. On PostgreSQL the append and the COMMIT go in one round trip: the lock is
 * then held for the append and the commit's flush, never while this process, busy with other
 * requests, gets round to sending the COMMIT. Under load that wait was most of the lock's time,
 * and every gated write queued behind it (docs/operations.md#benchmarks). The entries commit with
 * the change or not at all, under the same chain lock, as DESIGN.md fixes.
 *
 * PGlite runs one statement per query (and has one connection, so nothing queues on the lock
 * there): the append is then a statement before a plain COMMIT.
 */
export async function loggedTransaction<T, R = never>(
  db: Kysely<DB>,
  kind: DatabaseKind | undefined,
  at: () => Date,
  work: (trx: Transaction<DB>, opened: R[]) => Promise<{ value: T; entries: readonly AuditEntry[] }>,
  opening?: OpeningStatement,
): Promise<T> {
  if (kind !== 'postgresql') {
    return db.transaction().execute(async (trx) => {
      const opened = opening ? (await sql.raw<R>(opening.sql).execute(trx)).rows : [];
      const { value, entries } = await work(trx, opened);
      await appendAudit(trx, entries, at());
      return value;
    });
  }
  return db.connection().execute(async (connection) => {
    try {
      // BEGIN and the opening statement in one simple query: one round trip less (db/database.ts answers its last statement's rows).
      const opened = (await sql.raw<R>(opening ? `BEGIN;\n${opening.sql}` : 'BEGIN').execute(connection)).rows;
      // One connection in a transaction block is what Kysely's own Transaction is; the work cannot tell them apart.
      const { value, entries } = await work(connection as Transaction<DB>, opened);
      // A query without parameters is sent as a simple query, which may hold two statements.
      const last = entries.length > 0 ? `${appendAuditStatementSql(entries, at())};\nCOMMIT` : 'COMMIT';
      await sql.raw(last).execute(connection);
      return value;
    } catch (error) {
      // A failed append leaves the block aborted (its COMMIT is not run); a failed COMMIT has already ended it.
      await sql.raw('ROLLBACK').execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
