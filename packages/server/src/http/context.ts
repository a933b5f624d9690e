import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deleteSession, findSession, isExpired, sessionCookie, touchSession, type LoadedSession } from '../auth/sessions.ts';
import type { Csrf } from './csrf.ts';
import { AppError } from './errors.ts';
import type { Actor, App } from './types.ts';

export interface ContextDeps {
  db: Kysely<DB>;
  csrf: Csrf;
  sessionIdleMinutes: number;
}

// What a session with a reset password (one-time, to be changed) may still do.
const whilePasswordMustChange = new Set(['GET /api/auth/me', 'GET /api/auth/csrf', 'POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/health']);

/**
 * The path as the router sees it: percent-decoded. `/%61pi/auth/login` is routed to
 * `/api/auth/login`, so the decision whether a request is an API request must be made on this,
 * never on the raw `request.url`. A path that does not decode is treated as an API path (it
 * answers 400 in the shared shape either way).
 */
export function isApiPath(request: FastifyRequest): boolean {
  if (request.routeOptions.url?.startsWith('/api/') === true) return true;
  const raw = request.url.split('?', 1)[0] ?? '';
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return true;
  }
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Builds the request context for every /api request: who is asking, then CSRF (bound to that
 * session). Routes read `request.actor`; a route not marked public never runs without one.
 */
export function installRequestContext(app: App, deps: ContextDeps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request)) return;
    reply.header('cache-control', 'no-store');
    // Lets a client, a support case or a test find the audit entries of this very request.
    reply.header('x-request-id', request.id);
    const expired = await resolveActor(request, reply, deps);
    deps.csrf.check(request);
    // Unknown /api paths fall through to the JSON 404; only real API routes need a session.
    const apiRoute = request.routeOptions.url?.startsWith('/api/') === true;
    if (!request.actor && apiRoute && !request.routeOptions.config.public) {
      throw new AppError(expired ? 'session_expired' : 'unauthenticated');
    }
    if (request.actor?.mustChangePassword && !whilePasswordMustChange.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      throw new AppError('password_change_required');
    }
  });
}

/** Sets `request.actor` from the session cookie; returns true when the session had expired. */
async function resolveActor(request: FastifyRequest, reply: FastifyReply, deps: ContextDeps): Promise<boolean> {
  const token = request.cookies[sessionCookie];
  if (!token) return false;
  const session = await findSession(deps.db, token);
  if (!session) return false;
  const now = request.server.services.clock.now();
  if (isExpired(session, deps.sessionIdleMinutes, now) || !session.user.active) {
    await deleteSession(deps.db, session.tokenHash);
    reply.clearCookie(sessionCookie, { path: '/' });
    return true;
  }
  await touchSession(deps.db, session, now);
  request.actor = toActor(session);
  return false;
}

/** The actor of a loaded session; the login route uses it for the session it just opened. */
export function toActor(s: LoadedSession): Actor {
  return {
    userId: s.user.id,
    username: s.user.username,
    displayName: s.user.displayName,
    authMethod: s.authMethod,
    kind: s.user.kind,
    roles: s.roles,
    sessionTokenHash: s.tokenHash,
    passwordResetBy: s.passwordResetBy,
    mustChangePassword: s.mustChangePassword,
  };
}
