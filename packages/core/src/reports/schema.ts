import { z } from 'zod';
import { wellbeingAreaSchema } from '../wellbeing/areas.ts';

/**
 * A report of concern to social services (orosanmälan): a duty in law for every professional who
 * works with children (Socialtjänstlagen, anmälningsskyldighet), so it needs no consent. It goes to
 * the intake (mottagning) of the social services in the child's home municipality.
 */
export const ReportInput = z.object({
  /** What the reporter has seen or been told, in their own words. */
  description: z.string().trim().min(10).max(8000),
  /** The wellbeing wheel's areas it touches, if the reporter names any. */
  areas: z.array(wellbeingAreaSchema).max(8).refine((a) => new Set(a).size === a.length, { message: 'duplicate_area' }).default([]),
  /** The reporter believes the child is in immediate danger: intake sees it first in the queue. */
  immediateDanger: z.boolean().default(false),
});
export type ReportInput = z.input<typeof ReportInput>;

/** Intake's steps, in order: the immediate protection assessment, then the initial assessment. */
export const intakeSteps = ['protection_assessment', 'initial_assessment'] as const;
export const IntakeStep = z.enum(intakeSteps);
export type IntakeStep = z.infer<typeof IntakeStep>;

/** Skyddsbedömning: does the child need protection now? Förhandsbedömning: is an investigation opened? */
export const stepOutcomes = {
  protection_assessment: ['immediate_protection_needed', 'no_immediate_protection_needed'],
  initial_assessment: ['investigation_opened', 'investigation_not_opened', 'investigation_ongoing'],
} as const satisfies Record<IntakeStep, readonly string[]>;
export const StepOutcome = z.enum([...stepOutcomes.protection_assessment, ...stepOutcomes.initial_assessment]);
export type StepOutcome = z.infer<typeof StepOutcome>;

export const StepInput = z.object({
  step: IntakeStep,
  outcome: StepOutcome,
  note: z.string().trim().max(4000).optional(),
});
export type StepInput = z.infer<typeof StepInput>;

/**
 * What intake may tell the reporter (SoL: whether an investigation is opened, not opened or already
 * ongoing), and nothing else: not the protection assessment, not the notes, not who decided.
 */
export const reporterFeedbacks = ['received', 'investigation_opened', 'investigation_not_opened', 'investigation_ongoing'] as const;
export const ReporterFeedback = z.enum(reporterFeedbacks);
export type ReporterFeedback = z.infer<typeof ReporterFeedback>;

export const LegalGroundRef = z.object({ code: z.string(), titleSv: z.string(), titleEn: z.string(), reference: z.string() });

/** The reporter's receipt: received at which intake and when, on which ground, and what intake may say since. */
export const ReportReceipt = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  /** Where the gate lets the reporter read the record still; null otherwise (the receipt stays theirs). */
  childName: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  intakeName: z.string(),
  sentAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  legalGround: LegalGroundRef,
  feedback: ReporterFeedback,
});
export type ReportReceipt = z.infer<typeof ReportReceipt>;

export const ReportReceiptList = z.object({ receipts: z.array(ReportReceipt) });

/** On the child's record: whether the caller may send a report, and the receipts of the caller's own reports about this child. */
export const ChildReportsView = z.object({ mayReport: z.boolean(), receipts: z.array(ReportReceipt) });
export type ChildReportsView = z.infer<typeof ChildReportsView>;

export const StepView = z.object({
  step: IntakeStep,
  outcome: StepOutcome,
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.iso.datetime(),
});

/** Intake's stage of a report: what is to be done next, by when, and whether that time has passed. */
export const IntakeStatus = z.object({
  next: z.enum(['protection_assessment', 'initial_assessment', 'done']),
  /** End of the day of receipt (Stockholm). */
  protectionAssessmentDue: z.iso.datetime(),
  /** End of the 14th day after receipt (Stockholm). */
  initialAssessmentDue: z.iso.datetime(),
  overdue: z.boolean(),
});
export type IntakeStatus = z.infer<typeof IntakeStatus>;

/** A row in intake's queue. */
export const IntakeQueueRow = z.object({
  id: z.uuid(),
  childId: z.uuid(),
  /** Null for a protected identity: never a name in a list. */
  childName: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  identityNumber: z.string(),
  receivedAt: z.iso.datetime(),
  immediateDanger: z.boolean(),
  status: IntakeStatus,
  feedback: ReporterFeedback,
});
export type IntakeQueueRow = z.infer<typeof IntakeQueueRow>;

export const IntakeQueue = z.object({ intakeName: z.string(), reports: z.array(IntakeQueueRow) });
export type IntakeQueue = z.infer<typeof IntakeQueue>;

/** One report as intake reads it: the reporter, the text, the steps taken. */
export const IntakeReportView = IntakeQueueRow.extend({
  reporter: z.object({ name: z.string(), title: z.string().nullable(), organisationName: z.string() }),
  description: z.string(),
  areas: z.array(wellbeingAreaSchema),
  legalGround: LegalGroundRef,
  steps: z.array(StepView),
});
export type IntakeReportView = z.infer<typeof IntakeReportView>;

export const ReportParams = z.object({ id: z.uuid() });

/** Whether the caller works at an intake, and which: the web app offers the queue only then. */
export const IntakePlaces = z.object({ intakes: z.array(z.object({ unitId: z.uuid(), name: z.string(), organisationName: z.string() })) });
export type IntakePlaces = z.infer<typeof IntakePlaces>;
