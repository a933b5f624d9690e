import type { Kysely } from 'kysely';
import type { CareTeamRole, InfoCategory, ProtectedIdentityLevel, Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { demoDay } from '../demo/children.ts';
import { addDays, addYears } from '../demo/dates.ts';
import { withCheckDigit } from '../demo/identity-numbers.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';
import { childLooks } from '../audit/child-looks.ts';

/**
 * Test fixtures over the seeded demo data: the demo family (login `child`, Ebba, and her guardian
 * `guardian`; see demo/demo-child.ts), the people around it, and further children a test needs.
 */

type Db = Kysely<DB>;

/**
 * When the demo county was seeded: the services' clock then, as the seed's own audit entry keeps
 * it. The demo is dated relative to this day (the demo child is 14 on it).
 */
export async function demoSeededAt(db: Db): Promise<Date> {
  const row = await db.selectFrom('audit_log').select('at').where('action', '=', 'demo.seed').orderBy('seq').limit(1).executeTakeFirstOrThrow();
  return new Date(row.at);
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Where a login works as a professional: organisation and unit. */
export async function placeOf(db: Db, username: string): Promise<{ userId: string; organisationId: string; unitId: string | null }> {
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.organisation_id', 'r.unit_id'])
    .where('u.username', '=', username)
    .where('r.role', '=', 'professional')
    .executeTakeFirstOrThrow();
  return { userId: row.user_id, organisationId: row.organisation_id, unitId: row.unit_id };
}

export interface Family {
  childId: string;
  childUserId: string;
  guardianUserId: string;
  /** Both guardians: Gunilla (`guardian`) and Göran, in joint custody. */
  guardianIds: string[];
  /** Exempelstads kommun, where `teacher`, `nurse` and `socialworker` work. */
  municipality: string;
  /** Region Exempellän, where `psychologist` works. */
  region: string;
  /** The consent the psychologist's membership rests on: the region, the plan only. */
  regionConsentId: string;
}

/** The demo family, as the demo data seeds it. */
export async function demoFamily(db: Db): Promise<Family> {
  const child = await db
    .selectFrom('child as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.id', 'u.id as user_id'])
    .where('u.username', '=', 'child')
    .executeTakeFirstOrThrow();
  const [guardians, guardianUserId, municipality, region] = await Promise.all([
    db.selectFrom('child_guardian').select('guardian_id').where('child_id', '=', child.id).execute(),
    userIdOf(db, 'guardian'),
    placeOf(db, 'teacher'),
    placeOf(db, 'psychologist'),
  ]);
  const member = await db
    .selectFrom('care_team_member')
    .select('consent_id')
    .where('child_id', '=', child.id)
    .where('user_id', '=', region.userId)
    .where('basis', '=', 'consent')
    .executeTakeFirstOrThrow();
  return {
    childId: child.id,
    childUserId: child.user_id,
    guardianUserId,
    guardianIds: guardians.map((g) => g.guardian_id),
    municipality: municipality.organisationId,
    region: region.organisationId,
    regionConsentId: member.consent_id!,
  };
}

/** The audit entries one request left, by its x-request-id header. */
/**
 * The audit entries of one request, with a look at a list read as one entry per child it named
 * (as the access log and log review read it, audit/child-looks.ts); `rawAuditOf` gives the rows as stored.
 */
export async function auditOf(db: Db, response: { headers: Record<string, unknown> }) {
  const requestId = String(response.headers['x-request-id']);
  const others = db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).where((eb) => eb.or([eb('subject_type', 'is', null), eb('subject_type', 'not in', ['child', 'child_list'])]));
  const looks = db.selectFrom(childLooks(db).as('a')).selectAll().where('a.request_id', '=', requestId);
  return others.unionAll(looks).orderBy('seq').orderBy('subject_id').execute();
}

export async function rawAuditOf(db: Db, response: { headers: Record<string, unknown> }) {
  return db.selectFrom('audit_log').selectAll().where('request_id', '=', String(response.headers['x-request-id'])).orderBy('seq').execute();
}

