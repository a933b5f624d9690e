import type { Transaction } from 'kysely';
import { stockholmDate } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { placeUnitsInDefaultDomains } from '../secrecy-domains/queries.ts';
import { seedConcernHistory } from './concern-history.ts';

/**
 * Concerns and reports of concern in the demo county, dated from the services' clock at seeding:
 * - an intake (mottagning) in every municipality's social services, and the login `intake`
 *   (Ingrid Mottagning) at Exempelstad's;
 * - a concern from `nurse` about the demo child Ebba (the family's consent lets the municipality's
 *   domains share concerns, so `teacher`, her named person, reads it);
 * - her brother Olle (8) with `teacher` as named person, `nurse` and `socialworker` on his team,
 *   and concerns from student health and social services within 60 days, which the teacher
 *   cannot read (no consent): the early-signal suggestion shows for her;
 * - reports of concern in Exempelstad's intake queue at different steps, one from `teacher`
 *   about Olle, whose receipt she sees ("Mina barn" tells her it was received), and one from
 *   `counsellor` on which intake opened an investigation three days ago;
 * - about two years of concerns and reports across the county (`concern-history.ts`).
 */

const dayMs = 86_400_000;

export async function seedConcernsAndReports(trx: Transaction<DB>, options: { now: Date; passwordHash: string }): Promise<void> {
  const { now } = options;
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * dayMs - hours * 3_600_000);
  const dateOf = (d: Date) => stockholmDate(d);
  const municipalities = await trx.selectFrom('organisation').select(['id', 'name']).where('kind', '=', 'municipality').orderBy('municipality_code').execute();
  const intakes = await insertIntakes(trx, municipalities, now);
  const exempelstad = municipalities[0]!;
  const intakeUnit = intakes.get(exempelstad.id)!;
  await insertIntakeLogin(trx, exempelstad.id, intakeUnit, options.passwordHash, now);

  const staff = await placesOf(trx, ['teacher', 'nurse', 'socialworker']);
  const { teacher, nurse, socialworker } = staff;
  const ebba = await trx.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirstOrThrow();
  const olle = await trx.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow();

  // Olle's team: the teacher at his school is his named person; student health and social services are on it.
  const member = (p: Place, role: 'named_person' | 'member', days: number) => ({ child_id: olle.id, user_id: p.userId, organisation_id: p.organisationId, unit_id: p.unitId, role, basis: 'own_organisation' as const, starts_at: ago(days), added_by: p === teacher ? null : teacher.userId });
  await trx.insertInto('care_team_member').values([member(teacher, 'named_person', 120), member(nurse, 'member', 100), member(socialworker, 'member', 45)]).execute();

  const concern = (childId: string, p: Place, days: number, c: ConcernFields) => ({
    child_id: childId,
    organisation_id: p.organisationId,
    unit_id: p.unitId,
    secrecy_domain_id: p.secrecyDomainId,
    author_id: p.userId,
    ...c,
    occurred_on: dateOf(ago(days)),
    created_at: ago(days, -1),
  });
  await trx
    .insertInto('concern')
    .values([
      concern(ebba.id, nurse, 18, { areas: ['healthy', 'nurtured'], description: 'Ebba berättar att hon ofta hoppar över frukost och lunch och är trött på lektionerna.', level: 'concern', source: 'child' }),
      concern(olle.id, nurse, 9, { areas: ['healthy', 'safe'], description: 'Olle har flera blåmärken på armarna och vill inte berätta hur han fick dem.', level: 'serious_concern', source: 'own_observation' }),
      concern(olle.id, socialworker, 27, { areas: ['nurtured'], description: 'En granne har hört av sig om att Olle ofta är ensam hemma sent på kvällarna.', level: 'concern', source: 'other_person' }),
    ])
    .execute();

  // Reports in Exempelstad's intake, at every step: the teacher's about Olle, and others about
  // children whose teams are in Exempelstad.
  const ground = await trx.selectFrom('legal_ground').select('code').where('kind', '=', 'duty_to_report').where('valid_from', '<=', dateOf(now)).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', dateOf(now))])).orderBy('code').executeTakeFirstOrThrow();
  const others = await trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .select(['m.child_id', 'm.user_id', 'm.organisation_id', 'm.unit_id'])
    .where('c.home_organisation_id', '=', exempelstad.id)
    .where('m.organisation_id', '=', exempelstad.id)
    .where('m.ends_at', 'is', null)
    .where('c.protected_identity', 'is', null)
    .where('m.child_id', 'not in', [ebba.id, olle.id])
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    // The county's own staff report these; `counsellor`'s caseload is the benchmark's, with one report of her own.
    .where('u.username', '<>', 'counsellor')
    .orderBy('c.identity_number')
    .orderBy('u.username')
    .limit(40)
    .execute();
  const distinct = [...new Map(others.map((o) => [o.child_id, o])).values()].slice(0, 4);
  const report = (r: { child_id: string; user_id: string; organisation_id: string; unit_id: string | null }, days: number, hours: number, description: string, immediateDanger = false) => ({
    child_id: r.child_id,
    intake_organisation_id: exempelstad.id,
    intake_unit_id: intakeUnit,
    reporter_id: r.user_id,
    reporter_organisation_id: r.organisation_id,
    reporter_unit_id: r.unit_id,
    legal_ground_code: ground.code,
    areas: [] as ('safe' | 'nurtured')[],
    description,
    immediate_danger: immediateDanger,
    sent_at: ago(days, hours),
    received_at: ago(days, hours),
  });
  const fromTeacher = { child_id: olle.id, user_id: teacher.userId, organisation_id: teacher.organisationId, unit_id: teacher.unitId };
  const planned = [
    { ...report(fromTeacher, 3, 2, 'Olle har sagt till sin mentor att han är rädd för att gå hem. Skolsköterskan har sett blåmärken.'), areas: ['safe', 'nurtured'] as ('safe' | 'nurtured')[] },
    ...(distinct[0] ? [report(distinct[0], 0, 1, 'Eleven kom till skolan utan ytterkläder och berättade att det varit bråk hemma hela natten.', true)] : []),
    ...(distinct[1] ? [report(distinct[1], 16, 3, 'Eleven har inte varit i skolan på tre veckor och familjen svarar inte på kontakt.')] : []),
    ...(distinct[2] ? [report(distinct[2], 22, 5, 'Barnet berättar om en förälder som dricker mycket alkohol på helgerna.')] : []),
    ...(distinct[3] ? [report(distinct[3], 41, 4, 'Upprepade uppgifter om att barnet lämnas ensamt under längre tid.')] : []),
  ];
  const ids = await trx.insertInto('report_of_concern').values(planned).returning('id').execute();
  const intakeLogin = (await trx.selectFrom('app_user').select('id').where('username', '=', 'intake').executeTakeFirstOrThrow()).id;
  const step = (i: number, kind: 'protection_assessment' | 'initial_assessment', outcome: DB['report_step']['outcome'], daysAfter: number, note: string | null) => {
    const received = planned[i]!.received_at;
    return { report_id: ids[i]!.id, step: kind, outcome, note, decided_by: intakeLogin, decided_at: new Date(received.getTime() + daysAfter * dayMs + 3_600_000) };
  };
  const steps = [
    step(0, 'protection_assessment', 'no_immediate_protection_needed', 0, 'Barnet är i skolan och har kontakt med skolsköterskan. Inget omedelbart skyddsbehov.'),
    ...(ids[2] ? [step(2, 'protection_assessment', 'no_immediate_protection_needed', 0, null)] : []),
    ...(ids[3] ? [step(3, 'protection_assessment', 'no_immediate_protection_needed', 0, null), step(3, 'initial_assessment', 'investigation_opened', 9, 'Utredning inleds enligt socialtjänstlagen.')] : []),
    ...(ids[4] ? [step(4, 'protection_assessment', 'no_immediate_protection_needed', 0, null), step(4, 'initial_assessment', 'investigation_not_opened', 12, 'Familjen har redan stöd; ingen utredning inleds.')] : []),
  ];
  await trx.insertInto('report_step').values(steps).execute();
  await seedCounsellorReport(trx, { now, intakeUnit, intakeLogin, ground: ground.code, municipality: exempelstad.id });
  const counsellor = await trx.selectFrom('app_user').select('id').where('username', '=', 'counsellor').executeTakeFirst();
  await seedConcernHistory(trx, { now, excludeChildIds: [ebba.id, olle.id], excludeUserIds: counsellor ? [counsellor.id] : [], groundCode: ground.code, intakes });
}

