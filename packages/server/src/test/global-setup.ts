import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.ts';
import { pgliteTemplate } from '../db/pglite-template.ts';
import { seedDemoData } from '../demo/seed.ts';
import { systemClock } from '../clock.ts';
import { testClockOffsetDays, testPassword } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dumped, migrated and seeded data folder. PostgreSQL: a template database name. */
    template:
      | { kind: 'pglite'; file: string }
      /** `url`: the owner (migrations, CREATE DATABASE); `appUrl`: the login the server runs as, owning nothing. */
      | { kind: 'postgresql'; url: string; appUrl: string; database: string };
  }
}

type Template = ProvidedContext['template'];

/**
 * `vitest run` starts the server and web projects' global setups one after the other, in one
 * process, before any test file: the second takes the first one's template instead of migrating
 * and seeding the same county again while both cores wait. The last project's teardown removes it.
 */
const shared = globalThis as { samsynTestTemplate?: { template: Promise<{ template: Template; remove(): Promise<void> }>; users: number } };

/**
 * Builds one migrated database with the demo county per test run; each test file starts from
 * a copy of it (a PGlite data-folder load, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = (shared.samsynTestTemplate ??= { template: build(), users: 0 });
  run.users += 1;
  const { template, remove } = await run.template;
  project.provide('template', template);
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    delete shared.samsynTestTemplate;
    await remove();
  };
}

async function build(): Promise<{ template: Template; remove(): Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return setupPostgres(databaseUrl);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-template-'));
  const template = await pgliteTemplate();
  const database = await openDatabase({ dataDir: 'memory://', ...(template ? { loadDataDir: template } : {}) });
  await seedDemoData(database.db, { password: testPassword, now: systemClock(testClockOffsetDays).now() });
  const dump = await database.dump!();
  await database.close();
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return { template: { kind: 'pglite', file }, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function setupPostgres(databaseUrl: string): Promise<{ template: Template; remove(): Promise<void> }> {
  const name = `samsyn_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(databaseUrl, name);
  // Migrating as the owner creates samsyn_app (grants.sql); the app login joins it.
  const owner = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await owner.close();
  const appUrl = await ensureAppLogin(admin, databaseUrl);
  const database = await openDatabase({ databaseUrl: withDatabase(appUrl, name), ownerUrl: url, poolSize: 2 });
  await seedDemoData(database.db, { password: testPassword, now: systemClock(testClockOffsetDays).now() });
  await database.close();
  return {
    template: { kind: 'postgresql', url: databaseUrl, appUrl, database: name },
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The login the tests run the server as: `<owner>_app` (samsyn_ci_app in CI), a member of
 * samsyn_app that owns nothing. .ci/run creates it; a server without it gets it here (the owner
 * has CREATEROLE). Roles are cluster-wide and other worktrees test at the same time: create it if
 * missing, never drop or change it.
 */
async function ensureAppLogin(admin: pg.Client, ownerUrl: string): Promise<string> {
  const url = new URL(ownerUrl);
  const login = `${decodeURIComponent(url.username)}_app`;
  if (!/^[a-z_][a-z0-9_]*$/.test(login)) throw new Error(`unexpected test login name ${login}`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${login}') THEN
          CREATE ROLE ${login} LOGIN PASSWORD '${login}' NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT;
        END IF;
        IF NOT pg_has_role('${login}', 'samsyn_app', 'MEMBER') THEN
          GRANT samsyn_app TO ${login};
        END IF;
      END $$`);
      break;
    } catch (error) {
      // Another worktree's setup created or granted it at the same moment.
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  url.username = login;
  url.password = login;
  return url.toString();
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
