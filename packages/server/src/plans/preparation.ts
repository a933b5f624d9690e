import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { goalOutcomes, planFieldsFor, wellbeingAreaCodes, type PlanContents } from '@samsyn/core';
import { invalid } from '../consent/refusals.ts';
import type { ActionAccess, ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { guardiansOf, planOf } from './queries.ts';
import { decideRow } from './views.ts';

/**
 * The family's preparation for a plan's meeting: "Vad är viktigt för dig?" (issue 14 point 2).
 * Easy-read answers, all optional. Written through the gate's `give_consent` (a guardian, or the
 * child from the consent age); a younger child's answers are given with a guardian, who writes
 * them with the voice `child`. The server keeps the draft (one row per writer and voice), so a
 * closed browser or another device loses nothing; the team reads submitted answers only. The
 * family fills it in before the plan is established too (`family_preparing`): the first
 * meeting, where the SIP is made, is the one it prepares for.
 */
const Short = z.string().trim().max(1000);
export const PreparationAnswers = z.object({
  areas: z.partialRecord(z.enum(wellbeingAreaCodes), Short).default({}),
  goingWell: Short.default(''),
  wantToChange: Short.default(''),
  whoAtMeeting: Short.default(''),
  shouldKnow: Short.default(''),
  /**
   * The family's own evaluation of each goal, by the goal's id, beside the team's
   * (`goals[].evaluation.team` in the plan): how it went, in its own words.
   */
  goals: z.record(z.string().min(1).max(40), z.object({ outcome: z.enum(goalOutcomes).nullable().default(null), comment: Short.default('') })).default({}),
});
export const PreparationInput = z.object({ voice: z.enum(['child', 'guardian']), answers: PreparationAnswers, submit: z.boolean() });
export const Preparation = z.object({
  voice: z.enum(['child', 'guardian']),
  givenAs: z.enum(['child', 'guardian']),
  mine: z.boolean(),
  answers: PreparationAnswers,
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export const PreparationList = z.object({ preparations: z.array(Preparation) });
type PreparationView = z.infer<typeof Preparation>;

export async function savePreparation(trx: Transaction<DB>, request: FastifyRequest, access: ActionAccess, planId: string, input: z.infer<typeof PreparationInput>): Promise<PreparationView> {
  const row = await planOf(trx, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  // The policy's `prepare`: the family's, on a plan being prepared or established, until it is closed.
  if (!decision.actions.includes('prepare')) throw new AppError('plan_state', { details: { reason: 'no_preparation' } });
  // The goals the family evaluates are those it sees: none of a plan being prepared, whose goals are the team's draft.
  const goals = planFieldsFor(decision.standing).includes('contents') ? (row.head_contents as PlanContents).goals : [];
  const goalIds = new Set(goals.map((g) => g.id));
  const unknown = Object.keys(input.answers.goals).find((id) => !goalIds.has(id));
  if (unknown !== undefined) throw invalid(`body.answers.goals.${unknown}`, 'no_such_goal');
  const asGuardian = (await guardiansOf(trx, access.childId)).some((g) => g.user_id === access.actor.userId);
  const givenAs = asGuardian ? ('guardian' as const) : ('child' as const);
  // The child speaks only for themselves; a guardian writes their own or, with a younger child, the child's.
  if (givenAs === 'child' && input.voice !== 'child') throw new AppError('validation_failed', { details: { reason: 'voice' } });
  const earlier = await trx.selectFrom('plan_preparation').select(['submitted_at']).where('plan_id', '=', planId).where('user_id', '=', access.actor.userId).where('voice', '=', input.voice).executeTakeFirst();
  if (earlier?.submitted_at) throw new AppError('plan_state', { details: { reason: 'already_submitted' } });
  const submittedAt = input.submit ? access.now : null;
  const answers = JSON.stringify(input.answers);
  await trx.insertInto('plan_preparation')
    .values({ plan_id: planId, user_id: access.actor.userId, given_as: givenAs, voice: input.voice, answers, updated_at: access.now, submitted_at: submittedAt })
    .onConflict((oc) => oc.columns(['plan_id', 'user_id', 'voice']).doUpdateSet({ answers, updated_at: access.now, submitted_at: submittedAt }))
    .execute();
  // Last: the entry takes the audit chain's lock until the commit. No answer text in the log.
  await access.logDone(trx, { planId, voice: input.voice, givenAs, submitted: input.submit });
  return { voice: input.voice, givenAs, mine: true, answers: input.answers, updatedAt: access.now.toISOString(), submittedAt: submittedAt?.toISOString() ?? null };
}

/** The submitted answers a reader of the plan sees, and the caller's own drafts. */
export async function readPreparations(request: FastifyRequest, access: ChildAccess, planId: string): Promise<z.infer<typeof PreparationList>> {
  const { db } = request.server.services;
  const row = await planOf(db, access.childId, access.actor.userId, planId);
  const decision = row ? decideRow(request, access, row) : null;
  if (!row || !decision?.read) throw new AppError('not_found');
  const rows = await db.selectFrom('plan_preparation').selectAll().where('plan_id', '=', planId).orderBy('updated_at').execute();
  const visible = rows.filter((r) => r.submitted_at !== null || r.user_id === access.actor.userId);
  return {
    preparations: visible.map((r) => ({
      voice: r.voice,
      givenAs: r.given_as,
      mine: r.user_id === access.actor.userId,
      answers: PreparationAnswers.parse(r.answers),
      updatedAt: r.updated_at.toISOString(),
      submittedAt: r.submitted_at?.toISOString() ?? null,
    })),
  };
}
