import { z } from 'zod';
import { IndicatorId, priorityAreas } from '../indicators/schema.ts';
import { activityStatuses } from './activity-status.ts';

/**
 * Action plans (handlingsplan), the operations level: a plan across organisations, its sub-goals
 * (delmål), their activities with who is responsible, the follow-up linked to the indicator
 * catalogue, and a communication plan. No child's data: these schemas never name a child.
 */

export const actionPlanTemplates = ['general', 'suicide_prevention', 'school_completion'] as const;
export type ActionPlanTemplate = (typeof actionPlanTemplates)[number];

/** What a review may do besides recording how it goes: close the activity, put it on hold, resume it. */
export const reviewActions = ['close', 'hold', 'resume'] as const;
export type ReviewAction = (typeof reviewActions)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = z.string().trim().max(4000);
const PlanDate = z.iso.date();

export const CommunicationItem = z.object({
  /** To whom (målgrupp). */
  audience: text(300),
  /** Through which channel (kanal). */
  channel: text(200),
  /** When (tidpunkt), in the plan's own words: "varje termin", "2027-03". */
  when: text(200),
});
export type CommunicationItem = z.infer<typeof CommunicationItem>;

export const FollowUpInput = z.object({
  /** How the activity is followed up. */
  how: z.string().trim().max(2000).default(''),
  /** When, in the plan's words ("kvartalsvis"); the dated check-ins are the activity's own. */
  when: z.string().trim().max(300).default(''),
  /** Indicators of the shared catalogue (Befolkning) the follow-up reads. */
  indicatorIds: z.array(IndicatorId).max(10).refine((ids) => new Set(ids).size === ids.length, 'duplicate_indicator').default([]),
});

const periodRefine = <T extends { periodStart?: string | undefined; periodEnd?: string | undefined }>(p: T) => !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd;

export const ActionPlanInput = z
  .object({
    title: text(200),
    /** The owning organisation. A forum owner comes with the forums (see docs/action-plans.md). */
    ownerOrganisationId: z.uuid(),
    /** The other organisations that share the plan: their coordinators edit it too. */
    sharingOrganisationIds: z.array(z.uuid()).max(50).refine((ids) => new Set(ids).size === ids.length, 'duplicate_organisation').default([]),
    periodStart: PlanDate,
    periodEnd: PlanDate,
    priorityArea: z.enum(priorityAreas),
    overallGoal: text(4000),
    /** How many days before its end an activity is "soon late". */
    soonLateDays: z.number().int().min(1).max(90).default(14),
    /** Start from a template's sub-goals and activities. */
    template: z.enum(actionPlanTemplates).nullable().default(null),
  })
  .refine(periodRefine, { path: ['periodEnd'], message: 'period_end_before_start' });
export type ActionPlanInput = z.infer<typeof ActionPlanInput>;

export const ActionPlanUpdate = z
  .object({
    title: text(200),
    sharingOrganisationIds: z.array(z.uuid()).max(50).refine((ids) => new Set(ids).size === ids.length, 'duplicate_organisation'),
    periodStart: PlanDate,
    periodEnd: PlanDate,
    priorityArea: z.enum(priorityAreas),
    overallGoal: text(4000),
    soonLateDays: z.number().int().min(1).max(90),
  })
  .partial()
  .refine(periodRefine, { path: ['periodEnd'], message: 'period_end_before_start' });
export type ActionPlanUpdate = z.infer<typeof ActionPlanUpdate>;

export const SubGoalInput = z.object({ title: text(500), description: longText.default('') });
export type SubGoalInput = z.infer<typeof SubGoalInput>;
export const SubGoalUpdate = z.object({ title: text(500), description: longText }).partial();
export type SubGoalUpdate = z.infer<typeof SubGoalUpdate>;

const activityFields = {
  title: text(500),
  description: longText.default(''),
  responsibleOrganisationId: z.uuid(),
  /** A responsible person, or none: then the organisation's coordinators and unit managers answer for it. */
  responsibleUserId: z.uuid().nullable().default(null),
  startsOn: PlanDate,
  endsOn: PlanDate,
  /** Recurring check-in dates (avstämningar): each reminds the responsible a week before. */
  checkInDates: z.array(PlanDate).max(60).refine((d) => new Set(d).size === d.length, 'duplicate_date').default([]),
  followUp: FollowUpInput.default({ how: '', when: '', indicatorIds: [] }),
  communication: z.array(CommunicationItem).max(20).default([]),
};

