import type { FastifyRequest } from 'fastify';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { childDecider, type AccessPurpose, type InfoCategory, type AccessAction, type AccessCategory, type AccessDecision, type ChildAction, type DenyReason, type EntryFacts, type PolicyActor, type PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { loggedTransaction, type OpeningStatement } from '../audit/logged-transaction.ts';
import type { AuditAction } from '@samsyn/core';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { durableBeforeReply } from '../http/durable-reply.ts';
import { loadPolicyActor, loadPolicyChild, type FactsWith } from './facts.ts';
import { canonicalId, isCanonicalUuid } from './ids.ts';
import { childFactsAt, gateVersion } from './facts-cache.ts';
import { logRefusal, refusalEntry } from './refusals.ts';

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
  purpose?: AccessPurpose;
  /** For information categories: the entry asked about (for a write, the one about to be written). */
  entry?: EntryFacts;
  details?: Record<string, unknown>;
  /**
   * A read that is also an action (an export): allowed only where the decision offers this
   * action, else refused as `action_not_offered`, so the caller leaves one entry either way.
   */
  offered?: ChildAction;
  /**
   * A read's own rule on top of the gate's yes (a plan's draft is not the family's to print):
   * asked before the entry is written, so a refusal is the call's one entry, logged as denied.
   */
  areaRule?: (access: ChildAccess) => Promise<AppError | null>;
}

/**
 * The gate's options where the area has its own basis for the call (the addressee of a summons who
 * is not on the team opens and answers it). The caller has established that reason before asking.
 * The gate is asked first; where it refuses for want of standing only (`areaMayCarry`), the call
 * goes on, logged as a success with the area's reason, no gate basis and the gate's own reason, so
 * it leaves one entry either way. The work then gets an `AreaAnswer` whose `gate` is null, and must
 * show only what the area's basis allows.
 */
export interface AreaBasisOptions extends GateOptions {
  areaBasis: string;
}

/** One child's answer where an area has its own basis: the gate's access, or null where the gate refused and the area's basis carries the call. */
export interface AreaAnswer {
  childId: string;
  /** The gate's access where it allowed; null where the area's own basis carries the call. */
  gate: ChildAccess | null;
  now: Date;
}

/**
 * The only way to a child's data. Loads what the policy needs, asks the pure gate in core and
 * logs the answer with its basis; throws `access_denied` when refused. Reads and refusals are
 * logged through the group-commit writer, durable before this returns. An allowed write is
 * logged by the route with `logWrite` inside the transaction that makes the change: asking
 * before the transaction opens keeps PGlite's single connection free for the log.
 */
export async function withChildAccess(request: FastifyRequest, childId: string, action: AccessAction, category: AccessCategory, options: AreaBasisOptions): Promise<AreaAnswer>;
export async function withChildAccess(request: FastifyRequest, childId: string, action: AccessAction, category: AccessCategory, options: GateOptions): Promise<ChildAccess>;
export async function withChildAccess(
  request: FastifyRequest,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions | AreaBasisOptions,
): Promise<ChildAccess | AreaAnswer> {
  const decided = await decide(request, await loadFacts(request, childId, childOnly), childId, action, category, options);
  if (!('areaBasis' in options)) return allowedOrThrow(decided);
  if (decided.allow) return { childId: decided.childId, gate: decided, now: decided.now };
  if (decided.byArea) return { childId: decided.byArea.childId, gate: null, now: decided.byArea.now };
  return allowedOrThrow(decided);
}

/**
 * `withChildAccess` for a read that needs more of the child than the gate does: `load` reads the
 * data with the child's facts version and takes the facts kept for it (access/facts-cache.ts), and
 * its rows reach the caller only when the gate allows. The view must still decide each entry's
 * category with `access.decide`.
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
  const access = allowedOrThrow(await decide(request, facts, childId, action, category, options));
  if (!facts.loaded) throw new AppError('not_found');
  return { access, loaded: facts.loaded };
}

// The gate for lists (one statement of facts, one decision per child, one entry for the look).
export { decideEach, type ListAnswer, type ListGateOptions } from './list-gate.ts';

/**
 * The gate for a change: one transaction holds the child's row lock, the facts, the decision, the
 * change and its entry, so they share one snapshot. Every write to a child's data takes the same
 * lock first, so a consent withdrawn an instant earlier is seen: a handover accepted, or a member
 * added, on a consent withdrawn just before is refused. A refusal by the gate commits its entry
 * alone; a refusal by the area's own rule rolls the change back and is logged after it. `work`
 * logs its change with `access.logWrite(trx, details)`; one that does not is logged plainly.
 */
