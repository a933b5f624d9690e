import { describe, expect, it } from 'vitest';
import { activeMembership, decideAccess, sharedFromOtherDomains, type AccessContext, type CareTeamFacts, type EntryFacts, type PolicyActor, type PolicyChild } from './policy.ts';
import { defaultConsentRules, type ConsentFacts } from './consent.ts';

// One municipality with three secrecy domains (school, student health, social services) and a
// region with health care: the teacher, the nurse and the social worker work for one organisation.
const municipality = 'org-municipality';
const region = 'org-region';
const schoolDomain = 'dom-school';
const studentHealthDomain = 'dom-student-health';
const socialDomain = 'dom-social';
const careDomain = 'dom-care';
const longAgo = new Date('2000-01-01T00:00:00Z');
const now = new Date('2026-11-23T10:00:00Z');
const ctx = (extra: Partial<AccessContext> = {}): AccessContext => ({ now, rules: defaultConsentRules, purpose: 'open_record', ...extra });

const professional = (userId: string, organisationId: string, grantedBy: string | null = null): PolicyActor => ({ userId, roles: [{ organisationId, role: 'professional', grantedBy }] });
const teacher = professional('teacher', municipality);
const nurse = professional('nurse', municipality);
const socialworker = professional('socialworker', municipality);
const psychologist = professional('psychologist', region);
const outsider = professional('outsider', 'org-other');
const analyst: PolicyActor = { userId: 'analyst', roles: [{ organisationId: region, role: 'analyst' }] };
const sysadmin: PolicyActor = { userId: 'sysadmin', roles: [{ organisationId: region, role: 'system_admin' }] };
const manager: PolicyActor = { userId: 'manager', roles: [{ organisationId: municipality, role: 'unit_manager' }] };
const guardian: PolicyActor = { userId: 'guardian', roles: [], citizen: { guardianOf: ['child'], selfChildId: null } };
const childSelf: PolicyActor = { userId: 'child-user', roles: [], citizen: { guardianOf: [], selfChildId: 'child' } };

const consent = (overrides: Partial<ConsentFacts>): ConsentFacts => ({
  id: 'k',
  givenBy: 'both_guardians',
  organisationIds: [],
  domainIds: [],
  categories: ['plan'],
  exclusions: [],
  validFrom: '2026-09-01',
  validTo: '2026-12-31',
  withdrawnAt: null,
  recordedByProfessional: null,
  ...overrides,
});
const planConsent = consent({ id: 'k-plan', organisationIds: [region, municipality] });

const member = (userId: string, organisationId: string, domainId: string, extra: Partial<CareTeamFacts> = {}): CareTeamFacts => ({
  userId,
  organisationId,
  unitId: `unit-${domainId}`,
  role: 'member',
  startsAt: new Date('2026-08-01'),
  endsAt: null,
  basis: 'own_organisation',
  consentId: null,
  secrecyDomains: [{ domainId, from: longAgo, to: null }],
  ...extra,
});

function child(overrides: Partial<PolicyChild> = {}): PolicyChild {
  return {
    id: 'child',
    birthDate: '2012-05-14',
    guardianCount: 2,
    protectedIdentity: null,
    consents: [planConsent],
    careTeam: [
      member('teacher', municipality, schoolDomain, { role: 'named_person' }),
      member('nurse', municipality, studentHealthDomain),
      member('socialworker', municipality, socialDomain, { role: 'lead_professional' }),
      member('psychologist', region, careDomain, { basis: 'consent', consentId: 'k-plan' }),
    ],
    emergencyAccesses: [],
    ...overrides,
  };
}

const entry = (organisationId: string, secrecyDomainId: string, writtenAt = new Date('2026-10-01T10:00:00Z')): EntryFacts => ({ organisationId, secrecyDomainId, unitId: `unit-${secrecyDomainId}`, writtenAt });
const schoolEntry = entry(municipality, schoolDomain);
const nurseEntry = entry(municipality, studentHealthDomain);
const socialEntry = entry(municipality, socialDomain);

