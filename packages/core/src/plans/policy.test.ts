import { describe, expect, it } from 'vitest';
import { decideAccess, type CareTeamFacts, type EntryFacts, type PolicyActor, type PolicyChild } from '../access/policy.ts';
import { defaultConsentRules, type ConsentFacts } from '../access/consent.ts';
import { decidePlan, isFamilyStanding, isPlanParticipant, mayReadPlanEntry, mayStartPlanOn, planConsentOptions, planFieldsFor, proposedRevision, type PlanAccessFacts, type PlanFacts } from './policy.ts';

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
  // On `now` (2026-11-23): 16 (the consent age is 15), 14 (from the access age 13), 12 (below it).
  const sixteen = child({ birthDate: '2010-01-10' });
  const twelve = child({ birthDate: '2014-05-14' });

  it('sees a plan being prepared as coming: its kind, lead, principals and meetings, never the draft’s contents', () => {
    const d = decidePlan(facts(actors.guardian), plan());
    expect(d).toEqual({ read: true, standing: 'family_preparing', actions: ['prepare'] });
    const fields = planFieldsFor('family_preparing');
    expect(fields).toEqual(['planning_lead', 'principals', 'meetings']);
    // Not the needs, goals, actions, revisions or their diff (`contents`), nor the meetings’ notes or the team’s preparation notes.
    expect(fields).not.toContain('contents');
    expect(fields).not.toContain('meeting_records');
    expect(isFamilyStanding('family_preparing')).toBe(true);
    // Establishing, saving or approving a draft is nobody’s in the family.
    expect(decidePlan(facts(actors.guardian), plan({ headRevision: 4 }))).toMatchObject({ actions: ['prepare'] });
  });

  it('lets the child from the access age see the plan being prepared, and fill in the form from the consent age', () => {
    expect(decidePlan(facts(actors.child), plan())).toEqual({ read: true, standing: 'family_preparing', actions: [] });
    expect(decidePlan(facts(actors.child, sixteen), plan())).toEqual({ read: true, standing: 'family_preparing', actions: ['prepare'] });
    expect(decidePlan(facts(actors.child, twelve), plan())).toEqual({ read: false, reason: 'no_basis_for_plan' });
  });

  it('refuses a guardian without custody of the child, and a guardian of an adult, the plan being prepared', () => {
    const other: PolicyActor = { userId: 'other-parent', roles: [], citizen: { guardianOf: ['another-child'], selfChildId: null } };
    expect(decidePlan(facts(other), plan())).toEqual({ read: false, reason: 'no_basis_for_plan' });
    expect(decidePlan(facts(actors.guardian, child({ birthDate: '2008-01-10' })), plan())).toEqual({ read: false, reason: 'no_basis_for_plan' });
  });

  it('keeps the family’s standing where the child has a protected identity (the record marks the look, the plan’s rule is the same)', () => {
    const protectedChild = child({ protectedIdentity: 'sekretessmarkering' });
    const f = facts(actors.guardian, protectedChild);
    expect(f.record.flagged).toBe(true);
    expect(decidePlan(f, plan())).toEqual({ read: true, standing: 'family_preparing', actions: ['prepare'] });
  });

  it('gives the team all of a plan, as before', () => {
    expect(planFieldsFor('participant')).toEqual(['contents', 'planning_lead', 'meetings', 'meeting_records']);
    expect(planFieldsFor('home_domain')).toContain('contents');
    expect(planFieldsFor('family')).toEqual(['contents', 'planning_lead', 'principals', 'meetings']);
    expect(isFamilyStanding('participant')).toBe(false);
  });

  it('sees an established plan; a guardian approves a proposed change, the child below the consent age does not', () => {
    const proposed = plan({ status: 'established', inForceRevision: 2, headRevision: 3 });
    expect(proposedRevision(proposed)).toBe(3);
    expect(decidePlan(facts(actors.guardian), proposed)).toEqual({ read: true, standing: 'family', actions: ['approve', 'prepare'] });
    expect(decidePlan(facts(actors.child), proposed)).toEqual({ read: true, standing: 'family', actions: [] });
    expect(decidePlan(facts(actors.guardian), plan({ status: 'established', inForceRevision: 3, headRevision: 3 }))).toEqual({ read: true, standing: 'family', actions: ['prepare'] });
    expect(decidePlan(facts(actors.guardian), { ...proposed, approvedByCaller: true })).toEqual({ read: true, standing: 'family', actions: ['prepare'] });
  });

  it('offers nothing to do on a closed plan, which the family still reads', () => {
    expect(decidePlan(facts(actors.guardian), plan({ status: 'closed', inForceRevision: 2, headRevision: 2 }))).toEqual({ read: true, standing: 'family', actions: [] });
  });

  it('lets the child approve from the age their own consent counts', () => {
    expect(decidePlan(facts(actors.child, sixteen), plan({ status: 'established', inForceRevision: 1, headRevision: 2 }))).toMatchObject({ actions: ['approve', 'prepare'] });
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
