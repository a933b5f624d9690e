import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { migrate, type ScriptConnection } from './migrate.ts';

/**
 * Creating a PGlite cluster (initdb) takes about five seconds here, most of a first start.
 * `npm install` therefore prepares a migrated, empty cluster once, keyed by the migrations'
 * contents; a new data folder starts as a copy of it, and a stale or missing template only
 * means the slow path.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.resolve(here, '../../../../node_modules/.cache/samsyn');

async function templateFile(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...readdirSync(path.join(here, 'migrations')).sort(), 'grants.sql']) {
    const full = file === 'grants.sql' ? path.join(here, file) : path.join(here, 'migrations', file);
    hash.update(file).update(await readFile(full));
  }
  return path.join(cacheDir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** The migrated template as a blob, when one matching the current migrations exists. */
export async function pgliteTemplate(): Promise<Blob | undefined> {
  const file = await templateFile();
  return existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}

/** Builds the template (npm install runs this); a no-op when it is current. */
export async function preparePgliteTemplate(): Promise<string> {
  const file = await templateFile();
  if (existsSync(file)) return file;
  const pglite = await PGlite.create({ dataDir: 'memory://' });
  const conn: ScriptConnection = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
  };
  await migrate(conn);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a concurrent start never reads half a file.
  await writeFile(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  await rename(`${file}.tmp`, file);
  return file;
}

/** A data folder that does not exist yet or is empty gets the template. */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}
