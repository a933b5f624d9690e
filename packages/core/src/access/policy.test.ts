import { describe, expect, it } from 'vitest';
import { decideAccess, type AccessContext, type PolicyActor, type PolicyChild } from './policy.ts';
import { defaultConsentRules, type ConsentFacts } from './consent.ts';

const school = 'org-municipality';
const region = 'org-region';
const now = new Date('2026-11-23T10:00:00Z');
const ctx = (extra: Partial<AccessContext> = {}): AccessContext => ({ now, rules: defaultConsentRules, purpose: 'open_record', ...extra });

const teacher: PolicyActor = { userId: 'teacher', roles: [{ organisationId: school, role: 'professional' }] };
const psychologist: PolicyActor = { userId: 'psychologist', roles: [{ organisationId: region, role: 'professional' }] };
const outsider: PolicyActor = { userId: 'outsider', roles: [{ organisationId: 'org-other', role: 'professional' }] };
const analyst: PolicyActor = { userId: 'analyst', roles: [{ organisationId: region, role: 'analyst' }] };
const sysadmin: PolicyActor = { userId: 'sysadmin', roles: [{ organisationId: region, role: 'system_admin' }] };
const manager: PolicyActor = { userId: 'manager', roles: [{ organisationId: school, role: 'unit_manager' }] };
const guardian: PolicyActor = { userId: 'guardian', roles: [], citizen: { guardianOf: ['child'], selfChildId: null } };
const childSelf: PolicyActor = { userId: 'child-user', roles: [], citizen: { guardianOf: [], selfChildId: 'child' } };

const planConsent: ConsentFacts = {
  id: 'k-plan',
  givenBy: 'both_guardians',
  organisationIds: [region],
  categories: ['plan'],
  validFrom: '2026-09-01',
  validTo: '2026-12-31',
  withdrawnAt: null,
};

function child(overrides: Partial<PolicyChild> = {}): PolicyChild {
  return {
    id: 'child',
    birthDate: '2012-05-14',
    guardianCount: 2,
    protectedIdentity: null,
    consents: [planConsent],
    careTeam: [
      { userId: 'teacher', organisationId: school, role: 'named_person', startsAt: new Date('2026-08-01'), endsAt: null, basis: 'own_organisation', consentId: null },
      { userId: 'psychologist', organisationId: region, role: 'member', startsAt: new Date('2026-09-01'), endsAt: null, basis: 'consent', consentId: 'k-plan' },
    ],
    emergencyAccesses: [],
    ...overrides,
  };
}

