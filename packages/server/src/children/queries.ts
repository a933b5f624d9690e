import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function findChildRow(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('child as c')
    .innerJoin('organisation as home', 'home.id', 'c.home_organisation_id')
    .leftJoin('unit as school', 'school.id', 'c.school_unit_id')
    .select(['c.id', 'c.identity_number', 'c.given_name', 'c.family_name', 'c.birth_date', 'c.sex', 'c.street_address', 'c.postal_code', 'c.city', 'c.protected_identity', 'c.school_unit_id', 'school.name as school_name', 'home.id as home_id', 'home.name as home_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function findChildIdByIdentityNumber(db: Kysely<DB>, normalized: string): Promise<string | undefined> {
  return (await db.selectFrom('child').select('id').where('identity_number', '=', normalized).executeTakeFirst())?.id;
}

export async function guardiansOf(db: Kysely<DB>, childId: string) {
  return db
    .selectFrom('child_guardian as cg')
    .innerJoin('guardian as g', 'g.id', 'cg.guardian_id')
    .select(['g.id', 'g.identity_number', 'g.given_name', 'g.family_name', 'g.phone', 'g.email', 'g.street_address', 'g.postal_code', 'g.city', 'g.protected_identity'])
    .where('cg.child_id', '=', childId)
    .orderBy('g.family_name')
    .orderBy('g.given_name')
    .execute();
}

export async function recordEntries(db: Kysely<DB>, childId: string) {
  return db
    .selectFrom('record_entry as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .innerJoin('app_user as u', 'u.id', 'e.author_id')
    .select(['e.id', 'e.category', 'e.organisation_id', 'o.name as organisation_name', 'u.display_name as author_name', 'e.occurred_on', 'e.title', 'e.body'])
    .where('e.child_id', '=', childId)
    .orderBy('e.occurred_on', 'desc')
    .execute();
}
