import { describe, expect, it } from 'vitest';
import { defaultConsentRules } from '../access/consent.ts';
import { decideDisclosure, legalGroundInForce, type DisclosureFacts, type LegalGroundFacts } from './policy.ts';

const school = 'org-school';
const region = 'org-region';
const consent = { id: 'c1', givenBy: 'both_guardians' as const, organisationIds: [region], categories: ['plan' as const, 'wellbeing' as const], validFrom: '2026-01-01', validTo: null, withdrawnAt: null, domainIds: [], exclusions: [], recordedByProfessional: null };
const duty: LegalGroundFacts = { code: 'sol_duty_to_report', kind: 'duty_to_report', validFrom: '2025-07-01', validTo: null };
const oldDuty: LegalGroundFacts = { code: 'sol2001_duty_to_report', kind: 'duty_to_report', validFrom: '2002-01-01', validTo: '2025-06-30' };
const teamGround: LegalGroundFacts = { code: 'sol_investigation', kind: 'care_team', validFrom: '2025-07-01', validTo: null };
const base: DisclosureFacts = {
  decision: 'shared',
  fromOrganisationId: school,
  fromDomainId: 'domain-school',
  toOrganisationId: region,
  categories: ['plan'],
  child: { birthDate: '2012-05-01', guardianCount: 2 },
  rules: defaultConsentRules,
  now: new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
};

describe('the sharing ledger', () => {
  it('records sharing under a consent that reaches the receiver and covers every category', () => {
    expect(decideDisclosure({ ...base, consentId: 'c1', consent })).toEqual({ ok: true });
    expect(decideDisclosure({ ...base, categories: ['plan', 'health'], consentId: 'c1', consent })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideDisclosure({ ...base, toOrganisationId: 'org-police', consentId: 'c1', consent })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
  });

  it('refuses sharing under a withdrawn consent', () => {
    const withdrawn = { ...consent, withdrawnAt: new Date('2026-11-01T00:00:00Z') };
    expect(decideDisclosure({ ...base, consentId: 'c1', consent: withdrawn })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
  });

  it('records sharing under a duty to report in force, not under a repealed act', () => {
    expect(decideDisclosure({ ...base, categories: ['concern'], legalGroundCode: duty.code, legalGround: duty })).toEqual({ ok: true });
    expect(decideDisclosure({ ...base, legalGroundCode: oldDuty.code, legalGround: oldDuty })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
    expect(decideDisclosure({ ...base, today: '2025-01-10', legalGroundCode: oldDuty.code, legalGround: oldDuty })).toEqual({ ok: true });
  });

  it('refuses a ground that is not a ground for disclosure', () => {
    expect(decideDisclosure({ ...base, legalGroundCode: teamGround.code, legalGround: teamGround })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
  });

  it('refuses sharing with no ground, with an unknown ground and within one organisation', () => {
    expect(decideDisclosure(base)).toEqual({ ok: false, reason: 'no_ground_for_sharing' });
    expect(decideDisclosure({ ...base, legalGroundCode: 'made_up' })).toEqual({ ok: false, reason: 'unknown_legal_ground' });
    expect(decideDisclosure({ ...base, consentId: 'c9' })).toEqual({ ok: false, reason: 'unknown_consent' });
    expect(decideDisclosure({ ...base, toOrganisationId: school, legalGroundCode: duty.code, legalGround: duty })).toEqual({ ok: false, reason: 'same_organisation' });
  });

  it('records sharing with another secrecy domain of the same organisation, never with the sharer\'s own', () => {
    const sameOrg = { ...base, toOrganisationId: school, categories: ['concern' as const], legalGroundCode: duty.code, legalGround: duty };
    expect(decideDisclosure({ ...sameOrg, toDomainId: 'domain-social' })).toEqual({ ok: true });
    expect(decideDisclosure({ ...sameOrg, toDomainId: 'domain-school' })).toEqual({ ok: false, reason: 'same_secrecy_domain' });
    expect(decideDisclosure({ ...sameOrg, toDomainId: null })).toEqual({ ok: false, reason: 'same_organisation' });
  });

  it('records a decision not to share with its reason alone', () => {
    expect(decideDisclosure({ ...base, decision: 'not_shared' })).toEqual({ ok: true });
    expect(decideDisclosure({ ...base, decision: 'not_shared', legalGroundCode: oldDuty.code, legalGround: oldDuty })).toEqual({ ok: true });
  });
});

describe('a legal ground', () => {
  it('applies within its period, both ends included', () => {
    expect(legalGroundInForce(oldDuty, '2025-06-30')).toBe(true);
    expect(legalGroundInForce(oldDuty, '2025-07-01')).toBe(false);
    expect(legalGroundInForce(duty, '2025-06-30')).toBe(false);
    expect(legalGroundInForce(duty, '2025-07-01')).toBe(true);
  });
});
