import type { FastifyRequest } from 'fastify';
import { isFamilyStanding, planFieldsFor, revisionState, mayReadPlanEntry, type PlanAccessFacts, type PlanContents, type PlanFacts, type PlanRevisionPage, type PlanRevisionRead } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { planFacts, planOf, revisionEntry, revisionOf, revisionPage, revisionsOf, type RevisionRow } from './queries.ts';
import { decideRow, planAccessFacts, revisionView, type ReadableDecision } from './views.ts';

/**
 * A plan's history beyond its view: the view lists the newest revisions with the contents of the
 * head and the one in force; the team reads older ones a page at a time, and any one with its
 * contents, each look gated as the plan is and logged. The family reads only the revision in force
 * and the proposal, which their view already holds.
 */

/**
 * Whether the caller may see a revision of a plan they may read: the team each one by where and
 * when it was written, the family the one in force and the proposal, nobody a plan being prepared
 * with the family (`contents` not among their fields). `readable` stands in for the team's rule in
 * the bench's ceiling only (plans/bench.ts), which asks no gate.
 */
export function revisionShown(f: PlanAccessFacts, facts: PlanFacts, decision: ReadableDecision, readable?: (revision: RevisionRow) => boolean): (revision: RevisionRow) => boolean {
  if (!planFieldsFor(decision.standing).includes('contents')) return () => false;
  if (isFamilyStanding(decision.standing)) {
    return (r) => {
      const state = revisionState(facts, r.number);
      return state === 'in_force' || state === 'proposed';
    };
  }
  return readable ?? ((r) => mayReadPlanEntry(f, facts, revisionEntry(r)));
}

/** The plan and the policy's answer on it, for a look at its history: 404 for a plan the caller may not read. */
async function readablePlan(request: FastifyRequest, access: ChildAccess, planId: string) {
  const row = await planOf(request.server.services.db, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  const facts = planFacts(row);
  return { row, facts, decision, shown: revisionShown(planAccessFacts(request, access), facts, decision) };
}

/** Whether the caller reads revisions older than those their view lists: the team, not the family (theirs are in the view). */
export function readsOlderRevisions(decision: ReadableDecision): boolean {
  return planFieldsFor(decision.standing).includes('contents') && !isFamilyStanding(decision.standing);
}

/** One revision with its contents, as the plan's view would list it; 404 for one the caller may not see. */
export async function readRevision(request: FastifyRequest, access: ChildAccess, planId: string, number: number): Promise<PlanRevisionRead> {
  const { facts, shown } = await readablePlan(request, access, planId);
  const revision = await revisionOf(request.server.services.db, planId, number);
  if (!revision || !shown(revision)) throw new AppError('not_found');
  return { ...revisionView(revision, revisionState(facts, number)), contents: revision.contents as PlanContents };
}

/** The revisions older than `before`, a page of them newest first, without their contents. */
export async function listRevisions(request: FastifyRequest, access: ChildAccess, planId: string, before: number): Promise<PlanRevisionPage> {
  const { row, facts, decision, shown } = await readablePlan(request, access, planId);
  const to = Math.min(before, row.head_revision + 1) - 1;
  const from = Math.max(1, to - revisionPage + 1);
  const rows = to < 1 ? [] : await revisionsOf(request.server.services.db, planId, { from, to, also: null });
  return {
    revisions: rows.filter(shown).map((r) => ({ ...revisionView(r, revisionState(facts, r.number)), contents: null })),
    next: from > 1 && readsOlderRevisions(decision) ? from : null,
  };
}
