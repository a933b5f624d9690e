import { randomUUID } from 'node:crypto';
import { ageOn, type InfoCategory, type Sector } from '@samsyn/core';
import { entryTexts } from './children-names.ts';
import type { ChildRow, ConsentRow, CountyUnits, DemoCalendar, GuardianRow, MemberRow, Planned, SeedStaff } from './children.ts';
import { addDays, dayBetween, during } from './dates.ts';
import type { Random } from './random.ts';

// The demo children's care teams, their consents (with the history before the one in force), their
// record entries and the named person's handovers: what `seedChildren` plans for each child.

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

export function planCareTeam(planned: Planned, random: Random, county: CountyUnits, child: ChildRow, guardians: readonly GuardianRow[]): void {
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
