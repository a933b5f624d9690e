import { sql, type Insertable, type Transaction } from 'kysely';
import { stockholmDate, type Sector, type WellbeingArea } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { Random } from './random.ts';

/**
 * About two years of concerns and reports of concern across the demo county, besides the
 * hand-made ones of `concerns-and-reports.ts`: written by the members of the children's teams,
 * with the differences between units one sees in practice. Student
 * health and social services record concerns most often and social services the most serious
 * ones; leisure seldom; each unit has a habit of its own (some write twice as often as others).
 * Schools and student health report to social services most often; intake assesses each report
 * the same day and decides on an investigation within 14 days. Drawn in a fixed order (identity
 * number, then username) from a seeded generator and dated from the services' clock, so the same
 * seed day gives the same county; inserted in bulk.
 */

const dayMs = 86_400_000;
const historyDays = 730;

/** Concerns per member and year, by the member's sector. */
const concernRate: Partial<Record<Sector, number>> = {
  student_health: 0.55, social_services: 0.6, school: 0.3, preschool: 0.2, child_health_care: 0.25,
  primary_care: 0.15, child_psychiatry: 0.45, habilitation: 0.2, leisure: 0.08, youth_follow_up: 0.3,
};
/** Reports of concern per member and year, by sector (social services do not report to themselves). */
const reportRate: Partial<Record<Sector, number>> = {
  school: 0.07, student_health: 0.09, preschool: 0.04, child_health_care: 0.05, primary_care: 0.03,
  child_psychiatry: 0.07, habilitation: 0.03, leisure: 0.015, youth_follow_up: 0.05,
};
/** The areas each kind of unit sees first. */
const areasSeen: Partial<Record<Sector, WellbeingArea[]>> = {
  social_services: ['safe', 'nurtured', 'respected'],
  school: ['achieving', 'included', 'responsible'],
  preschool: ['included', 'nurtured', 'active'],
  student_health: ['healthy', 'safe', 'included'],
  child_health_care: ['healthy', 'nurtured'],
  primary_care: ['healthy'],
  child_psychiatry: ['healthy', 'included', 'respected'],
  habilitation: ['achieving', 'active', 'included'],
  leisure: ['active', 'included'],
  youth_follow_up: ['achieving', 'responsible', 'included'],
};
const descriptions: Record<WellbeingArea, string[]> = {
  safe: ['Berättar om bråk hemma och vill inte gå hem.', 'Verkar rädd för en vuxen i familjen.'],
  healthy: ['Trött och hungrig flera morgnar i veckan.', 'Har gått ner i vikt och äter lite i skolan.'],
  achieving: ['Hög frånvaro de senaste veckorna.', 'Har slutat lämna in uppgifter.'],
  nurtured: ['Kommer ofta i för tunna kläder.', 'Ensam hemma sent på kvällarna enligt en granne.'],
  active: ['Har slutat på alla fritidsaktiviteter.', 'Sitter vid skärmen hela nätterna.'],
  respected: ['Säger att ingen vuxen lyssnar.', 'Blir hånad av vuxna i sin omgivning.'],
  responsible: ['Tar hand om yngre syskon på egen hand.', 'Har varit med om snatteri flera gånger.'],
  included: ['Ensam på rasterna och utanför i klassen.', 'Utsatt i en gruppchatt.'],
};
const reportTexts = [
  'Upprepade uppgifter om att barnet lämnas ensamt under längre tid.',
  'Barnet berättar om våld i hemmet.',
  'Barnet har inte varit i skolan på flera veckor och familjen svarar inte.',
  'Barnet säger att en förälder dricker mycket och blir arg.',
  'Barnet har synliga skador som inte förklaras.',
];

interface Member {
  child_id: string;
  home_organisation_id: string;
  user_id: string;
  organisation_id: string;
  unit_id: string;
  sector: Sector;
  secrecy_domain_id: string;
  starts_at: Date;
}

