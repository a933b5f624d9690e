import type { Role, RoleAssignment } from '../users/schema.ts';

/** What the administration policy needs to know about who is asking. */
export interface AdminActor {
  roles: readonly Pick<RoleAssignment, 'organisationId' | 'role'>[];
}

export function hasRole(actor: AdminActor, role: Role): boolean {
  return actor.roles.some((r) => r.role === role);
}

export function isSystemAdmin(actor: AdminActor): boolean {
  return hasRole(actor, 'system_admin');
}

/** Organisations whose units and users this actor may change; `'all'` for system administrators. */
export function administeredOrganisations(actor: AdminActor): 'all' | string[] {
  if (isSystemAdmin(actor)) return 'all';
  return [...new Set(actor.roles.filter((r) => r.role === 'org_admin').map((r) => r.organisationId))];
}

export function canAdministerOrganisation(actor: AdminActor, organisationId: string): boolean {
  const scope = administeredOrganisations(actor);
  return scope === 'all' || scope.includes(organisationId);
}

export function isAdministrator(actor: AdminActor): boolean {
  const scope = administeredOrganisations(actor);
  return scope === 'all' || scope.length > 0;
}

/**
 * An organisation administrator may not hand out system administration, and may only
 * grant roles in organisations they administer: otherwise they could widen their own reach.
 */
export function canGrantRole(actor: AdminActor, grant: Pick<RoleAssignment, 'organisationId' | 'role'>): boolean {
  if (grant.role === 'system_admin') return isSystemAdmin(actor);
  return canAdministerOrganisation(actor, grant.organisationId);
}

/**
 * Changing an account itself (name, password, deactivation) reaches every organisation the
 * user works in, so an organisation administrator may do it only when all of them are theirs,
 * and never to a system administrator.
 */
export function canEditAccount(actor: AdminActor, target: AdminActor): boolean {
  if (isSystemAdmin(actor)) return true;
  if (isSystemAdmin(target)) return false;
  return target.roles.every((r) => canAdministerOrganisation(actor, r.organisationId));
}

/** Whether the target is within the actor's reach at all (holds a role in an administered organisation). */
export function canSeeAccount(actor: AdminActor, target: AdminActor): boolean {
  return isSystemAdmin(actor) || target.roles.some((r) => canAdministerOrganisation(actor, r.organisationId));
}
