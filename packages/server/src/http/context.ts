import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { deleteSession, findSession, isExpired, sessionCookie, touchSession } from '../auth/sessions.ts';
import type { Csrf } from './csrf.ts';
import { AppError } from './errors.ts';
import type { Actor, App } from './types.ts';

export interface ContextDeps {
  db: Kysely<DB>;
  csrf: Csrf;
  sessionIdleMinutes: number;
}

/**
 * Builds the request context for every /api request: CSRF first, then who is asking.
 * Routes read `request.actor`; a route not marked public never runs without one.
 */
export function installRequestContext(app: App, deps: ContextDeps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    // Lets a client, a support case or a test find the audit entries of this very request.
    reply.header('x-request-id', request.id);
    deps.csrf.check(request);
    const expired = await resolveActor(request, reply, deps);
    // Unknown /api paths fall through to the JSON 404; only real API routes need a session.
    const apiRoute = request.routeOptions.url?.startsWith('/api/') === true;
    if (!request.actor && apiRoute && !request.routeOptions.config.public) {
      throw new AppError(expired ? 'session_expired' : 'unauthenticated');
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
  request.actor = toActor(session.tokenHash, session);
  return false;
}

function toActor(tokenHash: string, s: NonNullable<Awaited<ReturnType<typeof findSession>>>): Actor {
  return {
    userId: s.user.id,
    username: s.user.username,
    displayName: s.user.displayName,
    authMethod: s.authMethod,
    kind: s.user.kind,
    roles: s.roles,
    sessionTokenHash: tokenHash,
  };
}
