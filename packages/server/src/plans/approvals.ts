import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { ageOn, approvalsWaitingFor, proposedRevision, stockholmDate, type PlanApprovalInput, type PlanView } from '@samsyn/core';
import type { ActionAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { approvalsOf, guardiansOf, insertApproval, planFacts, planOf, putInForce } from './queries.ts';
import { decideRow, toPlanView } from './views.ts';

/**
 * The family's answer to a proposed change: approve it, or comment on it. Asked of the gate as
 * the action `give_consent` (a guardian, or the child from the age their own consent counts):
 * approving a change to the plan is consenting to it, and exactly those whose consent counts
 * approve. When the last approval that the consent rules want is in, the change is in force, in
 * the same transaction.
 */
export async function answerProposal(trx: Transaction<DB>, request: FastifyRequest, access: ActionAccess, planId: string, input: PlanApprovalInput): Promise<PlanView> {
  const row = await planOf(trx, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  const proposal = proposedRevision(planFacts(row));
  if (decision.standing !== 'family' || proposal === null) throw new AppError('plan_state', { details: { reason: 'nothing_to_approve' } });
  if (input.revision !== proposal) throw new AppError('plan_state', { details: { reason: 'not_the_proposal', proposedRevision: proposal } });
  // One approval each (the policy no longer offers it); a comment may follow.
  if (input.decision === 'approved' && row.approved_by_caller) throw new AppError('plan_state', { details: { reason: 'already_approved' } });
  const guardians = await guardiansOf(trx, access.childId);
  const asGuardian = guardians.find((g) => g.user_id === access.actor.userId);
  const givenAs = asGuardian ? ('guardian' as const) : ('child' as const);
  const earlier = (await approvalsOf(trx, planId)).filter((a) => a.revision === proposal);
  await insertApproval(trx, { planId, revision: proposal, userId: access.actor.userId, givenAs, guardianId: asGuardian?.id ?? null, decision: input.decision, comment: input.comment, at: access.now });
  const answers = [...earlier.map((a) => ({ by: a.given_as, guardianId: a.guardian_id, decision: a.decision })), { by: givenAs, guardianId: asGuardian?.id ?? null, decision: input.decision }];
  const age = ageOn(access.child.birthDate, stockholmDate(access.now));
  const waiting = approvalsWaitingFor({ guardianIds: guardians.map((g) => g.id), childAge: age }, answers, request.server.services.config.consentRules);
  const inForce = input.decision === 'approved' && waiting.length === 0;
  if (inForce) await putInForce(trx, planId, proposal);
  const after = await planOf(trx, access.childId, access.actor.userId, planId);
  const afterDecision = after ? decideRow(request, access, after) : null;
  if (!after || !afterDecision?.read) throw new AppError('not_found');
  const view = await toPlanView(trx, request, access, after, afterDecision);
  // Last: the entry takes the audit chain's lock until the commit.
  await access.logDone(trx, { planId, revision: proposal, decision: input.decision, givenAs, inForce });
  return view;
}
