import { describe, expect, it } from 'vitest';
import { defaultConsentRules } from '../access/consent.ts';
import {
  decideHandoverAnswer,
  decideHandoverBasis,
  decideHandoverBasisAtAcceptance,
  decideHandoverProposal,
  decideHandoverWithdrawal,
  decideTeamAddition,
  endsAtHandover,
  handoverStatus,
  possibleTeamBases,
  staysAsMember,
  type HandoverBasisFacts,
  type TeamAdditionFacts,
} from './policy.ts';

const school = 'org-school';
const region = 'org-region';
const regionConsent = { id: 'c1', givenBy: 'both_guardians' as const, organisationIds: [region], categories: ['plan' as const], validFrom: '2026-01-01', validTo: null, withdrawnAt: null, domainIds: [], exclusions: [], recordedByProfessional: null };
const base: TeamAdditionFacts = {
  adderOrganisationId: school,
  candidate: { userId: 'b', organisationId: region, professionalOrganisationIds: [region], domainId: null },
  role: 'member',
  basis: { kind: 'consent', consentId: 'c1' },
  currentTeam: [{ userId: 'a', role: 'lead_professional' }, { userId: 't', role: 'named_person' }],
  consent: regionConsent,
  child: { birthDate: '2012-05-01', guardianCount: 2 },
  rules: defaultConsentRules,
  now: new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
};
const sameOrg = { ...base, candidate: { userId: 'b', organisationId: school, professionalOrganisationIds: [school], domainId: null }, basis: { kind: 'own_organisation' as const }, consent: undefined };