describe('the policy gate', () => {
  it('lets a team member read what their own organisation wrote', () => {
    expect(decideAccess(teacher, child(), 'read', 'health', ctx({ authorOrganisationId: school }))).toMatchObject({ allow: true, basis: 'own_organisation' });
  });

  it('lets a member from another organisation read only the categories the consent covers', () => {
    expect(decideAccess(psychologist, child(), 'read', 'plan', ctx({ authorOrganisationId: school }))).toMatchObject({ allow: true, basis: 'consent' });
    expect(decideAccess(psychologist, child(), 'read', 'school', ctx({ authorOrganisationId: school }))).toMatchObject({ allow: false, reason: 'no_consent_for_category' });
    expect(decideAccess(psychologist, child(), 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'consent' });
  });

  it('refuses the next read after the consent is withdrawn', () => {
    const withdrawn = child({ consents: [{ ...planConsent, withdrawnAt: new Date(now.getTime() - 1) }] });
    expect(decideAccess(psychologist, withdrawn, 'read', 'plan', ctx({ authorOrganisationId: school })).allow).toBe(false);
    expect(decideAccess(psychologist, withdrawn, 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'team_consent_not_in_force' });
  });

  it('stops an expired consent at midnight (Stockholm) after its end date', () => {
    const ending = child({ consents: [{ ...planConsent, validTo: '2026-11-23' }] });
    expect(decideAccess(psychologist, ending, 'read', 'plan', ctx({ now: new Date('2026-11-23T22:59:59Z'), authorOrganisationId: school })).allow).toBe(true);
    expect(decideAccess(psychologist, ending, 'read', 'plan', ctx({ now: new Date('2026-11-23T23:00:00Z'), authorOrganisationId: school })).allow).toBe(false);
  });

  it('counts one guardian’s consent under joint custody only where the rules say so', () => {
    const oneGuardian = child({ consents: [{ ...planConsent, givenBy: 'guardian' }] });
    expect(decideAccess(psychologist, oneGuardian, 'read', 'plan', ctx({ authorOrganisationId: school })).allow).toBe(false);
    expect(decideAccess(psychologist, oneGuardian, 'read', 'plan', ctx({ authorOrganisationId: school, rules: { ...defaultConsentRules, jointCustody: 'either_guardian' } })).allow).toBe(true);
    expect(decideAccess(psychologist, child({ guardianCount: 1, consents: oneGuardian.consents }), 'read', 'plan', ctx({ authorOrganisationId: school })).allow).toBe(true);
  });

  it('counts the child’s own consent from the configured age', () => {
    const own = child({ consents: [{ ...planConsent, givenBy: 'child' }] });
    expect(decideAccess(psychologist, own, 'read', 'plan', ctx({ authorOrganisationId: school })).allow).toBe(false);
    expect(decideAccess(psychologist, own, 'read', 'plan', ctx({ authorOrganisationId: school, rules: { ...defaultConsentRules, childConsentFromAge: 14 } })).allow).toBe(true);
  });

  it('refuses someone outside the team, an analyst and a system administrator', () => {
    expect(decideAccess(outsider, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'not_in_care_team' });
    expect(decideAccess(analyst, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'analyst_no_identifiable_data' });
    expect(decideAccess(sysadmin, child(), 'read', 'record', ctx())).toMatchObject({ allow: false, reason: 'administrator_no_child_data' });
  });

  it('lets emergency access read, for its time only, flagged', () => {
    const emergency = child({ emergencyAccesses: [{ userId: 'outsider', startsAt: new Date(now.getTime() - 3_600_000), expiresAt: new Date(now.getTime() + 3_600_000) }] });
    expect(decideAccess(outsider, emergency, 'read', 'health', ctx({ authorOrganisationId: school }))).toMatchObject({ allow: true, basis: 'emergency', flagged: true });
    expect(decideAccess(outsider, emergency, 'write', 'health', ctx({ authorOrganisationId: 'org-other' })).allow).toBe(false);
    expect(decideAccess(outsider, emergency, 'read', 'health', ctx({ now: new Date(now.getTime() + 2 * 3_600_000) })).allow).toBe(false);
  });

  it('shows unit managers the log for review, not the record', () => {
    expect(decideAccess(manager, child(), 'review_log', 'access_log', ctx())).toMatchObject({ allow: true, basis: 'legal_duty' });
    expect(decideAccess(manager, child(), 'read', 'record', ctx()).allow).toBe(false);
    expect(decideAccess(teacher, child(), 'review_log', 'access_log', ctx()).allow).toBe(false);
    // …and only for children their organisation works with.
    const elsewhere: PolicyActor = { userId: 'manager2', roles: [{ organisationId: 'org-other', role: 'unit_manager' }] };
    expect(decideAccess(elsewhere, child(), 'review_log', 'access_log', ctx())).toMatchObject({ allow: false, reason: 'not_log_reviewer' });
  });

  it('reveals a protected identity only to a team member who opens the record on purpose, and flags it', () => {
    const hidden = child({ protectedIdentity: 'skyddad_folkbokforing' });
    expect(decideAccess(teacher, hidden, 'read', 'record', ctx({ purpose: 'list' }))).toMatchObject({ allow: true, revealIdentity: false, flagged: true });
    expect(decideAccess(teacher, hidden, 'read', 'record', ctx({ purpose: 'open_record' }))).toMatchObject({ allow: true, revealIdentity: true, flagged: true });
  });

  it('keeps a protected identity hidden under emergency access and from guardians, but not from the child', () => {
    const hidden = child({ protectedIdentity: 'skyddad_folkbokforing', emergencyAccesses: [{ userId: 'outsider', startsAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 3_600_000) }] });
    expect(decideAccess(outsider, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'emergency', revealIdentity: false, flagged: true });
    expect(decideAccess(guardian, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'own_record', revealIdentity: false, flagged: true });
    expect(decideAccess(childSelf, hidden, 'read', 'record', ctx())).toMatchObject({ allow: true, basis: 'own_record', revealIdentity: true, flagged: true });
  });

  it('lets guardians and the child (from the access age) see the team, the consents and the log, and change consents', () => {
    expect(decideAccess(guardian, child(), 'read', 'access_log', ctx())).toMatchObject({ allow: true, basis: 'own_record' });
    expect(decideAccess(guardian, child(), 'write', 'consent', ctx()).allow).toBe(true);
    expect(decideAccess(guardian, child(), 'read', 'health', ctx()).allow).toBe(false);
    expect(decideAccess(guardian, child({ id: 'someone-else' }), 'read', 'record', ctx()).allow).toBe(false);
    expect(decideAccess(childSelf, child(), 'read', 'care_team', ctx()).allow).toBe(true);
    expect(decideAccess(childSelf, child({ birthDate: '2016-01-01' }), 'read', 'care_team', ctx())).toMatchObject({ allow: false, reason: 'below_access_age' });
  });

  it('lets only the named person and the lead professional change the team', () => {
    expect(decideAccess(teacher, child(), 'write', 'care_team', ctx()).allow).toBe(true);
    expect(decideAccess(psychologist, child(), 'write', 'care_team', ctx())).toMatchObject({ allow: false, reason: 'not_team_coordinator' });
  });
});
