import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addNotices } from '../notices/service.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';

/**
 * The demo's things to follow up (issue 12), after the county and its children are seeded:
 * - handovers of the named person in every state besides the accepted ones the children's seeding
 *   gives: one waiting for `teacher`'s answer, one declined and one withdrawn, on other children;
 * - an emergency access `outsider` opened yesterday to a child in Norrvik, waiting for its review
 *   by the manager of Centrumskolan Norrvik F–9: the demo login `manager.norrvik` (Rut Rektor);
 * - a consent that ran out while its member is still on the team: `psychologist` on Olle's team,
 *   by the guardians' consent to the region, which ended a week ago ("grund saknas sedan …").
 * Each comes with the notices its change would have written. Dated relative to the seed's clock.
 */
export async function seedFollowUps(trx: Transaction<DB>, input: { now: Date; passwordHash: string }): Promise<void> {
  const { now } = input;
  const login = async (username: string) => (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const [teacher, outsider, psychologist, socialworker] = await Promise.all(['teacher', 'outsider', 'psychologist', 'socialworker'].map(login));
  await seedHandovers(trx, now, teacher!);
  await seedEmergencyReview(trx, input, outsider!);
  await seedLapsedConsent(trx, now, psychologist!, socialworker!);
}

const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);

/** Named persons of other children in the teacher's municipality, each with a colleague not on the team to hand over to. */
async function seedHandovers(trx: Transaction<DB>, now: Date, teacherId: string): Promise<void> {
  const teacherOrg = (await trx.selectFrom('user_role').select('organisation_id').where('user_id', '=', teacherId).where('role', '=', 'professional').executeTakeFirstOrThrow()).organisation_id;
  const named = await trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .select(['m.child_id', 'm.user_id', 'm.organisation_id'])
    .where('m.role', '=', 'named_person')
    .where('m.ends_at', 'is', null)
    .where('m.organisation_id', '=', teacherOrg)
    .where('m.user_id', '<>', teacherId)
    .where('c.user_id', 'is', null)
    .where('c.protected_identity', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as t').select('t.id').whereRef('t.child_id', '=', 'm.child_id').where('t.user_id', '=', teacherId))))
    .orderBy('c.identity_number')
    .limit(3)
    .execute();
  const colleagueOf = async (childId: string, organisationId: string) =>
    (await trx
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select('r.user_id')
      .where('r.organisation_id', '=', organisationId)
      .where('r.role', '=', 'professional')
      .where('r.user_id', '<>', teacherId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as t').select('t.id').where('t.child_id', '=', childId).whereRef('t.user_id', '=', 'r.user_id'))))
      // By username, a stable key: user ids are random, so ordering by them picked another colleague on every seed.
      .orderBy('u.username')
      .executeTakeFirstOrThrow()).user_id;
  const [waiting, declined, withdrawn] = named;
  if (!waiting || !declined || !withdrawn) return;
  const base = (m: (typeof named)[number]) => ({ child_id: m.child_id, from_user_id: m.user_id, proposed_by: m.user_id, to_organisation_id: m.organisation_id, basis: 'own_organisation' as const });
  const rows = await trx
    .insertInto('named_person_handover')
    .values([
      { ...base(waiting), life_stage: 'school', to_user_id: teacherId, note: 'Byter klass efter jullovet; du blir mentor.', previous_stays_member: true, proposed_at: hoursAgo(now, 26) },
      { ...base(declined), life_stage: 'preschool', to_user_id: await colleagueOf(declined.child_id, declined.organisation_id), note: 'Börjar förskoleklass i augusti.', previous_stays_member: false, proposed_at: hoursAgo(now, 24 * 9), declined_at: hoursAgo(now, 24 * 8) },
      { ...base(withdrawn), life_stage: 'school', to_user_id: await colleagueOf(withdrawn.child_id, withdrawn.organisation_id), note: 'Föreslogs av misstag till fel mentor.', previous_stays_member: true, proposed_at: hoursAgo(now, 24 * 5), withdrawn_at: hoursAgo(now, 24 * 5 - 2), withdrawn_by: withdrawn.user_id },
    ])
    .returning(['id', 'child_id', 'to_user_id', 'proposed_by', 'life_stage'])
    .execute();
  const [p, d, w] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
  const about = (h: typeof p, actorId: string) => ({ childId: h.child_id, subjectId: h.id, actorId, details: { lifeStage: h.life_stage } });
  await addNotices(trx, [{ ...about(p, p.proposed_by), recipientId: p.to_user_id, kind: 'handover_proposed' }], hoursAgo(now, 26));
  await addNotices(trx, [{ ...about(d, d.to_user_id), recipientId: d.proposed_by, kind: 'handover_declined' }], hoursAgo(now, 24 * 8));
  await addNotices(trx, [{ ...about(w, w.proposed_by), recipientId: w.to_user_id, kind: 'handover_withdrawn' }], hoursAgo(now, 24 * 5 - 2));
}

/**
 * The outsider's emergency access, yesterday, to a child in their own municipality, on the ground
 * that fits a teacher; it lands with the manager of their unit, `manager.norrvik`, a demo login.
 */
async function seedEmergencyReview(trx: Transaction<DB>, input: { now: Date; passwordHash: string }, outsiderId: string): Promise<void> {
  const { now } = input;
  const place = await trx.selectFrom('user_role').select(['organisation_id', 'unit_id']).where('user_id', '=', outsiderId).where('role', '=', 'professional').executeTakeFirstOrThrow();
  const [manager] = await trx
    .insertInto('app_user')
    .values({ username: 'manager.norrvik', display_name: 'Rut Rektor', title: 'Rektor', email: 'manager.norrvik@exempellan.example', created_at: now, updated_at: now })
    .returning('id')
    .execute();
  await trx.insertInto('local_credential').values({ user_id: manager!.id, password_hash: input.passwordHash, changed_at: now }).execute();
  await trx.insertInto('user_role').values({ user_id: manager!.id, organisation_id: place.organisation_id, unit_id: place.unit_id, role: 'unit_manager' }).execute();
  const child = await trx
    .selectFrom('child')
    .select('id')
    .where('home_organisation_id', '=', place.organisation_id)
    .where('protected_identity', 'is', null)
    .where('user_id', 'is', null)
    .orderBy('identity_number')
    .executeTakeFirstOrThrow();
  const startsAt = hoursAgo(now, 22);
  const [access] = await trx
    .insertInto('emergency_access')
    .values({
      child_id: child.id,
      user_id: outsiderId,
      organisation_id: place.organisation_id,
      unit_id: place.unit_id,
      reason: 'Eleven sa på rasten att hen inte vågar gå hem; vårdnadshavarna nåddes inte.',
      legal_ground_code: 'brb_necessity',
      starts_at: startsAt,
      expires_at: new Date(startsAt.getTime() + 4 * 3_600_000),
    })
    .returning('id')
    .execute();
  const managers = await trx.selectFrom('user_role').select('user_id').where('unit_id', '=', place.unit_id).where('role', '=', 'unit_manager').execute();
  await addNotices(trx, managers.map((m) => ({ recipientId: m.user_id, kind: 'emergency_access_to_review' as const, childId: child.id, subjectId: access!.id, actorId: outsiderId, details: { legalGround: 'brb_necessity' } })), startsAt);
}

/** Olle's guardians consented to the region seeing his plan until a week ago; the psychologist is still on his team by it. */
async function seedLapsedConsent(trx: Transaction<DB>, now: Date, psychologistId: string, socialworkerId: string): Promise<void> {
  const today = demoDay(now);
  const olle = await trx
    .selectFrom('child as c')
    .select(['c.id'])
    .where('c.given_name', '=', 'Olle')
    .where('c.family_name', '=', 'Vårdnadshavare')
    .executeTakeFirst();
  if (!olle) return;
  const guardians = await trx.selectFrom('child_guardian').select('guardian_id').where('child_id', '=', olle.id).execute();
  const region = await trx.selectFrom('user_role').select(['organisation_id', 'unit_id']).where('user_id', '=', psychologistId).where('role', '=', 'professional').executeTakeFirstOrThrow();
  const [consent] = await trx
    .insertInto('consent')
    .values({
      child_id: olle.id,
      given_by: 'both_guardians',
      guardian_ids: guardians.map((g) => g.guardian_id),
      method: 'written',
      note: 'Blankett undertecknad av båda vårdnadshavarna inför BUP-kontakten.',
      organisation_ids: [region.organisation_id],
      categories: ['plan', 'wellbeing'],
      valid_from: addDays(today, -120),
      valid_to: addDays(today, -7),
      recorded_by: socialworkerId,
      recorded_by_professional: socialworkerId,
      recorded_at: new Date(now.getTime() - 120 * 86_400_000),
    })
    .returning('id')
    .execute();
  await trx
    .insertInto('care_team_member')
    .values({
      child_id: olle.id,
      user_id: psychologistId,
      organisation_id: region.organisation_id,
      unit_id: region.unit_id,
      role: 'member',
      basis: 'consent',
      consent_id: consent!.id,
      added_by: socialworkerId,
      starts_at: new Date(now.getTime() - 110 * 86_400_000),
    })
    .execute();
  await addNotices(trx, [{ recipientId: psychologistId, kind: 'consent_lapsed', childId: olle.id, subjectId: consent!.id, details: { lapsedOn: addDays(today, -6) } }], new Date(now.getTime() - 6 * 86_400_000));
}
