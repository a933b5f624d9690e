import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface NewGuardian {
  identityNumber: string;
  givenName: string;
  familyName: string;
  phone?: string | null;
  email?: string | null;
}

/**
 * Links guardians to a child, creating the guardians Samsyn does not have yet (found by identity
 * number). A guardian already registered keeps their stored data: a form or a file that spells a
 * name differently never overwrites another child's guardian. Returns the guardians newly linked.
 */
export async function linkGuardians(trx: Transaction<DB>, childId: string, guardians: readonly NewGuardian[]): Promise<NewGuardian[]> {
  if (guardians.length === 0) return [];
  const numbers = guardians.map((g) => g.identityNumber);
  const existing = await trx.selectFrom('guardian').select(['id', 'identity_number']).where('identity_number', 'in', numbers).execute();
  const idOf = new Map(existing.map((g) => [g.identity_number, g.id]));
  const missing = guardians.filter((g) => !idOf.has(g.identityNumber));
  if (missing.length > 0) {
    const created = await trx
      .insertInto('guardian')
      .values(missing.map((g) => ({ identity_number: g.identityNumber, given_name: g.givenName, family_name: g.familyName, phone: g.phone ?? null, email: g.email ?? null })))
      .returning(['id', 'identity_number'])
      .execute();
    for (const g of created) idOf.set(g.identity_number, g.id);
  }
  const linked = await trx
    .insertInto('child_guardian')
    .values(guardians.map((g) => ({ child_id: childId, guardian_id: idOf.get(g.identityNumber)! })))
    .onConflict((oc) => oc.doNothing())
    .returning('guardian_id')
    .execute();
  const newly = new Set(linked.map((l) => l.guardian_id));
  return guardians.filter((g) => newly.has(idOf.get(g.identityNumber)!));
}
