import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { LoginInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, appendAuditNow } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { findLoginAccount } from '../users/queries.ts';
import { timingDummyHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { isThrottled, recordAttempt, type ThrottleLimits } from './throttle.ts';

export interface LoginDeps {
  db: Kysely<DB>;
  throttle: ThrottleLimits;
  sessionMaxHours: number;
}

/** Checks the password and opens a session; every outcome is audited. Returns the cookie token. */
export async function login(deps: LoginDeps, request: FastifyRequest, input: LoginInput): Promise<{ token: string; userId: string }> {
  const { db } = deps;
  const audit = { ...auditFrom(request), action: 'auth.login' as const, subjectType: 'user', actorUsername: input.username };
  if (await isThrottled(db, input.username, request.ip, deps.throttle)) {
    await appendAuditNow(db, [{ ...audit, outcome: 'denied', details: { reason: 'throttled' } }]);
    throw new AppError('login_throttled', { headers: { 'retry-after': String(deps.throttle.windowMinutes * 60) } });
  }
  const account = await findLoginAccount(db, input.username);
  const valid = await verifyPassword(account?.password_hash ?? (await timingDummyHash()), input.password);
  if (!account || !valid || !account.active) {
    const reason = !account ? 'unknown_user' : !valid ? 'wrong_password' : 'inactive';
    await db.transaction().execute(async (trx) => {
      await recordAttempt(trx, input.username, request.ip, false);
      await appendAudit(trx, [{ ...audit, actorId: account?.id ?? null, subjectId: account?.id ?? null, outcome: 'failure', details: { reason } }]);
    });
    throw new AppError(account && valid ? 'account_inactive' : 'invalid_credentials');
  }
  const token = await db.transaction().execute(async (trx) => {
    await recordAttempt(trx, input.username, request.ip, true);
    await appendAudit(trx, [{ ...audit, actorId: account.id, subjectId: account.id, outcome: 'success', details: { method: 'local' } }]);
    return createSession(trx, {
      userId: account.id,
      authMethod: 'local',
      clientIp: request.ip,
      userAgent: request.headers['user-agent'],
      maxHours: deps.sessionMaxHours,
    });
  });
  return { token, userId: account.id };
}
