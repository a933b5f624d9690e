import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { reusableQuery } from './reusable-query.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

// Professionals of one organisation whose name holds a text: two values and one constant.
const professionalsQuery = reusableQuery(['organisationId', 'text'], (db, p) =>
  db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.organisation_id', '=', p.organisationId)
    .where('r.role', '=', 'professional')
    .where('u.display_name', 'ilike', p.text)
    .orderBy('u.username'),
);

function builtFresh(organisationId: string, text: string) {
  return database.db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.organisation_id', '=', organisationId)
    .where('r.role', '=', 'professional')
    .where('u.display_name', 'ilike', text)
    .orderBy('u.username')
    .execute();
}

describe('a query compiled once and run with new values', () => {
  it('answers each call with its own values, as the same query built afresh does', async () => {
    // Organisations with professionals (the demo's user organisations have none), so the staff differ.
    const organisations = await database.db.selectFrom('organisation').select('id').where('id', 'in', (eb) => eb.selectFrom('user_role').select('organisation_id').where('role', '=', 'professional')).orderBy('name').limit(3).execute();
    expect(organisations.length).toBe(3);
    for (const { id } of organisations) {
      for (const text of ['%a%', '%e%']) {
        const reused = await professionalsQuery(database.db, { organisationId: id, text });
        expect(reused).toEqual(await builtFresh(id, text));
      }
    }
    // Different organisations have different staff: the values really were swapped in.
    const [first, second] = organisations as [{ id: string }, { id: string }];
    expect(await professionalsQuery(database.db, { organisationId: first.id, text: '%' })).not.toEqual(await professionalsQuery(database.db, { organisationId: second.id, text: '%' }));
  });

  it('refuses a value made from a placeholder, which would keep its first value', async () => {
    const derived = reusableQuery(['text'], (db, p) => db.selectFrom('app_user').select('id').where('display_name', 'ilike', `%${p.text}%`));
    await expect(derived(database.db, { text: 'a' })).rejects.toThrow(/derived from a placeholder/);
  });

  it('refuses a builder that leaves a named value out', async () => {
    const careless = reusableQuery(['organisationId', 'unused'], (db, p) => db.selectFrom('organisation').select('id').where('id', '=', p.organisationId));
    await expect(careless(database.db, { organisationId: '00000000-0000-0000-0000-000000000000', unused: 'x' })).rejects.toThrow(/does not use unused/);
  });
});
