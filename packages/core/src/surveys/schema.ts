import { z } from 'zod';
import { IndicatorId } from '../indicators/schema.ts';

// School surveys (such as Liv och hälsa ung): a definition of questions and answer options, which
// answers count for an indicator, microdata imported one row per respondent, and estimates with
// intervals and small-cell suppression. No personal data: a respondent is anonymous.

const text = (max: number) => z.string().trim().min(1).max(max);

export const SurveyId = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'survey_id_format');
/** A question's id is its column in the microdata file. */
export const QuestionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'question_id_format');

export const AnswerOption = z.object({
  /** The value in the file: 1, 2, 3 … */
  code: z.number().int().min(0).max(99),
  labelSv: text(200),
  labelEn: text(200),
});
export type AnswerOption = z.infer<typeof AnswerOption>;

export const SurveyQuestion = z.object({
  id: QuestionId,
  textSv: text(500),
  textEn: text(500),
  options: z.array(AnswerOption).min(2).max(20).refine((o) => new Set(o.map((x) => x.code)).size === o.length, 'duplicate_answer_code'),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** The grades a survey asks: grade 7 and 9 and upper-secondary year 2, as in Liv och hälsa ung. */
export const surveyGrades = ['7', '9', 'gy2'] as const;
export const SurveyGrade = z.string().regex(/^[a-z0-9]{1,8}$/, 'grade_format');

export const SurveyDefinitionInput = z.object({
  id: SurveyId,
  nameSv: text(200),
  nameEn: text(200),
  grades: z.array(SurveyGrade).min(1).max(20),
  questions: z.array(SurveyQuestion).min(1).max(200).refine((q) => new Set(q.map((x) => x.id)).size === q.length, 'duplicate_question'),
  ownerOrganisationId: z.uuid().optional(),
});
export type SurveyDefinitionInput = z.infer<typeof SurveyDefinitionInput>;

export const SurveyDefinitionView = SurveyDefinitionInput.omit({ ownerOrganisationId: true }).extend({
  owner: z.object({ id: z.uuid(), name: z.string() }),
  /** The indicators measured by this survey: which question, which answers count. */
  indicators: z.array(z.object({ indicatorId: z.string(), questionId: z.string(), countingAnswers: z.array(z.number().int()) })),
  /** The years that have imported microdata. */
  waves: z.array(z.number().int()),
});
export type SurveyDefinitionView = z.infer<typeof SurveyDefinitionView>;
export const SurveyList = z.object({ surveys: z.array(SurveyDefinitionView) });

/** "Mår bra" is the share answering 1 (very good) or 2 (good) to the question on wellbeing. */
export const SurveyIndicatorLink = z.object({
  indicatorId: IndicatorId,
  questionId: QuestionId,
  countingAnswers: z.array(z.number().int().min(0).max(99)).min(1).max(20),
});
export type SurveyIndicatorLink = z.infer<typeof SurveyIndicatorLink>;

/** A microdata file: CSV, one row per respondent (see docs/surveys.md for the columns). */
export const SurveyImportUpload = z.object({
  fileName: text(255),
  content: z.string().min(1, { message: 'required' }),
  /** A file for years already imported replaces that wave; without it, such a file is refused. */
  replaceWave: z.boolean().default(false),
  /** Without it, a file with a bad row writes nothing; with it, the good rows are imported and the bad ones listed. */
  skipInvalidRows: z.boolean().default(false),
});
export type SurveyImportUpload = z.infer<typeof SurveyImportUpload>;

export const surveyImportStatuses = ['reading', 'saving', 'done', 'failed', 'replaced'] as const;

export const SurveyRowError = z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string() });
export type SurveyRowError = z.infer<typeof SurveyRowError>;

export const SurveyImportView = z.object({
  id: z.uuid(),
  surveyId: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  status: z.enum(surveyImportStatuses),
  importedBy: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  years: z.array(z.number().int()),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** The first rejected rows, each with its line and reason (the count says how many in all). */
  errors: z.array(SurveyRowError),
  /** A failed import's reason code. */
  failure: z.string().nullable(),
});
export type SurveyImportView = z.infer<typeof SurveyImportView>;
export const SurveyImportList = z.object({ imports: z.array(SurveyImportView) });

/** The county as a whole, in the area column. */
export const countyArea = 'county';
export const surveyGenders = ['T', 'K', 'M'] as const;
export type SurveyGender = (typeof surveyGenders)[number];
/** All grades together, in the grade column. */
export const allGrades = 'all';

export const EstimateQuery = z.object({
  indicator: IndicatorId,
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  area: z.string().regex(/^(county|[0-9]{4})$/).optional(),
  gender: z.enum(surveyGenders).optional(),
  grade: SurveyGrade.optional(),
});
export type EstimateQuery = z.infer<typeof EstimateQuery>;

export const suppressionReasons = ['too_few', 'complementary'] as const;

const Shown = z.object({
  suppressed: z.literal(false),
  proportion: z.number(),
  lower: z.number(),
  upper: z.number(),
  respondents: z.number().int(),
  effectiveN: z.number(),
});
const Suppressed = z.object({
  suppressed: z.literal(true),
  /** too_few: fewer respondents than the threshold ("för få svar"); complementary: hidden so a hidden cell cannot be worked out. */
  reason: z.enum(suppressionReasons),
});
export const EstimateCell = z.object({
  year: z.number().int(),
  area: z.string(),
  gender: z.enum(surveyGenders),
  grade: z.string(),
  /** The change since the survey's previous wave, when both are shown: Newcombe's interval and whether it is more than noise. */
  change: z.object({ fromYear: z.number().int(), difference: z.number(), lower: z.number(), upper: z.number(), significant: z.boolean() }).nullable(),
}).and(z.discriminatedUnion('suppressed', [Shown, Suppressed]));
export type EstimateCell = z.infer<typeof EstimateCell>;

export const EstimatesView = z.object({
  indicator: z.object({ id: z.string(), nameSv: z.string(), nameEn: z.string(), direction: z.enum(['higher_is_better', 'lower_is_better']), priorityArea: z.string() }),
  survey: z.object({ id: z.string(), questionId: z.string(), countingAnswers: z.array(z.number().int()) }),
  threshold: z.number().int(),
  level: z.number(),
  years: z.array(z.number().int()),
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  grades: z.array(z.string()),
  cells: z.array(EstimateCell),
});
export type EstimatesView = z.infer<typeof EstimatesView>;

/** Finer than the public breakdowns: school units in a municipality (analysts only). */
export const SchoolEstimateQuery = z.object({
  indicator: IndicatorId,
  municipality: z.string().regex(/^[0-9]{4}$/),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const SchoolEstimateCell = z.object({ year: z.number().int(), schoolUnit: z.string(), gender: z.enum(surveyGenders) }).and(z.discriminatedUnion('suppressed', [Shown, Suppressed]));
export type SchoolEstimateCell = z.infer<typeof SchoolEstimateCell>;
export const SchoolEstimatesView = z.object({ indicatorId: z.string(), municipality: z.string(), threshold: z.number().int(), cells: z.array(SchoolEstimateCell) });
export type SchoolEstimatesView = z.infer<typeof SchoolEstimatesView>;