export async function seedConcernHistory(trx: Transaction<DB>, options: { now: Date; excludeChildIds: readonly string[]; excludeUserIds: readonly string[]; groundCode: string; intakes: ReadonlyMap<string, string>; seed?: number }): Promise<void> {
  const { now } = options;
  const random = new Random(options.seed ?? 2_013_0408);
  const members = (await trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('unit as n', 'n.id', 'm.unit_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'm.unit_id').on('d.valid_to', 'is', null))
    .select(['m.child_id', 'c.home_organisation_id', 'm.user_id', 'm.organisation_id', 'm.unit_id', 'n.sector', 'd.secrecy_domain_id', 'm.starts_at'])
    .where('m.ends_at', 'is', null)
    .where('c.user_id', 'is', null)
    .where('m.child_id', 'not in', options.excludeChildIds)
    .where('m.user_id', 'not in', options.excludeUserIds)
    .orderBy('c.identity_number')
    .orderBy('u.username')
    .execute()) as Member[];
  const unitHabit = new Map<string, number>();
  const habitOf = (unitId: string) => {
    if (!unitHabit.has(unitId)) unitHabit.set(unitId, 0.5 + random.next() * 1.2);
    return unitHabit.get(unitId)!;
  };
  const concerns: Insertable<DB['concern']>[] = [];
  const reports: Insertable<DB['report_of_concern']>[] = [];
  const from = now.getTime() - historyDays * dayMs;
  for (const m of members) {
    // Over two years: the units on a child's team knew the child before the team was formed (what
    // they saw is often why it was), half as often then. Nothing in the last two days (the hand-made demo's).
    const joined = Math.max(from, new Date(m.starts_at).getTime());
    const end = now.getTime() - 2 * dayMs;
    if (end <= from) continue;
    const start = from;
    const years = (Math.max(0, end - joined) + 0.5 * (joined - from)) / (365 * dayMs);
    const habit = habitOf(m.unit_id);
    for (let i = draws(random, (concernRate[m.sector] ?? 0.1) * habit * years); i > 0; i -= 1) {
      concerns.push(concernBy(random, m, new Date(start + random.next() * (end - start))));
    }
    const intake = options.intakes.get(m.home_organisation_id);
    if (!intake || m.sector === 'social_services') continue;
    for (let i = draws(random, (reportRate[m.sector] ?? 0) * habit * years); i > 0; i -= 1) {
      const at = new Date(start + random.next() * (end - start));
      reports.push({
        child_id: m.child_id, intake_organisation_id: m.home_organisation_id, intake_unit_id: intake, reporter_id: m.user_id, reporter_organisation_id: m.organisation_id, reporter_unit_id: m.unit_id,
        legal_ground_code: options.groundCode, areas: pickAreas(random, m.sector).slice(0, 1), description: random.pick(reportTexts), immediate_danger: random.next() < 0.05, sent_at: at, received_at: at,
      });
    }
  }
  for (let i = 0; i < concerns.length; i += 500) await trx.insertInto('concern').values(concerns.slice(i, i + 500)).execute();
  if (reports.length > 0) await insertReportsWithSteps(trx, random, reports, now);
}

/** How many events of a rate: the whole part, and one more with the chance of the rest. */
function draws(random: Random, expected: number): number {
  return Math.floor(expected) + (random.next() < expected % 1 ? 1 : 0);
}

function pickAreas(random: Random, sector: Sector): WellbeingArea[] {
  const seen = areasSeen[sector] ?? ['safe'];
  const first = random.pick(seen);
  const second = random.next() < 0.35 ? random.pick(seen) : first;
  return [...new Set([first, second])];
}

function concernBy(random: Random, m: Member, at: Date): Insertable<DB['concern']> {
  const areas = pickAreas(random, m.sector);
  const serious = m.sector === 'social_services' || m.sector === 'child_psychiatry' ? 0.3 : m.sector === 'leisure' ? 0.03 : 0.12;
  const roll = random.next();
  const level = roll < serious ? 'serious_concern' : roll < serious + 0.45 ? 'concern' : 'observation';
  const source = m.sector === 'social_services' ? random.pick(['other_person', 'guardian', 'own_observation'] as const) : random.pick(['own_observation', 'own_observation', 'child', 'guardian'] as const);
  return {
    child_id: m.child_id, organisation_id: m.organisation_id, unit_id: m.unit_id, secrecy_domain_id: m.secrecy_domain_id, author_id: m.user_id,
    areas, description: random.pick(descriptions[areas[0]!]), level, source, occurred_on: stockholmDate(new Date(at.getTime() - random.int(0, 3) * dayMs)), created_at: at,
  };
}

/**
 * Intake's steps on the history: the protection assessment within hours, the initial assessment
 * within 14 days (those received in the last 14 days may still wait for it), decided by the intake's
 * own login where it has one, else by a social worker of the municipality.
 */
async function insertReportsWithSteps(trx: Transaction<DB>, random: Random, reports: Insertable<DB['report_of_concern']>[], now: Date): Promise<void> {
  reports.sort((a, b) => (a.sent_at as Date).getTime() - (b.sent_at as Date).getTime());
  const ids: { id: string }[] = [];
  for (let i = 0; i < reports.length; i += 500) ids.push(...(await trx.insertInto('report_of_concern').values(reports.slice(i, i + 500)).returning('id').execute()));
  const deciders = await decidersByOrganisation(trx);
  const steps: Insertable<DB['report_step']>[] = [];
  reports.forEach((r, i) => {
    const received = (r.received_at as Date).getTime();
    const decidedBy = deciders.get(r.intake_organisation_id);
    if (!decidedBy) return;
    const protectedAt = received + random.int(1, 6) * 3_600_000;
    const protection = random.next() < 0.08 ? 'immediate_protection_needed' : 'no_immediate_protection_needed';
    if (protectedAt < now.getTime()) steps.push({ report_id: ids[i]!.id, step: 'protection_assessment', outcome: protection, note: null, decided_by: decidedBy, decided_at: new Date(protectedAt) });
    const initialAt = received + random.int(3, 14) * dayMs;
    if (initialAt >= now.getTime() || protectedAt >= now.getTime()) return;
    const roll = random.next();
    const outcome = protection === 'immediate_protection_needed' || roll < 0.42 ? 'investigation_opened' : roll < 0.9 ? 'investigation_not_opened' : 'investigation_ongoing';
    steps.push({ report_id: ids[i]!.id, step: 'initial_assessment', outcome, note: null, decided_by: decidedBy, decided_at: new Date(initialAt) });
  });
  for (let i = 0; i < steps.length; i += 500) await trx.insertInto('report_step').values(steps.slice(i, i + 500)).execute();
}

async function decidersByOrganisation(trx: Transaction<DB>): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .innerJoin('unit as n', 'n.id', 'r.unit_id')
    .leftJoin('intake_unit as i', 'i.unit_id', 'r.unit_id')
    .select(['r.organisation_id', 'r.user_id'])
    .where('r.role', '=', 'professional')
    .where('n.sector', '=', 'social_services')
    .orderBy(sql`i.unit_id IS NULL`)
    .orderBy('u.username')
    .execute();
  const deciders = new Map<string, string>();
  for (const r of rows) if (!deciders.has(r.organisation_id)) deciders.set(r.organisation_id, r.user_id);
  return deciders;
}
