import { randomUUID } from 'node:crypto';
import type { InfoCategory } from '@samsyn/core';
import { demoDay, type ChildRow, type ChildrenSeedInput, type ConsentRow, type DemoCalendar, type GuardianRow, type Planned, type SeedStaff } from './children.ts';
import { addDays, addYears } from './dates.ts';
import { withCheckDigit, type IdentityNumbers } from './identity-numbers.ts';

/**
 * The fixed demo family the README and the tests use: `guardian` (Gunilla) and her daughter
 * `child` (Ebba, 14), who live with her father Göran (joint custody, no account of his own),
 * and Ebba's younger brother Olle (8). Ebba's team is the fixed professional logins:
 * `teacher` named person, `nurse`, `socialworker` lead professional, all in Exempelstads
 * kommun; `psychologist` from the region, on the team by a consent that covers only the plan.
 * Each writes in their unit's secrecy domain (school, student health, social services, health
 * care); the family's consents let wellbeing, concerns and the plan cross domains in the
 * municipality, and the plan reach the region.
 * Every date is relative to the day the demo is seeded (the services' clock): the family is
 * as old, and the team as recent, on any day the demo is seeded.
 */

export type DemoLogins = Record<'teacher' | 'nurse' | 'socialworker' | 'psychologist', SeedStaff>;

export const demoCitizenLogins = [
  { username: 'guardian', displayName: 'Gunilla Vårdnadshavare', givenName: 'Gunilla', familyName: 'Vårdnadshavare' },
  { username: 'child', displayName: 'Ebba Vårdnadshavare', givenName: 'Ebba', familyName: 'Vårdnadshavare' },
] as const;

/** Ebba's birth number: 982 (Skatteverket's test series 980–999, even: a girl). */
export const demoChildBirthNumber = 982;

/**
 * Ebba's birth date: 14 years and 192 days before the seed day, so she is 14 on it and stays 14
 * for about half a year after (seeded on 2026-11-22, she was born on 2012-05-14).
 */
export function demoChildBirthDate(seededAt: Date): string {
  return addDays(addYears(demoDay(seededAt), -14), -192);
}

/** Ebba's personnummer (12 digits, no separator) in a demo seeded at `seededAt`: what to search for. */
export function demoChildIdentityNumber(seededAt: Date): string {
  return withCheckDigit(demoChildBirthDate(seededAt), demoChildBirthNumber);
}

/** The birth date of someone `years` years and `days` days old on the seed day. */
const bornBefore = (today: string, years: number, days: number) => addDays(addYears(today, -years), -days);

const svMonths = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
/** "7 december": a day as the entries' Swedish text names it. */
const svDay = (iso: string) => `${Number(iso.slice(8, 10))} ${svMonths[Number(iso.slice(5, 7)) - 1]}`;
const svMonth = (iso: string) => svMonths[Number(iso.slice(5, 7)) - 1]!;

const sharedInMunicipality: InfoCategory[] = ['wellbeing', 'concern', 'plan'];

const home = { street_address: 'Lärkstigen 7', postal_code: '991 32', city: 'Exempelstad' };

