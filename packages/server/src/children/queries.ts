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

/** The team as it stands now; ended memberships stay in the table as history. */
export async function currentCareTeam(db: Kysely<DB>, childId: string) {
  return db
    .selectFrom('care_team_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('unit as un', 'un.id', 'm.unit_id')
    .select(['m.id', 'm.user_id', 'u.display_name', 'u.title', 'm.organisation_id', 'o.name as organisation_name', 'un.name as unit_name', 'm.role', 'm.basis', 'm.starts_at', 'm.ends_at'])
    .where('m.child_id', '=', childId)
    .where('m.starts_at', '<=', new Date())
    .where((eb) => eb.or([eb('m.ends_at', 'is', null), eb('m.ends_at', '>', new Date())]))
    .orderBy('m.role')
    .orderBy('u.display_name')
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
