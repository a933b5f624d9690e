import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import { infoCategories } from '@samsyn/core';
import type { DB } from './schema.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/** Rules of the record the database itself refuses to break (migration 0006), whatever the code above it does. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const db = () => t.database.db;

/** Runs the change in a transaction that is always rolled back, so each case starts from the demo data. */
async function attempt(change: (trx: Transaction<DB>) => Promise<unknown>): Promise<void> {
  const rolledBack = new Error('rolled back');
  await expect(
    db().transaction().execute(async (trx) => {
      await change(trx);
      throw rolledBack;
    }),
  ).rejects.toBe(rolledBack);
}

async function refused(change: Parameters<typeof attempt>[0], constraint: RegExp): Promise<void> {
  await expect(db().transaction().execute(async (trx) => change(trx))).rejects.toThrow(constraint);
}

describe('database rules', () => {
  it('keeps one current named person per child, and lets the ended ones stay', async () => {
    const named = await db().selectFrom('care_team_member').selectAll().where('role', '=', 'named_person').where('ends_at', 'is', null).executeTakeFirstOrThrow();
    const other = await db().selectFrom('care_team_member').select('user_id').where('child_id', '=', named.child_id).where('user_id', '<>', named.user_id).executeTakeFirst()
      ?? await db().selectFrom('app_user').select('id as user_id').where('id', '<>', named.user_id).where('kind', '=', 'professional').executeTakeFirstOrThrow();
    const second = { child_id: named.child_id, user_id: other.user_id, organisation_id: named.organisation_id, role: 'named_person' as const, basis: 'own_organisation' as const, starts_at: new Date() };
    await refused((trx) => trx.insertInto('care_team_member').values(second).execute(), /care_team_one_named_person/);
    // An ended named person is history, not a second one.
    await attempt((trx) => trx.insertInto('care_team_member').values({ ...second, ends_at: new Date() }).execute());
    // A handover ends the old one before the new one starts: allowed.
    await attempt(async (trx) => {
      await trx.updateTable('care_team_member').set({ ends_at: new Date() }).where('id', '=', named.id).execute();
      await trx.insertInto('care_team_member').values(second).execute();
    });
  });

  it('refuses a handover that is both accepted and declined', async () => {
    const handover = await db().selectFrom('named_person_handover').select(['id', 'accepted_at']).where('accepted_at', 'is not', null).executeTakeFirstOrThrow();
    await refused((trx) => trx.updateTable('named_person_handover').set({ declined_at: new Date() }).where('id', '=', handover.id).execute(), /handover_accepted_or_declined/);
    await attempt((trx) => trx.updateTable('named_person_handover').set({ accepted_at: null, declined_at: new Date() }).where('id', '=', handover.id).execute());
  });

  it('lets a consent name only the six information categories', async () => {
    const consent = await db().selectFrom('consent').selectAll().executeTakeFirstOrThrow();
    const { id: _id, exclusions, ...rest } = consent;
    // exclusions is jsonb: written as text.
    const copy = { ...rest, exclusions: JSON.stringify(exclusions) };
    await attempt((trx) => trx.insertInto('consent').values({ ...copy, categories: [...infoCategories] }).execute());
    for (const categories of [['other'], ['school', 'record'], ['access_log']]) {
      await refused((trx) => trx.insertInto('consent').values({ ...copy, categories: categories as never }).execute(), /consent_known_categories/);
    }
  });
});
