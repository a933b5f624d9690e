import { randomUUID } from 'node:crypto';
import type { InfoCategory } from '@samsyn/core';
import type { ChildRow, ChildrenSeedInput, ConsentRow, GuardianRow, IdentityNumbers, Planned, SeedStaff } from './children.ts';

/**
 * The fixed demo family the README and the tests use: `guardian` (Gunilla) and her daughter
 * `child` (Ebba, 14), who live with her father Göran (joint custody, no account of his own),
 * and Ebba's younger brother Olle. Ebba's team is the fixed professional logins:
 * `teacher` named person, `nurse`, `socialworker` lead professional, all in Exempelstads
 * kommun; `psychologist` from the region, on the team by a consent that covers only the plan.
 * Each writes in their unit's secrecy domain (school, student health, social services, health
 * care); the family's consents let wellbeing, concerns and the plan cross domains in the
 * municipality, and the plan reach the region.
 */

export type DemoLogins = Record<'teacher' | 'nurse' | 'socialworker' | 'psychologist', SeedStaff>;

export const demoCitizenLogins = [
  { username: 'guardian', displayName: 'Gunilla Vårdnadshavare', givenName: 'Gunilla', familyName: 'Vårdnadshavare' },
  { username: 'child', displayName: 'Ebba Vårdnadshavare', givenName: 'Ebba', familyName: 'Vårdnadshavare' },
] as const;

/** Born 2012-05-14: 14 on the demo day; birth number 982 (test series, even: a girl). */
export const demoChild = { birthDate: '2012-05-14', birthNumber: 982 } as const;

const sharedInMunicipality: InfoCategory[] = ['wellbeing', 'concern', 'plan'];

const home = { street_address: 'Lärkstigen 7', postal_code: '991 32', city: 'Exempelstad' };

export function demoFamily(planned: Planned, input: ChildrenSeedInput, numbers: IdentityNumbers): void {
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
  const gunilla = guardian(guardianLogin.givenName, '1979-08-30', 'female', '070-174 06 12', guardianUser.id);
  const goran = guardian('Göran', '1977-02-11', 'male', '070-174 06 13', null);
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
  const ebba = child(childLogin.givenName, demoChild.birthDate, 'female', demoChild.birthNumber, childUser.id);
  const olle = child('Olle', '2018-09-03', 'male', 983, null);
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
    valid_to: '2027-12-31',
    recorded_by: recorder.method === 'digital' ? recorder.userId : recorder.staff.userId,
    // A written form entered by a professional names them; they never widen their own access by it.
    recorded_by_professional: recorder.method === 'digital' ? null : recorder.staff.userId,
    recorded_at: new Date(`${validFrom}T09:30:00Z`),
  });
  // The municipality's school, student health and social services may share wellbeing, concerns
  // and the plan with one another, and the plan with the region (BUP). Nothing else crosses a
  // secrecy domain: the teacher does not read the nurse's health entries or social services' own.
  const municipalConsent = consent([municipality], sharedInMunicipality, '2026-09-01', { method: 'digital', userId: guardianUser.id });
  const regionPlanConsent = consent([municipality, psychologist.organisationId], ['plan'], '2026-10-01', { method: 'written', staff: teacher });
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
    member(teacher, 'named_person', '2026-08-24', null),
    member(nurse, 'member', '2026-09-07', null),
    member(socialworker, 'lead_professional', '2026-09-14', null),
    member(psychologist, 'member', '2026-10-05', regionPlanConsent.id),
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
  planned.entries.push(
    entry(teacher, 'school', '2026-09-02', 'Frånvaro under hösten', 'Ebba har 22 procent frånvaro sedan skolstarten, mest första lektionen. Mentor ringer hem varje fredag.'),
    entry(teacher, 'concern', '2026-09-03', 'Oro för nedstämdhet', 'Ebba verkar ledsen och drar sig undan på rasterna. Samtal med vårdnadshavarna bokat.'),
    entry(teacher, 'wellbeing', '2026-09-10', 'Kartläggning med välbefinnandehjulet', 'Ebba beskriver sig som trygg hemma men inte delaktig i klassen och orolig inför proven.'),
    entry(nurse, 'health', '2026-09-17', 'Hälsosamtal hos skolsköterskan', 'Ebba sover dåligt och har ofta huvudvärk. Råd om sömn; uppföljning om sex veckor.'),
    entry(socialworker, 'social_services', '2026-09-24', 'Samtal med familjen', 'Samtal med Ebba och båda vårdnadshavarna. Familjen önskar stöd och samordning.'),
    entry(socialworker, 'plan', '2026-10-01', 'SIP-möte: gemensam plan', 'Mål: Ebba är i skolan varje dag och har en vuxen att vända sig till. Skolan, elevhälsan, socialtjänsten och BUP deltar.'),
    entry(psychologist, 'health', '2026-10-12', 'Bedömningssamtal på BUP', 'Första bedömningen genomförd. Samtalskontakt erbjuds var tredje vecka.'),
    entry(psychologist, 'plan', '2026-10-20', 'BUP:s del i planen', 'BUP ansvarar för samtalskontakt och återkopplar till SIP-mötet i december.'),
    entry(socialworker, 'plan', '2026-11-09', 'Uppföljning av planen', 'Närvaron har ökat till 90 procent. Planen gäller till nästa uppföljning den 7 december.'),
  );
}
