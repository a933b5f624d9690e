import { conventionPrinciples, type ImpactAssessmentAnswers, type ImpactAssessmentState } from './schema.ts';

/**
 * The rules of a child-rights impact assessment. A decision cannot be marked as taken until its
 * assessment is done, or marked as not needed with a reason: `decisionMayBeTaken` is that rule,
 * for the forums' decisions (issue 16 point 3) to call before a decision is recorded as taken.
 */

/** The answers a done assessment still lacks, as field paths (empty when complete). */
export function missingAnswers(answers: ImpactAssessmentAnswers): string[] {
  const missing: string[] = [];
  for (const field of ['affectedChildren', 'viewsGathered', 'consequences', 'alternatives', 'conclusion'] as const) if (answers[field].trim() === '') missing.push(field);
  for (const p of conventionPrinciples) if (answers.principles[p].trim() === '') missing.push(`principles.${p}`);
  return missing;
}

export type DecisionRefusal = 'assessment_missing' | 'assessment_not_done';

/** Whether a decision may be marked as taken, given its assessment (or none): the reason when not. */
export function decisionMayBeTaken(assessment: { state: ImpactAssessmentState; notNeededReason: string | null } | null): { ok: true } | { ok: false; reason: DecisionRefusal } {
  if (assessment === null) return { ok: false, reason: 'assessment_missing' };
  if (assessment.state === 'done') return { ok: true };
  if (assessment.state === 'not_needed' && (assessment.notNeededReason ?? '').trim().length > 0) return { ok: true };
  return { ok: false, reason: 'assessment_not_done' };
}