describe('the policy gate: secrecy domains', () => {
  it('lets a team member read, without consent, only what was written in their own secrecy domain', () => {
    expect(decideAccess(teacher, child(), 'read', 'school', ctx({ entry: schoolEntry }))).toMatchObject({ allow: true, basis: 'own_organisation' });
    expect(decideAccess(teacher, child(), 'read', 'health', ctx({ entry: nurseEntry }))).toMatchObject({ allow: false, reason: 'no_consent_for_category' });
    expect(decideAccess(teacher, child(), 'read', 'social_services', ctx({ entry: socialEntry }))).toMatchObject({ allow: false, reason: 'no_consent_for_category' });
    expect(decideAccess(nurse, child(), 'read', 'school', ctx({ entry: schoolEntry })).allow).toBe(false);
  });

  it('lets a consent lift secrecy only when it names both the writer’s and the reader’s domain and covers the category', () => {
    const both = child({ consents: [planConsent, consent({ id: 'k-health', domainIds: [schoolDomain, studentHealthDomain], categories: ['health'] })] });
    expect(decideAccess(teacher, both, 'read', 'health', ctx({ entry: nurseEntry }))).toMatchObject({ allow: true, basis: 'consent' });
    expect(decideAccess(teacher, both, 'read', 'social_services', ctx({ entry: socialEntry })).allow).toBe(false);
    // Naming only the reader's domain does not open the writer's.
    const readerOnly = child({ consents: [consent({ domainIds: [schoolDomain], categories: ['health'] })] });
    expect(decideAccess(teacher, readerOnly, 'read', 'health', ctx({ entry: nurseEntry })).allow).toBe(false);
    // Naming only the writer's does not reach the reader either.
    const writerOnly = child({ consents: [consent({ domainIds: [studentHealthDomain], categories: ['health'] })] });
    expect(decideAccess(teacher, writerOnly, 'read', 'health', ctx({ entry: nurseEntry })).allow).toBe(false);
  });

  it('treats a whole organisation as a party with all its domains', () => {
    const whole = child({ consents: [consent({ organisationIds: [municipality], categories: ['social_services'] })] });
    expect(decideAccess(teacher, whole, 'read', 'social_services', ctx({ entry: socialEntry }))).toMatchObject({ allow: true, basis: 'consent' });
    expect(decideAccess(psychologist, whole, 'read', 'social_services', ctx({ entry: socialEntry })).allow).toBe(false);
  });

  it('honours what a consent excludes', () => {
    const excluding = child({ consents: [consent({ organisationIds: [municipality], categories: ['health', 'school'], exclusions: [{ scope: 'secrecy_domain', id: studentHealthDomain, categories: ['health'] }] })] });
    expect(decideAccess(teacher, excluding, 'read', 'health', ctx({ entry: nurseEntry })).allow).toBe(false);
    expect(decideAccess(nurse, excluding, 'read', 'school', ctx({ entry: schoolEntry })).allow).toBe(true);
    const byUnit = child({ consents: [consent({ organisationIds: [municipality], categories: ['health'], exclusions: [{ scope: 'unit', id: `unit-${studentHealthDomain}`, categories: ['health'] }] })] });
    expect(decideAccess(teacher, byUnit, 'read', 'health', ctx({ entry: nurseEntry })).allow).toBe(false);
  });

  it('judges an entry by the domain the reader’s unit was in when it was written, so moving a unit opens nothing written before', () => {
    const moved = new Date('2026-11-01T00:00:00Z');
    // The student health unit moves into the school's domain on 1 November.
    const nurseMoved = member('nurse', municipality, studentHealthDomain, { secrecyDomains: [{ domainId: studentHealthDomain, from: longAgo, to: moved }, { domainId: schoolDomain, from: moved, to: null }] });
    const team = child({ careTeam: [member('teacher', municipality, schoolDomain, { role: 'named_person' }), nurseMoved] });
    expect(decideAccess(nurse, team, 'read', 'school', ctx({ entry: entry(municipality, schoolDomain, new Date('2026-10-15T10:00:00Z')) })).allow).toBe(false);
    expect(decideAccess(nurse, team, 'read', 'school', ctx({ entry: entry(municipality, schoolDomain, new Date('2026-11-15T10:00:00Z')) })).allow).toBe(true);
    // Her own earlier entries stay hers.
    expect(decideAccess(nurse, team, 'read', 'health', ctx({ entry: entry(municipality, studentHealthDomain, new Date('2026-10-15T10:00:00Z')) })).allow).toBe(true);
  });

  it('lets a member from another organisation read only the categories the consent covers', () => {
    expect(decideAccess(psychologist, child(), 'read', 'plan', ctx({ entry: socialEntry }))).toMatchObject({ allow: true, basis: 'consent' });
    expect(decideAccess(psychologist, child(), 'read', 'school', ctx({ entry: schoolEntry }))).toMatchObject({ allow: false, reason: 'no_consent_for_category' });
    expect(decideAccess(psychologist, child(), 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'consent' });
  });

  it('says whether other domains’ entries of a category can reach the caller at all', () => {
    expect(sharedFromOtherDomains(teacher, child(), 'plan', ctx())).toBe(true);
    expect(sharedFromOtherDomains(teacher, child(), 'health', ctx())).toBe(false);
    expect(sharedFromOtherDomains(outsider, child(), 'plan', ctx())).toBe(false);
  });
});

