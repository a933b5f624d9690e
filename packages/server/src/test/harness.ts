import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { App } from '../http/types.ts';
import { withDatabase } from './global-setup.ts';
import { testClockOffsetDays, testPassword } from './constants.ts';
import type { Clock } from '../clock.ts';

export { testPassword };

/**
 * A private copy of the seeded template database for one test file. `oneLogin`: on PostgreSQL,
 * the server connects with the owner's login alone and steps down to samsyn_app, as in development.
 */
export async function openTestDatabase(options: { oneLogin?: boolean } = {}): Promise<Database & { drop(): Promise<void> }> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    const blob = new Blob([await readFile(template.file)]);
    const database = await openDatabase({ loadDataDir: blob });
    return { ...database, drop: () => database.close() };
  }
  const name = `samsyn_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(template.url, name, template.database);
  // The server runs as the login that owns nothing; `ownerScript` has the owner's rights.
  const ownerUrl = withDatabase(template.url, name);
  const database = await openDatabase(options.oneLogin ? { databaseUrl: ownerUrl, poolSize: 10 } : { databaseUrl: withDatabase(template.appUrl, name), ownerUrl, poolSize: 10 });
  return {
    ...database,
    drop: async () => {
      await database.close();
      await dropDatabase(template.url, name);
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A backend of the setup's last connection to the template may not have exited yet when the
 * first test file copies it ("being accessed by other users"): wait a moment and try again.
 */
async function createFromTemplate(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onServer(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * Drops a test database. A backend still starting up has no role yet, and PostgreSQL then
 * refuses to terminate it for a non-superuser; a moment later it can, so try a few times.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** PostgreSQL only: a fresh, empty database for tests of the start-up path itself (`url`: owner, `appUrl`: app login). */
export async function createEmptyDatabase(): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const template = inject('template');
  if (template.kind !== 'postgresql') throw new Error('createEmptyDatabase needs DATABASE_URL');
  const name = `samsyn_empty_${randomBytes(6).toString('hex')}`;
  await onServer(template.url, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(template.url, name),
    appUrl: withDatabase(template.appUrl, name),
    drop: () => dropDatabase(template.url, name),
  };
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  client(): TestClient;
  /** A client already logged in as a demo user. */
  loginAs(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** A test app on a copy of the template; `options.clock` (a `fixedClock`) moves its time. */
export async function createTestApp(overrides: Partial<Config> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  // Each app's signed audit checkpoints go to a folder of its own, never into ./data.
  const checkpointDir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-checkpoints-'));
  const auditCheckpoint: Config['auditCheckpoint'] = {
    key: randomBytes(32).toString('hex'),
    keyFile: path.join(checkpointDir, 'audit-checkpoint.key'),
    file: path.join(checkpointDir, 'audit-checkpoints.jsonl'),
    everyEntries: 1000,
    everySeconds: 300,
  };
  const config = loadConfig({ NODE_ENV: 'test' }, { logLevel: 'silent', clockOffsetDays: testClockOffsetDays, auditCheckpoint, ...overrides });
  const app = await buildApp(config, database, options);
  await app.ready();
  const t: TestApp = {
    app,
    database,
    config,
    client: () => new TestClient(app),
    loginAs: async (username) => {
      const client = t.client();
      const res = await client.login(username, testPassword);
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    close: async () => {
      await app.close();
      await database.drop();
      await rm(checkpointDir, { recursive: true, force: true });
    },
  };
  return t;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like client over fastify.inject: keeps cookies, sends the CSRF header. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;
  ip = '127.0.0.1';
  headers: Record<string, string> = {};

  constructor(private readonly app: App) {}

  async request(method: Method, url: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const unsafe = method !== 'GET';
    if (unsafe && options.csrf !== false && !this.csrfToken) await this.fetchCsrf();
    const headers: Record<string, string> = { ...this.headers, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body, headers: { 'content-type': 'application/json', ...headers } } : { payload: body as object }),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
      // The CSRF token is bound to the session: a new session (or none) needs a new token, like the web client.
      if (c.name === 'samsyn_session' || c.name === 'samsyn_csrf') this.csrfToken = undefined;
    }
    return res;
  }

  async fetchCsrf(): Promise<string> {
    const res = await this.request('GET', '/api/auth/csrf');
    this.csrfToken = (res.json() as { token: string }).token;
    return this.csrfToken;
  }

  login(username: string, password: string) {
    return this.request('POST', '/api/auth/login', { username, password });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
}

/** Starts the whole server on a free loopback port, for browser tests and benchmarks. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<{ url: string; close(): Promise<void>; database: Database }> {
  const t = await createTestApp(overrides);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, close: t.close, database: t.database };
}
