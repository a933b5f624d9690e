import type { FastifyRequest } from 'fastify';
import { decideStep, formatIdentityNumber, intakeStatus, maskIdentityNumber, reporterFeedback, worksAtIntake, type IntakeQueue, type IntakeQueueRow, type IntakeReportView, type StepInput, type StepRefusal } from '@samsyn/core';
import { decideEach, lockChild } from '../access/gate.ts';
import { canonicalId, rowIdsByChild } from '../access/ids.ts';
import { logRefusal } from '../access/refusals.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { insertStep, intakesOfUser, reportById, reportsAtIntake, stepsOf, type ReportRow, type StepRow } from './queries.ts';
import { childNameOf } from './service.ts';

/** The queue shows at most this many of the latest reports. */
export const queueLimit = 500;

/**
 * Intake works on a legal duty to receive reports, not from a place on the child's team, so the
 * gate cannot speak for it: the report addressed to the intake is the basis (as a handover is for
 * its receiver). Every look and every step is still an entry with subject `child`, basis
 * `legal_duty` and reason `report_intake`, and every refusal is logged.
 */
async function intakeUnitsOf(request: FastifyRequest) {
  const userId = requireActor(request.actor).userId;
  const rows = await intakesOfUser(request.server.services.db, userId);
  const roles = rows.map((r) => ({ role: r.role, unitId: r.unit_id, grantedBy: r.granted_by }));
  return rows.filter((r) => r.unit_id !== null && worksAtIntake(userId, roles, r.unit_id)).map((r) => ({ unitId: r.unit_id!, name: r.name, organisationName: r.organisation_name }));
}

/** The intakes the caller works at; empty for everyone else. Shows no child data. */
export async function intakePlaces(request: FastifyRequest) {
  const units = await intakeUnitsOf(request);
  return { intakes: [...new Map(units.map((u) => [u.unitId, u])).values()] };
}

const intakeEntry = { basis: 'legal_duty', reason: 'report_intake', category: 'record' } as const;

/** The queue: every report received at the caller's intake, open ones first, each child logged once. */
export async function intakeQueue(request: FastifyRequest): Promise<IntakeQueue> {
  const units = await intakeUnitsOf(request);
  if (units.length === 0) throw refusal('forbidden', 'not_intake');
  const { db, clock } = request.server.services;
  const rows = await reportsAtIntake(db, units.map((u) => u.unitId), queueLimit);
  const steps = await stepsOf(db, rows.map((r) => r.id));
  const idsOf = rowIdsByChild(rows);
  await decideEach(request, rows.map((r) => r.child_id), 'read', 'record', {
    auditAction: 'child.report_of_concern.intake_queue',
    detailsFor: (childId) => ({ reportIds: idsOf(childId) }),
    areaBasis: () => 'report_intake',
  });
  const now = clock.now();
  const queue = rows.map((r) => toQueueRow(r, steps, now));
  // Open before done, then overdue first, then immediate danger, then the newest.
  queue.sort((a, b) => Number(a.status.next === 'done') - Number(b.status.next === 'done') || Number(b.status.overdue) - Number(a.status.overdue) || Number(b.immediateDanger) - Number(a.immediateDanger) || b.receivedAt.localeCompare(a.receivedAt));
  return { intakeName: units.map((u) => u.name).join(', '), reports: queue };
}

function toQueueRow(r: ReportRow, steps: readonly StepRow[], now: Date): IntakeQueueRow {
  const own = steps.filter((s) => s.report_id === r.id);
  return {
    id: r.id,
    childId: r.child_id,
    childName: childNameOf(r),
    identityNumber: r.protected_identity === null ? formatIdentityNumber(r.identity_number) : maskIdentityNumber(r.identity_number),
    receivedAt: new Date(r.received_at).toISOString(),
    immediateDanger: r.immediate_danger,
    status: intakeStatus(new Date(r.received_at), own, now),
    feedback: reporterFeedback(own),
  };
}

