import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Transaction } from 'kysely';
import { retentionCutoff, type InfoCategory, type Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';
import { demoDay } from './children.ts';
import { addYears } from './dates.ts';
import { county } from './county.ts';

/**
 * Retention (gallring) to try (issue 12), seeded after everything else so no other part of the
 * demo picks these children. Five school-age children of Exempelstad whose teams ended long ago:
 * - two whose time passed an hour or so before the seed, after the job's last run: the dry run lists
 *   the school's entries of one (5 years, rule `record_entry.education`), social services' of the
 *   other (5 years) and one sharing-ledger row older than 10 years; "Gallra nu" erases them;
 * - one whose student-health entries are 7 years old: inactive, but kept for the rule's 10 years;
 * - two whose entries (and one ledger row) the job's last run, two hours before the seed, erased:
 *   their tombstones say what went, when and under which rule.
 * And an organisation's own decision on one rule: the region keeps health care's entries 12 years.
 * Everything is dated from the seed's clock, chosen in a fixed order, and writes no audit entry
 * (the demo's history is not in the log; a real run's `retention.erase` is).
 */
export async function seedRetention(trx: Transaction<DB>, now: Date): Promise<void> {
  const sysadmin = (await trx.selectFrom('app_user').select('id').where('username', '=', 'sysadmin').executeTakeFirstOrThrow()).id;
  await trx.updateTable('retention_rule').set({ years: 12, updated_by: sysadmin, updated_at: hoursBefore(now, 24 * 90) }).where('id', '=', 'record_entry.health_care').execute();

  const home = (await trx.selectFrom('organisation').select('id').where('municipality_code', '=', county.municipalities[0].code).executeTakeFirstOrThrow()).id;
  const [a, b, c, d, e] = await inactiveCandidates(trx, home, demoDay(now));
  if (!a || !b || !c || !d || !e) throw new Error('the demo county has too few children for the retention demo');
  const school = await staffOf(trx, home, 'school');
  const socialServices = await staffOf(trx, home, 'social_services');
  const studentHealth = await staffOf(trx, home, 'student_health');

  // Expired an hour (and an hour and a half) ago: after the job's last run, so it waits for the next.
  const due = (years: number, minutes: number) => new Date(retentionCutoff(now, years).getTime() - minutes * 60_000);
  await pastTeam(trx, a, school, 'school', { from: yearsBefore(now, 10, 30), until: due(5, 60), entries: 3 });
  await disclosure(trx, a, school, socialServices, due(10, 60));
  await pastTeam(trx, b, socialServices, 'social_services', { from: yearsBefore(now, 8, 0), until: due(5, 90), entries: 2 });
  await pastTeam(trx, c, studentHealth, 'health', { from: yearsBefore(now, 9, 0), until: yearsBefore(now, 7, 0), entries: 2 });

  // The job's last run: two hours before the seed, it erased what had passed its time then.
  const ran = hoursBefore(now, 2);
  const run = (await trx.insertInto('retention_run').values({ started_at: ran, finished_at: new Date(ran.getTime() + 4_000), started_by: null, status: 'running' }).returning('id').executeTakeFirstOrThrow()).id;
  const before = (years: number, days: number) => new Date(retentionCutoff(ran, years).getTime() - days * 86_400_000);
  const erased = [
    ...(await pastTeam(trx, d, school, 'school', { from: yearsBefore(now, 9, 0), until: before(5, 40), entries: 3, erased: true })).map((t) => ({ ...t, rule: 'record_entry.education', category: 'record_entry' as const })),
    ...(await pastTeam(trx, e, socialServices, 'social_services', { from: yearsBefore(now, 11, 0), until: before(5, 100), entries: 2, erased: true })).map((t) => ({ ...t, rule: 'record_entry.social_services', category: 'record_entry' as const })),
    { child: e, domain: socialServices.domain, at: before(10, 60), rule: 'disclosure', category: 'disclosure' as const },
  ];
  await trx.insertInto('retention_tombstone').values(erased.map((t) => ({ run_id: run, rule_id: t.rule, category: t.category, subject: randomUUID(), child_id: t.child, secrecy_domain_id: t.domain, recorded_at: t.at, erased_at: ran }))).execute();
  const counted = (rule: string) => ({ count: erased.filter((t) => t.rule === rule).length });
  const summary = { 'record_entry.education': counted('record_entry.education'), 'record_entry.social_services': counted('record_entry.social_services'), disclosure: counted('disclosure'), audit_log: { count: 0, skipped: 'nothing_expired' } };
  await trx.updateTable('retention_run').set({ status: 'done', summary: JSON.stringify(summary) }).where('id', '=', run).execute();
}

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);
const yearsBefore = (now: Date, years: number, days: number) => new Date(retentionCutoff(now, years).getTime() - days * 86_400_000);

/**
 * School-age children (14 to 17) of the municipality with no trace in Samsyn beyond the register:
 * no team ever, no entry, consent, disclosure or emergency access, no citizen account in the family.
 */