/**
 * `counsellor` reported about one of her children 12 days ago; intake opened an investigation 3
 * days ago, and she has not looked since: "Mina barn" tells her intake's answer.
 */
async function seedCounsellorReport(trx: Transaction<DB>, o: { now: Date; intakeUnit: string; intakeLogin: string; ground: string; municipality: string }): Promise<void> {
  const at = (days: number) => new Date(o.now.getTime() - days * dayMs);
  const child = await trx
    .selectFrom('care_team_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .select(['m.child_id', 'm.user_id', 'm.organisation_id', 'm.unit_id'])
    .where('u.username', '=', 'counsellor')
    .where('c.home_organisation_id', '=', o.municipality)
    .where('c.protected_identity', 'is', null)
    .where('m.starts_at', '<', at(20))
    .orderBy('c.identity_number')
    .limit(1)
    .executeTakeFirst();
  if (!child) return;
  const sent = new Date(at(12).getTime() + 4 * 3_600_000);
  const report = await trx
    .insertInto('report_of_concern')
    .values({ child_id: child.child_id, intake_organisation_id: o.municipality, intake_unit_id: o.intakeUnit, reporter_id: child.user_id, reporter_organisation_id: child.organisation_id, reporter_unit_id: child.unit_id, legal_ground_code: o.ground, areas: ['safe'], description: 'Eleven har berättat för kuratorn att en vuxen i hemmet slår.', immediate_danger: false, sent_at: sent, received_at: sent })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('report_step')
    .values([
      { report_id: report.id, step: 'protection_assessment', outcome: 'no_immediate_protection_needed', note: null, decided_by: o.intakeLogin, decided_at: new Date(sent.getTime() + 3 * 3_600_000) },
      { report_id: report.id, step: 'initial_assessment', outcome: 'investigation_opened', note: 'Utredning inleds.', decided_by: o.intakeLogin, decided_at: new Date(at(3).getTime() + 2 * 3_600_000) },
    ])
    .execute();
}

interface ConcernFields {
  areas: ('safe' | 'healthy' | 'achieving' | 'nurtured' | 'active' | 'respected' | 'responsible' | 'included')[];
  description: string;
  level: 'observation' | 'concern' | 'serious_concern';
  source: 'own_observation' | 'child' | 'guardian' | 'other_person';
}

interface Place {
  userId: string;
  organisationId: string;
  unitId: string;
  secrecyDomainId: string;
}

/** The intake of each municipality's social services: a unit of its own in the social services domain. */
async function insertIntakes(trx: Transaction<DB>, municipalities: readonly { id: string; name: string }[], now: Date): Promise<Map<string, string>> {
  const rows = await trx
    .insertInto('unit')
    .values(municipalities.map((m) => ({ organisation_id: m.id, name: `Socialtjänsten ${m.name.replace(/s? kommun$/, '')}, mottagning barn och unga`, sector: 'social_services', created_at: now, updated_at: now })))
    .returning(['id', 'organisation_id'])
    .execute();
  await placeUnitsInDefaultDomains(trx, rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, sector: 'social_services' as const })), new Date('1900-01-01T00:00:00Z'), null);
  await trx.insertInto('intake_unit').values(rows.map((r) => ({ organisation_id: r.organisation_id, unit_id: r.id }))).execute();
  return new Map(rows.map((r) => [r.organisation_id, r.id]));
}

async function insertIntakeLogin(trx: Transaction<DB>, organisationId: string, unitId: string, passwordHash: string, now: Date): Promise<void> {
  const user = await trx
    .insertInto('app_user')
    .values({ username: 'intake', display_name: 'Ingrid Mottagning', title: 'Socialsekreterare, mottagningen', email: 'intake@exempellan.example', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('local_credential').values({ user_id: user.id, password_hash: passwordHash, changed_at: now }).execute();
  await trx.insertInto('user_role').values({ user_id: user.id, organisation_id: organisationId, unit_id: unitId, role: 'professional' }).execute();
}

async function placesOf<K extends string>(trx: Transaction<DB>, usernames: readonly K[]): Promise<Record<K, Place>> {
  const rows = await trx
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'r.unit_id').on('d.valid_to', 'is', null))
    .select(['u.username', 'r.user_id', 'r.organisation_id', 'r.unit_id', 'd.secrecy_domain_id'])
    .where('u.username', 'in', usernames)
    .where('r.role', '=', 'professional')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.username, { userId: r.user_id, organisationId: r.organisation_id, unitId: r.unit_id!, secrecyDomainId: r.secrecy_domain_id }])) as Record<K, Place>;
}
