/**
 * The server under test: a fresh database (a temporary PGlite folder, or a temporary
 * PostgreSQL database created beside DATABASE_URL's), and the real server as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { progress, type Cleanup } from './util.ts';

export interface BenchDatabase {
  kind: 'pglite' | 'postgresql';
  /** Environment for the server: DATABASE_URL or SAMSYN_DATA_DIR. */
  env: Record<string, string>;
  /** Where it lives, for the report (no password). */
  label: string;
}

/** Hides the password of a connection string. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** A temporary PGlite folder, removed at cleanup. */
export async function prepareTempPglite(cleanup: Cleanup): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-bench-'));
  cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  return { kind: 'pglite', env: { SAMSYN_DATA_DIR: dataDir }, label: `PGlite in ${dataDir}` };
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, statement_timeout: 30_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the server DATABASE_URL names; the database DATABASE_URL names
 * itself is only used to run CREATE DATABASE and DROP DATABASE, never read or written.
 */
export async function prepareTempPostgres(databaseUrl: string, cleanup: Cleanup): Promise<BenchDatabase> {
  const name = `samsyn_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const quoted = `"${name}"`;
  const serverVersion = await withClient(databaseUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quoted}`);
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  });
  cleanup.add(`drop database ${name}`, () =>
    withClient(databaseUrl, async (client) => {
      const version = await client.query<{ v: string }>('SHOW server_version_num');
      if (Number(version.rows[0]?.v ?? 0) >= 130000) {
        await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
      } else {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await client.query(`DROP DATABASE IF EXISTS ${quoted}`);
      }
    }),
  );
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  // The server keeps its signed audit checkpoints (and their generated key) in its data folder.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-bench-'));
  cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return { kind: 'postgresql', env: { DATABASE_URL: url.toString(), SAMSYN_DATA_DIR: dir }, label: `PostgreSQL ${serverVersion}, temporary database ${name} on ${url.host}` };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  /** Set when the server exits before the bench stops it. */
  exited: () => string | undefined;
}

const keptLines = 200;

/** Starts `packages/server/src/main.ts` in its own Node process and waits for /api/health. */
export async function startServer(
  root: string,
  database: BenchDatabase,
  cleanup: Cleanup,
  options: { startTimeoutMs: number; stopTimeoutMs: number },
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The bench chooses its own database; never inherit one.
  delete env.DATABASE_URL;
  delete env.SAMSYN_DATA_DIR;
  Object.assign(env, database.env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'warn',
    // The fresh database must get demo data; production starts on PostgreSQL never seed.
    NODE_ENV: 'development',
    // The ungated ceiling of the audited read (a bench-only route, off everywhere else).
  });

  // BENCH_SERVER_NODE_ARGS: extra Node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'packages/server/src/main.ts'), '--bench-routes'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > keptLines) lines.shift();
      process.stderr.write(`  [server${prefix}] ${line}\n`);
    }
  };
  child.stdout?.on('data', keep(''));
  child.stderr?.on('data', keep(' stderr'));

  let exitReason: string | undefined;
  let stopping = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) exitReason = `server exited unexpectedly (code ${code ?? '-'}, signal ${signal ?? '-'})`;
      resolve();
    });
  });
  child.once('error', (error) => {
    exitReason = `server could not start: ${error.message}`;
  });

  cleanup.add('stop server', async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.stopTimeoutMs).unref());
    if ((await Promise.race([exitedPromise.then(() => 'exited' as const), timer])) === 'timeout') {
      progress(`server did not stop within ${options.stopTimeoutMs / 1000} s; killing it`);
      child.kill('SIGKILL');
      await exitedPromise;
    }
  });

  const started = Date.now();
  for (;;) {
    if (exitReason) throw new Error(`${exitReason}\n${lines.slice(-40).join('\n')}`);
    if (Date.now() - started > options.startTimeoutMs) {
      throw new Error(`server did not answer /api/health within ${options.startTimeoutMs / 1000} s`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        const body = (await response.json()) as { database?: string };
        if (body.database !== database.kind) {
          throw new Error(`server runs on ${body.database ?? '?'}, expected ${database.kind}`);
        }
        break;
      }
      await response.body?.cancel();
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('server runs on')) throw error;
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, child, exited: () => exitReason };
}