async function inactiveCandidates(trx: Transaction<DB>, home: string, today: string): Promise<string[]> {
  const none = (table: 'care_team_member' | 'record_entry' | 'consent' | 'disclosure' | 'emergency_access') => (eb: ExpressionBuilder<DB & { c: DB['child'] }, 'c'>) =>
    eb.not(eb.exists(eb.selectFrom(`${table} as x` as 'record_entry as x').select('x.id').whereRef('x.child_id', '=', 'c.id')));
  const rows = await trx
    .selectFrom('child as c')
    .select('c.id')
    .where('c.home_organisation_id', '=', home)
    .where('c.birth_date', '<=', addYears(today, -14))
    .where('c.birth_date', '>', addYears(today, -18))
    .where('c.user_id', 'is', null)
    .where('c.protected_identity', 'is', null)
    .where(none('care_team_member'))
    .where(none('record_entry'))
    .where(none('consent'))
    .where(none('disclosure'))
    .where(none('emergency_access'))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('child_guardian as g').innerJoin('guardian as p', 'p.id', 'g.guardian_id').select('g.child_id').whereRef('g.child_id', '=', 'c.id').where('p.user_id', 'is not', null))))
    .orderBy('c.identity_number')
    .limit(5)
    .execute();
  return rows.map((r) => r.id);
}

interface Staff { userId: string; organisationId: string; unitId: string; domain: string }

/** The first professional by username at the municipality's first unit of the sector other than the demo logins' own school. */
async function staffOf(trx: Transaction<DB>, organisationId: string, sector: Sector): Promise<Staff> {
  const row = await trx
    .selectFrom('user_role as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .innerJoin('app_user as a', 'a.id', 'r.user_id')
    .select(['r.user_id', 'r.unit_id'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.role', '=', 'professional')
    .where('u.sector', '=', sector)
    .where('u.name', 'not like', 'Centrumskolan%')
    .where('a.username', 'like', '%.%')
    .orderBy('u.name')
    .orderBy('a.username')
    .limit(1)
    .executeTakeFirstOrThrow();
  const domain = await currentDomainOfUnit(trx, row.unit_id);
  if (!domain) throw new Error(`no secrecy domain for a ${sector} unit`);
  return { userId: row.user_id, organisationId, unitId: row.unit_id!, domain };
}

/**
 * A team that ended at `until`, its named person from `staff`, and entries up to that day; with
 * `erased` the entries are not written, and what the tombstones need of them is returned.
 */
async function pastTeam(trx: Transaction<DB>, childId: string, staff: Staff, category: InfoCategory, plan: { from: Date; until: Date; entries: number; erased?: boolean }) {
  await trx.insertInto('care_team_member').values({ child_id: childId, user_id: staff.userId, organisation_id: staff.organisationId, unit_id: staff.unitId, role: 'named_person', basis: 'own_organisation', starts_at: plan.from, ends_at: plan.until, ended_by: staff.userId }).execute();
  const span = plan.until.getTime() - plan.from.getTime();
  // Spread over the team's last years, the last one on the day it ended.
  const times = Array.from({ length: plan.entries }, (_, i) => new Date(plan.until.getTime() - Math.round((span * (plan.entries - 1 - i)) / (2 * plan.entries))));
  if (!plan.erased) {
    await trx.insertInto('record_entry').values(times.map((at, i) => ({
      child_id: childId, category, organisation_id: staff.organisationId, unit_id: staff.unitId, secrecy_domain_id: staff.domain, author_id: staff.userId,
      occurred_on: demoDay(at), title: entryTitles[category]?.[i % 3] ?? 'Anteckning', body: 'Äldre anteckning från tiden då barnet hade ett team.', created_at: at,
    }))).execute();
  }
  return times.map((at) => ({ child: childId, domain: staff.domain, at }));
}

const entryTitles: Partial<Record<InfoCategory, readonly string[]>> = {
  school: ['Kartläggning inför åtgärdsprogram', 'Uppföljning av åtgärdsprogram', 'Avslutande samtal med vårdnadshavare'],
  social_services: ['Utredning inleds', 'Beslut om insats', 'Insatsen avslutas'],
  health: ['Hälsobesök', 'Uppföljande samtal'],
};

/** A report from the school to social services in the same municipality, on the duty to report as the law then read. */
async function disclosure(trx: Transaction<DB>, childId: string, from: Staff, to: Staff, at: Date): Promise<void> {
  const ground = demoDay(at) < '2025-07-01' ? 'sol2001_duty_to_report' : 'sol_duty_to_report';
  await trx.insertInto('disclosure').values({
    child_id: childId, decision: 'shared', from_organisation_id: from.organisationId, from_secrecy_domain_id: from.domain, to_organisation_id: to.organisationId, to_secrecy_domain_id: to.domain,
    categories: ['school'], what: 'Frånvaro och oro för hemsituationen', reason: 'Anmälningsskyldighet när ett barn kan fara illa', legal_ground_code: ground, consent_id: null, decided_by: from.userId, decided_at: at,
  }).execute();
}