export async function withChildWrite<T>(request: FastifyRequest, childId: string, category: AccessCategory, options: AreaBasisOptions, work: (trx: Transaction<DB>, answer: AreaAnswer) => Promise<T>): Promise<T>;
export async function withChildWrite<T>(request: FastifyRequest, childId: string, category: AccessCategory, options: GateOptions, work: (trx: Transaction<DB>, access: ChildAccess) => Promise<T>): Promise<T>;
export async function withChildWrite<T>(
  request: FastifyRequest,
  childId: string,
  category: AccessCategory,
  options: GateOptions | AreaBasisOptions,
  work: ((trx: Transaction<DB>, access: ChildAccess) => Promise<T>) | ((trx: Transaction<DB>, answer: AreaAnswer) => Promise<T>),
): Promise<T> {
  const { db, clock, databaseKind } = request.server.services;
  const byArea = 'areaBasis' in options;
  // What a refusal by the area's own rule after the decision is logged on.
  let judgedOn: { childId: string; organisationId: string | null; basis: Record<string, unknown> } | undefined;
  try {
    // The transaction's entries (the change's, or the gate's refusal) are its last statement (audit/logged-transaction.ts).
    type Outcome = { missing: true } | { refused: string } | { value: T };
    const opening = childLock(db, childId);
    const outcome = await loggedTransaction<Outcome, LockedChild>(db, databaseKind, () => clock.now(), async (trx, locked) => {
      const entries: AuditEntry[] = [];
      const record = async (entry: AuditEntry) => void entries.push(entry);
      const version = await lockedVersion(trx, childId, opening, locked);
      const facts = await loadFacts(request, childId, lockedFacts(version), trx);
      if (!facts.child) return { value: { missing: true as const }, entries };
      const decided = await decide(request, facts, childId, 'write', category, options, record, (_t, entry) => record(entry));
      if (!decided.allow && decided.byArea) {
        // The area's basis carries the change: its entry is written last, as a write's is.
        const carried = decided.byArea;
        judgedOn = { childId: carried.childId, organisationId: carried.entry.organisationId ?? null, basis: { category, basis: null, reason: (options as AreaBasisOptions).areaBasis } };
        const value = await (work as (trx: Transaction<DB>, answer: AreaAnswer) => Promise<T>)(trx, { childId: carried.childId, gate: null, now: carried.now });
        entries.push(carried.entry);
        return { value: { value }, entries };
      }
      if (!decided.allow) return { value: { refused: decided.reason }, entries };
      let logged = false;
      const access: ChildAccess = { ...decided, logWrite: async (t, details) => { logged = true; await decided.logWrite(t, details); } };
      judgedOn = { childId: access.childId, organisationId: access.membership?.organisationId ?? null, basis: { basis: access.decision.basis, category } };
      const value = byArea
        ? await (work as (trx: Transaction<DB>, answer: AreaAnswer) => Promise<T>)(trx, { childId: access.childId, gate: access, now: access.now })
        : await (work as (trx: Transaction<DB>, access: ChildAccess) => Promise<T>)(trx, access);
      if (!logged) await decided.logWrite(trx);
      return { value: { value }, entries };
    }, opening);
    if ('missing' in outcome) {
      await request.server.services.audit.append({ ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId: canonicalId(childId), outcome: 'failure', details: { reason: 'no_such_child' } });
      throw new AppError('not_found');
    }
    if ('refused' in outcome) throw new AppError('access_denied', { details: { reason: outcome.refused } });
    return outcome.value;
  } catch (error) {
    // The area's own rule refused after the decision: the change is rolled back, the refusal logged.
    if (judgedOn && error instanceof AppError) await logRefusal(request, judgedOn.childId, options.auditAction, error, judgedOn.basis, judgedOn.organisationId);
    throw error;
  }
}

/** What an action's work gets from the gate: the decision it was weighed on and the facts behind it. */
export interface ActionAccess {
  childId: string;
  /** The decision on reading the record, whose `actions` allowed this one (it may refuse the read). */
  decision: AccessDecision;
  actor: PolicyActor;
  child: PolicyChild;
  now: Date;
  /** Logs the action as done, inside its transaction; `details` may name its own basis, `organisationId` the one acted for. */
  logDone(trx: Transaction<DB>, details?: Record<string, unknown>, organisationId?: string | null): Promise<void>;
}

export interface ActionOptions extends GateOptions {
  /** The decision whose `actions` are weighed: reading the record, unless the action is another's (`review_log` on `access_log`). */
  decideAs?: { action: AccessAction; category: AccessCategory };
  /**
   * The answer to a caller the policy does not offer the action: by default 403 `access_denied`.
   * Opening emergency access answers 409 to someone who already has a basis.
   */
  refusal?: (decision: AccessDecision) => AppError;
}

