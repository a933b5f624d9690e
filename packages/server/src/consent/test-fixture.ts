import type { Kysely } from 'kysely';
import { infoCategories, type InfoCategory, type Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/**
 * Test fixtures for the consent, care-team and sharing areas. They use the demo family (login
 * `child`, 14, and `guardian`, with a second guardian in joint custody) when the demo data has
 * it, and otherwise build the same family with the fewest rows: `teacher` named person, `nurse`,
 * `socialworker` lead professional (all Exempelstads kommun, consent for every category) and
 * `psychologist` from the region, on the team by a consent that covers only the plan.
 */

export interface Family {
  childId: string;
  guardianIds: string[];
  municipality: string;
  region: string;
  /** The consent the psychologist's membership rests on: the region, the plan only. */
  regionConsentId: string;
}

export async function userIdOf(db: Kysely<DB>, username: string): Promise<string> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Where a login works as a professional. */
export async function placeOf(db: Kysely<DB>, username: string): Promise<{ userId: string; organisationId: string; unitId: string | null }> {
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.organisation_id', 'r.unit_id'])
    .where('u.username', '=', username)
    .where('r.role', '=', 'professional')
    .executeTakeFirstOrThrow();
  return { userId: row.user_id, organisationId: row.organisation_id, unitId: row.unit_id };
}

/** A professional of an organisation's unit in a sector who has never been in this child's team. */
export async function newcomer(db: Kysely<DB>, childId: string, organisationId: string, sector: Sector, skip = 0): Promise<{ username: string; userId: string }> {
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('unit as un', 'un.id', 'r.unit_id')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['u.username', 'u.id'])
    .where('r.organisation_id', '=', organisationId)
    .where('un.sector', '=', sector)
    .where('r.role', '=', 'professional')
    .where('u.kind', '=', 'professional')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.child_id', '=', childId))))
    .orderBy('u.username')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { username: row.username, userId: row.id };
}

/** The audit entries one request left, by its x-request-id header. */
export async function auditOf(db: Kysely<DB>, response: { headers: Record<string, unknown> }) {
  return db.selectFrom('audit_log').selectAll().where('request_id', '=', String(response.headers['x-request-id'])).orderBy('seq').execute();
}

/** An entry in the record, written by a login's organisation. */
export async function addEntry(db: Kysely<DB>, childId: string, username: string, category: InfoCategory, title: string): Promise<void> {
  const place = await placeOf(db, username);
  await db.insertInto('record_entry').values({ child_id: childId, category, organisation_id: place.organisationId, author_id: place.userId, occurred_on: '2026-11-01', title }).execute();
}

export async function demoFamily(db: Kysely<DB>): Promise<Family> {
  const existing = await db.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirst();
  const childId = existing?.id ?? (await buildFamily(db));
  const [guardians, municipality, region] = await Promise.all([
    db.selectFrom('child_guardian').select('guardian_id').where('child_id', '=', childId).execute(),
    placeOf(db, 'teacher'),
    placeOf(db, 'psychologist'),
  ]);
  const member = await db.selectFrom('care_team_member').select('consent_id').where('child_id', '=', childId).where('user_id', '=', region.userId).where('basis', '=', 'consent').executeTakeFirstOrThrow();
  return { childId, guardianIds: guardians.map((g) => g.guardian_id), municipality: municipality.organisationId, region: region.organisationId, regionConsentId: member.consent_id! };
}

async function buildFamily(db: Kysely<DB>): Promise<string> {
  const teacher = await placeOf(db, 'teacher');
  const psychologist = await placeOf(db, 'psychologist');
  const hash = (await db.selectFrom('local_credential').select('password_hash').where('user_id', '=', teacher.userId).executeTakeFirstOrThrow()).password_hash;
  const [guardianUser, childUser] = await db
    .insertInto('app_user')
    .values([
      { username: 'guardian', display_name: 'Gunilla Vårdnadshavare', kind: 'citizen', title: null, email: null },
      { username: 'child', display_name: 'Ebba Vårdnadshavare', kind: 'citizen', title: null, email: null },
    ])
    .returning('id')
    .execute();
  await db.insertInto('local_credential').values([guardianUser!, childUser!].map((u) => ({ user_id: u.id, password_hash: hash, changed_at: new Date() }))).execute();
  const birth = new Date();
  birth.setUTCFullYear(birth.getUTCFullYear() - 14, birth.getUTCMonth() - 2);
  const child = await db
    .insertInto('child')
    .values({ identity_number: '201205149828', identity_kind: 'personnummer', given_name: 'Ebba', family_name: 'Vårdnadshavare', birth_date: birth.toISOString().slice(0, 10), sex: 'female', home_organisation_id: teacher.organisationId, user_id: childUser!.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const guardians = await db
    .insertInto('guardian')
    .values([
      { identity_number: '197908309822', given_name: 'Gunilla', family_name: 'Vårdnadshavare', user_id: guardianUser!.id },
      { identity_number: '197702119811', given_name: 'Göran', family_name: 'Vårdnadshavare', user_id: null },
    ])
    .returning('id')
    .execute();
  await db.insertInto('child_guardian').values(guardians.map((g) => ({ child_id: child.id, guardian_id: g.id }))).execute();
  const consent = (organisationId: string, categories: InfoCategory[]) => ({
    child_id: child.id,
    given_by: 'both_guardians' as const,
    guardian_ids: guardians.map((g) => g.id),
    method: 'written' as const,
    organisation_ids: [organisationId],
    categories,
    valid_from: '2026-09-01',
    valid_to: '2027-12-31',
    recorded_by: teacher.userId,
  });
  const [, regionConsent] = await db.insertInto('consent').values([consent(teacher.organisationId, [...infoCategories]), consent(psychologist.organisationId, ['plan'])]).returning('id').execute();
  const since = new Date(Date.now() - 30 * 86_400_000);
  const member = async (username: string, role: 'named_person' | 'lead_professional' | 'member', consentId: string | null) => {
    const place = await placeOf(db, username);
    return { child_id: child.id, user_id: place.userId, organisation_id: place.organisationId, unit_id: place.unitId, role, basis: consentId ? ('consent' as const) : ('own_organisation' as const), consent_id: consentId, starts_at: since };
  };
  await db
    .insertInto('care_team_member')
    .values([await member('teacher', 'named_person', null), await member('nurse', 'member', null), await member('socialworker', 'lead_professional', null), await member('psychologist', 'member', regionConsent!.id)])
    .execute();
  return child.id;
}
