import type { Kysely, Transaction } from 'kysely';
import { formatIdentityNumber, type Role, type Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { Database } from '../db/database.ts';
import { appendAudit } from '../audit/writer.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { county, firstNames, lastNames, municipalUnits, regionalUnits, titles } from './county.ts';
import { Random } from './random.ts';
import { demoDay, seedChildren, type SeedStaff } from './children.ts';
import { demoChildIdentityNumber } from './demo-child.ts';
import { caseloadLogin, seedCaseload } from './caseload.ts';
import { assignSchoolUnitCodes } from './school-unit-codes.ts';
import { seedWellbeing } from './wellbeing.ts';
import { seedFollowUps } from './follow-ups.ts';
import { currentDomainsOfUnits, placeUnitsInDefaultDomains } from '../secrecy-domains/queries.ts';
import { seedConcernsAndReports } from './concerns-and-reports.ts';
import { seedNeedsAssessments } from './needs-assessments.ts';
import { seedPlans } from './plans.ts';
import { seedRetention } from './retention.ts';
import { computeChildLevelIndicators } from '../child-level-indicators/service.ts';
import { seedPopulationTargets } from './population-targets.ts';
import { registerChildLevelIndicators } from '../child-level-indicators/catalogue.ts';
import { seedSchoolResults } from './schools.ts';
import { seedActionPlans } from './action-plans.ts';
import { seedForums } from './forums.ts';
import { seedSurveys } from './surveys.ts';
import { linkThemeWorkspace, seedWorkspaces } from './workspaces.ts';
import { seedAgreements } from './agreements.ts';
import { seedImprovement } from './improvement.ts';
import { seedFund } from './fund.ts';
import { seedNewsletter } from './newsletter.ts';

export const defaultDemoSeed = 20261122;

/** The fixed demo logins: stable usernames the README lists and the tests use. */
export const demoLogins = [
  { username: 'sysadmin', displayName: 'Saga Systemadmin', title: 'Systemförvaltare', role: 'system_admin', at: { org: 'region' } },
  { username: 'orgadmin', displayName: 'Olle Organisationsadmin', title: 'Systemadministratör', role: 'org_admin', at: { org: 'municipality1' } },
  { username: 'manager', displayName: 'Maja Rektor', title: 'Rektor', role: 'unit_manager', at: { org: 'municipality1', unit: 'school' } },
  { username: 'coordinator', displayName: 'Kim Samordnare', title: 'Samverkanssamordnare', role: 'collaboration_coordinator', at: { org: 'municipality1' } },
  { username: 'analyst', displayName: 'Alva Analytiker', title: 'Analytiker', role: 'analyst', at: { org: 'region' } },
  { username: 'fundmanager', displayName: 'Fia Fondförvaltare', title: 'Fondförvaltare', role: 'fund_manager', at: { org: 'region' } },
  { username: 'teacher', displayName: 'Tove Lärare', title: 'Lärare', role: 'professional', at: { org: 'municipality1', unit: 'school' } },
  { username: 'nurse', displayName: 'Nora Skolsköterska', title: 'Skolsköterska', role: 'professional', at: { org: 'municipality1', unit: 'student_health' } },
  { username: 'socialworker', displayName: 'Sixten Socialsekreterare', title: 'Socialsekreterare', role: 'professional', at: { org: 'municipality1', unit: 'social_services' } },
  { username: 'psychologist', displayName: 'Petra Psykolog', title: 'Psykolog', role: 'professional', at: { org: 'region', unit: 'child_psychiatry' } },
  { username: 'outsider', displayName: 'Otto Utomstående', title: 'Lärare', role: 'professional', at: { org: 'municipality2', unit: 'school' } },
] as const satisfies readonly { username: string; displayName: string; title: string; role: Role; at: { org: string; unit?: Sector } }[];

/** Citizen logins (kind 'citizen', no roles): `guardian` and her 14-year-old daughter `child`. */
export { demoCitizenLogins, demoChildBirthDate, demoChildIdentityNumber } from './demo-child.ts';

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) === undefined;
}