describe('the policy gate: nobody grants themselves access', () => {
  it('never widens a professional’s own access by a consent they recorded for the family', () => {
    const recorded = child({ consents: [planConsent, consent({ id: 'k-own', domainIds: [schoolDomain, socialDomain], categories: ['social_services'], recordedByProfessional: 'teacher' })] });
    expect(decideAccess(teacher, recorded, 'read', 'social_services', ctx({ entry: socialEntry })).allow).toBe(false);
    // It is the family's consent, so it counts for everyone else it names.
    expect(decideAccess(socialworker, recorded, 'read', 'social_services', ctx({ entry: socialEntry })).allow).toBe(true);
  });

  it('does not count a place on the team that rests on a consent its holder recorded', () => {
    const own = child({ consents: [{ ...planConsent, recordedByProfessional: 'psychologist' }] });
    expect(decideAccess(psychologist, own, 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'team_consent_not_in_force' });
  });

  it('ignores a role its holder granted themselves', () => {
    expect(activeMembership(professional('teacher', municipality, 'teacher'), child(), ctx())).toBeUndefined();
    expect(decideAccess(professional('teacher', municipality, 'teacher'), child(), 'read', 'record', ctx()).allow).toBe(false);
    expect(decideAccess(professional('teacher', municipality, 'orgadmin'), child(), 'read', 'record', ctx()).allow).toBe(true);
  });

  it('offers recording a consent only to the named person and the lead professional, and not on a consent’s basis', () => {
    expect(decideAccess(teacher, child(), 'read', 'record', ctx()).actions).toContain('record_consent');
    expect(decideAccess(socialworker, child(), 'read', 'record', ctx()).actions).toContain('record_consent');
    expect(decideAccess(nurse, child(), 'read', 'record', ctx()).actions).not.toContain('record_consent');
    const leadByConsent = child({ careTeam: [member('psychologist', region, careDomain, { role: 'lead_professional', basis: 'consent', consentId: 'k-plan' })] });
    expect(decideAccess(psychologist, leadByConsent, 'read', 'record', ctx()).actions).not.toContain('record_consent');
    expect(decideAccess(psychologist, leadByConsent, 'read', 'record', ctx()).actions).toContain('change_team');
  });
});

