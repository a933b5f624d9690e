import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { RoleAssignment, RoleAssignmentView, User } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type WithUser = DB & { u: DB['app_user'] };

/** The roles of the user `u` in a query, with organisation and unit names, as a subquery. */
export function rolesOfUser(eb: ExpressionBuilder<WithUser, 'u'>, userId: 'u.id') {
  return roleRows(eb, userId);
}

/**
 * The roles of a session's actor: as `rolesOfUser`, and who granted each, since the gate never
 * counts a role its holder granted themselves.
 */
export function actorRolesOfUser(eb: ExpressionBuilder<WithUser, 'u'>, userId: 'u.id') {
  return roleRows(eb, userId).select('r.granted_by as grantedBy');
}

function roleRows(eb: ExpressionBuilder<WithUser, 'u'>, userId: 'u.id') {
  return eb
    .selectFrom('user_role as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('unit as un', 'un.id', 'r.unit_id')
    .select([
      'r.organisation_id as organisationId',
      'r.unit_id as unitId',
      'r.role',
      'o.name as organisationName',
      'un.name as unitName',
    ])
    .whereRef('r.user_id', '=', userId)
    .orderBy('o.name')
    .orderBy('r.role');
}

export interface UserFilter {
  /** Only users with a role in one of these organisations; undefined for all. */
  organisationIds?: string[];
  /** Only this user. */
  userId?: string;
}

/**
 * Accounts that user administration sees: professionals only. Citizen accounts (guardians, the
 * child) belong to the citizens and their e-ID, not to administrators; an administrator who could
 * list them, or set their password and roles, could read a protected identity or log in as a
 * guardian. So every question user administration asks starts here, and a citizen account is not found.
 */
function professionalAccounts(db: Kysely<DB> | Transaction<DB>) {
  return db.selectFrom('app_user as u').where('u.kind', '=', 'professional');
}

export async function listUsers(db: Kysely<DB>, filter: UserFilter): Promise<User[]> {
  let query = professionalAccounts(db)
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.title',
      'u.active',
      'u.created_at',
      'u.updated_at',
      jsonArrayFrom(rolesOfUser(eb, 'u.id')).as('roles'),
    ])
    .orderBy('u.display_name');
  if (filter.userId) query = query.where('u.id', '=', filter.userId);
  if (filter.organisationIds) {
    const ids = filter.organisationIds;
    if (ids.length === 0) return [];
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('user_role as fr').select(sql`1`.as('one')).whereRef('fr.user_id', '=', 'u.id').where('fr.organisation_id', 'in', ids),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    title: r.title,
    active: r.active,
    roles: r.roles as RoleAssignmentView[],
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function findUserById(db: Kysely<DB>, id: string): Promise<User | undefined> {
  return (await listUsers(db, { userId: id }))[0];
}

export async function findLoginAccount(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('local_credential as c', 'c.user_id', 'u.id')
    .select(['u.id', 'u.username', 'u.active', 'c.password_hash', 'c.reset_by'])
    .where('u.username', '=', username)
    .executeTakeFirst();
}

/** Over every account, citizens too: login names are one namespace. */
export async function usernameExists(db: Kysely<DB> | Transaction<DB>, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  trx: Transaction<DB>,
  user: { username: string; displayName: string; email: string | null; title: string | null },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('app_user')
    .values({ kind: 'professional', username: user.username, display_name: user.displayName, email: user.email, title: user.title, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Sets a password. `resetBy` names the administrator who set it for someone else (a one-time
 * password the owner must change at the next login); null when the owner chose it.
 */
export async function setPassword(trx: Transaction<DB>, userId: string, passwordHash: string, resetBy: string | null, now: Date): Promise<void> {
  await trx
    .insertInto('local_credential')
    .values({ user_id: userId, password_hash: passwordHash, changed_at: now, reset_by: resetBy })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: passwordHash, changed_at: now, reset_by: resetBy }))
    .execute();
}

/** Replaces the roles a user holds in the given organisations; roles elsewhere are kept. */
/**
 * Replaces the roles a user holds in the given organisations; roles elsewhere are kept. A role
 * that stays keeps its row and who granted it; a new one names `grantedBy`, the administrator
 * making the change (the gate ignores a role granted by its own holder).
 */
export async function replaceRoles(
  trx: Transaction<DB>,
  userId: string,
  roles: readonly RoleAssignment[],
  inOrganisations: 'all' | string[],
  grantedBy: string | null,
): Promise<void> {
  if (inOrganisations !== 'all' && inOrganisations.length === 0) return;
  let held = trx.selectFrom('user_role').select(['id', 'organisation_id', 'unit_id', 'role']).where('user_id', '=', userId);
  if (inOrganisations !== 'all') held = held.where('organisation_id', 'in', inOrganisations);
  const existing = await held.execute();
  const same = (a: { organisation_id: string; unit_id: string | null; role: string }, b: RoleAssignment) => a.organisation_id === b.organisationId && a.unit_id === b.unitId && a.role === b.role;
  const dropped = existing.filter((e) => !roles.some((r) => same(e, r))).map((e) => e.id);
  const added = roles.filter((r) => !existing.some((e) => same(e, r)));
  if (dropped.length > 0) await trx.deleteFrom('user_role').where('id', 'in', dropped).execute();
  if (added.length === 0) return;
  await trx
    .insertInto('user_role')
    .values(added.map((r) => ({ user_id: userId, organisation_id: r.organisationId, unit_id: r.unitId, role: r.role, granted_by: grantedBy })))
    .execute();
}

export async function updateUserRow(
  trx: Transaction<DB>,
  id: string,
  patch: Partial<{ display_name: string; email: string | null; title: string | null; active: boolean }>,
  now: Date,
): Promise<void> {
  await trx.updateTable('app_user').set({ ...patch, updated_at: now }).where('id', '=', id).where('kind', '=', 'professional').execute();
}

/**
 * What others changed in this account, newest first, from the audit log: role changes (each its
 * own `user.roles_change` entry) and password resets by an administrator. Shown to the owner.
 */
export async function accountHistory(db: Kysely<DB>, userId: string) {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as by', 'by.id', 'a.actor_id')
    .select(['a.at', 'a.action', 'a.details', 'a.actor_username', 'by.display_name'])
    .where('a.subject_type', '=', 'user')
    .where('a.subject_id', '=', userId)
    .where('a.outcome', '=', 'success')
    .where((eb) => eb.or([
      eb('a.action', '=', 'user.roles_change'),
      eb.and([eb('a.action', '=', 'user.update'), sql<boolean>`a.details->'changes' ? 'password'`]),
    ]))
    .orderBy('a.seq', 'desc')
    .limit(500)
    .execute();
  type HistoryRole = { organisationId: string; organisationName: string; unitId: string | null; unitName: string | null; role: string };
  return rows.map((r) => {
    const details = (r.details ?? {}) as { added?: HistoryRole[]; removed?: HistoryRole[] };
    return {
      at: new Date(r.at).toISOString(),
      kind: r.action === 'user.roles_change' ? ('roles_changed' as const) : ('password_reset' as const),
      by: { username: r.actor_username, displayName: r.display_name },
      added: details.added ?? [],
      removed: details.removed ?? [],
    };
  });
}
