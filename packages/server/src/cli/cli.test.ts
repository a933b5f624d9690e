import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../test/harness.ts';

const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dataDir: string;
let env: NodeJS.ProcessEnv;
let dropDatabase: (() => Promise<void>) | undefined;
let ownerUrl: string | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-cli-'));
  env = { ...process.env, SAMSYN_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  if (process.env.DATABASE_URL) {
    // As in production: Samsyn's login owns nothing, the owner migrates.
    const empty = await createEmptyDatabase();
    env.DATABASE_URL = empty.appUrl;
    env.DATABASE_OWNER_URL = empty.url;
    ownerUrl = empty.url;
    dropDatabase = empty.drop;
  }
});
afterAll(async () => {
  await dropDatabase?.();
  await rm(dataDir, { recursive: true, force: true });
});

function run(script: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess & { output: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(serverSrc, script), ...args], { env: { ...env, ...extraEnv } });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const output = new Promise<{ code: number | null; out: string }>((resolve) => child.on('exit', (code) => resolve({ code, out })));
  return Object.assign(child, { output });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<{ database: string }> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return (await res.json()) as { database: string };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not answer');
}

async function countUsers(url: string): Promise<number> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
    body: JSON.stringify({ username: 'sysadmin', password: 'samsyn-demo' }),
  });
  expect(login.status).toBe(200);
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const users = await fetch(`${url}/api/users`, { headers: { cookie: `${cookie}; ${session}` } });
  return ((await users.json()) as unknown[]).length;
}

async function startServer(): Promise<{ url: string; stop(): Promise<void>; health: { database: string } }> {
  const port = await freePort();
  const child = run('main.ts', [], { PORT: String(port), HOST: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const health = await waitForHealth(url, child);
  return {
    url,
    health,
    stop: async () => {
      child.kill('SIGTERM');
      expect((await child.output).code).toBe(0);
    },
  };
}

describe('starting Samsyn and the npm scripts', () => {
  it('starts on an empty database, seeds the demo county once, and keeps the data across restarts', async () => {
    const first = await startServer();
    expect(first.health.database).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
    const seeded = await countUsers(first.url);
    expect(seeded).toBeGreaterThan(150);
    await first.stop();
    const second = await startServer();
    expect(await countUsers(second.url)).toBe(seeded);
    await second.stop();
  }, 90_000);

  it('verifies the audit chain from the command line (npm run audit:verify)', async () => {
    const { code, out } = await run('cli/audit-verify.ts').output;
    expect(out).toMatch(/Verified \d+ of \d+ entries \(100 %\)/);
    // The server wrote signed checkpoints at start and at shutdown; verification checked them.
    expect(out).toMatch(/Checkpoints: [1-9]\d* signed \([1-9]\d* match the chain\), 0 forged/);
    expect(out).toMatch(/Audit chain intact: \d+ entries/);
    expect(code).toBe(0);
  });

  it('lists what retention would erase (npm run retention), erases it with --erase, and the chain still verifies', async () => {
    const dry = await run('cli/retention.ts').output;
    expect(dry.out).toMatch(/Dry run at .*nothing erased/);
    expect(dry.out).toMatch(/record_entry\.education: \d+.*5 years before \d{4}-\d{2}-\d{2} — Arkivlagen/);
    expect(dry.out).toMatch(/audit_log: 0.*not erased: nothing_expired/);
    expect(dry.code).toBe(0);
    const erased = await run('cli/retention.ts', ['--erase']).output;
    expect(erased.out).toMatch(/Erased at .*:\n/);
    expect(erased.out).toMatch(/Total: \d+\./);
    expect(erased.code).toBe(0);
    const verified = await run('cli/audit-verify.ts').output;
    expect(verified.out).toMatch(/Audit chain intact/);
  }, 120_000);

  it('migrates (npm run db:migrate) and reseeds from scratch (npm run seed -- --reset)', async () => {
    const migrated = await run('cli/migrate.ts').output;
    expect(migrated.out).toMatch(/is migrated/);
    const reseed = await run('cli/seed.ts', ['--reset']).output;
    expect(reseed.out).toMatch(/Seeded Region Exempellän: 8 organisations, \d+ units, \d+ users/);
    expect(reseed.code).toBe(0);
    const again = await run('cli/seed.ts').output;
    expect(again.out).toMatch(/already has data/);
  }, 120_000);

  it('refuses to start in production without an audit checkpoint key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-nokey-'));
    try {
      const { code, out } = await run('main.ts', [], { NODE_ENV: 'production', SAMSYN_DATA_DIR: dir, PORT: String(await freePort()) }).output;
      expect(out).toMatch(/no audit checkpoint key/);
      expect(code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start in production as the owner of the schema (PostgreSQL)', async () => {
    // PGlite is one superuser session and is not refused (unit-tested in db/privileges.test.ts); this needs a server.
    if (!ownerUrl) return;
    const { code, out } = await run('main.ts', [], {
      NODE_ENV: 'production', DATABASE_URL: ownerUrl, DATABASE_OWNER_URL: '', SAMSYN_AUDIT_CHECKPOINT_KEY: 'c'.repeat(40), PORT: String(await freePort()),
    }).output;
    expect(out).toMatch(/refusing to start in production: the database login "\w+" has the owner's rights \([a-z_, ]*owns_schema/);
    expect(code).toBe(1);
  });

  it('refuses to seed demo data in production on a PostgreSQL server', async () => {
    const { code, out } = await run('cli/seed.ts', [], { NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }).output;
    expect(code).toBe(1);
    expect(out).toMatch(/Refusing to seed/);
  });
});