describe('adding a member to the care team', () => {
  it('adds a member from another organisation under a consent that reaches it', () => {
    expect(decideTeamAddition(base)).toEqual({ ok: true });
  });

  it('refuses a member from another organisation when the consent does not reach it, is withdrawn or has ended', () => {
    expect(decideTeamAddition({ ...base, consent: { ...regionConsent, organisationIds: [school] } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideTeamAddition({ ...base, consent: { ...regionConsent, withdrawnAt: new Date('2026-11-22T10:00:00Z') } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideTeamAddition({ ...base, consent: { ...regionConsent, validTo: '2026-11-22' } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideTeamAddition({ ...base, consent: undefined })).toEqual({ ok: false, reason: 'unknown_consent' });
  });

  it('refuses a member from another organisation on the adder’s own-organisation basis', () => {
    expect(decideTeamAddition({ ...base, basis: { kind: 'own_organisation' } })).toEqual({ ok: false, reason: 'own_organisation_mismatch' });
    expect(decideTeamAddition(sameOrg)).toEqual({ ok: true });
  });

  it('adds a member from another organisation under a legal ground in force of a team kind, not of another kind', () => {
    const legal = { ...base, basis: { kind: 'legal_duty' as const, legalGroundCode: 'g' }, consent: undefined };
    expect(decideTeamAddition({ ...legal, legalGround: { code: 'g', kind: 'care_team', validFrom: '2025-07-01', validTo: null } })).toEqual({ ok: true });
    expect(decideTeamAddition({ ...legal, legalGround: { code: 'g', kind: 'duty_to_report', validFrom: '2025-07-01', validTo: null } })).toEqual({ ok: true });
    expect(decideTeamAddition({ ...legal, legalGround: { code: 'g', kind: 'necessary_disclosure', validFrom: '2000-01-01', validTo: null } })).toEqual({ ok: true });
    expect(decideTeamAddition({ ...legal, legalGround: { code: 'g', kind: 'emergency', validFrom: '2000-01-01', validTo: null } })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
    expect(decideTeamAddition({ ...legal, legalGround: { code: 'g', kind: 'duty_to_report', validFrom: '2002-01-01', validTo: '2025-06-30' } })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
    expect(decideTeamAddition(legal)).toEqual({ ok: false, reason: 'unknown_legal_ground' });
  });

  it('adds only people who work as professionals in the organisation they join for', () => {
    expect(decideTeamAddition({ ...base, candidate: { ...base.candidate, professionalOrganisationIds: [school], domainId: null } })).toEqual({ ok: false, reason: 'not_a_professional_there' });
  });

  it('keeps one named person and one lead professional at a time', () => {
    expect(decideTeamAddition({ ...sameOrg, role: 'named_person' })).toEqual({ ok: false, reason: 'role_taken' });
    expect(decideTeamAddition({ ...sameOrg, role: 'lead_professional' })).toEqual({ ok: false, reason: 'role_taken' });
    expect(decideTeamAddition({ ...sameOrg, role: 'named_person', currentTeam: [{ userId: 'a', role: 'lead_professional' }] })).toEqual({ ok: true });
    expect(decideTeamAddition({ ...sameOrg, role: 'member', currentTeam: [{ userId: 'x', role: 'member' }] })).toEqual({ ok: true });
  });

  it('refuses someone already in the team: a role change ends the old membership first', () => {
    expect(decideTeamAddition({ ...sameOrg, currentTeam: [...base.currentTeam, { userId: 'b', role: 'member' }] })).toEqual({ ok: false, reason: 'already_in_team' });
  });
});

describe('handing over the named person', () => {
  const proposal = {
    proposer: { userId: 't', teamRole: 'named_person' as const },
    currentNamedPersonUserId: 't',
    receiver: { userId: 'r', professionalOrganisationIds: [school], domainId: null },
    toOrganisationId: school,
    pendingExists: false,
    previousNamedPerson: 'stays_member' as const,
  };

  it('is proposed by the current named person to a professional of the receiving organisation', () => {
    expect(decideHandoverProposal(proposal)).toEqual({ ok: true });
    expect(decideHandoverProposal({ ...proposal, toOrganisationId: region })).toEqual({ ok: false, reason: 'receiver_not_professional_there' });
    expect(decideHandoverProposal({ ...proposal, receiver: { userId: 't', professionalOrganisationIds: [school] } })).toEqual({ ok: false, reason: 'receiver_is_named_person' });
  });

  it('is not proposed by anyone else while there is a named person', () => {
    expect(decideHandoverProposal({ ...proposal, proposer: { userId: 'a', teamRole: 'lead_professional' } })).toEqual({ ok: false, reason: 'not_named_person' });
  });

  it('may be proposed by the lead professional when the child has no named person, never by a member', () => {
    expect(decideHandoverProposal({ ...proposal, currentNamedPersonUserId: null, proposer: { userId: 'a', teamRole: 'lead_professional' } })).toEqual({ ok: true });
    expect(decideHandoverProposal({ ...proposal, currentNamedPersonUserId: null, proposer: { userId: 'm', teamRole: 'member' } })).toEqual({ ok: false, reason: 'not_named_person' });
  });

  it('needs a choice for the named person handing over: staying as a member or leaving, never silently removed', () => {
    expect(decideHandoverProposal({ ...proposal, previousNamedPerson: undefined })).toEqual({ ok: false, reason: 'previous_named_person_choice_required' });
    expect(decideHandoverProposal({ ...proposal, previousNamedPerson: 'leaves' })).toEqual({ ok: true });
    // With no named person there is nobody to choose for.
    expect(decideHandoverProposal({ ...proposal, currentNamedPersonUserId: null, previousNamedPerson: undefined, proposer: { userId: 'a', teamRole: 'lead_professional' } })).toEqual({ ok: true });
  });

  it('is withdrawn by its proposer only, while pending', () => {
    const pending = { proposedBy: 't', acceptedAt: null, declinedAt: null, withdrawnAt: null };
    expect(decideHandoverWithdrawal({ actorUserId: 't', handover: pending })).toEqual({ ok: true });
    expect(decideHandoverWithdrawal({ actorUserId: 'r', handover: pending })).toEqual({ ok: false, reason: 'not_proposer' });
    expect(decideHandoverWithdrawal({ actorUserId: 't', handover: { ...pending, withdrawnAt: new Date() } })).toEqual({ ok: false, reason: 'not_pending' });
    expect(decideHandoverWithdrawal({ actorUserId: 't', handover: { ...pending, declinedAt: new Date() } })).toEqual({ ok: false, reason: 'not_pending' });
    expect(handoverStatus({ ...pending, withdrawnAt: new Date() })).toBe('withdrawn');
    const answer = { actorUserId: 'r', answer: 'accept' as const, actorProfessionalOrganisationIds: [school], handover: { toUserId: 'r', toOrganisationId: school, acceptedAt: null, declinedAt: null, withdrawnAt: new Date() } };
    expect(decideHandoverAnswer(answer)).toEqual({ ok: false, reason: 'not_pending' });
  });

  it('keeps the named person handing over as a member only when that was chosen, and never the receiver', () => {
    const h = { receiverUserId: 'r', previousUserId: 't', previousStaysMember: true };
    expect(staysAsMember({ userId: 't', role: 'named_person' }, h)).toBe(true);
    expect(staysAsMember({ userId: 't', role: 'named_person' }, { ...h, previousStaysMember: false })).toBe(false);
    expect(staysAsMember({ userId: 'x', role: 'named_person' }, h)).toBe(false);
    expect(staysAsMember({ userId: 'r', role: 'named_person' }, { ...h, previousUserId: 'r' })).toBe(false);
  });

  it('waits while another handover is pending', () => {
    expect(decideHandoverProposal({ ...proposal, pendingExists: true })).toEqual({ ok: false, reason: 'handover_pending' });
  });

  it('is answered only by the receiver, once', () => {
    const handover = { toUserId: 'r', toOrganisationId: school, acceptedAt: null, declinedAt: null };
    const answer = { actorUserId: 'r', answer: 'accept' as const, handover, actorProfessionalOrganisationIds: [school] };
    expect(decideHandoverAnswer(answer)).toEqual({ ok: true });
    expect(decideHandoverAnswer({ ...answer, actorUserId: 'x' })).toEqual({ ok: false, reason: 'not_receiver' });
    expect(decideHandoverAnswer({ ...answer, handover: { ...handover, declinedAt: new Date() } })).toEqual({ ok: false, reason: 'not_pending' });
    expect(decideHandoverAnswer({ ...answer, actorProfessionalOrganisationIds: [] })).toEqual({ ok: false, reason: 'receiver_not_professional_there' });
    expect(decideHandoverAnswer({ ...answer, answer: 'decline', actorProfessionalOrganisationIds: [] })).toEqual({ ok: true });
  });

  // The school's named person `t` hands over to `b` at the region.
  const { role: _role, ...rest } = base;
  const crossing: HandoverBasisFacts = rest;

  it('takes a receiver from another organisation only under a consent that reaches it or a legal ground, as any addition', () => {
    expect(decideHandoverBasis(crossing)).toEqual({ ok: true });
    expect(decideHandoverBasis({ ...crossing, basis: { kind: 'own_organisation' }, consent: undefined })).toEqual({ ok: false, reason: 'own_organisation_mismatch' });
    expect(decideHandoverBasis({ ...crossing, consent: { ...regionConsent, organisationIds: [school] } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideHandoverBasis({ ...crossing, consent: undefined })).toEqual({ ok: false, reason: 'unknown_consent' });
    const legal = { ...crossing, basis: { kind: 'legal_duty' as const, legalGroundCode: 'g' }, consent: undefined };
    expect(decideHandoverBasis({ ...legal, legalGround: { code: 'g', kind: 'care_team', validFrom: '2025-07-01', validTo: null } })).toEqual({ ok: true });
    expect(decideHandoverBasis({ ...legal, legalGround: { code: 'g', kind: 'emergency', validFrom: '2000-01-01', validTo: null } })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
  });

  it('takes a receiver from the proposer’s own organisation on that basis, already a member or not, in the seat the named person leaves', () => {
    const own = { ...crossing, candidate: { userId: 'b', organisationId: school, professionalOrganisationIds: [school], domainId: null }, basis: { kind: 'own_organisation' as const }, consent: undefined };
    expect(decideHandoverBasis(own)).toEqual({ ok: true });
    expect(decideHandoverBasis({ ...own, currentTeam: [...crossing.currentTeam, { userId: 'b', role: 'member' }] })).toEqual({ ok: true });
    expect(endsAtHandover({ userId: 't', role: 'named_person' }, 'b')).toBe(true);
    expect(endsAtHandover({ userId: 'b', role: 'member' }, 'b')).toBe(true);
    expect(endsAtHandover({ userId: 'a', role: 'lead_professional' }, 'b')).toBe(false);
  });

  it('at acceptance still needs the consent in force: withdrawn or run out since the proposal, it refuses', () => {
    const { adderOrganisationId: _adder, ...accepting } = crossing;
    expect(decideHandoverBasisAtAcceptance(accepting)).toEqual({ ok: true });
    expect(decideHandoverBasisAtAcceptance({ ...accepting, consent: { ...regionConsent, withdrawnAt: new Date('2026-11-23T09:00:00Z') } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideHandoverBasisAtAcceptance({ ...accepting, consent: { ...regionConsent, validTo: '2026-11-22' } })).toEqual({ ok: false, reason: 'consent_does_not_cover' });
    expect(decideHandoverBasisAtAcceptance({ ...accepting, basis: { kind: 'legal_duty', legalGroundCode: 'g' }, legalGround: { code: 'g', kind: 'care_team', validFrom: '2025-07-01', validTo: '2026-11-01' } })).toEqual({ ok: false, reason: 'legal_ground_not_applicable' });
    // The own organisation was settled at the proposal and does not lapse.
    expect(decideHandoverBasisAtAcceptance({ ...accepting, basis: { kind: 'own_organisation' }, consent: undefined })).toEqual({ ok: true });
  });

  it('derives its status', () => {
    expect(handoverStatus({ acceptedAt: null, declinedAt: null })).toBe('pending');
    expect(handoverStatus({ acceptedAt: new Date(), declinedAt: null })).toBe('accepted');
    expect(handoverStatus({ acceptedAt: null, declinedAt: new Date() })).toBe('declined');
  });
});

describe('the bases open for a candidate', () => {
  const facts = { adderOrganisationId: school, child: base.child, rules: base.rules, now: base.now, today: base.today };
  it('offers the own organisation only there, and only the consents that reach the candidate’s organisation', () => {
    const schoolConsent = { ...regionConsent, id: 'c2', organisationIds: [school] };
    const withdrawn = { ...regionConsent, id: 'c3', withdrawnAt: new Date('2026-11-01T10:00:00Z') };
    const consents = [regionConsent, schoolConsent, withdrawn];
    expect(possibleTeamBases({ ...facts, candidate: base.candidate, consents })).toEqual({ ownOrganisation: false, consentIds: ['c1'], legalDuty: true });
    expect(possibleTeamBases({ ...facts, candidate: sameOrg.candidate, consents })).toEqual({ ownOrganisation: true, consentIds: ['c2'], legalDuty: true });
  });
});
