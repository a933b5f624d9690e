import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { childDecider, type AccessAction, type AccessCategory, type AccessContext, type AccessDecision, type AccessPurpose, type AuditAction, type ChildDecider, type EntryFacts, type InfoCategory, type PolicyActor, type PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { listLookEntry, type ListLook } from '../audit/child-looks.ts';
import { requireActor } from '../http/types.ts';
import { durableBeforeReply } from '../http/durable-reply.ts';
import { loadPolicyActor, loadPolicyChildren, type TeamPlaces } from './facts.ts';
import { areaMayCarry, currentMembership, gateDetails, type ChildAccess } from './gate.ts';
import { canonicalId } from './ids.ts';

/** One child's answer in a list: the gate's access, or its refusal and whether the area's own basis lets the row show. */
export type ListAnswer = { allow: true; access: ChildAccess } | { allow: false; reason: string; byArea: string | null };

export interface ListGateOptions {
  auditAction: AuditAction;
  /** The details of one child's entry, such as the rows of the list it stands for. */
  detailsFor?: (childId: string) => Record<string, unknown>;
  /** Details the list's entry says once for every child, such as how to find the rows where they only repeat the list's own statement. */
  listDetails?: Record<string, unknown>;
  /**
   * Where the gate refuses, an area's own reason to show the row anyway (a pending handover is
   * addressed to its receiver, who is not yet on the team): the look is logged as a success with
   * that reason and no gate basis. Null where the area has none.
   */
  areaBasis?: (childId: string) => string | null;
  /** The purpose a child's row is asked for, when not `list` (a pending handover's receiver asks for `handover_preview`). */
  purposeFor?: (childId: string) => AccessPurpose;
  /**
   * `reader`: each answer's facts hold only the reader's own places on the child's team, enough for
   * every decision but log review (which always loads them all; core's property "decides everything
   * but log review on the reader's own places"). For a list whose callers use only the answers'
   * decisions, not the team (`access.child.careTeam`).
   */
  places?: TeamPlaces;
  /**
   * The children's facts with the reader's places only, as the list found them
   * (access/facts-cache.ts: kept for the version its statement read), instead of a statement of their own.
   */
  facts?: ReadonlyMap<string, PolicyChild>;
}

/**
 * The gate for a list of rows about many children ("Mina barn", handovers, the emergency review
 * queue, log review): asked once per child with purpose `list`, on facts loaded in one statement,
 * and the look leaves one entry that names every child with its answer, allowed or refused (see
 * audit/child-looks.ts; the access log and log review read it as one look per child). A row shows
 * the child's data only where its answer allows. Children that do not exist are absent from the
 * answer and leave no entry: there is no child to look at. Each child is decided by core's
 * `childDecider`, the one gate, as `withChildAccess` decides; what is the list's own (who asks,
 * the clock, the session's mark) is found once, not once per child.
 */
export async function decideEach(
  request: FastifyRequest,
  childIds: readonly string[],
  action: AccessAction,
  category: AccessCategory,
  options: ListGateOptions,
): Promise<Map<string, ListAnswer>> {
  const answers = new Map<string, ListAnswer>();
  const ids = [...new Set(childIds.map(canonicalId))];
  if (ids.length === 0) return answers;
  const { db, audit, clock, config } = request.server.services;
  const actorFacts = requireActor(request.actor);
  const now = clock.now();
  const places = action === 'review_log' ? 'all' : (options.places ?? 'all');
  // Log review weighs every member's place: facts of the reader's places only never decide it.
  if (options.facts && action === 'review_log') throw new Error('decideEach: log review loads every member\'s place');
  const [actor, children] = await Promise.all([loadPolicyActor(db, actorFacts), options.facts ?? loadPolicyChildren(db, ids, actorFacts.userId, places)]);
  const resetBy = request.actor?.passwordResetBy ?? null;
  const list: ListOf = { request, actor, now, rules: config.consentRules, auditAction: options.auditAction, category, resetMark: resetBy ? { passwordResetBy: resetBy, flagged: true } : {} };
  const answerDetails = new AnswerDetails(resetBy !== null);
  const looks: ListLook[] = [];
  for (const id of ids) {
    const child = children.get(id);
    if (!child) continue;
    const purpose = options.purposeFor?.(id) ?? 'list';
    const decider = childDecider(actor, child, { now, rules: list.rules, purpose });
    const decision = decider.decide(action, category);
    const organisationId = currentMembership(child, actor.userId, now)?.organisationId ?? null;
    const rows = options.detailsFor?.(id);
    if (decision.allow) {
      answers.set(id, { allow: true, access: new ListedAccess(list, id, decision, child, decider) });
      looks.push({ childId: id, outcome: 'success', organisationId, details: answerDetails.of(decision), ...(rows ? { rows } : {}) });
      continue;
    }
    const byArea = areaMayCarry(decision.reason) ? (options.areaBasis?.(id) ?? null) : null;
    answers.set(id, { allow: false, reason: decision.reason, byArea });
    // A refusal the area's own basis carries is a look that succeeded on the area's reason.
    const outcome = byArea ? 'success' : 'denied';
    looks.push({ childId: id, outcome, organisationId, details: answerDetails.of(decision, byArea), ...(rows ? { rows } : {}) });
  }
  // A page opened once is one entry: the list's look names every child with that child's answer,
  // and is durable before the list's answer leaves.
  if (looks.length > 0) {
    const shared = { category, ...options.listDetails, ...(resetBy ? { passwordResetBy: resetBy } : {}) };
    durableBeforeReply(request, audit.append(listLookEntry({ ...auditFrom(request), action: options.auditAction }, shared, looks)));
  }
  return answers;
}

/** What every child of one list shares: who asks, when, under which rules, and how its entries are named. */
interface ListOf {
  request: FastifyRequest;
  actor: PolicyActor;
  now: Date;
  rules: AccessContext['rules'];
  auditAction: AuditAction;
  category: AccessCategory;
  resetMark: Record<string, unknown>;
}

/**
 * A child's answer in the list's entry, as a single child's entry would say it without the list's
 * own fields (the category and the session's mark are said once for the list): basis, reason and
 * flag, and for a refusal the area's basis carries, the area's reason and the gate's. One object per
 * distinct answer, so the entry finds the children that share it without comparing each (child-looks.ts).
 */
class AnswerDetails {
  private readonly known = new Map<string, Record<string, unknown>>();

  constructor(private readonly resetSession: boolean) {}

  of(decision: AccessDecision, byArea: string | null = null): Record<string, unknown> {
    // A session opened with a reset password flags every look in it (as `judge` marks a single child's).
    const flagged = this.resetSession || decision.flagged;
    const key = `${decision.basis}\u0000${decision.reason}\u0000${flagged}\u0000${byArea ?? ''}`;
    let details = this.known.get(key);
    if (!details) {
      details = byArea ? { basis: null, reason: byArea, flagged, gateReason: decision.reason } : { basis: decision.basis, reason: decision.reason, flagged };
      this.known.set(key, details);
    }
    return details;
  }
}

/**
 * An allowed child of a list: the same answers as `withChildAccess` gives (core's decider for this
 * child, at the list's instant), as a class whose methods are made once, not four closures per child.
 */
class ListedAccess implements ChildAccess {
  readonly actor: PolicyActor;
  readonly now: Date;
  readonly membership: ChildAccess['membership'];

  constructor(
    private readonly list: ListOf,
    readonly childId: string,
    readonly decision: AccessDecision & { allow: true },
    readonly child: PolicyChild,
    private readonly decider: ChildDecider,
  ) {
    this.actor = list.actor;
    this.now = list.now;
    this.membership = currentMembership(child, list.actor.userId, list.now);
  }

  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision {
    return this.decider.decide(action, category, entry);
  }

  sharedFromOtherDomains(category: InfoCategory): boolean {
    return this.decider.sharedFromOtherDomains(category);
  }

  logWrite(trx: Transaction<DB>, details?: Record<string, unknown>): Promise<void> {
    return appendAudit(trx, [this.entry(details)], this.list.request.server.services.clock.now());
  }

  logAllowed(details?: Record<string, unknown>): Promise<void> {
    return this.list.request.server.services.audit.append(this.entry(details));
  }

  /** This child's own entry, as `judge` writes it for a single child. */
  private entry(extra?: Record<string, unknown>): AuditEntry {
    const { request, auditAction, category, resetMark } = this.list;
    return {
      ...auditFrom(request),
      action: auditAction,
      subjectType: 'child',
      subjectId: this.childId,
      organisationId: this.membership?.organisationId ?? null,
      outcome: 'success',
      details: gateDetails(category, this.decision, resetMark, undefined, extra),
    };
  }
}