/**
 * The gate for an action on the child that is not a write of a category (opening emergency
 * access): the policy's `actions` answer whether this caller may take it. As for a write, one
 * transaction holds the child's lock, the facts, the decision, the change and its entry; every
 * refusal (the gate's, the area's own rule after it, a missing child) leaves exactly one entry.
 */
export async function withChildAction<T>(
  request: FastifyRequest,
  childId: string,
  action: ChildAction,
  options: ActionOptions,
  work: (trx: Transaction<DB>, access: ActionAccess) => Promise<T>,
): Promise<T> {
  const { db, clock, databaseKind } = request.server.services;
  let access: ActionAccess | undefined;
  try {
    type Outcome = { missing: true } | { refused: AppError } | { value: T };
    // As a write's: the entries are the transaction's last statement (audit/logged-transaction.ts).
    const opening = childLock(db, childId);
    const outcome = await loggedTransaction<Outcome, LockedChild>(db, databaseKind, () => clock.now(), async (trx, locked) => {
      const entries: AuditEntry[] = [];
      const version = await lockedVersion(trx, childId, opening, locked);
      const facts = await loadFacts(request, childId, lockedFacts(version), trx);
      if (!facts.child) return { value: { missing: true }, entries };
      const as = options.decideAs ?? { action: 'read', category: 'record' };
      const judged = judge(request, { actor: facts.actor, child: facts.child, now: facts.now }, childId, as.action, as.category, options);
      const { decision } = judged;
      if (!decision.actions.includes(action)) {
        const error = options.refusal?.(decision) ?? new AppError('access_denied', { details: { reason: decision.allow ? 'action_not_offered' : decision.reason } });
        entries.push(refusalEntry(request, childId, options.auditAction, error, { category: as.category, action, basis: null, reason: decision.reason, flagged: decision.flagged, ...options.details }, judged.organisationId));
        return { value: { refused: error }, entries };
      }
      let logged = false;
      const base = judged.entry();
      access = {
        childId: canonicalId(childId),
        decision,
        actor: facts.actor,
        child: facts.child,
        now: judged.now,
        logDone: async (_t, details, organisationId) => {
          logged = true;
          const entry: AuditEntry = { ...base, outcome: 'success', details: { category: as.category, action, basis: decision.basis, flagged: decision.flagged, ...options.details, ...details } };
          entries.push(organisationId === undefined ? entry : { ...entry, organisationId });
        },
      };
      const value = await work(trx, access);
      if (!logged) await access.logDone(trx);
      return { value: { value }, entries };
    }, opening);
    if ('missing' in outcome) {
      await request.server.services.audit.append({ ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId: canonicalId(childId), outcome: 'failure', details: { reason: 'no_such_child' } });
      throw new AppError('not_found');
    }
    if ('refused' in outcome) throw outcome.refused;
    return outcome.value;
  } catch (error) {
    // The area's own rule refused after the gate offered the action: rolled back, then logged.
    if (access && error instanceof AppError) await logRefusal(request, access.childId, options.auditAction, error, { category: options.decideAs?.category ?? 'record', action, basis: null, ...options.details }, null);
    throw error;
  }
}

/**
 * Serialises every change to one child, and answers the version of its facts under the lock
 * (undefined: no such child). Every change to a fact moves the version by an UPDATE of this row (migration 0049), so while the
 * lock is held the version read is the one in force, and no change to a fact commits before this
 * transaction ends.
 */
export async function lockChild(trx: Transaction<DB>, childId: string): Promise<string | undefined> {
  return (await lockQuery(trx, childId).executeTakeFirst())?.gate_version;
}

function lockQuery(db: Kysely<DB> | Transaction<DB>, childId: string | RawBuilder<string>) {
  return db.selectFrom('child as c').select(gateVersion).where('c.id', '=', childId).forUpdate();
}

type LockedChild = { gate_version: string };

/**
 * The child's lock as a change's transaction's first statement (audit/logged-transaction.ts sends
 * it with the BEGIN), its id written in as a literal: only a uuid in its lower-case text (`isCanonicalUuid`), which a literal
 * holds as it is. Any other id takes the lock with a parameter, as its own statement (`lockedVersion`).
 */
function childLock(db: Kysely<DB>, childId: string): OpeningStatement | undefined {
  const id = canonicalId(childId);
  if (!isCanonicalUuid(id)) return undefined;
  lockText ??= lockTextOf(db);
  return { sql: lockText.replace(lockPlaceholder, id) };
}

