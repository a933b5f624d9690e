import { z } from 'zod';
import { AccessBasis } from '../children/schema.ts';
import { SubAreaCode, type NeedsConfigContent } from './config.ts';

/**
 * A needs assessment (behovsbedömning): per sub-area of the three sides strengths and challenges,
 * the resilience matrix, the five questions a practitioner asks, and a summary ending in a
 * proposal. Every save is a new revision of the assessment (a draft, or final); nothing is
 * overwritten.
 */

/** The five questions a practitioner asks: they guide the form and each has an answer. */
export const practitionerQuestions = ['obstacles', 'information', 'my_action', 'organisation_action', 'others_help'] as const;
export const PractitionerQuestion = z.enum(practitionerQuestions);
export type PractitionerQuestion = z.infer<typeof PractitionerQuestion>;

/** Resilience/vulnerability (the child) × protective/adverse (the environment): the matrix's four quadrants. */
export const matrixQuadrants = ['resilience_protective', 'resilience_adverse', 'vulnerability_protective', 'vulnerability_adverse'] as const;
export const MatrixQuadrant = z.enum(matrixQuadrants);
export type MatrixQuadrant = z.infer<typeof MatrixQuadrant>;

/** What the assessment proposes: act now, call a meeting around the child, or start a plan. */
export const needsProposals = ['act_now', 'call_meeting', 'start_plan'] as const;
export const NeedsProposal = z.enum(needsProposals);
export type NeedsProposal = z.infer<typeof NeedsProposal>;

export const needsStatuses = ['draft', 'final'] as const;
export const NeedsStatus = z.enum(needsStatuses);
export type NeedsStatus = z.infer<typeof NeedsStatus>;

const freeText = z.string().trim().max(4000);
const uniqueCodes = z
  .array(SubAreaCode)
  .max(60)
  .refine((a) => new Set(a).size === a.length, { message: 'sub_area_twice' });

export const SubAreaAnswer = z.object({ code: SubAreaCode, strengths: freeText, challenges: freeText });
export type SubAreaAnswer = z.infer<typeof SubAreaAnswer>;

/** One quadrant: what the writer sees there, and optionally the sub-areas it links as factors. */
export const QuadrantAnswer = z.object({ text: freeText, factors: uniqueCodes });
export type QuadrantAnswer = z.infer<typeof QuadrantAnswer>;

export const ResilienceMatrix = z.object(Object.fromEntries(matrixQuadrants.map((q) => [q, QuadrantAnswer])) as Record<MatrixQuadrant, typeof QuadrantAnswer>);
export type ResilienceMatrix = z.infer<typeof ResilienceMatrix>;

export const QuestionAnswers = z.object(Object.fromEntries(practitionerQuestions.map((q) => [q, freeText])) as Record<PractitionerQuestion, typeof freeText>);
export type QuestionAnswers = z.infer<typeof QuestionAnswers>;

/** What one revision says, in the words of the configuration version it names. */
export const NeedsAssessmentContent = z.object({
  occurredOn: z.iso.date(),
  subAreas: z
    .array(SubAreaAnswer)
    .max(60)
    .refine((a) => new Set(a.map((x) => x.code)).size === a.length, { message: 'sub_area_twice' }),
  matrix: ResilienceMatrix,
  questions: QuestionAnswers,
  summary: z.string().trim().max(8000),
  proposal: NeedsProposal.nullable(),
});
export type NeedsAssessmentContent = z.infer<typeof NeedsAssessmentContent>;

/** The part of a revision kept as one JSON document; the day, summary and proposal are columns of their own. */
export type NeedsStoredContent = Pick<NeedsAssessmentContent, 'subAreas' | 'matrix' | 'questions'>;

/** A final revision has a summary and a proposal; a draft may be partial. */
function finalNeedsSummary(a: { status: NeedsStatus; summary: string; proposal: NeedsProposal | null }, ctx: z.RefinementCtx): void {
  if (a.status !== 'final') return;
  if (a.summary === '') ctx.addIssue({ code: 'custom', path: ['summary'], message: 'required_when_final' });
  if (a.proposal === null) ctx.addIssue({ code: 'custom', path: ['proposal'], message: 'required_when_final' });
}

