import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The smallest connection migrations need: scripts and plain queries, on one session. */
export interface ScriptConnection {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const migrationsDir = path.join(here, 'migrations');
// Any fixed number: nodes starting together take turns migrating.
const migrationLock = 72_001;

export async function migrationFiles(): Promise<string[]> {
  return (await readdir(migrationsDir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

/** Applies pending numbered SQL files, each in its own transaction, then the grants. */
export async function migrate(conn: ScriptConnection): Promise<string[]> {
  await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  await conn.query('SELECT pg_advisory_lock($1)', [migrationLock]);
  try {
    const applied = new Set(
      (await conn.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name),
    );
    const pending = (await migrationFiles()).filter((f) => !applied.has(f));
    for (const file of pending) await applyOne(conn, file);
    await conn.exec(await readFile(path.join(here, 'grants.sql'), 'utf8'));
    return pending;
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
  }
}

async function applyOne(conn: ScriptConnection, file: string): Promise<void> {
  const body = await readFile(path.join(migrationsDir, file), 'utf8');
  const record = `INSERT INTO schema_migration (name) VALUES ('${file.replace(/'/g, "''")}')`;
  try {
    await conn.exec(`BEGIN;\n${body}\n;${record};\nCOMMIT;`);
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${file} failed: ${(error as Error).message}`, { cause: error });
  }
}
