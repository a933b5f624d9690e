import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * A bulk path beside Kysely, for loads of a million rows (survey microdata): one transaction on one
 * session, with COPY. On PostgreSQL the rows stream through `COPY … FROM STDIN` (pg-copy-streams);
 * on PGlite they are gathered into a Blob and read by `COPY … FROM '/dev/blob'`. Either way the
 * work is one transaction: an error leaves nothing behind.
 */
export interface BulkSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Loads COPY lines (text format) into `table (columns)`; bytes are passed as they are, and `binary` says they are COPY's binary format. */
  copy(table: string, columns: readonly string[], lines: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, format?: 'text' | 'binary'): Promise<void>;
}

export type BulkWriter = <T>(work: (session: BulkSession) => Promise<T>) => Promise<T>;

const identifier = /^[a-z_][a-z0-9_]*$/;
function copyTarget(table: string, columns: readonly string[]): string {
  if (![table, ...columns].every((n) => identifier.test(n))) throw new Error(`bulk copy: bad name in ${table} (${columns.join(', ')})`);
  return `${table} (${columns.join(', ')})`;
}

/** Joins lines into chunks of about 1 MB, so the stream does not pay per row. */
async function* chunks(lines: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  let parts: string[] = [];
  let size = 0;
  for await (const line of lines) {
    if (typeof line !== 'string') {
      if (parts.length > 0) yield parts.join('');
      parts = [];
      size = 0;
      yield line;
      continue;
    }
    parts.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

export function postgresBulk(pool: pg.Pool): BulkWriter {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const session: BulkSession = {
        query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        copy: async (table, columns, lines, format = 'text') => {
          await pipeline(Readable.from(chunks(lines)), client.query(copyFrom(`COPY ${copyTarget(table, columns)} FROM STDIN (FORMAT ${format === 'binary' ? 'binary' : 'text'})`)));
        },
      };
      const result = await work(session);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

/**
 * PGlite's one session is a superuser that steps down to samsyn_app; reading '/dev/blob' is
 * reading a server file, which that role may not, so the COPY alone steps back up (PGlite is for
 * trying Samsyn, not for guarding it: see database.ts).
 */
export function pgliteBulk(pglite: PGlite, appRole: string | null): BulkWriter {
  return (work) =>
    pglite.transaction(async (tx: PGliteTransaction) => {
      const session: BulkSession = {
        query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
        copy: async (table, columns, lines, format = 'text') => {
          // The chunks are plain ArrayBuffer-backed bytes and strings: what a Blob takes.
          const parts: (string | Uint8Array)[] = [];
          for await (const chunk of chunks(lines)) parts.push(chunk);
          if (appRole) await tx.exec('RESET ROLE');
          try {
            await tx.query(`COPY ${copyTarget(table, columns)} FROM '/dev/blob' WITH (FORMAT ${format === 'binary' ? 'binary' : 'text'})`, [], { blob: new Blob(parts as NonNullable<ConstructorParameters<typeof Blob>[0]>) });
          } finally {
            if (appRole) await tx.exec(`SET ROLE ${appRole}`);
          }
        },
      };
      return work(session);
    });
}
