import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { decideAccess, sharedFromOtherDomains, type InfoCategory, type AccessAction, type AccessCategory, type AccessDecision, type EntryFacts, type PolicyActor, type PolicyChild } from '@samsyn/core';
import type { AuditAction } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { loadPolicyActor, loadPolicyChild, type FactsWith } from './facts.ts';

/** An allowed access: the decision, and the facts to decide finer questions without reloading. */
export interface ChildAccess {
  childId: string;
  decision: AccessDecision & { allow: true };
  actor: PolicyActor;
  child: PolicyChild;
  /** The actor's current place on the child's team, as the gate saw it. */
  membership: PolicyChild['careTeam'][number] | undefined;
  /** Decides another category (or one entry, by where and when it was written) on the same facts, at the same instant. */
  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision;
  /** The instant the decision was made at, from the services' clock. */
  now: Date;
  /** Whether entries of a category written in other secrecy domains can reach the caller at all. */
  sharedFromOtherDomains(category: InfoCategory): boolean;
  /** For writes: logs the change inside its transaction, so entry and change commit together. */
  logWrite(trx: Transaction<DB>, details?: Record<string, unknown>): Promise<void>;
  /** For a call asked as a write that changes nothing (a search serving a change): logged like a read, through the group commit. */
  logAllowed(details?: Record<string, unknown>): Promise<void>;
}

export interface GateOptions {
  /** The audit action, such as `child.record.read`. */
  auditAction: AuditAction;
  purpose?: 'open_record' | 'list';
  /** For information categories: the entry asked about (for a write, the one about to be written). */
  entry?: EntryFacts;
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
  return allowedOrThrow(await decide(request, await loadFacts(request, childId, childOnly), childId, action, category, options, true));
}

/**
 * `withChildAccess` for a read that needs more of the child than the gate does: the companion
 * query (see `factsWith`) travels with the gate's facts in one statement, and its rows reach
 * the caller only when the gate allows. The view must still decide each entry's category with
 * `access.decide`.
 */
export async function withChildAccessLoading<T>(
  request: FastifyRequest,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
  load: FactsWith<T>,
): Promise<{ access: ChildAccess; loaded: T }> {
  const facts = await loadFacts(request, childId, load);
  const access = allowedOrThrow(await decide(request, facts, childId, action, category, options, true));
  if (!facts.loaded) throw new AppError('not_found');
  return { access, loaded: facts.loaded };
}

/**
 * The gate for a route that only wants to know whether it may show something, such as a child's
 * name in a list of handovers: an allowed access is logged as usual, since what it shows is the
 * child's data, but a refusal is not an attempt to read and leaves no entry, so listing does not
 * fill the log with refusals. Null when refused.
 */
export async function decideQuietly(
  request: FastifyRequest,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
): Promise<ChildAccess | null> {
  const access = await decide(request, await loadFacts(request, childId, childOnly), childId, action, category, options, false);
  return access.allow ? access : null;
}

/**
 * The gate for a change: one transaction holds the child's row lock, the facts, the decision, the
 * change and its entry, so they share one snapshot. Every write to a child's data takes the same
 * lock first, so a consent withdrawn an instant earlier is seen: a handover accepted, or a member
 * added, on a consent withdrawn just before is refused. A refusal by the gate commits its entry
 * alone; a refusal by the area's own rule rolls the change back and is logged after it. `work`
 * logs its change with `access.logWrite(trx, details)`; one that does not is logged plainly.
 */
export async function withChildWrite<T>(
  request: FastifyRequest,
  childId: string,
  category: AccessCategory,
  options: GateOptions,
  work: (trx: Transaction<DB>, access: ChildAccess) => Promise<T>,
): Promise<T> {
  const { db } = request.server.services;
  let access: ChildAccess | undefined;
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      await lockChild(trx, childId);
      const facts = await loadFacts(request, childId, childOnly, trx);
      if (!facts.child) return { missing: true as const };
      const decided = await decide(request, facts, childId, 'write', category, options, true, (entry) => appendAudit(trx, [entry], request.server.services.clock.now()));
      if (!decided.allow) return { refused: decided.reason };
      let logged = false;
      access = { ...decided, logWrite: async (t, details) => { logged = true; await decided.logWrite(t, details); } };
      const value = await work(trx, access);
      if (!logged) await decided.logWrite(trx);
      return { value };
    });
    if ('missing' in outcome) {
      await request.server.services.audit.append({ ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId: canonicalId(childId), outcome: 'failure', details: { reason: 'no_such_child' } });
      throw new AppError('not_found');
    }
    if ('refused' in outcome) throw new AppError('access_denied', { details: { reason: outcome.refused } });
    return outcome.value;
  } catch (error) {
    // The area's own rule refused after the gate allowed: the change is rolled back, the refusal logged.
    if (access && error instanceof AppError) await logRefusal(request, access.childId, options.auditAction, error, { basis: access.decision.basis, category }, access.membership?.organisationId ?? null);
    throw error;
  }
}

