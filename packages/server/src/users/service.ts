import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  administeredOrganisations,
  canEditAccount,
  canGrantRole,
  canSeeAccount,
  diffRoles,
  isAdministeringProfessional,
  roleChangeRefusal,
  type RoleAssignment,
  type RoleAssignmentView,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser } from '../auth/sessions.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { findUserById, insertUser, replaceRoles, setPassword, updateUserRow, usernameExists } from './queries.ts';

/** Every granted role must be the actor's to grant, and its unit must belong to its organisation. */
async function assertGrantable(trx: Transaction<DB>, actor: Actor, roles: readonly RoleAssignment[]): Promise<void> {
  for (const [index, role] of roles.entries()) {
    if (!canGrantRole(actor, role)) throw new AppError('forbidden', { details: [{ path: `body.roles.${index}` }] });
    if (role.unitId) {
      const unit = await trx.selectFrom('unit').select('organisation_id').where('id', '=', role.unitId).executeTakeFirst();
      if (unit?.organisation_id !== role.organisationId) {
        throw new AppError('validation_failed', { details: [{ path: `body.roles.${index}.unitId`, message: 'unit not in organisation' }] });
      }
    }
  }
}

export async function findVisibleUser(db: Kysely<DB>, actor: Actor, id: string): Promise<User> {
  const user = await findUserById(db, id);
  if (!user || !canSeeAccount(actor, user)) throw new AppError('not_found');
  return user;
}

export async function createUser(db: Kysely<DB>, request: FastifyRequest, actor: Actor, input: UserCreate): Promise<User> {
  assertPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const now = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    await assertGrantable(trx, actor, input.roles);
    if (await usernameExists(trx, input.username)) throw new AppError('username_taken', { details: [{ path: 'body.username' }] });
    const id = await insertUser(trx, { username: input.username, displayName: input.displayName, email: input.email ?? null, title: input.title ?? null }, now);
    // The administrator chose this password: it is one-time, like a reset.
    await setPassword(trx, id, passwordHash, actor.userId, now);
    await replaceRoles(trx, id, input.roles, 'all', actor.userId);
    await appendAudit(trx, [{
      ...auditFrom(request),
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      outcome: 'success',
      details: { username: input.username, roles: input.roles },
    }], now);
    const created = await findUserById(trx, id);
    if (!created) throw new AppError('internal_error');
    await appendAudit(trx, [roleChangeEntry(request, id, { added: created.roles, removed: [] })], now);
    return created;
  });
}

/** The audit entry of a role change: what was added and removed, with names, for the owner's history. */
function roleChangeEntry(request: FastifyRequest, userId: string, change: { added: RoleAssignmentView[]; removed: RoleAssignmentView[] }, after?: RoleAssignmentView[]) {
  const view = (r: RoleAssignmentView) => ({ organisationId: r.organisationId, organisationName: r.organisationName, unitId: r.unitId, unitName: r.unitName, role: r.role });
  return {
    ...auditFrom(request),
    action: 'user.roles_change' as const,
    subjectType: 'user',
    subjectId: userId,
    outcome: 'success' as const,
    details: {
      added: change.added.map(view),
      removed: change.removed.map(view),
      // An administrator who becomes a professional where they administer: log review's to see.
      ...(after && isAdministeringProfessional(after) ? { administratorIsProfessional: true } : {}),
    },
  };
}

/** The roles the target will hold: those outside the actor's organisations stay, the rest are the patch's. */
function rolesAfter(target: User, actor: Actor, roles: readonly RoleAssignment[]): RoleAssignment[] {
  const scope = administeredOrganisations(actor);
  const kept = scope === 'all' ? [] : target.roles.filter((r) => !scope.includes(r.organisationId));
  return [...kept, ...roles];
}

export async function updateUser(db: Kysely<DB>, request: FastifyRequest, actor: Actor, id: string, patch: UserUpdate): Promise<User> {
  const target = await findVisibleUser(db, actor, id);
  const accountChange = patch.displayName !== undefined || patch.email !== undefined || patch.title !== undefined
    || patch.active !== undefined || patch.password !== undefined;
  if (accountChange && !canEditAccount(actor, target)) throw new AppError('forbidden');
  if (patch.active === false && id === actor.userId) throw new AppError('conflict', { details: [{ path: 'body.active', message: 'cannot deactivate yourself' }] });
  // Your own password is changed with the current one (POST /api/auth/password), never set here:
  // a stolen administrator's session must not be able to take the account over for good.
  if (patch.password !== undefined && id === actor.userId) throw new AppError('conflict', { details: [{ path: 'body.password', message: 'change your own password with the current one' }] });
  if (patch.roles) {
    const refusal = roleChangeRefusal(actor, id, diffRoles(target.roles, rolesAfter(target, actor, patch.roles)));
    if (refusal) throw new AppError(refusal, { details: [{ path: 'body.roles' }] });
  }
  if (patch.password !== undefined) assertPasswordPolicy(patch.password, target.username);
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  const now = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    const { password: _omit, roles, ...fields } = patch;
    await updateUserRow(trx, id, {
      ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
      ...(fields.email !== undefined ? { email: fields.email } : {}),
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.active !== undefined ? { active: fields.active } : {}),
    }, now);
    // A reset: one-time, marked with this administrator; it ends every session of the account.
    if (passwordHash) await setPassword(trx, id, passwordHash, actor.userId, now);
    if (roles) {
      await assertGrantable(trx, actor, roles);
      // Roles in organisations the actor does not administer stay as they are.
      await replaceRoles(trx, id, roles, administeredOrganisations(actor), actor.userId);
    }
    if (fields.active === false || passwordHash) await deleteSessionsOfUser(trx, id);
    await appendAudit(trx, [{
      ...auditFrom(request),
      action: 'user.update',
      subjectType: 'user',
      subjectId: id,
      outcome: 'success',
      details: { changes: { ...fields, ...(roles ? { roles } : {}), ...(passwordHash ? { password: 'reset' } : {}) } },
    }], now);
    const updated = await findUserById(trx, id);
    if (!updated) throw new AppError('internal_error');
    if (updated.roles.length === 0) throw new AppError('validation_failed', { details: [{ path: 'body.roles', message: 'a user needs at least one role' }] });
    const change = diffRoles(target.roles, updated.roles);
    // Every role change is its own entry, in this transaction: the owner's account history reads them.
    if (change.added.length > 0 || change.removed.length > 0) await appendAudit(trx, [roleChangeEntry(request, id, change, updated.roles)], now);
    return updated;
  });
}