export const ActivityInput = z
  .object({ subGoalId: z.uuid(), ...activityFields })
  .refine((a) => a.startsOn <= a.endsOn, { path: ['endsOn'], message: 'end_before_start' });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityUpdate = z
  .object({
    title: activityFields.title,
    description: longText,
    responsibleOrganisationId: z.uuid(),
    responsibleUserId: z.uuid().nullable(),
    startsOn: PlanDate,
    endsOn: PlanDate,
    checkInDates: z.array(PlanDate).max(60).refine((d) => new Set(d).size === d.length, 'duplicate_date'),
    followUp: z.object({ how: z.string().trim().max(2000), when: z.string().trim().max(300), indicatorIds: z.array(IndicatorId).max(10).refine((ids) => new Set(ids).size === ids.length, 'duplicate_indicator') }),
    communication: z.array(CommunicationItem).max(20),
  })
  .partial()
  .refine((a) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn, { path: ['endsOn'], message: 'end_before_start' });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const ReviewInput = z.object({
  comment: text(4000),
  action: z.enum(reviewActions).nullable().default(null),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

const Named = z.object({ id: z.uuid(), name: z.string() });
const Person = z.object({ id: z.uuid(), displayName: z.string() });
const ActivityStatusSchema = z.enum(activityStatuses);

export const ReviewView = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  reviewedOn: PlanDate,
  at: z.iso.datetime(),
  /** The activity's status once the review was made (after its action). */
  status: ActivityStatusSchema,
  action: z.enum(reviewActions).nullable(),
  comment: z.string(),
  by: Person,
  roundId: z.uuid().nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;
export const ReviewList = z.object({ reviews: z.array(ReviewView) });

export const ActivityView = z.object({
  id: z.uuid(),
  subGoalId: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  responsibleOrganisation: Named,
  responsibleUser: Person.nullable(),
  startsOn: PlanDate,
  endsOn: PlanDate,
  checkInDates: z.array(PlanDate),
  /** The first check-in after the latest review, or null. */
  nextCheckIn: PlanDate.nullable(),
  /** The next check-in is within a week, or has passed without a review. */
  checkInDue: z.boolean(),
  followUp: z.object({ how: z.string(), when: z.string(), indicators: z.array(z.object({ id: z.string(), nameSv: z.string(), nameEn: z.string() })) }),
  communication: z.array(CommunicationItem),
  status: ActivityStatusSchema,
  closedOn: PlanDate.nullable(),
  onHoldSince: PlanDate.nullable(),
  lastReview: ReviewView.nullable(),
  reviewCount: z.number().int(),
  /** Whether the caller may record a review (plan editors and the activity's responsible). */
  canReview: z.boolean(),
});
export type ActivityView = z.infer<typeof ActivityView>;

export const SubGoalView = z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), description: z.string(), activities: z.array(ActivityView) });
export type SubGoalView = z.infer<typeof SubGoalView>;

export const StatusCounts = z.object(Object.fromEntries(activityStatuses.map((s) => [s, z.number().int()])) as Record<(typeof activityStatuses)[number], z.ZodNumber>);
export type StatusCounts = z.infer<typeof StatusCounts>;

export const RoundTaskView = z.object({
  activityId: z.uuid(),
  activityTitle: z.string(),
  assigneeOrganisation: Named,
  assigneeUser: Person.nullable(),
  doneAt: z.iso.datetime().nullable(),
  reviewId: z.uuid().nullable(),
});
export type RoundTaskView = z.infer<typeof RoundTaskView>;

/** The report a closed round keeps: each activity as it stood when the round closed. */
export const RoundReport = z.object({
  closedOn: PlanDate,
  counts: StatusCounts,
  rows: z.array(z.object({ activityId: z.uuid(), subGoal: z.string(), activity: z.string(), status: ActivityStatusSchema, reported: z.boolean(), comment: z.string().nullable(), by: z.string().nullable() })),
});
export type RoundReport = z.infer<typeof RoundReport>;

export const RoundView = z.object({
  id: z.uuid(),
  openedAt: z.iso.datetime(),
  openedBy: Person,
  dueOn: PlanDate,
  closedAt: z.iso.datetime().nullable(),
  closedBy: Person.nullable(),
  tasks: z.array(RoundTaskView),
  report: RoundReport.nullable(),
});
export type RoundView = z.infer<typeof RoundView>;

export const RoundInput = z.object({ dueOn: PlanDate });
export type RoundInput = z.infer<typeof RoundInput>;

export const ActionPlanView = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: z.object({ organisation: Named, forumId: z.uuid().nullable() }),
  sharing: z.array(Named),
  periodStart: PlanDate,
  periodEnd: PlanDate,
  priorityArea: z.enum(priorityAreas),
  overallGoal: z.string(),
  soonLateDays: z.number().int(),
  template: z.enum(actionPlanTemplates).nullable(),
  /** The server's day (the one clock) the statuses are computed for. */
  today: PlanDate,
  subGoals: z.array(SubGoalView),
  counts: StatusCounts,
  rounds: z.array(RoundView),
  canEdit: z.boolean(),
  /** Only the owner's coordinators open and close follow-up rounds. */
  canRunRounds: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ActionPlanView = z.infer<typeof ActionPlanView>;

export const ActionPlanSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: Named,
  sharing: z.array(Named),
  periodStart: PlanDate,
  periodEnd: PlanDate,
  priorityArea: z.enum(priorityAreas),
  activities: z.number().int(),
  counts: StatusCounts,
  openRound: z.boolean(),
  canEdit: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type ActionPlanSummary = z.infer<typeof ActionPlanSummary>;
export const ActionPlanList = z.object({ plans: z.array(ActionPlanSummary), today: PlanDate });
export type ActionPlanList = z.infer<typeof ActionPlanList>;

/** Something waiting for the caller: a round's task, or a check-in due. */
export const ActionPlanTask = z.object({
  kind: z.enum(['round', 'check_in']),
  planId: z.uuid(),
  planTitle: z.string(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  roundId: z.uuid().nullable(),
  /** The round's due date, or the check-in date. */
  dueOn: PlanDate,
});
export type ActionPlanTask = z.infer<typeof ActionPlanTask>;
export const ActionPlanTaskList = z.object({ tasks: z.array(ActionPlanTask) });

export const ActionPlanParams = z.object({ id: z.uuid() });
export const SubGoalParams = z.object({ id: z.uuid(), subGoalId: z.uuid() });
export const ActivityParams = z.object({ id: z.uuid(), activityId: z.uuid() });
export const RoundParams = z.object({ id: z.uuid(), roundId: z.uuid() });
export const ExportQuery = z.object({ lang: z.enum(['sv', 'en']).default('sv') });
export const PeopleQuery = z.object({ organisationId: z.uuid() });
export const PeopleList = z.object({ people: z.array(Person) });