// The statement is built once (building it with Kysely took the server longer than the lock takes the database): the same text with each child's id.
const lockPlaceholder = '00000000-0000-0000-0000-000000000000';
let lockText: string | undefined;
function lockTextOf(db: Kysely<DB>): string {
  const compiled = lockQuery(db, sql.lit(lockPlaceholder)).compile();
  if (compiled.parameters.length > 0 || compiled.sql.split(lockPlaceholder).length !== 2) throw new Error('the child lock as text must hold its id once and no parameters');
  return compiled.sql;
}

/** The version the opening lock read (no row: no such child), or the lock taken now when no opening was sent. */
async function lockedVersion(trx: Transaction<DB>, childId: string, opening: OpeningStatement | undefined, locked: LockedChild[]): Promise<string | undefined> {
  return opening ? locked[0]?.gate_version : lockChild(trx, childId);
}

/**
 * A write's facts: those of the version its lock read, as a read keeps them (access/facts-cache.ts),
 * else loaded inside its transaction, under the lock. Facts are the same for one version whoever
 * loads them, so the decision is the one the facts loaded now would give.
 */
function lockedFacts(version: string | undefined): FactsWith<never> {
  return async (db, childId, _actorUserId, _now, kept) => ({ child: version === undefined ? undefined : await childFactsAt(db, kept, canonicalId(childId), version), loaded: null });
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
  const actorFacts = requireActor(request.actor);
  // One instant for the facts and the decision: the companion's current team is the gate's.
  const now = request.server.services.clock.now();
  const kept = { cache: request.server.services.gateFacts, reader: actorFacts };
  const [actor, { child, loaded }] = await Promise.all([loadPolicyActor(db, actorFacts), load(db, childId, actorFacts.userId, now, kept)]);
  return { actor, child, loaded, now };
}

/**
 * A refusal names its reason and the actions the policy still offers (a professional without a
 * basis may open emergency access), so the web app offers exactly those.
 */
function allowedOrThrow(access: Awaited<ReturnType<typeof decide>>): ChildAccess {
  if (!access.allow) throw new AppError('access_denied', { details: { reason: access.reason, ...(access.actions.length > 0 ? { actions: access.actions } : {}) } });
  return access;
}

type Judged =
  | (ChildAccess & { allow: true; entry: (extra?: Record<string, unknown>) => AuditEntry; organisationId: string | null })
  | { allow: false; reason: string; decision: AccessDecision; now: Date; entry: (extra?: Record<string, unknown>) => AuditEntry; organisationId: string | null };

/** How an allowed write's entry is written: in its transaction now, or (withChildWrite) as the transaction's last statement. */
type WriteLog = (trx: Transaction<DB>, entry: AuditEntry) => Promise<void>;

/** The decision on loaded facts and the entry that records it, without logging: every gate function logs it its own way. */
function judge(
  request: FastifyRequest,
  { actor, child, now }: { actor: PolicyActor; child: PolicyChild; now: Date },
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
  writeLog: WriteLog = (trx, entry) => appendAudit(trx, [entry], request.server.services.clock.now()),
): Judged {
  const { config } = request.server.services;
  // The log is searched by id as text (access log, log review): one spelling for every look.
  const subjectId = canonicalId(childId);
  const base = { ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId };
  const context = { now, rules: config.consentRules, ...(options.purpose ? { purpose: options.purpose } : {}) };
  // One decider for this look: the entries and events a view decides after the gate reuse what it found (core's childDecider).
  const decider = childDecider(actor, child, context);
  const decided = decider.decide(action, category, options.entry);
  const decision = notOffered(decided, options.offered);
  const membership = currentMembership(child, actor.userId, now);
  const organisationId = membership?.organisationId ?? null;
  // A session opened with a password an administrator reset: every look in it is marked with who reset it.
  const resetBy = request.actor?.passwordResetBy ?? null;
  const resetMark = resetBy ? { passwordResetBy: resetBy, flagged: true } : {};
  const entry = (extra?: Record<string, unknown>): AuditEntry => ({
    ...base,
    organisationId,
    outcome: decision.allow ? 'success' : 'denied',
    details: gateDetails(category, decision, resetMark, options.details, extra),
  });
  if (!decision.allow) return { allow: false, reason: decision.reason, decision, now, entry, organisationId };
  return {
    allow: true,
    childId: subjectId,
    decision,
    actor,
    child,
    membership,
    now,
    entry,
    organisationId,
    sharedFromOtherDomains: (c) => decider.sharedFromOtherDomains(c),
    decide: (a, c, e) => decider.decide(a, c, e),
    logWrite: (trx, details) => writeLog(trx, entry(details)),
    logAllowed: (details) => request.server.services.audit.append(entry(details)),
  };
}