describe('the policy gate: emergency access and other roles', () => {
  const emergencyFor = (actor: PolicyActor) =>
    child({ emergencyAccesses: [{ userId: actor.userId, organisationId: 'org-other', startsAt: new Date(now.getTime() - 3_600_000), expiresAt: new Date(now.getTime() + 3_600_000), legalGroundCode: 'osl_emergency_health' }] });

  it('lets emergency access read, for its time only, flagged, and never write', () => {
    expect(decideAccess(outsider, emergencyFor(outsider), 'read', 'health', ctx({ entry: nurseEntry }))).toMatchObject({ allow: true, basis: 'emergency', flagged: true });
    expect(decideAccess(outsider, emergencyFor(outsider), 'write', 'health', ctx()).allow).toBe(false);
    expect(decideAccess(outsider, emergencyFor(outsider), 'read', 'health', ctx({ now: new Date(now.getTime() + 2 * 3_600_000), entry: nurseEntry })).allow).toBe(false);
  });

  it('ends emergency access with the professional role, whenever the role goes', () => {
    const former: PolicyActor = { userId: 'outsider', roles: [{ organisationId: 'org-other', role: 'org_admin' }] };
    expect(decideAccess(former, emergencyFor(outsider), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'emergency_needs_professional_role' });
    const selfMade: PolicyActor = { userId: 'outsider', roles: [{ organisationId: 'org-other', role: 'professional', grantedBy: 'outsider' }] };
    expect(decideAccess(selfMade, emergencyFor(outsider), 'read', 'record', ctx()).allow).toBe(false);
  });

  it('offers emergency access to a professional without a basis, and to no one else', () => {
    expect(decideAccess(outsider, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, actions: ['open_emergency_access'] });
    expect(decideAccess(sysadmin, child(), 'read', 'record', ctx()).actions).toEqual([]);
    expect(decideAccess(teacher, child(), 'read', 'record', ctx()).actions).not.toContain('open_emergency_access');
  });

  it('refuses someone outside the team, an analyst and a system administrator', () => {
    expect(decideAccess(outsider, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'not_in_care_team' });
    expect(decideAccess(analyst, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'analyst_no_identifiable_data' });
    expect(decideAccess(sysadmin, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'administrator_no_child_data' });
  });

  it('shows unit managers the log for review, not the record', () => {
    expect(decideAccess(manager, child(), 'review_log', 'access_log', ctx())).toMatchObject({ allow: true, basis: 'legal_duty' });
    expect(decideAccess(manager, child(), 'read', 'record', ctx()).allow).toBe(false);
    expect(decideAccess(teacher, child(), 'review_log', 'access_log', ctx()).allow).toBe(false);
    const elsewhere: PolicyActor = { userId: 'manager2', roles: [{ organisationId: 'org-other', role: 'unit_manager' }] };
    expect(decideAccess(elsewhere, child(), 'review_log', 'access_log', ctx())).toMatchObject({ allow: false, reason: 'not_log_reviewer' });
  });

  it('shows the manager of the organisation an emergency access was opened in the child, to review it', () => {
    const elsewhere: PolicyActor = { userId: 'manager2', roles: [{ organisationId: 'org-other', role: 'unit_manager' }] };
    const opened = child({ emergencyAccesses: [{ userId: 'outsider', organisationId: 'org-other', startsAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 3_600_000), legalGroundCode: 'osl_emergency_health' }] });
    expect(decideAccess(elsewhere, opened, 'review_log', 'access_log', ctx())).toMatchObject({ allow: true, basis: 'legal_duty', actions: ['review_log'] });
    // Still the log only, never the record, and a role granted to oneself does not count.
    expect(decideAccess(elsewhere, opened, 'read', 'record', ctx()).allow).toBe(false);
    const selfMade: PolicyActor = { userId: 'manager2', roles: [{ organisationId: 'org-other', role: 'unit_manager', grantedBy: 'manager2' }] };
    expect(decideAccess(selfMade, opened, 'review_log', 'access_log', ctx()).allow).toBe(false);
  });
});

