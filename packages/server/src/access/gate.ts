import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { decideAccess, type AccessAction, type AccessCategory, type AccessDecision, type PolicyActor, type PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { loadPolicyActor, loadPolicyChild } from './facts.ts';

/** An allowed access: the decision, and the facts to decide finer questions without reloading. */
export interface ChildAccess {
  childId: string;
  decision: AccessDecision & { allow: true };
  actor: PolicyActor;
  child: PolicyChild;
  /** Decides another category (or another author's entries) on the same facts, at the same instant. */
  decide(action: AccessAction, category: AccessCategory, authorOrganisationId?: string): AccessDecision;
  /** For writes: logs the change inside its transaction, so entry and change commit together. */
  logWrite(trx: Transaction<DB>, details?: Record<string, unknown>): Promise<void>;
}

export interface GateOptions {
  /** The audit action, such as `child.record.read`. */
  auditAction: string;
  purpose?: 'open_record' | 'list';
  /** For information categories: the organisation whose entries are asked about. */
  authorOrganisationId?: string;
  details?: Record<string, unknown>;
}

/**
 * The only way to a child's data. Loads what the policy needs, asks the pure gate in core and
 * logs the answer with its basis; throws `access_denied` when refused. Reads and refusals are
 * logged through the group-commit writer, durable before this returns. An allowed write is
 * logged by the route with `logWrite` inside the transaction that makes the change: asking
 * before the transaction opens keeps PGlite's single connection free for the log.
 */
export async function withChildAccess(
  request: FastifyRequest,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
): Promise<ChildAccess> {
  const { db, audit, config } = request.server.services;
  const actorFacts = requireActor(request.actor);
  const [actor, child] = await Promise.all([loadPolicyActor(db, actorFacts), loadPolicyChild(db, childId, actorFacts.userId)]);
  const base = { ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId: childId };
  if (!child) {
    await audit.append({ ...base, outcome: 'failure', details: { reason: 'no_such_child' } });
    throw new AppError('not_found');
  }
  const now = new Date();
  const context = { now, rules: config.consentRules, ...(options.purpose ? { purpose: options.purpose } : {}) };
  const decision = decideAccess(actor, child, action, category, { ...context, ...(options.authorOrganisationId ? { authorOrganisationId: options.authorOrganisationId } : {}) });
  const entry = (extra?: Record<string, unknown>): AuditEntry => ({
    ...base,
    organisationId: memberOrganisation(child, actor.userId, now),
    outcome: decision.allow ? 'success' : 'denied',
    details: { category, basis: decision.basis, reason: decision.reason, flagged: decision.flagged, ...options.details, ...extra },
  });
  if (!decision.allow) {
    await audit.append(entry());
    throw new AppError('access_denied', { details: { reason: decision.reason } });
  }
  if (action !== 'write') await audit.append(entry());
  return {
    childId,
    decision,
    actor,
    child,
    decide: (a, c, author) => decideAccess(actor, child, a, c, { ...context, ...(author ? { authorOrganisationId: author } : {}) }),
    logWrite: (trx, details) => appendAudit(trx, [entry(details)]),
  };
}

function memberOrganisation(child: PolicyChild, userId: string, now: Date): string | null {
  const member = child.careTeam.find((m) => m.userId === userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt));
  return member?.organisationId ?? null;
}
