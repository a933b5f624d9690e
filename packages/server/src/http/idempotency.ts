import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from './errors.ts';
import type { App } from './types.ts';

export const idempotencyHeader = 'idempotency-key';
const keyPattern = /^[\x21-\x7e]{1,200}$/;
const keepMs = 24 * 3_600_000;
// A first request that never stored its answer (the node died) frees its key after this.
const abandonedAfterMs = 60_000;

interface Claim {
  userId: string;
  key: string;
}
const claims = new WeakMap<FastifyRequest, Claim>();

/** The same request: route, path and query values, and the body as validated, with keys in order. */
function requestHash(request: FastifyRequest): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  const text = JSON.stringify(canonical([request.method, request.routeOptions.url, request.params, request.query, request.body ?? null]));
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Idempotency-Key on POST: a double submit (a double click, a retry after a lost answer) makes one
 * thing, not two. The first request with a key claims it (per user, in the database, so every node
 * agrees) and its 2xx answer is stored; a later request with the same key and the same request gets
 * that answer again (`idempotent-replayed: true`) without running the route; the same key with a
 * different request is 422, and while the first is still running, 409. A failed first request
 * frees its key. Keys are kept for 24 hours. Anonymous requests (login) ignore the header.
 */
export function installIdempotency(app: App): void {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[idempotencyHeader];
    if (key === undefined || !request.actor) return;
    if (typeof key !== 'string' || !keyPattern.test(key)) throw new AppError('idempotency_key_invalid', { details: [{ path: 'headers.idempotency-key' }] });
    const { db, clock } = request.server.services;
    const now = clock.now();
    const userId = request.actor.userId;
    const hash = requestHash(request);
    const claimed = await db
      .insertInto('idempotency_key')
      .values({ user_id: userId, key, request_hash: hash, created_at: now, expires_at: new Date(now.getTime() + keepMs) })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({
        request_hash: hash,
        response_status: null,
        response_body: null,
        created_at: now,
        expires_at: new Date(now.getTime() + keepMs),
      }).where((eb) => eb.or([
        eb('idempotency_key.expires_at', '<=', now),
        eb.and([eb('idempotency_key.response_status', 'is', null), eb('idempotency_key.created_at', '<', new Date(now.getTime() - abandonedAfterMs))]),
      ])))
      .returning('user_id')
      .executeTakeFirst();
    if (claimed) {
      claims.set(request, { userId, key });
      return;
    }
    const first = await db.selectFrom('idempotency_key').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    if (!first) throw new AppError('idempotency_in_progress');
    if (first.request_hash !== hash) throw new AppError('idempotency_key_reused', { details: [{ path: 'headers.idempotency-key' }] });
    if (first.response_status === null) throw new AppError('idempotency_in_progress');
    return replay(reply, first.response_status, first.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    const { db } = request.server.services;
    const where = sql`user_id = ${claim.userId} AND key = ${claim.key}`;
    const ok = reply.statusCode >= 200 && reply.statusCode < 300 && (typeof payload === 'string' || payload === null || payload === undefined);
    if (ok) {
      const body = typeof payload === 'string' ? payload : null;
      await sql`UPDATE idempotency_key SET response_status = ${reply.statusCode}, response_body = ${body} WHERE ${where}`.execute(db);
    } else {
      // Nothing was made (or we cannot replay it): the key is free for a retry.
      await sql`DELETE FROM idempotency_key WHERE ${where}`.execute(db);
    }
    return payload;
  });
}

function replay(reply: FastifyReply, status: number, body: string | null) {
  reply.header('idempotent-replayed', 'true');
  if (body === null) return reply.status(status).send();
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
}