describe('the policy gate: consents in time', () => {
  it('refuses the next read after the consent is withdrawn', () => {
    const withdrawn = child({ consents: [{ ...planConsent, withdrawnAt: new Date(now.getTime() - 1) }] });
    expect(decideAccess(psychologist, withdrawn, 'read', 'plan', ctx({ entry: socialEntry })).allow).toBe(false);
    expect(decideAccess(psychologist, withdrawn, 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'team_consent_not_in_force' });
  });

  it('stops an expired consent at midnight (Stockholm) after its end date', () => {
    const ending = child({ consents: [{ ...planConsent, validTo: '2026-11-23' }] });
    expect(decideAccess(psychologist, ending, 'read', 'plan', ctx({ now: new Date('2026-11-23T22:59:59Z'), entry: socialEntry })).allow).toBe(true);
    expect(decideAccess(psychologist, ending, 'read', 'plan', ctx({ now: new Date('2026-11-23T23:00:00Z'), entry: socialEntry })).allow).toBe(false);
  });

  it('counts one guardian’s consent under joint custody only where the rules say so', () => {
    const oneGuardian = child({ consents: [{ ...planConsent, givenBy: 'guardian' }] });
    expect(decideAccess(psychologist, oneGuardian, 'read', 'plan', ctx({ entry: socialEntry })).allow).toBe(false);
    expect(decideAccess(psychologist, oneGuardian, 'read', 'plan', ctx({ entry: socialEntry, rules: { ...defaultConsentRules, jointCustody: 'either_guardian' } })).allow).toBe(true);
    expect(decideAccess(psychologist, child({ guardianCount: 1, consents: oneGuardian.consents }), 'read', 'plan', ctx({ entry: socialEntry })).allow).toBe(true);
  });

  it('counts the child’s own consent from the configured age', () => {
    const own = child({ consents: [{ ...planConsent, givenBy: 'child' }] });
    expect(decideAccess(psychologist, own, 'read', 'plan', ctx({ entry: socialEntry })).allow).toBe(false);
    expect(decideAccess(psychologist, own, 'read', 'plan', ctx({ entry: socialEntry, rules: { ...defaultConsentRules, childConsentFromAge: 14 } })).allow).toBe(true);
  });
});