/** Serialises every change to one child: facts read after it see every change committed before. */
export async function lockChild(trx: Transaction<DB>, childId: string): Promise<void> {
  await trx.selectFrom('child').select('id').where('id', '=', childId).forUpdate().execute();
}

interface Facts {
  actor: PolicyActor;
  child: PolicyChild | undefined;
  /** The services' clock when the facts were loaded. */
  now: Date;
}

/** The plain gate loads the child's facts and nothing beside them. */
const childOnly: FactsWith<never> = async (db, childId, actorUserId) => ({ child: await loadPolicyChild(db, childId, actorUserId), loaded: null });

async function loadFacts<T>(request: FastifyRequest, childId: string, load: FactsWith<T>, db: Kysely<DB> | Transaction<DB> = request.server.services.db): Promise<Facts & { loaded: T | null }> {
  const { clock } = request.server.services;
  const actorFacts = requireActor(request.actor);
  // One instant for the facts and the decision: the companion's current team is the gate's.
  const now = clock.now();
  const [actor, { child, loaded }] = await Promise.all([loadPolicyActor(db, actorFacts), load(db, childId, actorFacts.userId, now)]);
  return { actor, child, loaded, now };
}

function allowedOrThrow(access: Awaited<ReturnType<typeof decide>>): ChildAccess {
  if (!access.allow) throw new AppError('access_denied', { details: { reason: access.reason } });
  return access;
}

async function decide(
  request: FastifyRequest,
  { actor, child, now }: Facts,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
  logRefused: boolean,
  log: (entry: AuditEntry) => Promise<void> = (entry) => request.server.services.audit.append(entry),
): Promise<(ChildAccess & { allow: true }) | { allow: false; reason: string }> {
  const { config } = request.server.services;
  // The log is searched by id as text (access log, log review): one spelling for every look.
  const subjectId = canonicalId(childId);
  const base = { ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId };
  if (!child) {
    await log({ ...base, outcome: 'failure', details: { reason: 'no_such_child' } });
    throw new AppError('not_found');
  }
  const context = { now, rules: config.consentRules, ...(options.purpose ? { purpose: options.purpose } : {}) };
  const decision = decideAccess(actor, child, action, category, { ...context, ...(options.entry ? { entry: options.entry } : {}) });
  const membership = currentMembership(child, actor.userId, now);
  // A session opened with a password an administrator reset: every look in it is marked with who reset it.
  const resetBy = request.actor?.passwordResetBy ?? null;
  const resetMark = resetBy ? { passwordResetBy: resetBy, flagged: true } : {};
  const entry = (extra?: Record<string, unknown>): AuditEntry => ({
    ...base,
    organisationId: membership?.organisationId ?? null,
    outcome: decision.allow ? 'success' : 'denied',
    details: { category, basis: decision.basis, reason: decision.reason, flagged: decision.flagged, ...resetMark, ...options.details, ...extra },
  });
  if (!decision.allow) {
    if (logRefused) await log(entry());
    return { allow: false, reason: decision.reason };
  }
  if (action !== 'write') await log(entry());
  return {
    allow: true,
    childId: subjectId,
    decision,
    actor,
    child,
    membership,
    now,
    sharedFromOtherDomains: (c) => sharedFromOtherDomains(actor, child, c, context),
    decide: (a, c, entry) => decideAccess(actor, child, a, c, { ...context, ...(entry ? { entry } : {}) }),
    logWrite: (trx, details) => appendAudit(trx, [entry(details)], request.server.services.clock.now()),
    logAllowed: (details) => log(entry(details)),
  };
}

function currentMembership(child: PolicyChild, userId: string, now: Date): ChildAccess['membership'] {
  return child.careTeam.find((m) => m.userId === userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt));
}

/**
 * Logs a refusal by an area's own rule, after the gate allowed the call or where the gate cannot
 * speak (a handover's receiver is not yet on the team): every refused call leaves an entry.
 * A 403 is logged as denied, anything else (a conflict, bad input) as a failure.
 */
export async function logRefusal(
  request: FastifyRequest,
  childId: string,
  auditAction: AuditAction,
  reason: AppError,
  details: Record<string, unknown> = {},
  organisationId: string | null = null,
): Promise<void> {
  await request.server.services.audit.append({
    ...auditFrom(request),
    action: auditAction,
    subjectType: 'child',
    subjectId: canonicalId(childId),
    organisationId,
    outcome: reason.status === 403 ? 'denied' : 'failure',
    details: { code: reason.code, refusal: reason.details ?? null, ...details },
  });
}

/** Runs a write's own rules after the gate allowed it, logging their refusal with `logRefusal`. */
export async function withRefusalsLogged<T>(request: FastifyRequest, access: ChildAccess, auditAction: AuditAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) await logRefusal(request, access.childId, auditAction, error, { basis: access.decision.basis }, access.membership?.organisationId ?? null);
    throw error;
  }
}

/** A uuid's canonical text is lower case; PostgreSQL accepts either, the log keeps one. */
export function canonicalId(id: string): string {
  return id.toLowerCase();
}
