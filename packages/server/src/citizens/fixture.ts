import type { Kysely } from 'kysely';
import type { CareTeamRole, InfoCategory, ProtectedIdentityLevel } from '@samsyn/core';
import { infoCategories } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/**
 * Test fixtures for the emergency, log-review and citizens areas. They use the demo child
 * (login `child`, guardian login `guardian`) when the demo data has it, and otherwise build
 * the same family with the fewest rows; `createChild` adds further children for a test.
 */

export async function userIdOf(db: Kysely<DB>, username: string): Promise<string> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** The user's professional place: organisation and unit of their first professional role. */
export async function professionalPlace(db: Kysely<DB>, username: string): Promise<{ userId: string; organisationId: string; unitId: string | null }> {
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'r.organisation_id', 'r.unit_id'])
    .where('u.username', '=', username)
    .orderBy('r.role')
    .executeTakeFirstOrThrow();
  return { userId: row.user_id, organisationId: row.organisation_id, unitId: row.unit_id };
}

let serial = 0;

/** A Luhn-valid personnummer for a birth date, with a birth number unique within the test run. */
function identityNumber(birthDate: string): string {
  serial += 1;
  const birthNumber = String((Math.floor(Math.random() * 1000) + serial) % 1000).padStart(3, '0');
  const nine = birthDate.replace(/-/g, '').slice(2) + birthNumber;
  const sum = [...nine].reduce((s, ch, i) => {
    const v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return s + (v > 9 ? v - 9 : v);
  }, 0);
  return birthDate.replace(/-/g, '') + birthNumber + String((10 - (sum % 10)) % 10);
}

function birthDateAged(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCMonth(d.getUTCMonth() - 2);
  return d.toISOString().slice(0, 10);
}

export interface TeamSpec {
  username: string;
  role?: CareTeamRole;
  /** `consent`: a consent for the member's organisation covering `categories` lets them on. */
  basis?: 'own_organisation' | 'consent';
  categories?: InfoCategory[];
}

export async function createChild(
  db: Kysely<DB>,
  options: { team?: TeamSpec[]; protectedIdentity?: ProtectedIdentityLevel; age?: number; homeOrganisationId?: string; userId?: string; givenName?: string } = {},
): Promise<string> {
  const birthDate = birthDateAged(options.age ?? 10);
  let number = identityNumber(birthDate);
  while (await db.selectFrom('child').select('id').where('identity_number', '=', number).executeTakeFirst()) number = identityNumber(birthDate);
  const home = options.homeOrganisationId ?? (await professionalPlace(db, 'teacher')).organisationId;
  const recorder = await userIdOf(db, 'teacher');
  const child = await db
    .insertInto('child')
    .values({
      identity_number: number,
      identity_kind: 'personnummer',
      given_name: options.givenName ?? 'Testa',
      family_name: 'Barnsson',
      birth_date: birthDate,
      sex: 'female',
      home_organisation_id: home,
      protected_identity: options.protectedIdentity ?? null,
      user_id: options.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const member of options.team ?? []) {
    const place = await professionalPlace(db, member.username);
    let consentId: string | null = null;
    if (member.basis === 'consent') {
      const consent = await db
        .insertInto('consent')
        .values({ child_id: child.id, given_by: 'guardian', method: 'digital', organisation_ids: [place.organisationId], categories: member.categories ?? [...infoCategories], valid_from: '2020-01-01', recorded_by: recorder })
        .returning('id')
        .executeTakeFirstOrThrow();
      consentId = consent.id;
    }
    await db
      .insertInto('care_team_member')
      .values({ child_id: child.id, user_id: place.userId, organisation_id: place.organisationId, unit_id: place.unitId, role: member.role ?? 'member', basis: member.basis ?? 'own_organisation', consent_id: consentId, starts_at: new Date(Date.now() - 86_400_000) })
      .execute();
  }
  return child.id;
}

export interface DemoFamily {
  childId: string;
  childUserId: string;
  guardianUserId: string;
}

/** The demo child (`child`, 14) and their guardian (`guardian`), from the demo data or built here. */
export async function demoFamily(db: Kysely<DB>): Promise<DemoFamily> {
  const existing = await db
    .selectFrom('app_user as u')
    .innerJoin('child as c', 'c.user_id', 'u.id')
    .select(['c.id as child_id', 'u.id as user_id'])
    .where('u.username', '=', 'child')
    .executeTakeFirst();
  if (existing) return { childId: existing.child_id, childUserId: existing.user_id, guardianUserId: await userIdOf(db, 'guardian') };
  const hash = (await db.selectFrom('local_credential').select('password_hash').where('user_id', '=', await userIdOf(db, 'teacher')).executeTakeFirstOrThrow()).password_hash;
  const [childUser, guardianUser] = await db
    .insertInto('app_user')
    .values([
      { username: 'child', display_name: 'Alva Barnsson', kind: 'citizen', title: null, email: null },
      { username: 'guardian', display_name: 'Greta Barnsson', kind: 'citizen', title: null, email: null },
    ])
    .returning('id')
    .execute();
  await db.insertInto('local_credential').values([childUser!, guardianUser!].map((u) => ({ user_id: u.id, password_hash: hash, changed_at: new Date() }))).execute();
  const childId = await createChild(db, {
    age: 14,
    userId: childUser!.id,
    givenName: 'Alva',
    team: [
      { username: 'teacher', role: 'named_person' },
      { username: 'nurse' },
      { username: 'socialworker', role: 'lead_professional' },
      { username: 'psychologist', basis: 'consent', categories: ['plan'] },
    ],
  });
  const guardian = await db
    .insertInto('guardian')
    .values({ identity_number: identityNumber('1985-03-14'), given_name: 'Greta', family_name: 'Barnsson', user_id: guardianUser!.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('child_guardian').values({ child_id: childId, guardian_id: guardian.id }).execute();
  return { childId, childUserId: childUser!.id, guardianUserId: guardianUser!.id };
}

/** The audit entries one request left, by its x-request-id header. */
export async function auditOfRequest(db: Kysely<DB>, requestId: unknown) {
  return db.selectFrom('audit_log').selectAll().where('request_id', '=', String(requestId)).orderBy('seq').execute();
}

/** A professional at the same unit as `username`, who is neither in `notIn` nor a unit manager. */
export async function colleagueOf(db: Kysely<DB>, username: string, notIn: readonly string[] = []): Promise<string> {
  const place = await professionalPlace(db, username);
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.unit_id', '=', place.unitId)
    .where('r.role', '=', 'professional')
    .where('u.username', 'not in', [username, ...notIn])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('user_role as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.role', '=', 'unit_manager'))))
    .orderBy('u.username')
    .executeTakeFirstOrThrow();
  return row.username;
}

/** The unit manager of the unit `username` works at, other than the fixed demo login `manager`. */
export async function managerOf(db: Kysely<DB>, username: string): Promise<string> {
  const place = await professionalPlace(db, username);
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.username')
    .where('r.unit_id', '=', place.unitId)
    .where('r.role', '=', 'unit_manager')
    .orderBy('u.username')
    .executeTakeFirstOrThrow();
  return row.username;
}
