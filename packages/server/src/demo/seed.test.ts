import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import { shouldSeedDemo } from '../main.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { demoLogins, isDatabaseEmpty, seedDemoData } from './seed.ts';

let seeded: Database & { drop(): Promise<void> };
beforeAll(async () => {
  seeded = await openTestDatabase();
});
afterAll(() => seeded.drop());

async function snapshot(database: Database) {
  const users = await database.db.selectFrom('app_user').select(['username', 'display_name', 'title']).orderBy('username').execute();
  const units = await database.db.selectFrom('unit').select(['name', 'sector']).orderBy('name').execute();
  const orgs = await database.db.selectFrom('organisation').select(['name', 'municipality_code']).orderBy('name').execute();
  return { users, units, orgs };
}

describe('demo data', () => {
  it('is Region Exempellän with 5 municipalities, about 60 units and about 200 professionals', async () => {
    const { users, units, orgs } = await snapshot(seeded);
    expect(orgs.filter((o) => o.municipality_code)).toHaveLength(5);
    expect(orgs.map((o) => o.name)).toContain('Region Exempellän');
    expect(units.length).toBeGreaterThanOrEqual(55);
    expect(units.length).toBeLessThanOrEqual(70);
    expect(users.length).toBeGreaterThanOrEqual(180);
    expect(users.length).toBeLessThanOrEqual(260);
    for (const login of demoLogins) expect(users.map((u) => u.username)).toContain(login.username);
  });

  it('is the same every time it is generated from the same seed', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await isDatabaseEmpty(fresh.db)).toBe(true);
      await seedDemoData(fresh.db, { password: 'samsyn-demo' });
      expect(await isDatabaseEmpty(fresh.db)).toBe(false);
      expect(await snapshot(fresh)).toEqual(await snapshot(seeded));
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a demo password that breaks the password policy', async () => {
    await expect(seedDemoData(seeded.db, { password: 'short' })).rejects.toMatchObject({ code: 'weak_password' });
  });

  it('is never seeded by a production start on a PostgreSQL server', () => {
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/samsyn' }))).toBe(false);
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(shouldSeedDemo(loadConfig({ DATABASE_URL: 'postgres://db/samsyn' }))).toBe(true);
  });
});