describe('the policy gate: fields and citizens', () => {
  it('reveals a protected identity only to a team member who opens the record on purpose, and flags it', () => {
    const hidden = child({ protectedIdentity: 'skyddad_folkbokforing' });
    expect(decideAccess(teacher, hidden, 'read', 'record', ctx({ purpose: 'list' }))).toMatchObject({ allow: true, fields: { protectedIdentity: false }, flagged: true });
    expect(decideAccess(teacher, hidden, 'read', 'record', ctx({ purpose: 'open_record' }))).toMatchObject({ allow: true, fields: { protectedIdentity: true, protectedGuardians: true }, flagged: true });
  });

  it('keeps a protected identity hidden under emergency access and from guardians, but not from the child', () => {
    const hidden = child({ protectedIdentity: 'skyddad_folkbokforing', emergencyAccesses: [{ userId: 'outsider', organisationId: 'org-other', startsAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 3_600_000), legalGroundCode: 'osl_emergency_health' }] });
    expect(decideAccess(outsider, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'emergency', fields: { protectedIdentity: false }, flagged: true });
    expect(decideAccess(guardian, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'own_record', fields: { protectedIdentity: false }, flagged: true });
    expect(decideAccess(childSelf, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'own_record', fields: { protectedIdentity: true, protectedGuardians: false }, flagged: true });
  });

  it('lets guardians and the child (from the access age) see the team, the consents and the log, and change consents', () => {
    expect(decideAccess(guardian, child(), 'read', 'access_log', ctx())).toMatchObject({ allow: true, basis: 'own_record', actions: ['give_consent'] });
    expect(decideAccess(guardian, child(), 'write', 'consent', ctx()).allow).toBe(true);
    expect(decideAccess(guardian, child(), 'read', 'health', ctx()).allow).toBe(false);
    expect(decideAccess(guardian, child({ id: 'someone-else' }), 'read', 'record', ctx()).allow).toBe(false);
    expect(decideAccess(childSelf, child(), 'read', 'care_team', ctx())).toMatchObject({ allow: true, actions: [] });
    expect(decideAccess(childSelf, child({ birthDate: '2016-01-01' }), 'read', 'care_team', ctx())).toMatchObject({ allow: false, reason: 'below_access_age' });
  });

  it('lets guardians and the child (from the access age) give their own view on the wheel, but not read the professionals’ assessments', () => {
    expect(decideAccess(guardian, child(), 'write', 'wellbeing', ctx())).toMatchObject({ allow: true, basis: 'own_record', reason: 'guardian' });
    expect(decideAccess(childSelf, child(), 'write', 'wellbeing', ctx())).toMatchObject({ allow: true, basis: 'own_record', reason: 'self' });
    expect(decideAccess(childSelf, child({ birthDate: '2016-01-01' }), 'write', 'wellbeing', ctx())).toMatchObject({ allow: false, reason: 'below_access_age' });
    expect(decideAccess(guardian, child(), 'read', 'wellbeing', ctx())).toMatchObject({ allow: false, reason: 'not_shared_with_citizens' });
    expect(decideAccess(guardian, child(), 'write', 'concern', ctx()).allow).toBe(false);
  });

  it('lets only the named person and the lead professional change the team, and the named person hand over', () => {
    expect(decideAccess(teacher, child(), 'write', 'care_team', ctx()).allow).toBe(true);
    expect(decideAccess(teacher, child(), 'read', 'record', ctx()).actions).toEqual(['change_team', 'hand_over', 'record_consent', 'record_withdrawal', 'record_disclosure', 'export_fhir']);
    expect(decideAccess(psychologist, child(), 'write', 'care_team', ctx())).toMatchObject({ allow: false, reason: 'not_team_coordinator' });
  });

  it('offers the FHIR export to every current member, and to nobody off the team', () => {
    for (const member of [teacher, nurse, socialworker, psychologist]) expect(decideAccess(member, child(), 'read', 'record', ctx()).actions).toContain('export_fhir');
    // Emergency access reads for the emergency; it takes nothing out.
    const emergency = child({ emergencyAccesses: [{ userId: 'outsider', organisationId: 'org-other', startsAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 3_600_000), legalGroundCode: 'osl_emergency_health' }] });
    expect(decideAccess(outsider, emergency, 'read', 'record', ctx())).toMatchObject({ allow: true, actions: [] });
    for (const other of [outsider, analyst, sysadmin, manager, guardian, childSelf]) expect(decideAccess(other, child(), 'read', 'record', ctx()).actions).not.toContain('export_fhir');
  });
});

