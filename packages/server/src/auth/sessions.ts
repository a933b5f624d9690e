import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ActorRole } from '../http/types.ts';
import type { DB } from '../db/schema.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import { actorRolesOfUser } from '../users/queries.ts';

export const sessionCookie = 'samsyn_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  userId: string;
  authMethod: 'local' | 'oidc';
  clientIp: string;
  userAgent: string | undefined;
  maxHours: number;
  /** The administrator who set the password this login used (a reset), or null. */
  passwordResetBy?: string | null;
}

/** Creates a session and returns the cookie's token; only its hash is stored. */
export async function createSession(trx: Transaction<DB>, s: NewSession, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('session')
    .values({
      token_hash: hashToken(token),
      user_id: s.userId,
      auth_method: s.authMethod,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + s.maxHours * 3_600_000),
      client_ip: s.clientIp,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      password_reset_by: s.passwordResetBy ?? null,
      // A reset password is one-time: the session may only change it.
      must_change_password: (s.passwordResetBy ?? null) !== null,
    })
    .execute();
  return token;
}

export interface LoadedSession {
  tokenHash: string;
  lastSeenAt: Date;
  expiresAt: Date;
  authMethod: 'local' | 'oidc';
  user: { id: string; username: string; displayName: string; active: boolean; kind: 'professional' | 'citizen' };
  roles: ActorRole[];
  /** Set when the session started with a password an administrator reset. */
  passwordResetBy: { userId: string; username: string } | null;
  /** Until the reset password is changed, the session may do nothing else. */
  mustChangePassword: boolean;
}

/** One query: the session, its user and the user's roles. Every API request asks it, so it is compiled once. */
const sessionByHash = reusableQuery(['tokenHash'], (db, p) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('app_user as rb', 'rb.id', 's.password_reset_by')
    .select((eb) => [
      's.token_hash',
      's.last_seen_at',
      's.expires_at',
      's.auth_method',
      'u.id',
      'u.username',
      'u.display_name',
      'u.active',
      'u.kind',
      's.password_reset_by',
      's.must_change_password',
      'rb.username as reset_by_username',
      jsonArrayFrom(actorRolesOfUser(eb, 'u.id')).as('roles'),
    ])
    .where('s.token_hash', '=', p.tokenHash),
);

export async function findSession(db: Kysely<DB>, token: string): Promise<LoadedSession | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await sessionByHash(db, { tokenHash });
  if (!row) return undefined;
  return {
    tokenHash,
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    authMethod: row.auth_method,
    user: { id: row.id, username: row.username, displayName: row.display_name, active: row.active, kind: row.kind },
    roles: row.roles,
    passwordResetBy: row.password_reset_by ? { userId: row.password_reset_by, username: row.reset_by_username ?? '' } : null,
    mustChangePassword: row.must_change_password,
  };
}

export function isExpired(session: LoadedSession, idleMinutes: number, now: Date): boolean {
  return session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleMinutes * 60_000;
}

// Writing last_seen_at on every request would make each read a write; a minute's slack is enough.
const touchEveryMs = 60_000;

export async function touchSession(db: Kysely<DB>, session: LoadedSession, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < touchEveryMs) return;
  // Concurrent requests of one session all see the stale time; only the first needs to write.
  const stale = new Date(now.getTime() - touchEveryMs);
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', session.tokenHash).where('last_seen_at', '<', stale).execute();
}

export async function deleteSession(db: Kysely<DB> | Transaction<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of the user, or every one but `keep` (the session changing its own password). */
export async function deleteSessionsOfUser(trx: Transaction<DB>, userId: string, keep?: string): Promise<void> {
  let query = trx.deleteFrom('session').where('user_id', '=', userId);
  if (keep !== undefined) query = query.where('token_hash', '<>', keep);
  await query.execute();
}
