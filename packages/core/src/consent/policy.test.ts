import { describe, expect, it } from 'vitest';
import { defaultConsentRules } from '../access/consent.ts';
import { citizenMayWithdraw, consentGiverProblems, consentReaches, consentStatus } from './policy.ts';
import { ConsentInput } from './schema.ts';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const other = '33333333-3333-4333-8333-333333333333';
const twoGuardians = { age: 14, guardianIds: [G1, G2] };

describe('who may be recorded as giving a consent', () => {
  it('takes one guardian of the child for a guardian’s consent', () => {
    expect(consentGiverProblems('guardian', [G1], twoGuardians, defaultConsentRules)).toEqual([]);
    expect(consentGiverProblems('guardian', [G1, G2], twoGuardians, defaultConsentRules)).toContain('guardian_ids_count');
    expect(consentGiverProblems('guardian', [other], twoGuardians, defaultConsentRules)).toContain('not_a_guardian_of_child');
  });

  it('takes two different guardians for both guardians’ consent', () => {
    expect(consentGiverProblems('both_guardians', [G1, G2], twoGuardians, defaultConsentRules)).toEqual([]);
    expect(consentGiverProblems('both_guardians', [G1, G1], twoGuardians, defaultConsentRules)).toContain('guardian_ids_count');
    expect(consentGiverProblems('both_guardians', [G1], twoGuardians, defaultConsentRules)).toContain('guardian_ids_count');
  });

  it('takes the child’s own consent only from the configured age', () => {
    expect(consentGiverProblems('child', [], { age: 15, guardianIds: [G1] }, defaultConsentRules)).toEqual([]);
    expect(consentGiverProblems('child', [], { age: 14, guardianIds: [G1] }, defaultConsentRules)).toEqual(['child_below_consent_age']);
    expect(consentGiverProblems('child', [], { age: 14, guardianIds: [G1] }, { ...defaultConsentRules, childConsentFromAge: 13 })).toEqual([]);
    expect(consentGiverProblems('child', [G1], { age: 16, guardianIds: [G1] }, defaultConsentRules)).toEqual(['guardian_ids_count']);
  });

  it('refuses a guardian’s consent for a child with no guardians', () => {
    expect(consentGiverProblems('guardian', [G1], { age: 10, guardianIds: [] }, defaultConsentRules)).toContain('child_has_no_guardians');
  });
});

describe('a consent’s status', () => {
  const consent = { validFrom: '2026-01-01', validTo: '2026-06-30', withdrawnAt: null };

  it('is in force from the first day through the last day, Stockholm time', () => {
    expect(consentStatus(consent, new Date('2025-12-31T22:59:59Z'))).toBe('not_yet_valid');
    expect(consentStatus(consent, new Date('2025-12-31T23:00:00Z'))).toBe('in_force');
    expect(consentStatus(consent, new Date('2026-06-30T21:59:59Z'))).toBe('in_force');
    expect(consentStatus(consent, new Date('2026-06-30T22:00:00Z'))).toBe('expired');
  });

  it('is withdrawn once a withdrawal is recorded, whatever its dates, even if this clock is behind the one that stamped it', () => {
    const withdrawnAt = new Date('2026-03-01T10:00:00Z');
    expect(consentStatus({ ...consent, withdrawnAt: null }, new Date('2026-03-01T09:59:59Z'))).toBe('in_force');
    expect(consentStatus({ ...consent, withdrawnAt }, new Date('2026-03-01T09:59:59Z'))).toBe('withdrawn');
    expect(consentStatus({ ...consent, withdrawnAt }, withdrawnAt)).toBe('withdrawn');
  });

  it('has no end without an end date', () => {
    expect(consentStatus({ ...consent, validTo: null }, new Date('2040-01-01T00:00:00Z'))).toBe('in_force');
  });
});

describe('the consent form', () => {
  const base = { organisationIds: [G1], categories: ['plan'], validFrom: '2026-01-01' };

  it('refuses an end before the start', () => {
    expect(ConsentInput.safeParse({ ...base, validTo: '2025-12-31' }).success).toBe(false);
    expect(ConsentInput.safeParse({ ...base, validTo: '2026-01-01' }).success).toBe(true);
  });

  it('needs a note for a verbal consent', () => {
    expect(ConsentInput.safeParse({ ...base, method: 'verbal' }).success).toBe(false);
    expect(ConsentInput.safeParse({ ...base, method: 'verbal', note: 'Mamma per telefon 2026-01-01' }).success).toBe(true);
  });

  it('refuses unknown categories and an empty list of organisations', () => {
    expect(ConsentInput.safeParse({ ...base, categories: ['gossip'] }).success).toBe(false);
    expect(ConsentInput.safeParse({ ...base, organisationIds: [] }).success).toBe(false);
  });
});

describe('whether a consent reaches an organisation', () => {
  const region = '44444444-4444-4444-8444-444444444444';
  const consent = { id: 'c', givenBy: 'both_guardians' as const, organisationIds: [region], categories: ['plan' as const], validFrom: '2026-01-01', validTo: null, withdrawnAt: null, domainIds: [], exclusions: [], recordedByProfessional: null };
  const child = { birthDate: '2012-05-01', guardianCount: 2 };
  const now = new Date('2026-11-23T10:00:00Z');

  it('reaches the organisations it names while in force', () => {
    expect(consentReaches(consent, { organisationId: region, domainId: null }, child, defaultConsentRules, now)).toBe(true);
    expect(consentReaches(consent, { organisationId: other, domainId: null }, child, defaultConsentRules, now)).toBe(false);
    expect(consentReaches({ ...consent, withdrawnAt: new Date('2026-11-23T09:00:00Z') }, { organisationId: region, domainId: null }, child, defaultConsentRules, now)).toBe(false);
  });

  it('does not reach anyone when one guardian alone consented under joint custody', () => {
    expect(consentReaches({ ...consent, givenBy: 'guardian' }, { organisationId: region, domainId: null }, child, defaultConsentRules, now)).toBe(false);
    expect(consentReaches({ ...consent, givenBy: 'guardian' }, { organisationId: region, domainId: null }, { ...child, guardianCount: 1 }, defaultConsentRules, now)).toBe(true);
  });
});

describe('who may withdraw a consent in the e-service', () => {
  it('lets a guardian withdraw what guardians gave, never the child’s own consent', () => {
    expect(citizenMayWithdraw('guardian', 'guardian', 10, defaultConsentRules)).toBe(true);
    expect(citizenMayWithdraw('both_guardians', 'guardian', 10, defaultConsentRules)).toBe(true);
    expect(citizenMayWithdraw('child', 'guardian', 16, defaultConsentRules)).toBe(false);
  });

  it('lets the child withdraw any consent about them from the age their own consent counts', () => {
    expect(citizenMayWithdraw('both_guardians', 'child', 14, defaultConsentRules)).toBe(false);
    expect(citizenMayWithdraw('both_guardians', 'child', 15, defaultConsentRules)).toBe(true);
    expect(citizenMayWithdraw('child', 'child', 16, defaultConsentRules)).toBe(true);
    expect(citizenMayWithdraw('guardian', 'child', 14, { ...defaultConsentRules, childConsentFromAge: 14 })).toBe(true);
  });
});
