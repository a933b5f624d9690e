import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { canEditActionPlan, missingAnswers, ImpactAssessmentAnswers, type AssessmentSubjectKind, type ImpactAssessmentInput, type ImpactAssessmentView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { audit, readablePlan } from '../action-plans/service.ts';
import { parties } from '../action-plans/view.ts';
import { AppError } from '../http/errors.ts';

/**
 * A plan's child-rights impact assessment: read by whoever reads the plan, saved by those who edit
 * it. "Done" needs every answer (core's missingAnswers names the fields left); "not needed" needs a
 * reason. Each save is one transaction with its audit entry on the plan.
 */

export async function assessmentOf(db: Kysely<DB>, kind: AssessmentSubjectKind, subjectId: string): Promise<ImpactAssessmentView | null> {
  const row = await db
    .selectFrom('child_rights_assessment as a')
    .leftJoin('app_user as u', 'u.id', 'a.decided_by')
    .select(['a.id', 'a.subject_kind', 'a.subject_id', 'a.state', 'a.answers', 'a.not_needed_reason', 'a.decided_by', 'u.display_name', 'a.decided_at', 'a.updated_at'])
    .where('a.subject_kind', '=', kind)
    .where('a.subject_id', '=', subjectId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    state: row.state,
    answers: ImpactAssessmentAnswers.parse(row.answers),
    notNeededReason: row.not_needed_reason,
    decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.display_name ?? '' } : null,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function planAssessment(db: Kysely<DB>, request: FastifyRequest, planId: string): Promise<ImpactAssessmentView | null> {
  await readablePlan(db, request, planId);
  return assessmentOf(db, 'action_plan', planId);
}

/** "Done" needs every answer: 400 naming the answers left. */
export function checkAssessmentInput(input: ImpactAssessmentInput): void {
  if (input.state === 'done') {
    const missing = missingAnswers(input.answers);
    if (missing.length > 0) throw new AppError('validation_failed', { details: missing.map((m) => ({ path: `body.answers.${m}`, message: 'required_when_done' })) });
  }
}

/** Writes the assessment of a subject inside the caller's transaction; answers the state before. */
export async function upsertAssessment(trx: Transaction<DB>, kind: AssessmentSubjectKind, subjectId: string, userId: string, input: ImpactAssessmentInput, at: Date): Promise<string | null> {
  const before = await trx.selectFrom('child_rights_assessment').select(['state', 'answers']).where('subject_kind', '=', kind).where('subject_id', '=', subjectId).forUpdate().executeTakeFirst();
  // "Not needed" keeps the answers given so far, so a later assessment starts from them.
  const answers = input.state === 'not_needed' ? (before?.answers ?? ImpactAssessmentAnswers.parse({})) : input.answers;
  const values = {
    state: input.state,
    answers: JSON.stringify(answers),
    not_needed_reason: input.state === 'not_needed' ? input.reason : null,
    decided_by: input.state === 'draft' ? null : userId,
    decided_at: input.state === 'draft' ? null : at,
    updated_at: at,
  };
  await trx
    .insertInto('child_rights_assessment')
    .values({ subject_kind: kind, subject_id: subjectId, created_by: userId, created_at: at, ...values })
    .onConflict((oc) => oc.columns(['subject_kind', 'subject_id']).doUpdateSet(values))
    .execute();
  return before?.state ?? null;
}

export async function savePlanAssessment(db: Kysely<DB>, request: FastifyRequest, planId: string, input: ImpactAssessmentInput): Promise<void> {
  const at = request.server.services.clock.now();
  checkAssessmentInput(input);
  await db.transaction().execute(async (trx) => {
    const { actor, plan } = await readablePlan(trx, request, planId);
    if (!canEditActionPlan(actor, parties(plan))) throw new AppError('forbidden');
    const before = await upsertAssessment(trx, 'action_plan', planId, actor.userId, input, at);
    await audit(trx, request, plan, 'impact_assessment.save', { subjectKind: 'action_plan', before, after: input.state, ...(input.state === 'not_needed' ? { reason: input.reason } : {}) });
  });
}