/** What a gate entry says of its decision: the category, basis, reason and flag, the session's mark, the route's details. */
export function gateDetails(category: AccessCategory, decision: AccessDecision, resetMark: Record<string, unknown>, details?: Record<string, unknown>, extra?: Record<string, unknown>): Record<string, unknown> {
  return { category, basis: decision.basis, reason: decision.reason, flagged: decision.flagged, ...resetMark, ...details, ...extra };
}

/** A decision that allows the read but does not offer the action asked for is a refusal of that action. */
function notOffered(decision: AccessDecision, offered: ChildAction | undefined): AccessDecision {
  if (!offered || !decision.allow || decision.actions.includes(offered)) return decision;
  // `action_not_offered` is the gate's own reason, as withChildAction answers it, not one of core's.
  const reason = 'action_not_offered' as string as DenyReason;
  return { allow: false, basis: null, reason, fields: { protectedIdentity: false, protectedGuardians: false }, actions: decision.actions, flagged: decision.flagged };
}

/** A call the area's own basis carries where the gate refused: its entry, written by the read at once, by a write after its change. */
interface CarriedByArea {
  childId: string;
  now: Date;
  entry: AuditEntry;
}

/** Judges and logs: a read or a refusal through `log`, an allowed write later by the route. */
async function decide(
  request: FastifyRequest,
  { actor, child, now }: Facts,
  childId: string,
  action: AccessAction,
  category: AccessCategory,
  options: GateOptions,
  log: (entry: AuditEntry) => Promise<void> = (entry) => request.server.services.audit.append(entry),
  writeLog?: WriteLog,
): Promise<(ChildAccess & { allow: true }) | { allow: false; reason: string; actions: readonly ChildAction[]; byArea?: CarriedByArea }> {
  if (!child) {
    await log({ ...auditFrom(request), action: options.auditAction, subjectType: 'child', subjectId: canonicalId(childId), outcome: 'failure', details: { reason: 'no_such_child' } });
    throw new AppError('not_found');
  }
  const judged = judge(request, { actor, child, now }, childId, action, category, options, writeLog);
  if (!judged.allow) {
    const areaBasis = 'areaBasis' in options ? (options as AreaBasisOptions).areaBasis : null;
    if (areaBasis !== null && areaMayCarry(judged.reason)) {
      // The area's basis carries the call: logged as a success on its reason, beside the gate's own.
      const refused = judged.entry();
      const entry: AuditEntry = { ...refused, outcome: 'success', details: { ...refused.details, basis: null, reason: areaBasis, gateReason: judged.reason } };
      if (action !== 'write') durableBeforeReply(request, log(entry));
      return { allow: false, reason: judged.reason, actions: judged.decision.actions, byArea: { childId: canonicalId(childId), now: judged.now, entry } };
    }
    await log(judged.entry());
    return { allow: false, reason: judged.reason, actions: judged.decision.actions };
  }
  const { entry: _entry, organisationId: _organisationId, ...allowed } = judged;
  // logAllowed goes through the same log as the decision (the transaction's, for a write).
  const access = { ...allowed, logAllowed: (details?: Record<string, unknown>) => log(judged.entry(details)) };
  const refusal = action !== 'write' && options.areaRule ? await options.areaRule(access) : null;
  if (refusal) {
    await log({ ...judged.entry({ code: refusal.code, refusal: refusal.details ?? null }), outcome: refusal.status === 403 ? 'denied' : 'failure' });
    throw refusal;
  }
  // A read's entry is durable before the answer leaves (http/durable-reply.ts), not before the route runs.
  if (action !== 'write') durableBeforeReply(request, log(judged.entry()));
  return access;
}

export function currentMembership(child: PolicyChild, userId: string, now: Date): ChildAccess['membership'] {
  return child.careTeam.find((m) => m.userId === userId && m.startsAt <= now && (m.endsAt === null || now < m.endsAt));
}

/**
 * An area's own basis (an invitee's, a handover receiver's) stands in only for the refusal of
 * standing: not on the child's team. Every other refusal stands (a team whose consent is no longer
 * in force, an administrator or analyst, who never read a child's data, a secrecy domain the
 * caller's place cannot read, emergency access's limits): the area's reason is to be told that
 * something waits, not a way round the gate's other rules.
 */
export function areaMayCarry(reason: string): boolean {
  return reason === 'not_in_care_team';
}
