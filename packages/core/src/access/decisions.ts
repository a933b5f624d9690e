import type { AccessBasis, AccessCategory } from '../children/schema.ts';
import { stockholmDate } from '../time/stockholm.ts';
import { ageOn } from './consent.ts';
import { actionsFor, fieldsFor, isProfessional, noFields, type Standing } from './grants.ts';
import type { AccessAction, AccessContext, AccessDecision, DenyReason, PolicyActor, PolicyChild } from './policy.ts';
import { activeMembership, emergencyOpens, holdsRole, selfGranted } from './membership.ts';

/** The gate's answers for a reader with no place on the team, a citizen and a log reviewer, and the answers' shape. */

/** A professional without a current place on the team: a handover's receiver, emergency access, or an outsider. */
export function decideWithoutPlace(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): AccessDecision {
  if (previewsHandover(actor, child, action, category, context)) return allow('handover', 'handover_receiver', child, standingOf(actor, child, context), context, actor);
  const open = child.emergencyAccesses.filter((e) => e.userId === actor.userId && e.startsAt <= context.now && context.now < e.expiresAt);
  if (open.length > 0) {
    if (action !== 'read') return deny('emergency_is_read_only', child, actor, context);
    // Emergency access rests on the professional role at every read, not only when it was opened.
    const valid = open.filter((e) => holdsRole(actor, e.organisationId, 'professional'));
    if (valid.length === 0) return deny('emergency_needs_professional_role', child, actor, context);
    // It shows only what its ground opens: the record, the team and the consents, and the ground's categories.
    if (!valid.some((e) => emergencyOpens(e, category))) return deny('emergency_ground_does_not_cover', child, actor, context);
    return allow('emergency', 'emergency_access', child, { kind: 'emergency' }, context);
  }
  return deny(outsiderReason(actor, child, context.now), child, actor, context);
}

/**
 * Being proposed as the next named person is a basis to see what one is asked to take on, and
 * only that: the record (for the child's name) read for the purpose `handover_preview`, by the
 * receiver of the child's pending handover, while they work as a professional somewhere.
 */
function previewsHandover(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): boolean {
  return context.purpose === 'handover_preview' && action === 'read' && category === 'record' && child.pendingHandover?.toUserId === actor.userId && isProfessional(actor);
}

/** `standing`, where the caller has already found it (a member's refusal), is not looked up again. */
export function deny(reason: DenyReason, child: PolicyChild, actor: PolicyActor, context: AccessContext, standing: Standing = standingOf(actor, child, context)): AccessDecision {
  return { allow: false, basis: null, reason, fields: noFields, actions: actionsFor(standing, actor, child, context), flagged: child.protectedIdentity !== null };
}

export function allow(basis: AccessBasis, reason: string, child: PolicyChild, standing: Standing, context: AccessContext, actor?: PolicyActor): AccessDecision {
  return {
    allow: true,
    basis,
    reason,
    fields: fieldsFor(standing, context.purpose),
    actions: actionsFor(standing, actor, child, context),
    flagged: child.protectedIdentity !== null || basis === 'emergency',
  };
}

/** The actor's standing, for the actions a refusal can still offer (emergency access, a search's next step). */
function standingOf(actor: PolicyActor, child: PolicyChild, context: AccessContext): Standing {
  if (actor.citizen) return { kind: 'none' };
  const member = activeMembership(actor, child, context);
  if (member) return { kind: 'member', member };
  return child.emergencyAccesses.some((e) => e.userId === actor.userId && e.startsAt <= context.now && context.now < e.expiresAt) ? { kind: 'emergency' } : { kind: 'none' };
}

export function decideForCitizen(
  citizen: NonNullable<PolicyActor['citizen']>,
  child: PolicyChild,
  action: AccessAction,
  category: AccessCategory,
  context: AccessContext,
): AccessDecision {
  const age = ageOn(child.birthDate, stockholmDate(context.now));
  const isGuardian = citizen.guardianOf.includes(child.id) && age < 18;
  const isSelf = citizen.selfChildId === child.id;
  const refuse = (reason: DenyReason): AccessDecision => ({ allow: false, basis: null, reason, fields: noFields, actions: [], flagged: child.protectedIdentity !== null });
  if (!isGuardian && !isSelf) return refuse('not_guardian');
  if (!isGuardian && age < context.rules.childAccessFromAge) return refuse('below_access_age');
  const readable: AccessCategory[] = ['record', 'care_team', 'consent', 'access_log'];
  const standing: Standing = { kind: 'citizen', guardian: isGuardian };
  const reason = isGuardian ? 'guardian' : 'self';
  if (action === 'read' && readable.includes(category)) return allow('own_record', reason, child, standing, context);
  // The family changes consents and gives its own view on the wellbeing wheel (the child's or a guardian's).
  if (action === 'write' && (category === 'consent' || category === 'wellbeing')) return allow('own_record', reason, child, standing, context);
  return refuse('not_shared_with_citizens');
}

/**
 * Log review (loggkontroll) is a duty of unit managers and collaboration coordinators, for
 * children their organisation works with: one of its people is or was on the child's team, or
 * opened emergency access to the child (the manager of the unit it was opened at reviews it).
 */
export function decideLogReview(actor: PolicyActor, child: PolicyChild, category: AccessCategory): AccessDecision {
  const reviewing = new Set(actor.roles.filter((r) => (r.role === 'unit_manager' || r.role === 'collaboration_coordinator') && !selfGranted(actor, r)).map((r) => r.organisationId));
  const refuse: AccessDecision = { allow: false, basis: null, reason: 'not_log_reviewer', fields: noFields, actions: [], flagged: child.protectedIdentity !== null };
  if (reviewing.size === 0 || category !== 'access_log') return refuse;
  if (!child.careTeam.some((m) => reviewing.has(m.organisationId)) && !child.emergencyAccesses.some((e) => reviewing.has(e.organisationId))) return refuse;
  return { allow: true, basis: 'legal_duty', reason: 'log_review', fields: noFields, actions: ['review_log'], flagged: child.protectedIdentity !== null };
}

function outsiderReason(actor: PolicyActor, child: PolicyChild, now: Date): DenyReason {
  if (child.careTeam.some((m) => m.userId === actor.userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt) && m.basis === 'consent')) {
    return 'team_consent_not_in_force';
  }
  const counted = actor.roles.filter((r) => !selfGranted(actor, r)).map((r) => r.role);
  const roles = new Set(counted);
  if (roles.has('professional')) return 'not_in_care_team';
  if (roles.has('analyst')) return 'analyst_no_identifiable_data';
  if (actor.roles.some((r) => r.role === 'system_admin' || r.role === 'org_admin')) return 'administrator_no_child_data';
  return 'not_in_care_team';
}
