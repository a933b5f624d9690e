import { z } from 'zod';
import { AccountEvent, CsrfToken, LoginInput, Me } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { appendAudit, appendAuditNow } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import type { Csrf } from '../http/csrf.ts';
import { toActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { accountHistory, findLoginAccount, setPassword } from '../users/queries.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { login } from './service.ts';
import { deleteSession, deleteSessionsOfUser, findSession, sessionCookie } from './sessions.ts';
import { attemptSucceeded, takeAttempt, type ThrottleKey } from './throttle.ts';

export interface AuthDeps {
  db: Kysely<DB>;
  csrf: Csrf;
  config: Config;
}

const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().max(128),
});

export async function authRoutes(app: App, deps: AuthDeps): Promise<void> {
  const { db, config } = deps;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, path: '/' };

  function me(actor: Actor): Me {
    const { userId, username, displayName, authMethod, kind, roles, mustChangePassword } = actor;
    return { id: userId, username, displayName, authMethod, kind, roles, sessionIdleMinutes: config.sessionIdleMinutes, mustChangePassword, now: app.services.clock.now().toISOString() };
  }

  app.get('/api/auth/csrf', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Get the CSRF token (bound to this session) to send as x-csrf-token', response: { 200: CsrfToken } },
    handler: async (request, reply) => ({ token: deps.csrf.issue(request, reply, config.secureCookies) }),
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Log in with a local account (mustChangePassword: the password was reset and must be changed first)',
      body: LoginInput,
      response: { 200: Me, ...errorResponses(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const { token } = await login({ db, throttle: config.loginThrottle, sessionMaxHours: config.sessionMaxHours }, request, request.body);
      const session = await findSession(db, token);
      if (!session) throw new AppError('internal_error');
      reply.setCookie(sessionCookie, token, cookieOptions);
      // The CSRF token rotates with the session: fetch a new one after login.
      deps.csrf.rotate(reply, config.secureCookies);
      request.actor = toActor(session);
      return me(request.actor);
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), ...errorResponses(401, 403) } },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, actor.sessionTokenHash);
        await appendAudit(trx, [{ ...auditFrom(request), action: 'auth.logout', subjectType: 'user', subjectId: actor.userId, outcome: 'success' }], request.server.services.clock.now());
      });
      reply.clearCookie(sessionCookie, { path: '/' });
      deps.csrf.rotate(reply, config.secureCookies);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'Who is logged in, with roles', response: { 200: Me, ...errorResponses(401) } },
    handler: async (request) => me(requireActor(request.actor)),
  });

  app.get('/api/auth/me/history', {
    schema: {
      tags: ['auth'],
      summary: 'What others changed in your account: role changes and password resets, who and when',
      response: { 200: z.array(AccountEvent), ...errorResponses(401, 403) },
    },
    handler: async (request) => accountHistory(db, requireActor(request.actor).userId),
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own password (ends your other sessions)',
      body: PasswordChange,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const now = request.server.services.clock.now();
      // Guessing the current password from a session is throttled like a login.
      const keys: ThrottleKey[] = [{ scope: 'password', key: actor.userId }, { scope: 'address', key: request.ip }];
      const attempt = await takeAttempt(db, keys, config.loginThrottle, now);
      if (!attempt.allowed) {
        await appendAuditNow(db, [{ ...auditFrom(request), action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId, outcome: 'denied', details: { reason: 'throttled' } }], now);
        throw new AppError('login_throttled', { headers: { 'retry-after': String(attempt.retryAfterSeconds) } });
      }
      const account = await findLoginAccount(db, actor.username);
      if (!account?.password_hash || !(await verifyPassword(account.password_hash, request.body.currentPassword))) {
        await appendAuditNow(db, [{ ...auditFrom(request), action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId, outcome: 'failure', details: { reason: 'wrong_current_password' } }], now);
        throw new AppError('wrong_current_password', { details: [{ path: 'body.currentPassword' }] });
      }
      await attemptSucceeded(db, keys, config.loginThrottle, now);
      assertPasswordPolicy(request.body.newPassword, actor.username);
      if (await verifyPassword(account.password_hash, request.body.newPassword)) {
        throw new AppError('password_unchanged', { details: [{ path: 'body.newPassword' }] });
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction().execute(async (trx) => {
        await setPassword(trx, actor.userId, passwordHash, null, now);
        // Whoever else held a session of this account (a stolen one, or an administrator who
        // reset the password) is out; this session stays, no longer limited to the change.
        await deleteSessionsOfUser(trx, actor.userId, actor.sessionTokenHash);
        await trx.updateTable('session').set({ must_change_password: false }).where('token_hash', '=', actor.sessionTokenHash).execute();
        await appendAudit(trx, [{
          ...auditFrom(request),
          action: 'auth.password_change',
          subjectType: 'user',
          subjectId: actor.userId,
          outcome: 'success',
          details: actor.mustChangePassword ? { afterReset: true } : undefined,
        }], now);
      });
      return reply.status(204).send(null);
    },
  });
}
