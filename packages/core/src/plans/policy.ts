import type { AccessDecision, EntryFacts, PolicyActor, PolicyChild } from '../access/policy.ts';
import { activeMembership, childDecider, consentCountsFor, consentCoversEntry, partyOf, type ChildDecider } from '../access/policy.ts';
import { consentNames, type ConsentFacts, type ConsentRules } from '../access/consent.ts';
import { domainAt } from '../secrecy/domains.ts';
import type { PlanAction, PlanField, PlanKind, PlanStatus } from './schema.ts';

/**
 * Who may see and change a plan. The gate decides first (the record, then each entry by the
 * category `plan`, where and when it was written); the plan adds its own rule on top: a plan is
 * made only with consent, and its participants are the parties of *that* consent. Another consent
 * that happens to cover the plan makes nobody a participant.
 */

export interface PlanFacts {
  kind: PlanKind;
  status: PlanStatus;
  consentId: string;
  /** Where and when the plan was started: the plan's own entry. */
  home: EntryFacts;
  createdBy: string;
  /** The planning lead the head revision names; the creator leads until one is named. */
  planningLeadUserId: string | null;
  headRevision: number;
  inForceRevision: number | null;
  /** The caller has already approved the change proposed now (one approval each). */
  approvedByCaller?: boolean;
}

/** The gate's facts the plan's rule weighs, and the gate's answer on reading the record. */
export interface PlanAccessFacts {
  actor: PolicyActor;
  child: PolicyChild;
  now: Date;
  rules: ConsentRules;
  record: AccessDecision;
}

export const planDenyReasons = ['not_plan_participant', 'no_basis_for_plan'] as const;
export type PlanDenyReason = (typeof planDenyReasons)[number];

/**
 * `family`: a guardian or the child (from the access age) on an established or closed plan;
 * `family_preparing`: the same on a plan being prepared (a draft), which the family meets before
 * its first meeting, where the plan is made with it.
 */
export type PlanStanding = 'participant' | 'home_domain' | 'emergency' | 'family' | 'family_preparing';

export type PlanDecision = { read: true; standing: PlanStanding; actions: PlanAction[] } | { read: false; reason: PlanDenyReason };

const context = (f: PlanAccessFacts) => ({ now: f.now, rules: f.rules });

// One gate per set of facts: a plan's view asks it for every revision it lists (decideAccess, asked many times).
const deciders = new WeakMap<PlanAccessFacts, ChildDecider>();
function deciderFor(f: PlanAccessFacts): ChildDecider {
  let decider = deciders.get(f);
  if (!decider) deciders.set(f, (decider = childDecider(f.actor, f.child, context(f))));
  return decider;
}

/** The change waiting for the family: the head of an established plan, newer than the one in force. */
export function proposedRevision(plan: Pick<PlanFacts, 'status' | 'headRevision' | 'inForceRevision'>): number | null {
  if (plan.status !== 'established' || plan.inForceRevision === null) return null;
  return plan.headRevision > plan.inForceRevision ? plan.headRevision : null;
}

/** The plan's consent, as the gate loaded it with the child's facts. */
function planConsent(f: PlanAccessFacts, plan: Pick<PlanFacts, 'consentId'>): ConsentFacts | undefined {
  return f.child.consents.find((c) => c.id === plan.consentId);
}

/**
 * A participant: a current team member whose party (organisation or secrecy domain) the plan's
 * consent names, while it covers the plan, is in force and counts for them (the professional
 * who recorded it on the family's behalf never widens their own access by it).
 */
export function isPlanParticipant(f: PlanAccessFacts, plan: Pick<PlanFacts, 'consentId'>): boolean {
  const member = activeMembership(f.actor, f.child, context(f));
  const consent = planConsent(f, plan);
  if (!member || !consent || !consent.categories.includes('plan')) return false;
  return consentNames(consent, partyOf(member, f.now)) && consentCountsFor(f.child, consent, f.actor.userId, context(f));
}

/**
 * Whether the caller reads this entry of the plan (the plan itself or one revision): the gate
 * allows it, and across secrecy domains it is the plan's own consent that covers it. The
 * family reads what the plan shows it (see `decidePlan`); emergency access what its ground opens.
 */
