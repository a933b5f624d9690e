import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { ageOn, parseIdentityNumber, stockholmDate, type InfoCategory, type ProtectedIdentityLevel, type Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { boyNames, entryTexts, familyNames, girlNames, menNames, streetNames, womenNames } from './children-names.ts';
import { demoFamily, type DemoLogins } from './demo-child.ts';
import type { Random } from './random.ts';

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
// Identity numbers

/** Skatteverket's check digit over YYMMDDNNN: weights 2,1,2,… from the left, digit sums. */
function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i += 1) {
    const product = Number(nineDigits.charAt(i)) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Synthetic personnummer from Skatteverket's test series: birth numbers 980–999, which are
 * never given to real people. The third digit of the birth number is even for girls and women.
 */
export class IdentityNumbers {
  private readonly taken = new Set<string>();

  /** `now`: the seed's time; every number is parsed as of it. */
  constructor(
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  /** A free number for this birth date and sex; `birthNumber` pins it (for the demo family). */
  next(birthDate: string, sex: 'female' | 'male', birthNumber?: number): string {
    const parity = sex === 'female' ? 0 : 1;
    const start = birthNumber ?? 980 + 2 * this.random.int(0, 9) + parity;
    // Ten numbers of each sex per day; try them all before giving up.
    for (let k = 0; k < 10; k += 1) {
      const serial = 980 + ((start - 980 + 2 * k) % 20);
      const number = withCheckDigit(birthDate, serial);
      if (this.taken.has(number)) continue;
      assertTestSeries(number, birthDate, sex, this.now);
      this.taken.add(number);
      return number;
    }
    throw new Error(`no free test-series number for ${birthDate}`);
  }
}

export function withCheckDigit(birthDate: string, birthNumber: number): string {
  const ymd = birthDate.replaceAll('-', '');
  const nine = ymd.slice(2) + String(birthNumber);
  return `${ymd}${birthNumber}${checkDigit(nine)}`;
}

function assertTestSeries(number: string, birthDate: string, sex: 'female' | 'male', referenceDate: Date): void {
  const parsed = parseIdentityNumber(number, { referenceDate });
  const birthNumber = Number(number.slice(8, 11));
  if (!parsed.ok || parsed.kind !== 'personnummer' || parsed.normalized !== number || parsed.birthDate !== birthDate || parsed.sex !== sex || birthNumber < 980) {
    throw new Error(`demo identity number ${number} is not a valid test-series personnummer`);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The same day of the month `years` later (earlier when negative); 29 February becomes 1 March. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** A day from `from` to `to`, both included; `from` when the range is empty. */
function dayBetween(random: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, random.int(0, span));
}

/** A moment during office hours on a Stockholm day (UTC 08:00–14:59, 09:00–16:59 local). */
export function during(random: Random, iso: string): Date {
  return new Date(`${iso}T${String(random.int(8, 14)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`);
}

// ---------------------------------------------------------------------------------------------
// The county's units, as the life stages need them

type Grades = [minAge: number, maxAge: number];

class CountyUnits {
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

// ---------------------------------------------------------------------------------------------
// Care teams, consents and record entries

/** The categories each sector writes in a child's chronology. */
const writes: Partial<Record<Sector, readonly InfoCategory[]>> = {
  preschool: ['wellbeing', 'school'],
  school: ['school', 'school', 'wellbeing', 'wellbeing', 'concern'],
  student_health: ['health', 'wellbeing'],
  social_services: ['social_services', 'social_services', 'plan', 'concern'],
  youth_follow_up: ['plan', 'wellbeing'],
  leisure: ['wellbeing'],
  child_health_care: ['health', 'wellbeing'],
  primary_care: ['health'],
  child_psychiatry: ['health', 'plan'],
  habilitation: ['health', 'plan'],
};

const healthSectors: ReadonlySet<Sector> = new Set(['student_health', 'child_health_care', 'primary_care', 'child_psychiatry', 'habilitation']);

interface TeamPick {
  staff: SeedStaff;
  role: MemberRow['role'];
  socialServices?: boolean;
}

/** Who works with the child: the named person of the life stage and, sometimes, others. */
function pickTeam(random: Random, county: CountyUnits, child: ChildRow, town: string): TeamPick[] {
  const age = ageOn(child.birth_date, county.days.today);
  const home = child.home_organisation_id;
  const school = child.school_unit_id ?? null;
  // Child health care until preschool class, then the school, then the municipal follow-up of youth outside school.
  const namedUnit = age <= 5 ? county.regional('child_health_care', town) : school ?? county.unitsOf(home, 'youth_follow_up')[0]!.id;
  const team: TeamPick[] = [{ staff: county.pickStaff(random, namedUnit), role: 'named_person' }];
  if (age <= 5 && school && random.next() < 0.4) team.push({ staff: county.pickStaff(random, school), role: 'member' });
  if (age >= 6 && school && random.next() < 0.4) team.push({ staff: county.pickSector(random, home, 'student_health'), role: 'member' });
  if (random.next() < 0.2) team.push({ staff: county.pickSector(random, home, 'social_services'), role: 'member', socialServices: true });
  if (age >= 5 && random.next() < 0.18) team.push({ staff: county.pickStaff(random, county.regional('child_psychiatry', town)), role: 'member' });
  if (random.next() < 0.06) team.push({ staff: county.pickSector(random, county.regionId, 'habilitation'), role: 'member' });
  if (age >= 12 && random.next() < 0.06) team.push({ staff: county.pickSector(random, home, 'leisure'), role: 'member' });
  // When several agencies act, one of them coordinates: social services if it is there.
  if (team.length >= 3) (team.find((t) => t.socialServices) ?? team[1]!).role = 'lead_professional';
  return team;
}

function planCareTeam(planned: Planned, random: Random, county: CountyUnits, child: ChildRow, guardians: readonly GuardianRow[]): void {
  const town = county.input.municipalities.find((m) => m.id === child.home_organisation_id)!.town;
  const days = county.days;
  const age = ageOn(child.birth_date, days.today);
  const team = pickTeam(random, county, child, town);
  // Own organisation: the home municipality, and the region while child health care is the named person's.
  const own = new Set([child.home_organisation_id, ...(age <= 5 ? [county.regionId] : [])]);
  const named = team[0]!;
  const recorder = (team.find((t) => t.role === 'lead_professional') ?? named).staff.userId;
  const teamStart = dayBetween(random, maxIso(addDays(child.birth_date, 7), days.teamsFrom), maxIso(addDays(child.birth_date, 7), days.teamsUntil));

  const needsConsent = team.filter((t) => !own.has(t.staff.organisationId) || (t.socialServices && random.next() < 0.3));
  let consent: ConsentRow | undefined;
  if (needsConsent.length > 0 || random.next() < 0.25) {
    consent = planConsent(random, child, guardians, {
      organisations: [...new Set([child.home_organisation_id, ...needsConsent.map((t) => t.staff.organisationId)])],
      categories: consentCategories(random, team, needsConsent),
      validFrom: dayBetween(random, addDays(teamStart, 7), days.consentsUntil),
      recordedBy: recorder,
    }, days);
    planned.consents.push(consent);
  }
  for (const t of team) {
    const viaConsent = consent !== undefined && needsConsent.includes(t);
    const start = t === named ? teamStart : viaConsent ? dayBetween(random, consent!.valid_from, addDays(consent!.valid_from, 10)) : dayBetween(random, teamStart, days.membersUntil);
    const member: MemberRow = {
      child_id: child.id,
      user_id: t.staff.userId,
      organisation_id: t.staff.organisationId,
      unit_id: t.staff.unitId,
      role: t.role,
      basis: viaConsent ? 'consent' : t.socialServices ? 'legal_duty' : 'own_organisation',
      consent_id: viaConsent ? consent!.id : null,
      legal_ground_code: !viaConsent && t.socialServices ? 'sol_investigation' : null,
      starts_at: during(random, start),
      added_by: t === named ? null : named.staff.userId,
    };
    planned.members.push(member);
    planEntries(planned, random, child, t, start, days.today);
  }
  if (consent) planConsentHistory(planned, random, county, child, guardians, { own, recorder, teamStart, town });
  planHandover(planned, random, county, child, named, teamStart);
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

function consentCategories(random: Random, team: readonly TeamPick[], needsConsent: readonly TeamPick[]): InfoCategory[] {
  const set = new Set<InfoCategory>(['plan', 'wellbeing']);
  if (team.some((t) => t.staff.sector === 'school' || t.staff.sector === 'preschool')) set.add('school');
  if (team.some((t) => healthSectors.has(t.staff.sector))) set.add('health');
  if (needsConsent.some((t) => t.socialServices)) set.add('social_services');
  if (random.next() < 0.3) set.add('concern');
  return [...set];
}

const verbalNotes = [
  'Muntligt samtycke vid möte på skolan; vårdnadshavarna fick information om vad som delas.',
  'Muntligt samtycke per telefon; bekräftelse skickas hem per brev.',
  'Muntligt samtycke vid SIP-möte, antecknat i närvaro av båda vårdnadshavarna.',
];

function planConsent(
  random: Random,
  child: ChildRow,
  guardians: readonly GuardianRow[],
  what: { organisations: string[]; categories: InfoCategory[]; validFrom: string; recordedBy: string },
  days: DemoCalendar,
): ConsentRow {
  const age = ageOn(child.birth_date, days.today);
  // From 15 the child's own consent counts; at 18 only the child's does.
  const byChild = age >= 18 || (age >= 15 && random.next() < 0.3);
  const r = random.next();
  const method = r < 0.5 ? 'digital' : r < 0.85 ? 'written' : 'verbal';
  return {
    id: randomUUID(),
    child_id: child.id,
    given_by: byChild ? 'child' : guardians.length >= 2 ? 'both_guardians' : 'guardian',
    guardian_ids: byChild ? [] : guardians.map((g) => g.id),
    method,
    note: method === 'verbal' ? random.pick(verbalNotes) : null,
    organisation_ids: what.organisations,
    categories: what.categories,
    valid_from: what.validFrom,
    valid_to: random.next() < 0.6 ? days.consentsEnd : null,
    recorded_by: what.recordedBy,
    // The demo's families have no accounts: a digital consent still names the professional who
    // sent the request, but only a written or verbal one was entered by a professional for them.
    recorded_by_professional: method === 'digital' ? null : what.recordedBy,
    recorded_at: during(random, what.validFrom),
  };
}

/**
 * Consent history for a few children: an expired consent to primary care, or a withdrawn one
 * whose member left the team the same day (team changes are history, not deletions).
 */
function planConsentHistory(
  planned: Planned,
  random: Random,
  county: CountyUnits,
  child: ChildRow,
  guardians: readonly GuardianRow[],
  at: { own: ReadonlySet<string>; recorder: string; teamStart: string; town: string },
): void {
  const r = random.next();
  const days = county.days;
  if (r < 0.08 && ageOn(child.birth_date, days.today) >= 1) {
    const validFrom = dayBetween(random, days.teamsFrom, days.expiredFromUntil);
    const expired = planConsent(random, child, guardians, { organisations: [county.regionId], categories: ['health'], validFrom, recordedBy: at.recorder }, days);
    planned.consents.push({ ...expired, valid_to: days.teamsUntil });
  } else if (r < 0.14 && !at.own.has(county.regionId)) {
    const validFrom = dayBetween(random, at.teamStart, days.withdrawnFromUntil);
    const withdrawn = dayBetween(random, addDays(validFrom, 14), days.withdrawnUntil);
    const consent = planConsent(random, child, guardians, { organisations: [county.regionId], categories: ['health', 'plan'], validFrom, recordedBy: at.recorder }, days);
    const withdrawnAt = during(random, withdrawn);
    planned.consents.push({ ...consent, withdrawn_at: withdrawnAt, withdrawn_by: at.recorder, withdrawal_note: 'Vårdnadshavare återkallade samtycket i telefonsamtal.' });
    const doctor = county.pickStaff(random, county.regional('primary_care', at.town));
    planned.members.push({
      child_id: child.id,
      user_id: doctor.userId,
      organisation_id: doctor.organisationId,
      unit_id: doctor.unitId,
      role: 'member',
      basis: 'consent',
      consent_id: consent.id,
      legal_ground_code: null,
      starts_at: during(random, validFrom),
      ends_at: withdrawnAt,
      added_by: at.recorder,
      ended_by: at.recorder,
    });
  }
}

function planEntries(planned: Planned, random: Random, child: ChildRow, t: TeamPick, start: string, today: string): void {
  const categories = writes[t.staff.sector] ?? ['wellbeing'];
  const count = random.int(t.role === 'member' ? 1 : 2, t.role === 'member' ? 2 : 3);
  for (let n = 0; n < count; n += 1) {
    // The coordinator writes the plan; everyone else what their own work produces.
    const category = t.role === 'lead_professional' && n === 0 ? 'plan' : random.pick(categories);
    const text = random.pick(entryTexts[category]);
    planned.entries.push({
      child_id: child.id,
      category,
      organisation_id: t.staff.organisationId,
      unit_id: t.staff.unitId,
      secrecy_domain_id: t.staff.secrecyDomainId,
      author_id: t.staff.userId,
      occurred_on: dayBetween(random, start, addDays(today, -1)),
      title: text.title,
      body: text.body,
    });
  }
}

/** The named person was handed over at the last transition: to school at 6, to youth follow-up at 16. */
function planHandover(planned: Planned, random: Random, county: CountyUnits, child: ChildRow, named: TeamPick, teamStart: string): void {
  const age = ageOn(child.birth_date, county.days.today);
  const toSchool = age === 6 && named.staff.sector === 'school';
  const toYouth = age === 16 && named.staff.sector === 'youth_follow_up';
  if (!toSchool && !toYouth) return;
  const town = county.input.municipalities.find((m) => m.id === child.home_organisation_id)!.town;
  const from = toSchool
    ? county.pickStaff(random, county.regional('child_health_care', town))
    : county.pickStaff(random, county.schoolsFor(child.home_organisation_id, 15)[0]!);
  const proposed = addDays(teamStart, -random.int(3, 14));
  planned.handovers.push({
    child_id: child.id,
    life_stage: toSchool ? 'school' : 'youth_follow_up',
    from_user_id: from.userId,
    to_user_id: named.staff.userId,
    to_organisation_id: named.staff.organisationId,
    note: toSchool ? 'Överlämning från BVC inför förskoleklass.' : 'Överlämning från grundskolan; ej antagen till gymnasiet.',
    proposed_by: from.userId,
    proposed_at: during(random, proposed),
    accepted_at: during(random, teamStart),
  });
}
