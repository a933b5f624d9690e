import { z } from 'zod';
import { CsrfToken, LoginInput, Me } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import type { Csrf } from '../http/csrf.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { findLoginAccount, setPassword } from '../users/queries.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { login } from './service.ts';
import { deleteSession, findSession, sessionCookie } from './sessions.ts';

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
    const { userId, username, displayName, authMethod, kind, roles } = actor;
    return { id: userId, username, displayName, authMethod, kind, roles, sessionIdleMinutes: config.sessionIdleMinutes };
  }

  app.get('/api/auth/csrf', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Get the CSRF token to send as x-csrf-token', response: { 200: CsrfToken } },
    handler: async (request, reply) => ({ token: deps.csrf.issue(request, reply, config.secureCookies) }),
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Log in with a local account',
      body: LoginInput,
      response: { 200: Me, ...errorResponses(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const { token } = await login({ db, throttle: config.loginThrottle, sessionMaxHours: config.sessionMaxHours }, request, request.body);
      const session = await findSession(db, token);
      if (!session) throw new AppError('internal_error');
      reply.setCookie(sessionCookie, token, cookieOptions);
      request.actor = {
        userId: session.user.id,
        username: session.user.username,
        displayName: session.user.displayName,
        authMethod: session.authMethod,
        kind: session.user.kind,
        roles: session.roles,
        sessionTokenHash: session.tokenHash,
      };
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
      return reply.status(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'Who is logged in, with roles', response: { 200: Me, ...errorResponses(401) } },
    handler: async (request) => me(requireActor(request.actor)),
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change your own password',
      body: PasswordChange,
      response: { 204: z.null(), ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const account = await findLoginAccount(db, actor.username);
      if (!account?.password_hash || !(await verifyPassword(account.password_hash, request.body.currentPassword))) {
        throw new AppError('wrong_current_password', { details: [{ path: 'body.currentPassword' }] });
      }
      assertPasswordPolicy(request.body.newPassword, actor.username);
      const passwordHash = await hashPassword(request.body.newPassword);
      const now = request.server.services.clock.now();
      await db.transaction().execute(async (trx) => {
        await setPassword(trx, actor.userId, passwordHash, now);
        await appendAudit(trx, [{ ...auditFrom(request), action: 'auth.password_change', subjectType: 'user', subjectId: actor.userId, outcome: 'success' }], now);
      });
      return reply.status(204).send(null);
    },
  });
}
