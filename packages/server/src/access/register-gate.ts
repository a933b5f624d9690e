import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { decideRegisterAccess, type AuditAction } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { loadPolicyActor } from './facts.ts';
import { lockChild } from './gate.ts';
import { canonicalId } from './ids.ts';
import { logRefusal } from './refusals.ts';

/** What the register gate allows: the child's identity data (the register), never the record. */
export interface RegisterAccess {
  childId: string;
  homeOrganisationId: string;
  protectedIdentity: string | null;
  flagged: boolean;
  now: Date;
  /** For a write: logs the change inside its transaction. */
  logWrite(trx: Transaction<DB>, details?: Record<string, unknown>): Promise<void>;
}

export interface RegisterGateOptions {
  auditAction: AuditAction;
  details?: Record<string, unknown>;
}

/**
 * The gate for a child's register (identity data: names, identity number, protected identity,
 * address, school, guardians), kept by the administrator of the child's home organisation
 * (core's `decideRegisterAccess`). It opens no part of the record. One entry per call, refusals
 * included; a write holds the child's lock, the decision, the change and its entry in one
 * transaction, like `withChildWrite`.
 */
export async function withChildRegister<T>(request: FastifyRequest, childId: string, mode: 'read', options: RegisterGateOptions, work: (db: Kysely<DB>, access: RegisterAccess) => Promise<T>): Promise<T>;
export async function withChildRegister<T>(request: FastifyRequest, childId: string, mode: 'write', options: RegisterGateOptions, work: (trx: Transaction<DB>, access: RegisterAccess) => Promise<T>): Promise<T>;
export async function withChildRegister<T>(
  request: FastifyRequest,
  childId: string,
  mode: 'read' | 'write',
  options: RegisterGateOptions,
  work: ((db: Kysely<DB>, access: RegisterAccess) => Promise<T>) | ((trx: Transaction<DB>, access: RegisterAccess) => Promise<T>),
): Promise<T> {
  const { db, audit, clock } = request.server.services;
  const subjectId = canonicalId(childId);
  const base = { ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId };
  const judge = async (on: Kysely<DB> | Transaction<DB>) => {
    const [actor, child] = await Promise.all([
      loadPolicyActor(on, requireActor(request.actor)),
      on.selectFrom('child').select(['home_organisation_id', 'protected_identity']).where('id', '=', childId).executeTakeFirst(),
    ]);
    if (!child) return null;
    const decision = decideRegisterAccess(actor, { homeOrganisationId: child.home_organisation_id, protectedIdentity: child.protected_identity });
    const entry = (extra?: Record<string, unknown>): AuditEntry => ({
      ...base,
      organisationId: decision.allow ? child.home_organisation_id : null,
      outcome: decision.allow ? 'success' : 'denied',
      details: { category: 'register', basis: decision.allow ? 'legal_duty' : null, reason: decision.reason, flagged: decision.flagged, ...options.details, ...extra },
    });
    const access: RegisterAccess = { childId: subjectId, homeOrganisationId: child.home_organisation_id, protectedIdentity: child.protected_identity, flagged: decision.flagged, now: clock.now(), logWrite: (trx, details) => appendAudit(trx, [entry(details)], clock.now()) };
    return { decision, entry, access };
  };
  const missing = async () => {
    await audit.append({ ...base, outcome: 'failure', details: { reason: 'no_such_child' } });
    return new AppError('not_found');
  };
  if (mode === 'read') {
    const judged = await judge(db);
    if (!judged) throw await missing();
    await audit.append(judged.entry());
    if (!judged.decision.allow) throw new AppError('access_denied', { details: { reason: judged.decision.reason } });
    return (work as (db: Kysely<DB>, access: RegisterAccess) => Promise<T>)(db, judged.access);
  }
  let allowed: RegisterAccess | undefined;
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      await lockChild(trx, childId);
      const judged = await judge(trx);
      if (!judged) return { missing: true as const };
      if (!judged.decision.allow) {
        await appendAudit(trx, [judged.entry()], clock.now());
        return { refused: judged.decision.reason };
      }
      let logged = false;
      allowed = { ...judged.access, logWrite: async (t, details) => { logged = true; await judged.access.logWrite(t, details); } };
      const value = await (work as (trx: Transaction<DB>, access: RegisterAccess) => Promise<T>)(trx, allowed);
      if (!logged) await judged.access.logWrite(trx);
      return { value };
    });
    if ('missing' in outcome) throw await missing();
    if ('refused' in outcome) throw new AppError('access_denied', { details: { reason: outcome.refused } });
    return outcome.value;
  } catch (error) {
    // The area's own rule refused after the gate allowed: the change is rolled back, the refusal logged.
    if (allowed && error instanceof AppError) await logRefusal(request, allowed.childId, options.auditAction, error, { category: 'register', basis: 'legal_duty', reason: 'register_administrator' }, allowed.homeOrganisationId);
    throw error;
  }
}
