import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema.ts';
import { migrate, type ScriptConnection } from './migrate.ts';
import { isFreshDataDir, pgliteTemplate } from './pglite-template.ts';
import { loginPrivileges, type LoginPrivileges } from './privileges.ts';
import { pgliteBulk, postgresBulk, type BulkWriter } from './bulk.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /**
   * The group commit of audited reads (audit/batcher.ts) on a connection of its own: a batch,
   * which holds the chain lock until it commits, never queues for a connection behind the
   * requests' own queries. PGlite's one session is `db`.
   */
  auditDb: Kysely<DB>;
  /** True when queries run with the least-privileged `samsyn_app` role's rights (SET ROLE or membership). */
  appRole: boolean;
  /** The login queries run as, and what owner's rights it has (none, in production). */
  privileges: LoginPrivileges;
  /** A connection with the owner's rights (migrations, grants; tests that tamper with what the app cannot). */
  ownerScript: ScriptConnection;
  /** One transaction with COPY, for loads of a million rows (db/bulk.ts). */
  bulk: BulkWriter;
  /** PGlite only: the whole data folder as a tarball, to start copies from (test template). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export const appRole = 'samsyn_app';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
const dateOid = 1082;
pg.types.setTypeParser(dateOid, (value: string) => value);

export interface OpenOptions {
  /** The login Samsyn runs as. */
  databaseUrl?: string | undefined;
  /**
   * The schema's owner, for migrations and grants. Unset: the `databaseUrl` login is the owner and
   * the server SET ROLE samsyn_app (development only; production refuses owner's rights).
   */
  ownerUrl?: string | undefined;
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
    auditDb: db,
    appRole: useRole,
    // PGlite is one superuser session: it is for trying Samsyn, not for guarding the log.
    privileges: await loginPrivileges(script),
    // Owner scripts on PGlite share the one session, so they step out of the role and back.
    ownerScript: {
      exec: async (sql) => {
        await pglite.exec(`RESET ROLE; ${sql}; ${useRole ? `SET ROLE ${appRole}` : ''}`);
      },
      query: script.query,
    },
    bulk: pgliteBulk(pglite, useRole ? appRole : null),
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
 * every API call was spending more time in planning than in execution. A statement without
 * parameters goes as a simple query, and answers its last statement's result (`lastResult`).
 */
function preparePerConnection(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text === 'string' && rest.length === 0 && (!Array.isArray(values) || values.length === 0)) return lastResult(query(text, values));
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return query(text, values, ...rest);
    let name = names.get(text);
    if (!name && names.size < maxPreparedPerConnection) {
      name = `samsyn_${names.size}`;
      names.set(text, name);
    }
    return name ? query({ name, text, values }, ...rest) : query(text, values, ...rest);
  };
}

/**
 * A simple query of several statements (`BEGIN; SELECT … FOR UPDATE`, audit/logged-transaction.ts)
 * answers pg's list of results, one per statement; Kysely reads one result, so it gets the last,
 * whose rows are the ones asked for.
 */
function lastResult(result: unknown): unknown {
  if (!(result instanceof Promise)) return result;
  return result.then((r: unknown) => (Array.isArray(r) ? r[r.length - 1] : r));
}

async function openPostgres(options: OpenOptions): Promise<Database> {
  const connectionString = options.databaseUrl;
  const separateOwner = Boolean(options.ownerUrl) && options.ownerUrl !== connectionString;
  const owner = new pg.Pool({ connectionString: options.ownerUrl ?? connectionString, max: 1 });
  owner.on('error', () => undefined);
  const ownerScript: ScriptConnection = {
    exec: async (sql) => {
      await owner.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await owner.query(sql, params)).rows as T[],
  };
  if (options.migrate !== false) await migrate(ownerScript);
  // Without a separate owner login, the owner's connections step down to samsyn_app (development).
  const setRole = !separateOwner && (await ownerScript.query<{ ok: boolean }>(hasAppRoleSql))[0]?.ok === true;
  const openPool = (max: number) => {
    // The role is a startup parameter, so a connection is samsyn_app from its first statement
    // (a SET ROLE sent on 'connect' raced the pool's first query on the same client).
    const pool = new pg.Pool({ connectionString, max, ...(setRole ? { options: `-c role=${appRole}` } : {}) });
    // An idle connection the server ends (a restart, a forced drop, an administrator) makes the
    // pool emit 'error'; unheard, that would crash the process. pg has already dropped the
    // connection, and the next query opens a new one.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => preparePerConnection(client));
    return pool;
  };
  const pool = openPool(options.poolSize ?? 20);
  // The group commit writes one batch at a time (AuditBatcher).
  const auditPool = openPool(1);
  const appScript: ScriptConnection = {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
  };
  // A separate login gets samsyn_app's rights as a member (no SET ROLE it could undo); the owner
  // grants the membership when it may, else the operator has done it (docs/operations.md).
  if (separateOwner) await grantAppRole(ownerScript, (await appScript.query<{ login: string }>('SELECT session_user::text AS login'))[0]!.login);
  const useRole = separateOwner ? (await appScript.query<{ ok: boolean }>(hasAppRoleSql))[0]?.ok === true : setRole;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const auditDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: auditPool }) });
  return {
    kind: 'postgresql',
    db,
    auditDb,
    appRole: useRole,
    privileges: await loginPrivileges(appScript),
    ownerScript,
    bulk: postgresBulk(pool),
    close: async () => {
      await db.destroy();
      await auditDb.destroy();
      await owner.end();
    },
  };
}

async function grantAppRole(owner: ScriptConnection, login: string): Promise<void> {
  const quoted = `"${login.replace(/"/g, '""')}"`;
  await owner.exec(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') AND NOT pg_has_role(${`'${login.replace(/'/g, "''")}'`}, '${appRole}', 'MEMBER') THEN
    GRANT ${appRole} TO ${quoted};
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'samsyn: cannot grant ${appRole} to the application login (%)', SQLERRM;
END;
$$`);
}
