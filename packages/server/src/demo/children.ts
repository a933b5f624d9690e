import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { ageOn, stockholmDate, type ProtectedIdentityLevel, type Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { boyNames, familyNames, girlNames, menNames, streetNames, womenNames } from './children-names.ts';
import { demoFamily, type DemoLogins } from './demo-child.ts';
import type { Random } from './random.ts';
import { addDays } from './dates.ts';
import { IdentityNumbers } from './identity-numbers.ts';
import { planCareTeam } from './child-teams.ts';

/**
 * About 2,000 children of Region Exempellän with guardians, care teams, consents and record
 * entries, plus the fixed demo family (`guardian` and `child`). Everything is drawn from the
 * seeded generator and dated relative to the day of seeding (the services' clock), so the same
 * seed on the same day gives the same county, and the county is as young on any day it is seeded.
 */

export const demoChildCount = 2000;

/** The day the demo county describes, in Stockholm: ages, team starts and entry dates are relative to it. */
export function demoDay(now: Date): string {
  return stockholmDate(now);
}

/**
 * The demo's calendar, in days from the seed day: the care teams formed over the past year
 * (from about ten and a half months back until about five months back), consents were given
 * until some five weeks back and run until the end of next year or so.
 */
export function demoCalendar(today: string) {
  return {
    today,
    teamsFrom: addDays(today, -319),
    teamsUntil: addDays(today, -145),
    consentsUntil: addDays(today, -38),
    membersUntil: addDays(today, -22),
    consentsEnd: addDays(today, 404),
    expiredFromUntil: addDays(today, -236),
    withdrawnFromUntil: addDays(today, -83),
    withdrawnUntil: addDays(today, -7),
  };
}
export type DemoCalendar = ReturnType<typeof demoCalendar>;

export interface SeedStaff {
  userId: string;
  organisationId: string;
  unitId: string;
  sector: Sector;
  /** The unit's secrecy domain: what the staff member writes is written there. */
  secrecyDomainId: string;
}

export interface ChildrenSeedInput {
  /** The services' clock at seeding. */
  now: Date;
  random: Random;
  passwordHash: string;
  regionId: string;
  /** In county order: `municipality1` first. */
  municipalities: readonly { id: string; town: string }[];
  units: readonly { id: string; organisationId: string; name: string; sector: Sector }[];
  /** Generated professionals; the fixed logins are kept off the generated teams. */
  staff: readonly SeedStaff[];
  logins: DemoLogins;
}

export interface ChildrenSummary {
  children: number;
  guardians: number;
  careTeams: number;
  citizenUsers: number;
}

export type ChildRow = Insertable<DB['child']> & { id: string; birth_date: string };
export type GuardianRow = Insertable<DB['guardian']> & { id: string };
export type ConsentRow = Insertable<DB['consent']> & { id: string };
export type MemberRow = Insertable<DB['care_team_member']>;
export type EntryRow = Insertable<DB['record_entry']>;
export type HandoverRow = Insertable<DB['named_person_handover']>;

/** Rows to insert; the generator only appends to these. */
export interface Planned {
  users: (Insertable<DB['app_user']> & { id: string })[];
  guardians: GuardianRow[];
  children: ChildRow[];
  links: Insertable<DB['child_guardian']>[];
  consents: ConsentRow[];
  members: MemberRow[];
  entries: EntryRow[];
  handovers: HandoverRow[];
}

export async function seedChildren(trx: Transaction<DB>, input: ChildrenSeedInput): Promise<ChildrenSummary> {
  const planned: Planned = { users: [], guardians: [], children: [], links: [], consents: [], members: [], entries: [], handovers: [] };
  const numbers = new IdentityNumbers(input.random, input.now);
  const county = new CountyUnits(input);
  demoFamily(planned, input, numbers, county.days);
  const families = planFamilies(input, county, numbers, demoChildCount - planned.children.length);
  protectSomeFamilies(input.random, families);
  let careTeams = planned.members.length > 0 ? 1 : 0;
  for (const family of families) {
    planned.guardians.push(...family.guardians);
    for (const child of family.children) {
      planned.children.push(child);
      for (const g of family.guardians) planned.links.push({ child_id: child.id, guardian_id: g.id });
      // A team forms in the child's first weeks at the earliest.
      const oldEnough = child.birth_date <= addDays(county.days.today, -30);
      if (oldEnough && (child.protected_identity || input.random.next() < 0.33)) {
        planCareTeam(planned, input.random, county, child, family.guardians);
        careTeams += 1;
      }
    }
  }
  await insertPlanned(trx, planned, input.passwordHash, input.now);
  return { children: planned.children.length, guardians: planned.guardians.length, careTeams, citizenUsers: planned.users.length };
}

async function insertPlanned(trx: Transaction<DB>, p: Planned, passwordHash: string, now: Date): Promise<void> {
  // Created at the seed's time, not the database's now(): the whole county shares the services' clock.
  const created = { created_at: now };
  const createdAndUpdated = { created_at: now, updated_at: now };
  if (p.users.length > 0) {
    await trx.insertInto('app_user').values(p.users.map((u) => ({ ...u, ...createdAndUpdated }))).execute();
    await trx.insertInto('local_credential').values(p.users.map(({ id }) => ({ user_id: id, password_hash: passwordHash, changed_at: now }))).execute();
  }
  // One INSERT per 500 rows: a handful of round trips for the whole county keeps the first start fast.
  for (const rows of chunks(p.guardians)) await trx.insertInto('guardian').values(rows.map((r) => ({ ...r, ...created }))).execute();
  for (const rows of chunks(p.children)) await trx.insertInto('child').values(rows.map((r) => ({ ...r, ...createdAndUpdated }))).execute();
  for (const rows of chunks(p.links)) await trx.insertInto('child_guardian').values(rows).execute();
  for (const rows of chunks(p.consents)) await trx.insertInto('consent').values(rows).execute();
  for (const rows of chunks(p.members)) await trx.insertInto('care_team_member').values(rows).execute();
  for (const rows of chunks(p.entries)) await trx.insertInto('record_entry').values(rows.map((r) => ({ ...r, ...created }))).execute();
  for (const rows of chunks(p.handovers)) await trx.insertInto('named_person_handover').values(rows).execute();
}

function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The county's units, as the life stages need them

type Grades = [minAge: number, maxAge: number];

export class CountyUnits {
  readonly regionId: string;
  /** The seed day and the demo's calendar around it. */
  readonly days: DemoCalendar;
  private readonly byUnit = new Map<string, SeedStaff[]>();

  constructor(readonly input: ChildrenSeedInput) {
    this.regionId = input.regionId;
    this.days = demoCalendar(demoDay(input.now));
    for (const s of input.staff) this.byUnit.set(s.unitId, [...(this.byUnit.get(s.unitId) ?? []), s]);
  }

  municipality(index: number): { id: string; town: string } {
    const m = this.input.municipalities[index];
    if (!m) throw new Error(`no demo municipality ${index}`);
    return m;
  }

  unitsOf(organisationId: string, sector: Sector): ChildrenSeedInput['units'][number][] {
    return this.input.units.filter((u) => u.organisationId === organisationId && u.sector === sector);
  }

  /** The region's unit of a sector in the child's town, or the county-wide one. */
  regional(sector: Sector, town: string): string {
    const units = this.unitsOf(this.regionId, sector);
    const unit = units.find((u) => u.name.endsWith(town)) ?? units[0];
    if (!unit) throw new Error(`the region has no ${sector} unit`);
    return unit.id;
  }

  /** Schools whose grades fit an age, from the grades in their names (F–6, F–9, 7–9). */
  schoolsFor(organisationId: string, age: number): string[] {
    return this.unitsOf(organisationId, 'school')
      .filter((u) => {
        const [min, max] = gradesOf(u.name);
        return age >= min && age <= max;
      })
      .map((u) => u.id);
  }

  pickStaff(random: Random, unitId: string): SeedStaff {
    return random.pick(this.byUnit.get(unitId) ?? []);
  }

  pickSector(random: Random, organisationId: string, sector: Sector): SeedStaff {
    return this.pickStaff(random, random.pick(this.unitsOf(organisationId, sector)).id);
  }
}

/** Ages a school's grades cover: förskoleklass (F) at 6, grade 9 at 15. */
function gradesOf(name: string): Grades {
  if (name.includes('F–6')) return [6, 12];
  if (name.includes('7–9')) return [13, 16];
  return [6, 15];
}

// ---------------------------------------------------------------------------------------------
// Families

interface Family {
  guardians: GuardianRow[];
  children: ChildRow[];
}

const municipalityWeights = [0.36, 0.2, 0.16, 0.16, 0.12];

function weightedIndex(random: Random, weights: readonly number[]): number {
  let r = random.next();
  for (const [i, w] of weights.entries()) {
    if (r < w) return i;
    r -= w;
  }
  return weights.length - 1;
}

function asciiName(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
}

export interface Address {
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
}

/** A fictional address: postal codes 99N xx are outside the real Swedish series, like the county code. */
function addressIn(random: Random, municipalityIndex: number, town: string): Address {
  return {
    street_address: `${random.pick(streetNames)} ${random.int(1, 84)}`,
    postal_code: `99${municipalityIndex + 1} ${String(random.int(10, 98))}`,
    city: town,
  };
}

/** PTS reserves 070-174 06 05 to 070-174 06 99 for fiction: no real subscriber answers. */
function fictionalPhone(random: Random): string {
  return `070-174 06 ${String(random.int(5, 99)).padStart(2, '0')}`;
}

function planFamilies(input: ChildrenSeedInput, county: CountyUnits, numbers: IdentityNumbers, childCount: number): Family[] {
  const { random } = input;
  const families: Family[] = [];
  let children = 0;
  while (children < childCount) {
    const index = weightedIndex(random, municipalityWeights);
    const family = planFamily(random, county, numbers, index, childCount - children);
    families.push(family);
    children += family.children.length;
  }
  return families;
}

function planFamily(random: Random, county: CountyUnits, numbers: IdentityNumbers, index: number, maxChildren: number): Family {
  const { id: home, town } = county.municipality(index);
  const familyName = random.pick(familyNames);
  const address = addressIn(random, index, town);
  const wanted = Math.min(maxChildren, random.next() < 0.42 ? 1 : random.next() < 0.7 ? 2 : 3);
  // Siblings 1–6 years apart, all aged 0–18. Half the families count down from the eldest and
  // half up from the youngest, so that no age is underrepresented.
  const oldest = 19 * 365 - 1;
  const fromEldest = random.next() < 0.5;
  const daysBack: number[] = [];
  let next = random.int(0, oldest);
  while (daysBack.length < wanted && next >= 0 && next <= oldest) {
    daysBack.push(next);
    next += (fromEldest ? -1 : 1) * random.int(400, 2200);
  }
  const births = daysBack.sort((a, b) => b - a).map((d) => addDays(county.days.today, -d));
  const eldest = births[0]!;
  const guardianCount = random.next() < 0.15 ? 1 : 2;
  const guardians: GuardianRow[] = [];
  let firstIsFemale = false;
  for (let g = 0; g < guardianCount; g += 1) {
    // Mostly a mother and a father; some families have two mothers or two fathers.
    const female: boolean = g === 0 ? random.next() < 0.8 : random.next() < 0.9 ? !firstIsFemale : firstIsFemale;
    if (g === 0) firstIsFemale = female;
    const given = random.pick(female ? womenNames : menNames);
    const family = g === 1 && random.next() < 0.35 ? random.pick(familyNames) : familyName;
    const born = addDays(eldest, -random.int(22 * 365, 42 * 365));
    // Some parents live apart: the second guardian then has an address of their own.
    const livesApart = g === 1 && random.next() < 0.2;
    guardians.push({
      id: randomUUID(),
      identity_number: numbers.next(born, female ? 'female' : 'male'),
      given_name: given,
      family_name: family,
      phone: fictionalPhone(random),
      email: `${asciiName(given)}.${asciiName(family)}${random.int(1, 99)}@exempellan.example`,
      ...(livesApart ? addressIn(random, index, town) : address),
      protected_identity: null,
      user_id: null,
    });
  }
  const kids = births.map((birth) => planChild(random, county, numbers, { birth, home, index, familyName, address }));
  return { guardians, children: kids };
}

function planChild(
  random: Random,
  county: CountyUnits,
  numbers: IdentityNumbers,
  at: { birth: string; home: string; index: number; familyName: string; address: Address },
): ChildRow {
  const female = random.next() < 0.49;
  const sex = female ? 'female' : 'male';
  return {
    id: randomUUID(),
    identity_number: numbers.next(at.birth, sex),
    identity_kind: 'personnummer',
    given_name: random.pick(female ? girlNames : boyNames),
    family_name: at.familyName,
    birth_date: at.birth,
    sex,
    ...at.address,
    home_organisation_id: at.home,
    school_unit_id: schoolFor(random, county, at.home, ageOn(at.birth, county.days.today)),
    protected_identity: null,
    user_id: null,
  };
}

/** Preschool at 1–5, school at 6–15; at 16–18 most have left compulsory school. */
function schoolFor(random: Random, county: CountyUnits, home: string, age: number): string | null {
  if (age >= 1 && age <= 5) return random.next() < 0.92 ? random.pick(county.unitsOf(home, 'preschool')).id : null;
  if (age >= 6 && age <= 15) return random.pick(county.schoolsFor(home, age));
  if (age === 16 && random.next() < 0.15) return random.pick(county.schoolsFor(home, age));
  return null;
}

/** About 0.5% of the children: mostly sekretessmarkering, one family of each stronger level. */
const protectedFamilies: ProtectedIdentityLevel[] = [
  'sekretessmarkering', 'sekretessmarkering', 'sekretessmarkering', 'sekretessmarkering',
  'skyddad_folkbokforing', 'fingerade_personuppgifter',
];

function protectSomeFamilies(random: Random, families: Family[]): void {
  const chosen = new Set<number>();
  for (const level of protectedFamilies) {
    let i = random.int(0, families.length - 1);
    while (chosen.has(i)) i = (i + 1) % families.length;
    chosen.add(i);
    const family = families[i]!;
    // The protection follows the family: guardians and children are registered together.
    for (const person of [...family.children, ...family.guardians]) {
      person.protected_identity = level;
      // With skyddad folkbokföring the real address is not registered; mail goes via Skatteverket.
      if (level === 'skyddad_folkbokforing') Object.assign(person, { street_address: null, postal_code: null, city: null });
    }
  }
}