export interface SeedSummary {
  organisations: number;
  units: number;
  users: number;
  children: number;
  /** The day the demo is dated from (Stockholm): the services' clock at seeding. */
  seededOn: string;
  /** The demo child's identity number, `YYYYMMDD-NNNN`: it follows the seed day, so the seeder tells it. */
  demoChild: string;
}

interface SeedUnit {
  id: string;
  organisationId: string;
  name: string;
  sector: Sector;
  staff: number;
  secrecyDomainId: string;
}

/** Generates Region Exempellän in one transaction: the same seed always gives the same county. */
/**
 * Seeds the demo county on an empty database, then gathers planner statistics: fresh tables
 * have none, PGlite has no autovacuum to gather them, and without them the planner takes
 * 2,000 children for a handful and picks its joins accordingly. Null when data was there.
 */
export async function seedDemoIfEmpty(database: Database, password: string, now: Date): Promise<SeedSummary | null> {
  if (!(await isDatabaseEmpty(database.db))) return null;
  const summary = await seedDemoData(database.db, { password, now });
  await database.ownerScript.exec('ANALYZE');
  return summary;
}

/** `now` is the services' clock at seeding: the demo is dated relative to it. */
export async function seedDemoData(db: Kysely<DB>, options: { password: string; seed?: number; now: Date }): Promise<SeedSummary> {
  const { now } = options;
  assertPasswordPolicy(options.password);
  // Every demo user has the same password, so one argon2id hash serves them all.
  const passwordHash = await hashPassword(options.password);
  const random = new Random(options.seed ?? defaultDemoSeed);
  return db.transaction().execute(async (trx) => {
    const orgs = await insertOrganisations(trx, now);
    const units = await insertUnits(trx, orgs, now);
    await assignSchoolUnitCodes(trx);
    const users = await insertUsers(trx, random, orgs, units, passwordHash, now);
    const children = await seedChildren(trx, {
      now,
      random,
      passwordHash,
      regionId: orgs.get('region'),
      municipalities: county.municipalities.map((m, i) => ({ id: orgs.get(`municipality${i + 1}`), town: m.short })),
      units,
      staff: users.staff,
      logins: users.logins,
    });
    await seedCaseload(trx, { now, passwordHash });
    await seedConcernsAndReports(trx, { now, passwordHash });
    await seedWellbeing(trx, now);
    await seedNeedsAssessments(trx, now);
    await seedFollowUps(trx, { now, passwordHash });
    await seedPlans(trx, now, [...demoLogins.map((l) => l.username), caseloadLogin.username]);
    await seedRetention(trx, now);
    await seedActionPlans(trx, now);
    await seedWorkspaces(trx, { now, passwordHash });
    await seedAgreements(trx, now);
    await seedForums(trx, now);
    await linkThemeWorkspace(trx);
    const analyst = await trx.selectFrom('app_user').select('id').where('username', '=', 'analyst').executeTakeFirstOrThrow();
    await seedSurveys(trx, { now, ownerOrganisationId: orgs.get('region'), analystId: analyst.id });
    await seedSchoolResults(trx, { now, analystId: analyst.id });
    await seedPopulationTargets(trx, { now, regionId: orgs.get('region'), analystId: analyst.id });
    await seedImprovement(trx, now);
    await seedFund(trx, now);
    await seedNewsletter(trx, now);
    // The child level's own indicators, computed from the seeded children as the job would (issue 15).
    await computeChildLevelIndicators(trx, { now, threshold: 10 });
    await registerChildLevelIndicators(trx, { ownerOrganisationId: orgs.get('region'), createdBy: analyst.id, now });
    const counts = { organisations: orgs.keys().length, units: units.length, users: users.count + children.citizenUsers, children: children.children };
    const seededOn = demoDay(now);
    await appendAudit(trx, [{ action: 'demo.seed', outcome: 'success', details: { ...counts, seededOn } }], now);
    return { ...counts, seededOn, demoChild: formatIdentityNumber(demoChildIdentityNumber(now)) };
  });
}