export function demoFamily(planned: Planned, input: ChildrenSeedInput, numbers: IdentityNumbers, days: DemoCalendar): void {
  const { today } = days;
  const daysAgo = (n: number) => addDays(today, -n);
  const [guardianLogin, childLogin] = demoCitizenLogins;
  const municipality = input.municipalities[0]!.id;
  const { teacher, nurse, socialworker, psychologist } = input.logins;
  const guardianUser = { id: randomUUID(), kind: 'citizen' as const, username: guardianLogin.username, display_name: guardianLogin.displayName, email: `${guardianLogin.username}@exempellan.example`, title: null };
  const childUser = { id: randomUUID(), kind: 'citizen' as const, username: childLogin.username, display_name: childLogin.displayName, email: `${childLogin.username}@exempellan.example`, title: null };
  planned.users.push(guardianUser, childUser);

  const guardian = (given: string, birthDate: string, sex: 'female' | 'male', phone: string, userId: string | null): GuardianRow => ({
    id: randomUUID(),
    identity_number: numbers.next(birthDate, sex, sex === 'female' ? 982 : 981),
    given_name: given,
    family_name: 'Vårdnadshavare',
    phone,
    email: `${given.toLowerCase().replace('ö', 'o')}.vardnadshavare@exempellan.example`,
    ...home,
    protected_identity: null,
    user_id: userId,
  });
  // Seeded on 2026-11-22: Gunilla born 1979-08-30 (47), Göran 1977-02-11 (49).
  const gunilla = guardian(guardianLogin.givenName, bornBefore(today, 47, 84), 'female', '070-174 06 12', guardianUser.id);
  const goran = guardian('Göran', bornBefore(today, 49, 284), 'male', '070-174 06 13', null);
  planned.guardians.push(gunilla, goran);

  const child = (given: string, birthDate: string, sex: 'female' | 'male', birthNumber: number, userId: string | null): ChildRow => ({
    id: randomUUID(),
    identity_number: numbers.next(birthDate, sex, birthNumber),
    identity_kind: 'personnummer',
    given_name: given,
    family_name: 'Vårdnadshavare',
    birth_date: birthDate,
    sex,
    ...home,
    home_organisation_id: municipality,
    // The teacher's school, so the named person and the school shown on the record agree.
    school_unit_id: teacher.unitId,
    protected_identity: null,
    user_id: userId,
  });
  const ebba = child(childLogin.givenName, demoChildBirthDate(input.now), 'female', demoChildBirthNumber, childUser.id);
  // Olle is 8 for most of a year after the seed day (seeded on 2026-11-22: born 2018-09-03).
  const olle = child('Olle', bornBefore(today, 8, 80), 'male', 983, null);
  planned.children.push(ebba, olle);
  for (const c of [ebba, olle]) for (const g of [gunilla, goran]) planned.links.push({ child_id: c.id, guardian_id: g.id });

  const consent = (parties: string[], categories: InfoCategory[], validFrom: string, recorder: { method: 'digital'; userId: string } | { method: 'written'; staff: SeedStaff }): ConsentRow => ({
    id: randomUUID(),
    child_id: ebba.id,
    given_by: 'both_guardians',
    guardian_ids: [gunilla.id, goran.id],
    method: recorder.method,
    note: null,
    organisation_ids: parties,
    categories,
    valid_from: validFrom,
    valid_to: days.consentsEnd,
    recorded_by: recorder.method === 'digital' ? recorder.userId : recorder.staff.userId,
    // A written form entered by a professional names them; they never widen their own access by it.
    recorded_by_professional: recorder.method === 'digital' ? null : recorder.staff.userId,
    recorded_at: new Date(`${validFrom}T09:30:00Z`),
  });
  // The municipality's school, student health and social services may share wellbeing, concerns
  // and the plan with one another, and the plan with the region (BUP). Nothing else crosses a
  // secrecy domain: the teacher does not read the nurse's health entries or social services' own.
  const municipalConsent = consent([municipality], sharedInMunicipality, daysAgo(82), { method: 'digital', userId: guardianUser.id });
  const regionPlanConsent = consent([municipality, psychologist.organisationId], ['plan'], daysAgo(52), { method: 'written', staff: teacher });
  planned.consents.push(municipalConsent, regionPlanConsent);

  const member = (staff: SeedStaff, role: 'named_person' | 'lead_professional' | 'member', startsOn: string, consentId: string | null) => ({
    child_id: ebba.id,
    user_id: staff.userId,
    organisation_id: staff.organisationId,
    unit_id: staff.unitId,
    role,
    basis: consentId ? ('consent' as const) : ('own_organisation' as const),
    consent_id: consentId,
    legal_ground_code: null,
    starts_at: new Date(`${startsOn}T08:00:00Z`),
    added_by: staff === teacher ? null : teacher.userId,
  });
  planned.members.push(
    member(teacher, 'named_person', daysAgo(90), null),
    member(nurse, 'member', daysAgo(76), null),
    member(socialworker, 'lead_professional', daysAgo(69), null),
    member(psychologist, 'member', daysAgo(48), regionPlanConsent.id),
  );

  const entry = (staff: SeedStaff, category: InfoCategory, occurredOn: string, title: string, body: string) => ({
    child_id: ebba.id,
    category,
    organisation_id: staff.organisationId,
    unit_id: staff.unitId,
    secrecy_domain_id: staff.secrecyDomainId,
    author_id: staff.userId,
    occurred_on: occurredOn,
    title,
    body,
  });
  const followUp = addDays(today, 15);
  planned.entries.push(
    entry(teacher, 'school', daysAgo(81), 'Frånvaro under hösten', 'Ebba har 22 procent frånvaro sedan skolstarten, mest första lektionen. Mentor ringer hem varje fredag.'),
    entry(teacher, 'concern', daysAgo(80), 'Oro för nedstämdhet', 'Ebba verkar ledsen och drar sig undan på rasterna. Samtal med vårdnadshavarna bokat.'),
    entry(teacher, 'wellbeing', daysAgo(73), 'Kartläggning med välbefinnandehjulet', 'Ebba beskriver sig som trygg hemma men inte delaktig i klassen och orolig inför proven.'),
    entry(nurse, 'health', daysAgo(66), 'Hälsosamtal hos skolsköterskan', 'Ebba sover dåligt och har ofta huvudvärk. Råd om sömn; uppföljning om sex veckor.'),
    entry(socialworker, 'social_services', daysAgo(59), 'Samtal med familjen', 'Samtal med Ebba och båda vårdnadshavarna. Familjen önskar stöd och samordning.'),
    entry(socialworker, 'plan', daysAgo(52), 'SIP-möte: gemensam plan', 'Mål: Ebba är i skolan varje dag och har en vuxen att vända sig till. Skolan, elevhälsan, socialtjänsten och BUP deltar.'),
    entry(psychologist, 'health', daysAgo(41), 'Bedömningssamtal på BUP', 'Första bedömningen genomförd. Samtalskontakt erbjuds var tredje vecka.'),
    entry(psychologist, 'plan', daysAgo(33), 'BUP:s del i planen', `BUP ansvarar för samtalskontakt och återkopplar till SIP-mötet i ${svMonth(followUp)}.`),
    entry(socialworker, 'plan', daysAgo(13), 'Uppföljning av planen', `Närvaron har ökat till 90 procent. Planen gäller till nästa uppföljning den ${svDay(followUp)}.`),
  );
}
