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

type RoleKeyed = Pick<RoleAssignment, 'organisationId' | 'unitId' | 'role'>;

function roleKey(r: RoleKeyed): string {
  return `${r.organisationId}|${r.unitId ?? ''}|${r.role}`;
}

/** The roles added and removed between two sets (the order of a list does not matter). */
export function diffRoles<T extends RoleKeyed>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[] } {
  const had = new Set(before.map(roleKey));
  const has = new Set(after.map(roleKey));
  return { added: after.filter((r) => !had.has(roleKey(r))), removed: before.filter((r) => !has.has(roleKey(r))) };
}

/** Who changes someone's roles: the acting account, and the administrator whose reset password opened its session. */
export interface RoleChanger extends AdminActor {
  userId: string;
  passwordResetBy: { userId: string } | null;
}

/**
 * Why a change of someone's roles is refused, or null. No one changes their own roles (so an
 * administrator never makes themselves a professional, a reader of children's data), and a
 * session opened with a password the target reset is the target's own hand: an administrator who
 * resets a second administrator's password and logs in as them does not thereby find the "second
 * administrator" that an administrator's professional role needs.
 */
export function roleChangeRefusal(
  actor: RoleChanger,
  targetId: string,
  change: { added: readonly RoleKeyed[]; removed: readonly RoleKeyed[] },
): 'own_roles_forbidden' | 'second_admin_required' | null {
  if (change.added.length === 0 && change.removed.length === 0) return null;
  if (actor.userId === targetId) return 'own_roles_forbidden';
  if (actor.passwordResetBy?.userId === targetId) return 'second_admin_required';
  return null;
}

/**
 * Whether the roles make an administrator a professional in an organisation they administer
 * (a system administrator administers every organisation). Such an account reads children's
 * data only on a second administrator's grant: `roleChangeRefusal` guards every grant.
 */
export function isAdministeringProfessional(roles: readonly RoleKeyed[]): boolean {
  const systemAdmin = roles.some((r) => r.role === 'system_admin');
  return roles.some((r) => r.role === 'professional' && (systemAdmin || roles.some((a) => a.role === 'org_admin' && a.organisationId === r.organisationId)));
}
