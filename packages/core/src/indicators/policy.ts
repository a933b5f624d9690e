import type { AdminActor } from '../admin/policy.ts';

/**
 * Who keeps the indicator catalogue and imports statistics: an analyst, for the organisations they
 * are an analyst in, and a system administrator. The catalogue holds no personal data; anyone
 * logged in reads it.
 */
export function indicatorOrganisations(actor: AdminActor): 'all' | string[] {
  if (actor.roles.some((r) => r.role === 'system_admin')) return 'all';
  return [...new Set(actor.roles.filter((r) => r.role === 'analyst').map((r) => r.organisationId))];
}

export function canManageIndicators(actor: AdminActor, organisationId?: string): boolean {
  const scope = indicatorOrganisations(actor);
  if (scope === 'all') return true;
  return organisationId === undefined ? scope.length > 0 : scope.includes(organisationId);
}

/**
 * Who sets an indicator's targets: whoever keeps the indicator (its owner's analysts, a system
 * administrator), the collaboration coordinators of the indicator's owner, and the analysts of the
 * organisation the target is for (a municipality sets its own target). Targets hold no personal data.
 */
export function canManageTargets(actor: AdminActor, target: { indicatorOwnerId: string; organisationId?: string }): boolean {
  if (canManageIndicators(actor, target.indicatorOwnerId)) return true;
  if (actor.roles.some((r) => r.role === 'collaboration_coordinator' && r.organisationId === target.indicatorOwnerId)) return true;
  return target.organisationId !== undefined && canManageIndicators(actor, target.organisationId);
}

/**
 * The organisations whose targets for the indicator the actor may set: every one for its keepers
 * and its owner's coordinators, else those they are an analyst in (empty: none). The server's
 * `canManage` and the web's editor both read it, so the editor offers only what the server allows.
 */
export function targetOrganisations(actor: AdminActor, indicatorOwnerId: string): 'all' | string[] {
  if (canManageTargets(actor, { indicatorOwnerId })) return 'all';
  const scope = indicatorOrganisations(actor);
  return scope === 'all' ? 'all' : scope;
}
