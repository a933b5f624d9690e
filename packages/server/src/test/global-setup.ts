import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.ts';
import { pgliteTemplate } from '../db/pglite-template.ts';
import { seedDemoData } from '../demo/seed.ts';
import { systemClock } from '../clock.ts';
import { testClockOffsetDays, testPassword } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dumped, migrated and seeded data folder. PostgreSQL: a template database name. */
    template: { kind: 'pglite'; file: string } | { kind: 'postgresql'; url: string; database: string };
  }
}

/**
 * Builds one migrated database with the demo county per test run; each test file starts from
 * a copy of it (a PGlite data-folder load, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) return setupPostgres(project, databaseUrl);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-template-'));
  const template = await pgliteTemplate();
  const database = await openDatabase({ dataDir: 'memory://', ...(template ? { loadDataDir: template } : {}) });
  await seedDemoData(database.db, { password: testPassword, now: systemClock(testClockOffsetDays).now() });
  const dump = await database.dump!();
  await database.close();
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('template', { kind: 'pglite', file });
  return () => rm(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject, databaseUrl: string): Promise<() => Promise<void>> {
  const name = `samsyn_template_${project.name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(databaseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await seedDemoData(database.db, { password: testPassword, now: systemClock(testClockOffsetDays).now() });
  await database.close();
  project.provide('template', { kind: 'postgresql', url: databaseUrl, database: name });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