/** Organisation ids by key: `region`, `municipality1`…, `partner1`… */
class OrgIds {
  private readonly ids = new Map<string, string>();
  set(key: string, id: string): void {
    this.ids.set(key, id);
  }
  get(key: string): string {
    const id = this.ids.get(key);
    if (!id) throw new Error(`no demo organisation ${key}`);
    return id;
  }
  keys(): string[] {
    return [...this.ids.keys()];
  }
}

async function insertOrganisations(trx: Transaction<DB>, now: Date): Promise<OrgIds> {
  const region = await trx
    .insertInto('organisation')
    .values({ name: county.region.name, kind: 'region', partner_type: null, organisation_number: county.region.organisationNumber, municipality_code: null, county_code: county.region.countyCode, region_id: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const orgs = new OrgIds();
  orgs.set('region', region.id);
  for (const [i, m] of county.municipalities.entries()) {
    const row = await trx
      .insertInto('organisation')
      .values({ name: m.name, kind: 'municipality', partner_type: null, organisation_number: m.organisationNumber, municipality_code: m.code, county_code: county.region.countyCode, region_id: region.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgs.set(`municipality${i + 1}`, row.id);
  }
  for (const [i, p] of county.partners.entries()) {
    const row = await trx
      .insertInto('organisation')
      .values({ name: p.name, kind: 'partner', partner_type: p.partnerType, organisation_number: p.organisationNumber, municipality_code: null, county_code: county.region.countyCode, region_id: region.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgs.set(`partner${i + 1}`, row.id);
  }
  return orgs;
}

async function insertUnits(trx: Transaction<DB>, orgs: OrgIds, now: Date): Promise<(SeedUnit & { key: string })[]> {
  const planned: { organisationId: string; key: string; name: string; sector: Sector; staff: number }[] = [];
  county.municipalities.forEach((m, i) => {
    const key = `municipality${i + 1}`;
    for (const u of municipalUnits) planned.push({ organisationId: orgs.get(key), key, name: u.name(m.short), sector: u.sector, staff: u.staff });
  });
  for (const u of regionalUnits) planned.push({ organisationId: orgs.get('region'), key: 'region', ...u });
  county.partners.forEach((p, i) => {
    const key = `partner${i + 1}`;
    planned.push({ organisationId: orgs.get(key), key, ...p.unit, staff: 1 });
  });
  const rows = await trx
    .insertInto('unit')
    .values(planned.map((p) => ({ organisation_id: p.organisationId, name: p.name, sector: p.sector, created_at: now, updated_at: now })))
    .returning('id')
    .execute();
  const units = planned.map((p, i) => ({ id: rows[i]!.id, organisationId: p.organisationId, key: p.key, name: p.name, sector: p.sector, staff: p.staff }));
  // The county's units have been in their default domains since long before any entry about a child.
  await placeUnitsInDefaultDomains(trx, units, new Date('1900-01-01T00:00:00Z'), null);
  const domains = await currentDomainsOfUnits(trx, units.map((u) => u.id));
  return units.map((u) => ({ ...u, secrecyDomainId: domains.get(u.id)! }));
}

function asciiName(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
}

interface PlannedUser {
  username: string;
  displayName: string;
  title: string;
  roles: { organisationId: string; unitId: string | null; role: Role }[];
  /** Generated unit staff, whom the demo children's care teams draw on. */
  staffOf?: SeedUnit;
}

/** The fixed logins that sit on the demo child's care team. */
type TeamLogin = 'teacher' | 'nurse' | 'socialworker' | 'psychologist';
const teamLogins: readonly TeamLogin[] = ['teacher', 'nurse', 'socialworker', 'psychologist'];

interface SeededUsers {
  count: number;
  staff: SeedStaff[];
  logins: Record<TeamLogin, SeedStaff>;
}

async function insertUsers(
  trx: Transaction<DB>,
  random: Random,
  orgs: OrgIds,
  units: (SeedUnit & { key: string })[],
  passwordHash: string,
  now: Date,
): Promise<SeededUsers> {
  const planned: PlannedUser[] = demoLogins.map((login) => {
    const organisationId = orgs.get(login.at.org);
    const at: { org: string; unit?: Sector } = login.at;
    const unit = at.unit ? units.find((u) => u.organisationId === organisationId && u.sector === at.unit) : undefined;
    return { username: login.username, displayName: login.displayName, title: login.title, roles: [{ organisationId, unitId: unit?.id ?? null, role: login.role }] };
  });
  const taken = new Set(planned.map((p) => p.username));
  for (const unit of units) {
    for (let n = 0; n < unit.staff; n += 1) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      let username = `${asciiName(first)}.${asciiName(last)}`;
      for (let k = 2; taken.has(username); k += 1) username = `${asciiName(first)}.${asciiName(last)}${k}`;
      taken.add(username);
      const roles: PlannedUser['roles'] = [{ organisationId: unit.organisationId, unitId: unit.id, role: 'professional' }];
      // The first person at each unit also manages it.
      if (n === 0) roles.push({ organisationId: unit.organisationId, unitId: unit.id, role: 'unit_manager' });
      planned.push({ username, displayName: `${first} ${last}`, title: random.pick(titles[unit.sector] ?? ['Handläggare']), roles, staffOf: unit });
    }
  }
  // Each municipality has an administrator and a collaboration coordinator besides the fixed logins.
  for (const key of orgs.keys().filter((k) => k.startsWith('municipality') && k !== 'municipality1')) {
    const short = asciiName(county.municipalities[Number(key.slice(-1)) - 1]!.short);
    planned.push({ username: `admin.${short}`, displayName: `Administratör ${short}`, title: 'Systemadministratör', roles: [{ organisationId: orgs.get(key), unitId: null, role: 'org_admin' }] });
    planned.push({ username: `samordnare.${short}`, displayName: `Samordnare ${short}`, title: 'Samverkanssamordnare', roles: [{ organisationId: orgs.get(key), unitId: null, role: 'collaboration_coordinator' }] });
  }
  const ids = await trx
    .insertInto('app_user')
    .values(planned.map((p) => ({ username: p.username, display_name: p.displayName, title: p.title, email: `${p.username}@exempellan.example`, created_at: now, updated_at: now })))
    .returning('id')
    .execute();
  await trx
    .insertInto('local_credential')
    .values(ids.map(({ id }) => ({ user_id: id, password_hash: passwordHash, changed_at: now })))
    .execute();
  await trx
    .insertInto('user_role')
    .values(planned.flatMap((p, i) => p.roles.map((r) => ({ user_id: ids[i]!.id, organisation_id: r.organisationId, unit_id: r.unitId, role: r.role }))))
    .execute();
  const asStaff = (i: number, unit: SeedUnit): SeedStaff => ({ userId: ids[i]!.id, organisationId: unit.organisationId, unitId: unit.id, sector: unit.sector, secrecyDomainId: unit.secrecyDomainId });
  const staff = planned.flatMap((p, i) => (p.staffOf ? [asStaff(i, p.staffOf)] : []));
  const logins = Object.fromEntries(
    teamLogins.map((username) => {
      const i = planned.findIndex((p) => p.username === username);
      const role = planned[i]!.roles[0]!;
      const unit = units.find((u) => u.id === role.unitId);
      if (!unit) throw new Error(`demo login ${username} has no unit`);
      return [username, asStaff(i, unit)];
    }),
  ) as Record<TeamLogin, SeedStaff>;
  return { count: planned.length, staff, logins };
}