/**
 * Someone else at the unit `username` works at: a professional who manages no unit (a colleague),
 * or the unit's manager.
 */
export async function unitPeerOf(db: Db, username: string, role: 'professional' | 'unit_manager', notIn: readonly string[] = []): Promise<string> {
  const place = await placeOf(db, username);
  let query = db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.unit_id', '=', place.unitId)
    .where('r.role', '=', role)
    .where('u.username', 'not in', [username, ...notIn]);
  if (role === 'professional') {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('user_role as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.role', '=', 'unit_manager'))));
  }
  return (await query.orderBy('u.username').executeTakeFirstOrThrow()).username;
}

/** A professional of an organisation's unit in a sector who has never been in this child's team. */
export async function newcomer(db: Db, childId: string, organisationId: string, sector: Sector, skip = 0): Promise<{ username: string; userId: string }> {
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

/** An entry in the record, written by a login in their unit's secrecy domain three weeks before the demo was seeded. */
export async function addEntry(db: Db, childId: string, username: string, category: InfoCategory, title: string): Promise<void> {
  const place = await placeOf(db, username);
  const domain = await currentDomainOfUnit(db, place.unitId);
  if (!domain) throw new Error(`${username} works from no unit with a secrecy domain`);
  const seededAt = await demoSeededAt(db);
  await db
    .insertInto('record_entry')
    .values({ child_id: childId, category, organisation_id: place.organisationId, unit_id: place.unitId, secrecy_domain_id: domain, author_id: place.userId, occurred_on: addDays(demoDay(seededAt), -21), title, created_at: seededAt })
    .execute();
}

/**
 * A free test-series personnummer (birth numbers 980–999, never given to real people) for a girl
 * aged ten on the demo's seed day (born ten years and about two months before it): an even birth
 * number, and the day before when all ten are taken.
 */
async function freeGirlNumber(db: Db): Promise<{ identityNumber: string; birthDate: string }> {
  const born = addDays(addYears(demoDay(await demoSeededAt(db)), -10), -61);
  for (let day = 0; day < 30; day += 1) {
    const birthDate = addDays(born, -day);
    const candidates = Array.from({ length: 10 }, (_, i) => withCheckDigit(birthDate, 980 + 2 * i));
    const taken = new Set((await db.selectFrom('child').select('identity_number').where('identity_number', 'in', candidates).execute()).map((c) => c.identity_number));
    const free = candidates.find((n) => !taken.has(n));
    if (free) return { identityNumber: free, birthDate };
  }
  throw new Error('no free test-series identity number');
}

/** A further child, aged ten, at `teacher`'s municipality, with a team in their own organisations. */
export async function createChild(
  db: Db,
  options: { team?: { username: string; role?: CareTeamRole }[]; protectedIdentity?: ProtectedIdentityLevel; givenName?: string } = {},
): Promise<string> {
  const { identityNumber, birthDate } = await freeGirlNumber(db);
  const home = await placeOf(db, 'teacher');
  const seededAt = await demoSeededAt(db);
  const child = await db
    .insertInto('child')
    .values({
      identity_number: identityNumber,
      identity_kind: 'personnummer',
      given_name: options.givenName ?? 'Testa',
      family_name: 'Barnsson',
      birth_date: birthDate,
      sex: 'female',
      home_organisation_id: home.organisationId,
      protected_identity: options.protectedIdentity ?? null,
      created_at: seededAt,
      updated_at: seededAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const member of options.team ?? []) {
    const place = await placeOf(db, member.username);
    await db
      .insertInto('care_team_member')
      .values({ child_id: child.id, user_id: place.userId, organisation_id: place.organisationId, unit_id: place.unitId, role: member.role ?? 'member', basis: 'own_organisation', starts_at: new Date(seededAt.getTime() - 86_400_000) })
      .execute();
  }
  return child.id;
}
