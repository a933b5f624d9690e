import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { pgliteTemplate } from '../db/pglite-template.ts';
import { createEmptyDatabase } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';
import { childLevelCatalogue } from './catalogue.ts';

// Issue 15: Samsyn's own indicators are in the catalogue of a plain install (no demo data), added
// by the start-up step in app.ts; a second start adds nothing.
let database: Database;
let drop: () => Promise<void> = async () => undefined;
let checkpointDir: string;

/** A migrated database that was never seeded, on the database the tests run on. */
async function freshDatabase(): Promise<Database> {
  if (inject('template').kind === 'postgresql') {
    const empty = await createEmptyDatabase();
    drop = empty.drop;
    return openDatabase({ databaseUrl: empty.appUrl, ownerUrl: empty.url, poolSize: 4 });
  }
  const template = await pgliteTemplate();
  return openDatabase({ dataDir: 'memory://', ...(template ? { loadDataDir: template } : {}) });
}

/** Starts the server's services on the database and closes them again: the start-up path itself. */
async function startOnce(): Promise<void> {
  const auditCheckpoint = { key: randomBytes(32).toString('hex'), keyFile: path.join(checkpointDir, 'key'), file: path.join(checkpointDir, 'checkpoints.jsonl'), everyEntries: 1000, everySeconds: 300 };
  const app = await buildApp(loadConfig({ NODE_ENV: 'test' }, { logLevel: 'silent', clockOffsetDays: testClockOffsetDays, auditCheckpoint }), database);
  await app.ready();
  await app.close();
}

const catalogueRows = () => database.db.selectFrom('indicator').selectAll().where('source_kind', '=', 'samsyn').orderBy('id').execute();
const creations = () => database.db.selectFrom('audit_log').select(['subject_id', 'organisation_id', 'actor_id', 'details']).where('action', '=', 'indicator.create').orderBy('subject_id').execute();

beforeAll(async () => {
  checkpointDir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-catalogue-'));
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
  await drop();
  await rm(checkpointDir, { recursive: true, force: true });
});

describe('the child level’s indicators on a plain install', () => {
  it('wait for a region to own them, are added at the next start, owned by it and logged; a second start changes nothing', async () => {
    // No organisation yet: no owner, so nothing is added, and the start does not fail.
    await startOnce();
    expect(await catalogueRows()).toEqual([]);

    // The deployment adds its region (and a municipality, which owns nothing of this).
    const region = await database.db.insertInto('organisation').values({ name: 'Region Testlän', kind: 'region', county_code: '99' }).returning('id').executeTakeFirstOrThrow();
    await database.db.insertInto('organisation').values({ name: 'Testby kommun', kind: 'municipality', municipality_code: '9901', county_code: '99', region_id: region.id }).execute();
    await startOnce();
    const rows = await catalogueRows();
    expect(rows.map((r) => r.id)).toEqual(childLevelCatalogue.map((c) => c.id).sort());
    for (const r of rows) {
      const def = childLevelCatalogue.find((c) => c.id === r.id)!;
      expect(r).toMatchObject({ name_sv: def.nameSv, name_en: def.nameEn, unit: def.unit, direction: def.direction, priority_area: def.priorityArea, source_ref: r.id.slice('samsyn.'.length), owner_organisation_id: region.id, created_by: null, breakdowns: ['year', 'municipality'] });
    }
    const logged = await creations();
    expect(logged.map((e) => e.subject_id)).toEqual(rows.map((r) => r.id));
    for (const e of logged) expect(e).toMatchObject({ organisation_id: region.id, actor_id: null, details: { registeredBy: 'samsyn' } });

    // A second start: the same rows, untouched (an owner's later change would stand), nothing logged.
    await startOnce();
    expect(await catalogueRows()).toEqual(rows);
    expect(await creations()).toHaveLength(rows.length);
  }, 60_000);

  it('only Samsyn’s own rows may lack a creator', async () => {
    const region = (await database.db.selectFrom('organisation').select('id').where('kind', '=', 'region').executeTakeFirstOrThrow()).id;
    const now = systemClock(testClockOffsetDays).now();
    await expect(database.db.insertInto('indicator').values({ id: 'kolada.n15033', name_sv: 'x', name_en: 'x', unit: 'percent', direction: 'higher_is_better', priority_area: 'other', source_kind: 'kolada', source_ref: 'N15033', pupil_basis: null, breakdowns: ['year'], owner_organisation_id: region, created_by: null, created_at: now, updated_at: now }).execute()).rejects.toThrow(/indicator_created_by_person/);
  });
});
