import { endOfStockholmDay, stockholmDate } from '../time/stockholm.ts';
import { stepOutcomes, type IntakeStatus, type IntakeStep, type ReporterFeedback, type StepOutcome } from './schema.ts';

/** Intake has 14 days from receipt to decide whether to open an investigation (förhandsbedömning). */
export const initialAssessmentDays = 14;

export interface RecordedStep {
  step: IntakeStep;
  outcome: StepOutcome;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The deadlines of a report received at `receivedAt`: the protection assessment the same day
 * (by midnight, Stockholm), the initial assessment within 14 days of receipt.
 */
export function intakeDeadlines(receivedAt: Date): { protectionAssessmentDue: Date; initialAssessmentDue: Date } {
  const day = stockholmDate(receivedAt);
  return { protectionAssessmentDue: endOfStockholmDay(day), initialAssessmentDue: endOfStockholmDay(addDays(day, initialAssessmentDays)) };
}

/** What intake does next with a report, by when, and whether that deadline has passed at `now`. */
export function intakeStatus(receivedAt: Date, steps: readonly RecordedStep[], now: Date): IntakeStatus {
  const due = intakeDeadlines(receivedAt);
  const done = new Set(steps.map((s) => s.step));
  const next = !done.has('protection_assessment') ? 'protection_assessment' : !done.has('initial_assessment') ? 'initial_assessment' : 'done';
  const deadline = next === 'protection_assessment' ? due.protectionAssessmentDue : next === 'initial_assessment' ? due.initialAssessmentDue : null;
  return {
    next,
    protectionAssessmentDue: due.protectionAssessmentDue.toISOString(),
    initialAssessmentDue: due.initialAssessmentDue.toISOString(),
    overdue: deadline !== null && now >= deadline,
  };
}

export type StepRefusal = 'protection_assessment_first' | 'step_already_recorded' | 'outcome_not_of_step';

/** Whether intake may record this step now: each step once, the protection assessment first, an outcome of that step. */
export function decideStep(steps: readonly RecordedStep[], input: RecordedStep): { ok: true } | { ok: false; reason: StepRefusal } {
  if (!(stepOutcomes[input.step] as readonly string[]).includes(input.outcome)) return { ok: false, reason: 'outcome_not_of_step' };
  if (steps.some((s) => s.step === input.step)) return { ok: false, reason: 'step_already_recorded' };
  if (input.step === 'initial_assessment' && !steps.some((s) => s.step === 'protection_assessment')) return { ok: false, reason: 'protection_assessment_first' };
  return { ok: true };
}

/**
 * What the reporter is told: received, until intake has decided whether to investigate; then
 * that decision. The protection assessment and every note stay with intake.
 */
export function reporterFeedback(steps: readonly RecordedStep[]): ReporterFeedback {
  const decided = steps.find((s) => s.step === 'initial_assessment');
  if (!decided) return 'received';
  return decided.outcome as Exclude<ReporterFeedback, 'received'>;
}

/** A role as the intake rule weighs it: where it holds, and who granted it. */
export interface IntakeRoleFacts {
  role: string;
  unitId: string | null;
  grantedBy: string | null;
}

/**
 * Intake staff: a professional at the intake unit, by a role someone else granted. The report
 * addressed to the intake is their basis (a legal duty to receive it), not the care team.
 */
export function worksAtIntake(userId: string, roles: readonly IntakeRoleFacts[], intakeUnitId: string): boolean {
  return roles.some((r) => r.role === 'professional' && r.unitId === intakeUnitId && r.grantedBy !== userId);
}

/**
 * Audit actions about reports of concern. They reveal that a report exists and who made it, so
 * the family's access log never lists them (unless social services decide to disclose it
 * outside Samsyn).
 */
export const reportAuditActions = ['child.report_of_concern.send', 'child.report_of_concern.receipts', 'child.report_of_concern.intake_queue', 'child.report_of_concern.intake_read', 'child.report_of_concern.intake_step'] as const;
