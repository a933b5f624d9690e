import { emptyNeedsContent, type NeedsAssessmentContent, type NeedsProposal, type NeedsRevisionView, type QuestionAnswers, type ResilienceMatrix } from '@samsyn/core';

/** The form's state: every sub-area by code, so an empty one is simply two empty texts. */
export interface NeedsDraft {
  occurredOn: string;
  subAreas: Record<string, { strengths: string; challenges: string }>;
  matrix: ResilienceMatrix;
  questions: QuestionAnswers;
  summary: string;
  proposal: NeedsProposal | null;
}

export function draftFrom(revision: NeedsRevisionView | null, today: string): NeedsDraft {
  if (!revision) {
    const empty = emptyNeedsContent(today);
    return { occurredOn: today, subAreas: {}, matrix: empty.matrix, questions: empty.questions, summary: '', proposal: null };
  }
  return {
    occurredOn: revision.occurredOn,
    subAreas: Object.fromEntries(revision.subAreas.map((s) => [s.code, { strengths: s.strengths, challenges: s.challenges }])),
    matrix: revision.matrix,
    questions: revision.questions,
    summary: revision.summary,
    proposal: revision.proposal,
  };
}

/** What is sent: only the sub-areas with something written, in the configuration's order. */
export function contentOf(draft: NeedsDraft, order: readonly string[]): NeedsAssessmentContent {
  const subAreas = order.flatMap((code) => {
    const a = draft.subAreas[code];
    return a && (a.strengths.trim() || a.challenges.trim()) ? [{ code, strengths: a.strengths, challenges: a.challenges }] : [];
  });
  return { occurredOn: draft.occurredOn, subAreas, matrix: draft.matrix, questions: draft.questions, summary: draft.summary, proposal: draft.proposal };
}
