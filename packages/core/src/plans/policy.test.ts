import { describe, expect, it } from 'vitest';
import { decideAccess, type CareTeamFacts, type EntryFacts, type PolicyActor, type PolicyChild } from '../access/policy.ts';
import { defaultConsentRules, type ConsentFacts } from '../access/consent.ts';
import { decidePlan, isPlanParticipant, mayReadPlanEntry, mayStartPlanOn, planConsentOptions, proposedRevision, type PlanAccessFacts, type PlanFacts } from './policy.ts';

// A municipality (school, student health, social services) and a region (health care), as in the demo.
const municipality = 'org-m';
const region = 'org-r';
const longAgo = new Date('2000-01-01T00:00:00Z');
const now = new Date('2026-11-23T10:00:00Z');
const pro = (userId: string, organisationId: string): PolicyActor => ({ userId, roles: [{ organisationId, role: 'professional', grantedBy: null }] });
const actors = {
  teacher: pro('teacher', municipality),
  nurse: pro('nurse', municipality),
  socialworker: pro('socialworker', municipality),
  psychologist: pro('psychologist', region),
  outsider: pro('outsider', 'org-other'),
  guardian: { userId: 'guardian', roles: [], citizen: { guardianOf: ['child'], selfChildId: null } } as PolicyActor,
  child: { userId: 'child-user', roles: [], citizen: { guardianOf: [], selfChildId: 'child' } } as PolicyActor,
};
const consent = (o: Partial<ConsentFacts>): ConsentFacts => ({ id: 'k', givenBy: 'both_guardians', organisationIds: [], domainIds: [], categories: ['plan'], exclusions: [], validFrom: '2026-09-01', validTo: '2027-06-30', withdrawnAt: null, recordedByProfessional: null, ...o });
// The SIP's consent: social services and the region's health care only, by domain.
const sipConsent = consent({ id: 'k-sip', domainIds: ['dom-social', 'dom-care'] });
// The municipality as a whole shares the plan (not the region): not the SIP's consent.
const municipalConsent = consent({ id: 'k-muni', organisationIds: [municipality], categories: ['plan', 'wellbeing'] });
const member = (userId: string, organisationId: string, domainId: string, extra: Partial<CareTeamFacts> = {}): CareTeamFacts => ({
  userId, organisationId, unitId: `unit-${domainId}`, role: 'member', startsAt: new Date('2026-08-01'), endsAt: null, basis: 'own_organisation', consentId: null, secrecyDomains: [{ domainId, from: longAgo, to: null }], ...extra,
});
const child = (o: Partial<PolicyChild> = {}): PolicyChild => ({
  id: 'child', birthDate: '2012-05-14', guardianCount: 2, protectedIdentity: null, consents: [sipConsent, municipalConsent],
  careTeam: [
    member('teacher', municipality, 'dom-school', { role: 'named_person' }),
    member('nurse', municipality, 'dom-health'),
    member('socialworker', municipality, 'dom-social', { role: 'lead_professional' }),
    member('psychologist', region, 'dom-care', { basis: 'consent', consentId: 'k-sip' }),
  ],
  emergencyAccesses: [], ...o,
});
const entry = (organisationId: string, secrecyDomainId: string): EntryFacts => ({ organisationId, secrecyDomainId, unitId: `unit-${secrecyDomainId}`, writtenAt: new Date('2026-10-01T10:00:00Z') });
const plan = (o: Partial<PlanFacts> = {}): PlanFacts => ({ kind: 'sip', status: 'draft', consentId: 'k-sip', home: entry(municipality, 'dom-social'), createdBy: 'socialworker', planningLeadUserId: null, headRevision: 1, inForceRevision: null, ...o });

function facts(actor: PolicyActor, c: PolicyChild = child()): PlanAccessFacts {
  const rules = defaultConsentRules;
  return { actor, child: c, now, rules, record: decideAccess(actor, c, 'read', 'record', { now, rules }) };
}

