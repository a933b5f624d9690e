import type { Kysely, ShallowDehydrateObject, Simplify } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { membersQuery } from '../care-team/queries.ts';
import type { FactsWith } from '../access/facts.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import { gateVersion, withKeptFacts } from '../access/facts-cache.ts';

/** The child's own row with its home organisation and school. */
export function childQuery(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('child as c')
    .innerJoin('organisation as home', 'home.id', 'c.home_organisation_id')
    .leftJoin('unit as school', 'school.id', 'c.school_unit_id')
    .select(['c.id', 'c.identity_number', 'c.given_name', 'c.family_name', 'c.birth_date', 'c.sex', 'c.street_address', 'c.postal_code', 'c.city', 'c.protected_identity', 'c.school_unit_id', 'school.name as school_name', 'home.id as home_id', 'home.name as home_name'])
    .where('c.id', '=', id);
}

export async function findChildRow(db: Kysely<DB>, id: string) {
  return childQuery(db, id).executeTakeFirst();
}

/**
 * The whole record in one query: the child, its guardians, its current team and every entry,
 * the lists as JSON arrays. The gate's facts travel in the same round trip (see
 * `withChildAccessLoading`), and the view then shows only what the gate allows, entry by entry.
 */
export function childRecordQuery(db: Kysely<DB>, id: string, now: Date | string) {
  return childQuery(db, id).select(() => [
    jsonArrayFrom(guardiansQuery(db, id)).as('guardians'),
    jsonArrayFrom(membersQuery(db, id, { history: false, now })).as('team'),
    jsonArrayFrom(entriesQuery(db, id)).as('entries'),
  ]);
}
type ChildRecordRow = NonNullable<Awaited<ReturnType<ReturnType<typeof childRecordQuery>['executeTakeFirst']>>>;
/** The record as it arrives through JSON: timestamps as text. */
export type LoadedChildRecord = Simplify<ShallowDehydrateObject<ChildRecordRow>>;

// The record with its facts version: the gate takes the facts kept for that version where the
// reader has read this child since its facts last changed, else loads them with one statement more
// (access/facts-cache.ts). The record's rows and the version are read in one snapshot.
const recordById = reusableQuery(['childId', 'now'], (db, p) =>
  db.selectNoFrom([jsonObjectFrom(childRecordQuery(db, p.childId, p.now).select(gateVersion)).as('row')]),
);
const childById = reusableQuery(['childId'], (db, p) => db.selectNoFrom([jsonObjectFrom(childQuery(db, p.childId).select(gateVersion)).as('row')]));

/** The record and the gate's facts, for `withChildAccessLoading`. A child whose facts changed after the record's statement is decided on the newer facts. */
export const recordWithFacts: FactsWith<LoadedChildRecord> = async (db, childId, _actorUserId, now, kept) => {
  const [result] = await recordById(db, { childId, now: now.toISOString() });
  return withKeptFacts(db, kept, result?.row);
};

/** The child's own row with the gate's facts: what a search hit shows. */
export const childWithFacts: FactsWith<LoadedChildRow> = async (db, childId, _actorUserId, _now, kept) => {
  const [result] = await childById(db, { childId });
  return withKeptFacts(db, kept, result?.row);
};
type LoadedChildRow = Simplify<ShallowDehydrateObject<NonNullable<Awaited<ReturnType<ReturnType<typeof childQuery>['executeTakeFirst']>>>>>;

/** The record without the gate: for the bench's ceiling only, the gated read's own statement. */
export async function loadChildRecordUngated(db: Kysely<DB>, id: string, now: Date): Promise<LoadedChildRecord | null> {
  const [row] = await recordById(db, { childId: id, now: now.toISOString() });
  return row?.row ?? null;
}

export async function findChildIdByIdentityNumber(db: Kysely<DB>, normalized: string): Promise<string | undefined> {
  return (await db.selectFrom('child').select('id').where('identity_number', '=', normalized).executeTakeFirst())?.id;
}

function guardiansQuery(db: Kysely<DB>, childId: string) {
  return db
    .selectFrom('child_guardian as cg')
    .innerJoin('guardian as g', 'g.id', 'cg.guardian_id')
    .select(['g.id', 'g.identity_number', 'g.given_name', 'g.family_name', 'g.phone', 'g.email', 'g.street_address', 'g.postal_code', 'g.city', 'g.protected_identity'])
    .where('cg.child_id', '=', childId)
    .orderBy('g.family_name')
    .orderBy('g.given_name');
}

function entriesQuery(db: Kysely<DB>, childId: string) {
  return db
    .selectFrom('record_entry as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .innerJoin('app_user as u', 'u.id', 'e.author_id')
    .innerJoin('secrecy_domain as sd', 'sd.id', 'e.secrecy_domain_id')
    .select(['e.id', 'e.category', 'e.organisation_id', 'o.name as organisation_name', 'e.secrecy_domain_id', 'sd.name as secrecy_domain_name', 'e.unit_id', 'e.created_at', 'u.display_name as author_name', 'e.occurred_on', 'e.title', 'e.body'])
    .where('e.child_id', '=', childId)
    .orderBy('e.occurred_on', 'desc');
}
