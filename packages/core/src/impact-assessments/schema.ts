import { z } from 'zod';

/**
 * A child-rights impact assessment (barnkonsekvensanalys), issue 16 point 4: an assessment of a
 * decision or a plan against the Convention on the Rights of the Child, built on its general
 * principles. It holds no child's data: it speaks of groups of children.
 */

/** The Convention's general principles the form asks about, by article. */
export const conventionPrinciples = ['best_interests', 'non_discrimination', 'life_and_development', 'right_to_be_heard'] as const;
export type ConventionPrinciple = (typeof conventionPrinciples)[number];
export const principleArticle: Record<ConventionPrinciple, number> = { best_interests: 3, non_discrimination: 2, life_and_development: 6, right_to_be_heard: 12 };

/** What an assessment belongs to: a plan today, a forum's decision once forums exist. */
export const assessmentSubjectKinds = ['action_plan', 'decision', 'fund_application'] as const;
export type AssessmentSubjectKind = (typeof assessmentSubjectKinds)[number];

export const impactAssessmentStates = ['draft', 'done', 'not_needed'] as const;
export type ImpactAssessmentState = (typeof impactAssessmentStates)[number];

const answer = z.string().trim().max(8000);

/** The structured form; a draft may leave any answer empty, a done assessment may not. */
export const ImpactAssessmentAnswers = z.object({
  /** Which children are affected (groups, ages, how many). */
  affectedChildren: answer.default(''),
  /** How the children's own views were gathered. */
  viewsGathered: answer.default(''),
  principles: z.object(Object.fromEntries(conventionPrinciples.map((p) => [p, answer.default('')])) as Record<ConventionPrinciple, z.ZodDefault<typeof answer>>).default({ best_interests: '', non_discrimination: '', life_and_development: '', right_to_be_heard: '' }),
  consequences: answer.default(''),
  alternatives: answer.default(''),
  conclusion: answer.default(''),
});
export type ImpactAssessmentAnswers = z.infer<typeof ImpactAssessmentAnswers>;

/** Save a draft, mark it done (every answer given), or mark an assessment not needed with a reason. */
export const ImpactAssessmentInput = z.discriminatedUnion('state', [
  z.object({ state: z.literal('draft'), answers: ImpactAssessmentAnswers }),
  z.object({ state: z.literal('done'), answers: ImpactAssessmentAnswers }),
  z.object({ state: z.literal('not_needed'), reason: z.string().trim().min(10).max(4000) }),
]);
export type ImpactAssessmentInput = z.infer<typeof ImpactAssessmentInput>;

export const ImpactAssessmentView = z.object({
  id: z.uuid(),
  subject: z.object({ kind: z.enum(assessmentSubjectKinds), id: z.uuid() }),
  state: z.enum(impactAssessmentStates),
  answers: ImpactAssessmentAnswers,
  notNeededReason: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  decidedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type ImpactAssessmentView = z.infer<typeof ImpactAssessmentView>;
