import type { AdminActor } from '../admin/policy.ts';

/**
 * Who may change an action plan. Plans hold no child's data, so the child gate is not asked; the
 * rule is membership: a collaboration coordinator of the owning organisation or of one that shares
 * the plan edits it. Everyone else who is logged in as a professional reads it, and a change from
 * them is refused (403). The owner's coordinators alone open and close follow-up rounds. The
 * activity's responsible person, or a coordinator or unit manager of its responsible organisation,
 * records reviews of that activity. Citizens reach no plan.
 */

export interface PlanActor extends AdminActor {
  userId: string;
  kind: 'professional' | 'citizen';
}

export interface PlanParties {
  ownerOrganisationId: string;
  sharingOrganisationIds: readonly string[];
}

export interface ActivityParties {
  responsibleOrganisationId: string;
  responsibleUserId: string | null;
}

const coordinatorIn = (actor: AdminActor, organisationId: string) => actor.roles.some((r) => r.role === 'collaboration_coordinator' && r.organisationId === organisationId);

/** Anyone logged in as a professional reads the plans; citizens do not. */
export function canReadActionPlans(actor: PlanActor): boolean {
  return actor.kind === 'professional' && actor.roles.length > 0;
}

/** A new plan is owned by an organisation the caller is a coordinator in. */
export function canCreateActionPlan(actor: PlanActor, ownerOrganisationId?: string): boolean {
  if (actor.kind !== 'professional') return false;
  return ownerOrganisationId === undefined ? actor.roles.some((r) => r.role === 'collaboration_coordinator') : coordinatorIn(actor, ownerOrganisationId);
}

export function canEditActionPlan(actor: PlanActor, plan: PlanParties): boolean {
  if (actor.kind !== 'professional') return false;
  return coordinatorIn(actor, plan.ownerOrganisationId) || plan.sharingOrganisationIds.some((o) => coordinatorIn(actor, o));
}

export function canRunRounds(actor: PlanActor, plan: PlanParties): boolean {
  return actor.kind === 'professional' && coordinatorIn(actor, plan.ownerOrganisationId);
}

/** Whether the caller answers for the activity: its person, or a coordinator or unit manager of its organisation when it names no person. */
export function isResponsibleFor(actor: PlanActor, activity: ActivityParties): boolean {
  if (actor.kind !== 'professional') return false;
  if (activity.responsibleUserId !== null) return activity.responsibleUserId === actor.userId;
  return actor.roles.some((r) => (r.role === 'collaboration_coordinator' || r.role === 'unit_manager') && r.organisationId === activity.responsibleOrganisationId);
}

export function canReviewActivity(actor: PlanActor, plan: PlanParties, activity: ActivityParties): boolean {
  return canEditActionPlan(actor, plan) || isResponsibleFor(actor, activity);
}