describe('the policy gate: what an emergency ground opens', () => {
  const opened = (legalGroundCode: string) =>
    child({ emergencyAccesses: [{ userId: outsider.userId, organisationId: 'org-other', legalGroundCode, startsAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 3_600_000) }] });
  const entry = (secrecyDomainId: string): EntryFacts => ({ organisationId: municipality, secrecyDomainId, unitId: null, writtenAt: new Date('2026-10-01') });

  it('always shows the record, its team and consents, so the opener knows whom to call', () => {
    for (const code of ['brb_necessity', 'osl_emergency_health', 'lvu_urgent', 'a_ground_the_policy_does_not_know']) {
      for (const category of ['record', 'care_team', 'consent'] as const) {
        expect(decideAccess(outsider, opened(code), 'read', category, ctx()), `${code} ${category}`).toMatchObject({ allow: true, basis: 'emergency', flagged: true });
      }
    }
  });

  it('opens only the categories its ground is for, and never the access log', () => {
    const necessity = opened('brb_necessity');
    expect(decideAccess(outsider, necessity, 'read', 'plan', ctx({ entry: entry(socialDomain) })).allow).toBe(true);
    expect(decideAccess(outsider, necessity, 'read', 'concern', ctx({ entry: entry(schoolDomain) })).allow).toBe(true);
    for (const category of ['health', 'social_services', 'school', 'wellbeing', 'access_log'] as const) {
      expect(decideAccess(outsider, necessity, 'read', category, ctx({ entry: entry(socialDomain) })), category).toMatchObject({ allow: false, reason: 'emergency_ground_does_not_cover' });
    }
    expect(decideAccess(outsider, opened('osl_emergency_health'), 'read', 'health', ctx({ entry: entry(studentHealthDomain) })).allow).toBe(true);
    expect(decideAccess(outsider, opened('osl_emergency_health'), 'read', 'social_services', ctx({ entry: entry(socialDomain) })).allow).toBe(false);
    expect(decideAccess(outsider, opened('lvu_urgent'), 'read', 'social_services', ctx({ entry: entry(socialDomain) })).allow).toBe(true);
    expect(decideAccess(outsider, opened('a_ground_the_policy_does_not_know'), 'read', 'plan', ctx({ entry: entry(schoolDomain) })).allow).toBe(false);
    expect(sharedFromOtherDomains(outsider, necessity, 'plan', ctx())).toBe(true);
    expect(sharedFromOtherDomains(outsider, necessity, 'health', ctx())).toBe(false);
  });
});

describe('the policy gate: a pending handover', () => {
  const pending = (proposedBy: string, toUserId: string) => child({ pendingHandover: { id: 'h', proposedBy, toUserId } });

  it('lets its receiver preview the record for the handover, and nothing else', () => {
    const withPending = pending('teacher', 'outsider');
    expect(decideAccess(outsider, withPending, 'read', 'record', ctx({ purpose: 'handover_preview' }))).toMatchObject({ allow: true, basis: 'handover', reason: 'handover_receiver', fields: { protectedIdentity: false, protectedGuardians: false } });
    expect(decideAccess(outsider, withPending, 'read', 'record', ctx({ purpose: 'open_record' }))).toMatchObject({ allow: false, reason: 'not_in_care_team' });
    expect(decideAccess(outsider, withPending, 'read', 'record', ctx({ purpose: 'list' })).allow).toBe(false);
    expect(decideAccess(outsider, withPending, 'read', 'care_team', ctx({ purpose: 'handover_preview' })).allow).toBe(false);
    expect(decideAccess(outsider, withPending, 'read', 'plan', ctx({ purpose: 'handover_preview' })).allow).toBe(false);
    // Someone else, and a receiver who is no professional any more, see nothing by it.
    expect(decideAccess(professional('someone', 'org-other'), withPending, 'read', 'record', ctx({ purpose: 'handover_preview' })).allow).toBe(false);
    expect(decideAccess({ userId: 'outsider', roles: [] }, withPending, 'read', 'record', ctx({ purpose: 'handover_preview' })).allow).toBe(false);
  });

  it('offers its proposer the withdrawal, and nobody a second proposal', () => {
    const team = [member('teacher', municipality, schoolDomain, { role: 'named_person' }), member('socialworker', municipality, socialDomain, { role: 'lead_professional' })];
    expect(decideAccess(teacher, child({ careTeam: team }), 'read', 'record', ctx()).actions).toContain('hand_over');
    const withPending = child({ careTeam: team, pendingHandover: { id: 'h', proposedBy: 'teacher', toUserId: 'outsider' } });
    expect(decideAccess(teacher, withPending, 'read', 'record', ctx()).actions).toEqual(expect.arrayContaining(['withdraw_handover', 'change_team']));
    expect(decideAccess(teacher, withPending, 'read', 'record', ctx()).actions).not.toContain('hand_over');
    expect(decideAccess(socialworker, withPending, 'read', 'record', ctx()).actions).not.toContain('withdraw_handover');
  });
});