function toReportView(r: ReportRow, steps: readonly StepRow[], now: Date): IntakeReportView {
  const own = steps.filter((s) => s.report_id === r.id);
  return {
    ...toQueueRow(r, steps, now),
    // Intake opened this report on purpose: who the child is, a protected identity too (the look is flagged).
    childName: { givenName: r.given_name, familyName: r.family_name },
    identityNumber: formatIdentityNumber(r.identity_number),
    reporter: { name: r.reporter_name, title: r.reporter_title, organisationName: r.reporter_organisation_name },
    description: r.description,
    areas: r.areas,
    legalGround: { code: r.legal_ground_code, titleSv: r.ground_title_sv, titleEn: r.ground_title_en, reference: r.ground_reference },
    steps: own.map((s) => ({ step: s.step, outcome: s.outcome, note: s.note, decidedBy: s.decided_by_name, decidedAt: new Date(s.decided_at).toISOString() })),
  };
}

/** Finds the report and checks the caller works at its intake; a refusal is logged for the child. */
async function reportForIntake(request: FastifyRequest, reportId: string, auditAction: 'child.report_of_concern.intake_read' | 'child.report_of_concern.intake_step'): Promise<ReportRow> {
  const report = await reportById(request.server.services.db, reportId);
  if (!report) throw new AppError('not_found');
  const units = await intakeUnitsOf(request);
  if (!units.some((u) => u.unitId === report.intake_unit_id)) {
    const error = refusal('forbidden', 'not_intake');
    await logRefusal(request, report.child_id, auditAction, error, { category: 'record', reportId }, report.intake_organisation_id);
    throw error;
  }
  return report;
}

export async function readReport(request: FastifyRequest, reportId: string): Promise<IntakeReportView> {
  const report = await reportForIntake(request, reportId, 'child.report_of_concern.intake_read');
  const { db, audit, clock } = request.server.services;
  await audit.append({ ...auditFrom(request), action: 'child.report_of_concern.intake_read', subjectType: 'child', subjectId: canonicalId(report.child_id), organisationId: report.intake_organisation_id, outcome: 'success', details: { ...intakeEntry, reportId, flagged: report.protected_identity !== null } });
  return toReportView(report, await stepsOf(db, [reportId]), clock.now());
}

const stepRefusals: Record<StepRefusal, () => AppError> = {
  protection_assessment_first: () => refusal('conflict', 'protection_assessment_first'),
  step_already_recorded: () => refusal('conflict', 'step_already_recorded'),
  outcome_not_of_step: () => invalid('body.outcome', 'outcome_not_of_step'),
};

/**
 * Records one of intake's steps under the child's lock, with its entry in the same transaction:
 * the protection assessment first, then the initial assessment, each once. A refusal rolls back
 * and is logged.
 */
export async function recordStep(request: FastifyRequest, reportId: string, input: StepInput): Promise<IntakeReportView> {
  const report = await reportForIntake(request, reportId, 'child.report_of_concern.intake_step');
  const { db, clock } = request.server.services;
  const userId = requireActor(request.actor).userId;
  try {
    await db.transaction().execute(async (trx) => {
      await lockChild(trx, report.child_id);
      const now = clock.now();
      const done = await stepsOf(trx, [reportId]);
      const decided = decideStep(done, { step: input.step, outcome: input.outcome });
      if (!decided.ok) throw stepRefusals[decided.reason]();
      await insertStep(trx, { reportId, step: input.step, outcome: input.outcome, note: input.note && input.note.length > 0 ? input.note : null, decidedBy: userId, at: now });
      await appendAudit(trx, [{ ...auditFrom(request), action: 'child.report_of_concern.intake_step', subjectType: 'child', subjectId: canonicalId(report.child_id), organisationId: report.intake_organisation_id, outcome: 'success', details: { ...intakeEntry, reportId, step: input.step, outcome: input.outcome } }], now);
    });
  } catch (error) {
    if (error instanceof AppError) await logRefusal(request, report.child_id, 'child.report_of_concern.intake_step', error, { category: 'record', reportId, step: input.step });
    throw error;
  }
  return toReportView(report, await stepsOf(db, [reportId]), clock.now());
}
