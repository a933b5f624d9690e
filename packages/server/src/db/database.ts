import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrate, type ScriptConnection } from './migrate.ts';
import { isFreshDataDir, pgliteTemplate } from './pglite-template.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** True when queries run as the least-privileged `samsyn_app` role. */
  appRole: boolean;
  /** A connection with the owner's rights, for tests that must tamper with what the app cannot. */
  ownerScript: ScriptConnection;
  /** PGlite only: the whole data folder as a tarball, to start copies from (test template). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export const appRole = 'samsyn_app';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
const dateOid = 1082;
pg.types.setTypeParser(dateOid, (value: string) => value);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A dumped PGlite data folder to start from (the test template). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Apply pending migrations before use (default true). */
  migrate?: boolean;
}

const hasAppRoleSql = `SELECT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}')
  AND pg_has_role(current_user, '${appRole}', 'MEMBER')) AS ok`;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  const onDisk = !dataDir.includes('://');
  const loadDataDir = options.loadDataDir ?? (onDisk && isFreshDataDir(dataDir) ? await pgliteTemplate() : undefined);
  const pglite = await PGlite.create({
    dataDir,
    parsers: { [dateOid]: (value: string) => value },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const script: ScriptConnection = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
  };
  if (options.migrate !== false) await migrate(script);
  // PGlite has one session: the role set here holds for every later Kysely query.
  const useRole = (await script.query<{ ok: boolean }>(hasAppRoleSql))[0]?.ok === true;
  if (useRole) await pglite.exec(`SET ROLE ${appRole}`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    appRole: useRole,
    // Owner scripts on PGlite share the one session, so they step out of the role and back.
    ownerScript: {
      exec: async (sql) => {
        await pglite.exec(`RESET ROLE; ${sql}; ${useRole ? `SET ROLE ${appRole}` : ''}`);
      },
      query: script.query,
    },
    dump: () => pglite.dumpDataDir('none'),
    close: () => db.destroy(),
  };
}

// Kysely builds some statements with a varying shape (IN lists); past this many per
// connection, new shapes run unnamed instead of filling the server's memory.
const maxPreparedPerConnection = 256;

/**
 * Runs each distinct parameterised statement as a named prepared statement on its connection,
 * so PostgreSQL parses and plans it once instead of on every request: the session lookup on
 * every API call was spending more time in planning than in execution.
 */
function preparePerConnection(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return query(text, values, ...rest);
    let name = names.get(text);
    if (!name && names.size < maxPreparedPerConnection) {
      name = `samsyn_${names.size}`;
      names.set(text, name);
    }
    return name ? query({ name, text, values }, ...rest) : query(text, values, ...rest);
  };
}

async function openPostgres(options: OpenOptions): Promise<Database> {
  const connectionString = options.databaseUrl;
  const owner = new pg.Pool({ connectionString, max: 1 });
  owner.on('error', () => undefined);
  const ownerScript: ScriptConnection = {
    exec: async (sql) => {
      await owner.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await owner.query(sql, params)).rows as T[],
  };
  if (options.migrate !== false) await migrate(ownerScript);
  const useRole = (await ownerScript.query<{ ok: boolean }>(hasAppRoleSql))[0]?.ok === true;
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 20 });
  // An idle connection the server ends (a restart, a forced drop, an administrator) makes the
  // pool emit 'error'; unheard, that would crash the process. pg has already dropped the
  // connection, and the next query opens a new one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    // pg queues queries per client, so SET ROLE runs before anything the pool hands out.
    if (useRole) void client.query(`SET ROLE ${appRole}`).catch(() => undefined);
    preparePerConnection(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgresql',
    db,
    appRole: useRole,
    ownerScript,
    close: async () => {
      await db.destroy();
      await owner.end();
    },
  };
}