describe('a plan’s participants are the parties of its consent', () => {
  it('lets the parties read it, and the creator lead it', () => {
    expect(decidePlan(facts(actors.socialworker), plan())).toEqual({ read: true, standing: 'participant', actions: ['save_revision', 'establish', 'close'] });
    expect(decidePlan(facts(actors.psychologist), plan())).toEqual({ read: true, standing: 'participant', actions: ['save_revision'] });
  });

  it('refuses a team member of another domain, even when another consent shares the plan with them', () => {
    // The nurse reads the municipality's plan entries on the municipal consent, but is no party of the SIP's.
    expect(decideAccess(actors.nurse, child(), 'read', 'plan', { now, rules: defaultConsentRules, entry: plan().home }).allow).toBe(true);
    expect(decidePlan(facts(actors.nurse), plan())).toEqual({ read: false, reason: 'not_plan_participant' });
    expect(isPlanParticipant(facts(actors.teacher), plan())).toBe(false);
  });

  it('stops a participant’s access when the plan’s consent is withdrawn; the home domain keeps reading, without actions', () => {
    const withdrawn = child({ consents: [{ ...sipConsent, withdrawnAt: new Date('2026-11-20T10:00:00Z') }, municipalConsent] });
    expect(decidePlan(facts(actors.psychologist, withdrawn), plan())).toMatchObject({ read: false });
    expect(decidePlan(facts(actors.socialworker, withdrawn), plan())).toEqual({ read: true, standing: 'home_domain', actions: [] });
  });

  it('never makes the professional who recorded the consent a participant by it', () => {
    const recorded = child({ consents: [{ ...sipConsent, recordedByProfessional: 'socialworker' }] });
    expect(isPlanParticipant(facts(actors.socialworker, recorded), plan())).toBe(false);
    expect(decidePlan(facts(actors.socialworker, recorded), plan())).toEqual({ read: true, standing: 'home_domain', actions: [] });
  });

  it('refuses outsiders outright', () => {
    expect(decidePlan(facts(actors.outsider), plan())).toEqual({ read: false, reason: 'no_basis_for_plan' });
  });

  it('hands establishing and closing to the named planning lead, and nothing after closing', () => {
    expect(decidePlan(facts(actors.psychologist), plan({ planningLeadUserId: 'psychologist' }))).toMatchObject({ actions: ['save_revision', 'establish', 'close'] });
    expect(decidePlan(facts(actors.socialworker), plan({ planningLeadUserId: 'psychologist' }))).toMatchObject({ actions: ['save_revision'] });
    expect(decidePlan(facts(actors.socialworker), plan({ status: 'established', inForceRevision: 1 }))).toMatchObject({ actions: ['save_revision', 'close'] });
    expect(decidePlan(facts(actors.socialworker), plan({ status: 'closed' }))).toMatchObject({ read: true, actions: [] });
  });

  it('reads a revision written in another domain only when the plan’s own consent covers it', () => {
    const regionRevision = entry(region, 'dom-care');
    expect(mayReadPlanEntry(facts(actors.socialworker), plan(), regionRevision)).toBe(true);
    const excluded = child({ consents: [{ ...sipConsent, exclusions: [{ scope: 'organisation', id: region, categories: ['plan'] }] }] });
    expect(mayReadPlanEntry(facts(actors.socialworker, excluded), plan(), regionRevision)).toBe(false);
    expect(mayReadPlanEntry(facts(actors.socialworker, excluded), plan(), plan().home)).toBe(true);
  });
});

describe('the family’s view of a plan', () => {
  it('sees nothing of a plan being prepared', () => {
    expect(decidePlan(facts(actors.guardian), plan())).toEqual({ read: false, reason: 'plan_not_shared_with_family' });
  });

  it('sees an established plan; a guardian approves a proposed change, the child below the consent age does not', () => {
    const proposed = plan({ status: 'established', inForceRevision: 2, headRevision: 3 });
    expect(proposedRevision(proposed)).toBe(3);
    expect(decidePlan(facts(actors.guardian), proposed)).toEqual({ read: true, standing: 'family', actions: ['approve'] });
    expect(decidePlan(facts(actors.child), proposed)).toEqual({ read: true, standing: 'family', actions: [] });
    expect(decidePlan(facts(actors.guardian), plan({ status: 'established', inForceRevision: 3, headRevision: 3 }))).toEqual({ read: true, standing: 'family', actions: [] });
    expect(decidePlan(facts(actors.guardian), { ...proposed, approvedByCaller: true })).toEqual({ read: true, standing: 'family', actions: [] });
  });

  it('lets the child approve from the age their own consent counts', () => {
    const older = child({ birthDate: '2010-01-10' });
    expect(decidePlan(facts(actors.child, older), plan({ status: 'established', inForceRevision: 1, headRevision: 2 }))).toMatchObject({ actions: ['approve'] });
  });
});

describe('starting a plan', () => {
  it('needs a consent in force that covers the plan and names the starter', () => {
    expect(mayStartPlanOn(facts(actors.socialworker), 'k-sip')).toBe(true);
    expect(mayStartPlanOn(facts(actors.psychologist), 'k-muni')).toBe(false);
    expect(mayStartPlanOn(facts(actors.guardian), 'k-sip')).toBe(false);
    expect(mayStartPlanOn(facts(actors.outsider), 'k-sip')).toBe(false);
    expect(planConsentOptions(facts(actors.teacher)).map((c) => c.id)).toEqual(['k-muni']);
    const noPlan = child({ consents: [{ ...sipConsent, categories: ['wellbeing'] }] });
    expect(mayStartPlanOn(facts(actors.socialworker, noPlan), 'k-sip')).toBe(false);
  });
});