export function mayReadPlanEntry(f: PlanAccessFacts, plan: Pick<PlanFacts, 'consentId'>, entry: EntryFacts): boolean {
  if (f.record.allow && f.record.basis === 'own_record') return true;
  const gate = deciderFor(f).decide('read', 'plan', entry);
  if (!gate.allow) return false;
  if (gate.basis === 'emergency') return true;
  const member = activeMembership(f.actor, f.child, context(f));
  if (!member) return false;
  if (domainAt(member.secrecyDomains, entry.writtenAt) === entry.secrecyDomainId) return true;
  const consent = planConsent(f, plan);
  return consent !== undefined && consentCoversEntry({ ...f.child, consents: [consent] }, member, 'plan', entry, context(f));
}

/** The plan's rule: who reads it, and which of its actions they may take. */
export function decidePlan(f: PlanAccessFacts, plan: PlanFacts): PlanDecision {
  if (!f.record.allow) return { read: false, reason: 'no_basis_for_plan' };
  if (f.record.basis === 'own_record') return decideForFamily(f, plan);
  if (!mayReadPlanEntry(f, plan, plan.home)) return { read: false, reason: f.record.basis === 'emergency' ? 'no_basis_for_plan' : 'not_plan_participant' };
  if (f.record.basis === 'emergency') return { read: true, standing: 'emergency', actions: [] };
  const participant = isPlanParticipant(f, plan);
  return { read: true, standing: participant ? 'participant' : 'home_domain', actions: participant ? memberActions(f, plan) : [] };
}

/**
 * Participants save revisions while the plan is open and they write in a secrecy domain; the
 * planning lead (the creator until one is named) establishes and closes it.
 */
function memberActions(f: PlanAccessFacts, plan: PlanFacts): PlanAction[] {
  if (plan.status === 'closed') return [];
  const member = activeMembership(f.actor, f.child, context(f));
  if (!member || partyOf(member, f.now).domainId === null) return [];
  const actions: PlanAction[] = ['save_revision'];
  const lead = (plan.planningLeadUserId ?? plan.createdBy) === f.actor.userId;
  if (lead && plan.status === 'draft') actions.push('establish');
  if (lead) actions.push('close');
  return actions;
}

/**
 * The family sees a plan being prepared as coming (its kind, lead, principals and meetings, never
 * the team's draft: `planFields`), and an established one as the revision in force and the
 * change proposed. Those whose consent counts (the gate's `give_consent`: the guardians, and the
 * child from the consent age) fill in their preparation form while the plan is open, and
 * approve a proposal.
 */
function decideForFamily(f: PlanAccessFacts, plan: PlanFacts): PlanDecision {
  const speaks = f.record.actions.includes('give_consent');
  const actions: PlanAction[] = [];
  if (speaks && proposedRevision(plan) !== null && plan.approvedByCaller !== true) actions.push('approve');
  if (speaks && plan.status !== 'closed') actions.push('prepare');
  return { read: true, standing: plan.status === 'draft' ? 'family_preparing' : 'family', actions };
}

const teamFields: PlanField[] = ['contents', 'planning_lead', 'meetings', 'meeting_records'];
const fieldsOf: Record<PlanStanding, PlanField[]> = {
  participant: teamFields,
  home_domain: teamFields,
  emergency: teamFields,
  family: ['contents', 'planning_lead', 'principals', 'meetings'],
  family_preparing: ['planning_lead', 'principals', 'meetings'],
};

/** What of a plan its reader sees, by the standing the plan's rule gave them (see `planFields` in schema.ts). */
export function planFieldsFor(standing: PlanStanding): PlanField[] {
  return fieldsOf[standing];
}

/** Whether the standing is the family's (the plan in force, or a plan being prepared). */
export const isFamilyStanding = (standing: PlanStanding): boolean => standing === 'family' || standing === 'family_preparing';

/**
 * Whether a team member may start a plan on this consent: they write in a secrecy domain, and
 * the consent covers the plan, is in force, counts for them and names their party.
 */
export function mayStartPlanOn(f: PlanAccessFacts, consentId: string): boolean {
  if (!f.record.allow || f.record.basis === 'own_record' || f.record.basis === 'emergency') return false;
  const member = activeMembership(f.actor, f.child, context(f));
  if (!member || partyOf(member, f.now).domainId === null) return false;
  return isPlanParticipant(f, { consentId });
}

/** The consents a member may start a plan on (for the form's choice). */
export function planConsentOptions(f: PlanAccessFacts): ConsentFacts[] {
  return f.child.consents.filter((c) => mayStartPlanOn(f, c.id));
}
