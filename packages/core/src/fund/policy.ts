import type { PlanActor } from '../action-plans/policy.ts';

/**
 * Who does what in the fund (docs/fund.md). Fund data holds no child's data, so the child gate is
 * not asked. Every professional reads the fund. The fund managers (role fund_manager in the fund's
 * owner organisation) decide, record disbursements and keep the calculations. An application is
 * drafted, changed and submitted by its applicant organisation's collaboration coordinators or
 * unit managers; the same people report on a granted project, and may keep its calculation.
 * The child-rights impact assessment of an application is made by a fund manager, before the decision.
 */

const roleIn = (actor: PlanActor, role: string, organisationId: string) => actor.kind === 'professional' && actor.roles.some((r) => r.role === role && r.organisationId === organisationId);

export function canReadFund(actor: PlanActor): boolean {
  return actor.kind === 'professional' && actor.roles.length > 0;
}

export function isFundManager(actor: PlanActor, fundOwnerOrganisationId: string): boolean {
  return roleIn(actor, 'fund_manager', fundOwnerOrganisationId);
}

/** May apply for (or change an application of) this organisation. */
export function canApplyFor(actor: PlanActor, applicantOrganisationId: string): boolean {
  return roleIn(actor, 'collaboration_coordinator', applicantOrganisationId) || roleIn(actor, 'unit_manager', applicantOrganisationId);
}

/** May apply for some organisation at all (to offer the form). */
export function canApplyAtAll(actor: PlanActor): boolean {
  return actor.kind === 'professional' && actor.roles.some((r) => r.role === 'collaboration_coordinator' || r.role === 'unit_manager');
}