const saved = NeedsAssessmentContent.extend({ configVersionId: z.uuid(), status: NeedsStatus });

/** A new assessment's first revision. */
export const NeedsAssessmentInput = saved.superRefine(finalNeedsSummary);
export type NeedsAssessmentInput = z.infer<typeof NeedsAssessmentInput>;

/** A new revision of an assessment, on the revision it was edited from (the latest, or 409). */
export const NeedsRevisionInput = saved.extend({ basedOn: z.number().int().positive() }).superRefine(finalNeedsSummary);
export type NeedsRevisionInput = z.infer<typeof NeedsRevisionInput>;

export const NeedsAssessmentParams = z.object({ id: z.uuid(), assessmentId: z.uuid() });

export const NeedsRevisionView = NeedsAssessmentContent.extend({
  id: z.uuid(),
  revision: z.number().int().positive(),
  status: NeedsStatus,
  configVersionId: z.uuid(),
  configVersion: z.number().int().positive(),
  authorName: z.string(),
  organisationName: z.string(),
  createdAt: z.iso.datetime(),
}).meta({ id: 'NeedsAssessmentRevision' });
export type NeedsRevisionView = z.infer<typeof NeedsRevisionView>;

/** A row of the child's list: the assessment as its latest revision the caller may read says it. */
export const NeedsAssessmentSummary = z
  .object({
    id: z.uuid(),
    status: NeedsStatus,
    revision: z.number().int().positive(),
    occurredOn: z.iso.date(),
    proposal: NeedsProposal.nullable(),
    summary: z.string(),
    authorName: z.string(),
    organisationName: z.string(),
    /** The secrecy domain every revision of it is written in. */
    secrecyDomainName: z.string(),
    configVersion: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** When it was first made final; null while only drafts exist. */
    finalisedAt: z.iso.datetime().nullable(),
    basis: AccessBasis,
  })
  .meta({ id: 'NeedsAssessmentSummary' });
export type NeedsAssessmentSummary = z.infer<typeof NeedsAssessmentSummary>;

export const NeedsAssessmentList = z
  .object({
    assessments: z.array(NeedsAssessmentSummary),
    /** False when no consent lets other secrecy domains' assessments reach the caller. */
    sharedFromOthers: z.boolean(),
    /** The gate's answer to whether the caller may make one (a team member with a secrecy domain). */
    mayRecord: z.boolean(),
  })
  .meta({ id: 'NeedsAssessmentList' });
export type NeedsAssessmentList = z.infer<typeof NeedsAssessmentList>;

export const NeedsAssessmentView = z
  .object({
    id: z.uuid(),
    secrecyDomainName: z.string(),
    organisationName: z.string(),
    /** The revisions the caller may read, newest first; the first is the current one. */
    revisions: z.array(NeedsRevisionView).min(1),
    /** The configuration versions these revisions were made with, so each reads in its own words. */
    configs: z.array(z.object({ id: z.uuid(), version: z.number().int().positive(), content: z.custom<NeedsConfigContent>() })),
    /** Whether the caller may save a new revision: a team member writing in the assessment's domain. */
    mayRevise: z.boolean(),
    basis: AccessBasis,
  })
  .meta({ id: 'NeedsAssessment' });
export type NeedsAssessmentView = z.infer<typeof NeedsAssessmentView>;

/** An empty assessment on a day, for a new form. */
export function emptyNeedsContent(occurredOn: string): NeedsAssessmentContent {
  return {
    occurredOn,
    subAreas: [],
    matrix: Object.fromEntries(matrixQuadrants.map((q) => [q, { text: '', factors: [] as string[] }])) as ResilienceMatrix,
    questions: Object.fromEntries(practitionerQuestions.map((q) => [q, ''])) as QuestionAnswers,
    summary: '',
    proposal: null,
  };
}
