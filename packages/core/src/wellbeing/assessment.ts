import { z } from 'zod';
import { wellbeingAreaCodes, wellbeingAreaSchema, type WellbeingArea } from './areas.ts';
import { onScale, type WheelModelContent } from './model.ts';

/** Who the view is of: a professional's description, the child's own view, or a guardian's. */
export const wellbeingRespondents = ['professional', 'child', 'guardian'] as const;
export const WellbeingRespondent = z.enum(wellbeingRespondents);
export type WellbeingRespondent = z.infer<typeof WellbeingRespondent>;

/**
 * How the view reached the record: a professional's own, the child's or guardian's given in a
 * meeting on the professional's device, through a one-time code, or from the citizen's own pages.
 */
export const wellbeingVias = ['professional', 'meeting', 'code', 'own_pages'] as const;
export type WellbeingVia = (typeof wellbeingVias)[number];

const freeText = z.string().trim().max(2000);

/** Per area: strengths, worries and an optional rating on the model's scale. */
export const AreaAnswer = z.object({
  area: wellbeingAreaSchema,
  rating: z.number().int().min(0).max(10).nullable(),
  strengths: freeText,
  worries: freeText,
});
export type AreaAnswer = z.infer<typeof AreaAnswer>;

const answers = z
  .array(AreaAnswer)
  .max(wellbeingAreaCodes.length)
  .refine((a) => new Set(a.map((x) => x.area)).size === a.length, { message: 'area_twice' });

/** The answers of a self-rating (the child's or a guardian's), without a date: it is the day it is given. */
export const SelfRatingAnswers = z.object({
  modelVersionId: z.uuid(),
  answers,
  /** "Vad är viktigt för mig": optional, in the respondent's own words. */
  important: freeText,
});
export type SelfRatingAnswers = z.infer<typeof SelfRatingAnswers>;

export const AssessmentInput = SelfRatingAnswers.extend({
  respondent: WellbeingRespondent,
  occurredOn: z.iso.date(),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;

export const AssessmentView = z
  .object({
    id: z.uuid(),
    respondent: WellbeingRespondent,
    via: z.enum(wellbeingVias),
    occurredOn: z.iso.date(),
    modelVersionId: z.uuid(),
    modelVersion: z.number().int(),
    answers: z.array(AreaAnswer),
    important: z.string(),
    organisationName: z.string(),
    secrecyDomainName: z.string(),
    recordedBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WellbeingAssessment' });
export type AssessmentView = z.infer<typeof AssessmentView>;

/** The wheel of one child, as far as the caller may read it, with the model versions its assessments were made with. */
export const WheelView = z
  .object({
    assessments: z.array(AssessmentView),
    models: z.array(z.object({ id: z.uuid(), version: z.number().int(), content: z.custom<WheelModelContent>() })),
    /** False when no consent lets other secrecy domains' assessments reach the caller ("not shown – no consent"). */
    sharedFromOthers: z.boolean(),
    /** What the caller may do here, as the gate answers: record an assessment, ask the child or a guardian for their view. */
    canRecord: z.boolean(),
  })
  .meta({ id: 'WellbeingWheel' });
export type WheelView = z.infer<typeof WheelView>;

/** Why answers do not fit the model version they name (the server answers 400 with these). */
export function answerProblems(content: WheelModelContent, given: readonly AreaAnswer[]): { path: string; message: string }[] {
  return given.flatMap((a, i) => (a.rating !== null && !onScale(content, a.rating) ? [{ path: `body.answers.${i}.rating`, message: 'not_on_scale' }] : []));
}

/** The latest assessment from each respondent, newest first by date then by when it was recorded: the radar chart's views. */
export function latestByRespondent<T extends Pick<AssessmentView, 'respondent' | 'occurredOn' | 'createdAt'>>(assessments: readonly T[]): Partial<Record<WellbeingRespondent, T>> {
  const latest: Partial<Record<WellbeingRespondent, T>> = {};
  for (const a of assessments) {
    const seen = latest[a.respondent];
    if (!seen || a.occurredOn > seen.occurredOn || (a.occurredOn === seen.occurredOn && a.createdAt > seen.createdAt)) latest[a.respondent] = a;
  }
  return latest;
}

/** One area's ratings over time from one respondent: the trend chart's series (areas are never added up). */
export function ratingsOverTime(assessments: readonly Pick<AssessmentView, 'respondent' | 'occurredOn' | 'answers'>[], area: WellbeingArea, respondent: WellbeingRespondent): { date: string; rating: number }[] {
  return assessments
    .filter((a) => a.respondent === respondent)
    .flatMap((a) => {
      const rating = a.answers.find((x) => x.area === area)?.rating;
      return rating === null || rating === undefined ? [] : [{ date: a.occurredOn, rating }];
    })
    .sort((x, y) => x.date.localeCompare(y.date));
}
