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
import { attemptSucceeded, takeAttempt, type ThrottleKey, type ThrottleLimits } from './throttle.ts';

export interface LoginDeps {
  db: Kysely<DB>;
  throttle: ThrottleLimits;
  sessionMaxHours: number;
}

/**
 * Checks the password and opens a session; every outcome is audited. Returns the cookie token.
 * The attempt is counted (and may be refused) before the password is checked, so parallel
 * guesses all count. A password an administrator reset opens a session marked with that
 * administrator, which may only change the password.
 */
export async function login(deps: LoginDeps, request: FastifyRequest, input: LoginInput): Promise<{ token: string; userId: string }> {
  const { db } = deps;
  const now = request.server.services.clock.now();
  const audit = { ...auditFrom(request), action: 'auth.login' as const, subjectType: 'user', actorUsername: input.username };
  const keys: ThrottleKey[] = [{ scope: 'account', key: input.username }, { scope: 'address', key: request.ip }];
  const attempt = await takeAttempt(db, keys, deps.throttle, now);
  if (!attempt.allowed) {
    await appendAuditNow(db, [{ ...audit, outcome: 'denied', details: { reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds } }], now);
    throw new AppError('login_throttled', { headers: { 'retry-after': String(attempt.retryAfterSeconds) } });
  }
  const account = await findLoginAccount(db, input.username);
  const valid = await verifyPassword(account?.password_hash ?? (await timingDummyHash()), input.password);
  if (!account || !valid || !account.active) {
    const reason = !account ? 'unknown_user' : !valid ? 'wrong_password' : 'inactive';
    await appendAuditNow(db, [{ ...audit, actorId: account?.id ?? null, subjectId: account?.id ?? null, outcome: 'failure', details: { reason } }], now);
    throw new AppError(account && valid ? 'account_inactive' : 'invalid_credentials');
  }
  await attemptSucceeded(db, keys, deps.throttle, now);
  const passwordResetBy = account.reset_by ?? null;
  const token = await db.transaction().execute(async (trx) => {
    await appendAudit(trx, [{
      ...audit,
      actorId: account.id,
      subjectId: account.id,
      outcome: 'success',
      details: { method: 'local', ...(passwordResetBy ? { passwordResetBy, mustChangePassword: true } : {}) },
    }], now);
    return createSession(trx, {
      userId: account.id,
      authMethod: 'local',
      clientIp: request.ip,
      userAgent: request.headers['user-agent'],
      maxHours: deps.sessionMaxHours,
      passwordResetBy,
    }, now);
  });
  return { token, userId: account.id };
}
