import { z } from 'zod';
import { caseReferenceProblem } from './case-reference.ts';

/**
 * Agreements and guidelines (samverkansöverenskommelser, riktlinjer such as Västbus), the shared
 * costs of joint placements (named by case reference, never by a child), and training records
 * per unit. The operations level: no child's data.
 */

export const agreementKinds = ['guideline', 'agreement', 'routine'] as const;
export const revisionStatuses = ['current', 'revision_soon', 'revision_overdue', 'expired'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const Day = z.iso.date();
const Person = z.object({ id: z.uuid(), name: z.string() });
const Org = z.object({ id: z.uuid(), name: z.string() });

export const AgreementParams = z.object({ id: z.uuid() });
export const AgreementInput = z
  .object({
    title: text(200),
    kind: z.enum(agreementKinds),
    description: z.string().trim().max(2000).default(''),
    /** The organisations party to it; their coordinators edit it. */
    partyOrganisationIds: z.array(z.uuid()).min(1).max(60).refine((ids) => new Set(ids).size === ids.length, 'duplicate_organisation'),
    /** The people who answer for it and get the revision reminder. */
    ownerUserIds: z.array(z.uuid()).min(1).max(20).refine((ids) => new Set(ids).size === ids.length, 'duplicate_owner'),
    validFrom: Day,
    validUntil: Day.nullable().default(null),
    revisionDueOn: Day,
    remindDays: z.number().int().min(1).max(365).default(60),
  })
  .refine((a) => a.validUntil === null || a.validFrom <= a.validUntil, { message: 'ends_before_start', path: ['validUntil'] });
export type AgreementInput = z.infer<typeof AgreementInput>;
export const AgreementVersionInput = z.object({ summary: text(500), content: z.string().trim().max(20000).default(''), decidedOn: Day, validFrom: Day.optional(), validUntil: Day.nullable().optional(), revisionDueOn: Day.optional() });
export type AgreementVersionInput = z.infer<typeof AgreementVersionInput>;

/** The agreement's owners as a whole set; an empty set is refused (agreement_owner_required), so the last owner stays. */
export const AgreementOwnersInput = z.object({ ownerUserIds: z.array(z.uuid()).max(20).refine((ids) => new Set(ids).size === ids.length, 'duplicate_owner') });
export type AgreementOwnersInput = z.infer<typeof AgreementOwnersInput>;
export const AgreementVersionView = z.object({ version: z.number().int(), summary: z.string(), content: z.string(), decidedOn: z.string(), recordedBy: Person, recordedAt: z.iso.datetime() });
export const AgreementView = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(agreementKinds),
  description: z.string(),
  parties: z.array(Org),
  owners: z.array(Person),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  revisionDueOn: z.string(),
  remindDays: z.number().int(),
  status: z.enum(revisionStatuses),
  currentVersion: z.number().int(),
  versions: z.array(AgreementVersionView),
  canEdit: z.boolean(),
});
export type AgreementView = z.infer<typeof AgreementView>;
export const AgreementList = z.object({ agreements: z.array(AgreementView), today: z.string(), canCreate: z.boolean() });
export type AgreementList = z.infer<typeof AgreementList>;

export const CaseReference = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = caseReferenceProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const PlacementParams = z.object({ id: z.uuid() });
export const PlacementInput = z.object({
  caseReference: CaseReference,
  regionId: z.uuid(),
  municipalityId: z.uuid(),
  regionSharePercent: z.number().min(0).max(100).multipleOf(0.01),
  startsOn: Day,
  endsOn: Day.nullable().default(null),
  agreementId: z.uuid().nullable().default(null),
  costs: z.array(z.object({ year: z.number().int().min(2000).max(2100), amount: z.number().min(0).max(1e11).multipleOf(0.01) })).max(30).refine((c) => new Set(c.map((x) => x.year)).size === c.length, 'duplicate_year').default([]),
});
export type PlacementInput = z.infer<typeof PlacementInput>;
export const PlacementCostInput = z.object({ year: z.number().int().min(2000).max(2100), amount: z.number().min(0).max(1e11).multipleOf(0.01) });

export const PlacementView = z.object({
  id: z.uuid(),
  caseReference: z.string(),
  region: Org,
  municipality: Org,
  regionSharePercent: z.number(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  agreementId: z.uuid().nullable(),
  costs: z.array(z.object({ year: z.number().int(), amount: z.number(), region: z.number(), municipality: z.number() })),
  canEdit: z.boolean(),
});
export type PlacementView = z.infer<typeof PlacementView>;
export const CostTotal = z.object({ organisation: Org, year: z.number().int(), amount: z.number(), placements: z.number().int() });
export type CostTotal = z.infer<typeof CostTotal>;
export const PlacementList = z.object({ placements: z.array(PlacementView), totals: z.array(CostTotal), canCreate: z.boolean() });
export type PlacementList = z.infer<typeof PlacementList>;

export const TrainingCourseView = z.object({ id: z.string(), name: z.string(), targetPercent: z.number().int() });
export const TrainingRecordInput = z.object({ unitId: z.uuid(), courseId: z.string().min(1).max(60), staffCount: z.number().int().min(0).max(100000), completedCount: z.number().int().min(0).max(100000) }).refine((r) => r.completedCount <= r.staffCount, { message: 'more_completed_than_staff', path: ['completedCount'] });
export const TrainingRecordView = z.object({ unit: Org, organisation: Org, course: TrainingCourseView, staffCount: z.number().int(), completedCount: z.number().int(), share: z.number().nullable(), belowTarget: z.boolean(), recordedOn: z.string(), canEdit: z.boolean() });
export type TrainingRecordView = z.infer<typeof TrainingRecordView>;
export const TrainingShare = z.object({ organisation: Org, course: TrainingCourseView, staffCount: z.number().int(), completedCount: z.number().int(), share: z.number().nullable(), unitsBelowTarget: z.number().int() });
export const TrainingList = z.object({ courses: z.array(TrainingCourseView), records: z.array(TrainingRecordView), shares: z.array(TrainingShare) });
export type TrainingList = z.infer<typeof TrainingList>;

/** A reminder for the start page: an agreement you own is due for revision, or a unit you answer for is below a training target. */
export const AgreementReminder = z.object({ kind: z.enum(['agreement_revision', 'training_below_target']), subjectId: z.string(), title: z.string(), dueOn: z.string().nullable(), status: z.string() });
export const AgreementReminderList = z.object({ reminders: z.array(AgreementReminder), today: z.string() });
export type AgreementReminderList = z.infer<typeof AgreementReminderList>;
