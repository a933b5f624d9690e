import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { isFreshDataDir, pgliteTemplate, preparePgliteTemplate } from './pglite-template.ts';
import { migrationFiles } from './migrate.ts';

describe('the embedded database template', () => {
  it('gives a new data folder every migration without running initdb again', async () => {
    await preparePgliteTemplate();
    expect(await pgliteTemplate()).toBeInstanceOf(Blob);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-template-test-'));
    try {
      expect(isFreshDataDir(dir)).toBe(true);
      const database = await openDatabase({ dataDir: dir });
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migration`.execute(database.db);
      expect(rows[0]!.n).toBe((await migrationFiles()).length);
      expect(database.appRole).toBe(true);
      await database.close();
      expect(isFreshDataDir(dir)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
