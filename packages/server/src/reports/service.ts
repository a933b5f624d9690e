import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { ReportInput, reporterFeedback, stockholmDate, type ChildReportsView, type ReportReceipt } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { decideEach, type ChildAccess } from '../access/gate.ts';
import { canonicalId, rowIdsByChild } from '../access/ids.ts';
import { refusal } from '../consent/refusals.ts';
import { requireActor } from '../http/types.ts';
import { legalGroundsInForce } from '../legal-grounds/queries.ts';
import { markSeen } from '../start/queries.ts';
import { homeOrganisationOf, insertReport, intakeOf, reportById, reportsSentBy, stepsOf, type ReportRow, type StepRow } from './queries.ts';

/**
 * Sends a report of concern (orosanmälan) inside the gate's transaction. The gate was asked for a
 * write of the record, which any current member of the child's team may make whatever their
 * basis, and no consent is weighed: reporting is a duty in law, whose ground comes from the
 * legal-grounds data in force today. The report lands in the queue of the intake of the child's
 * home municipality, received the same instant; the reporter gets the receipt.
 */
export async function sendReport(trx: Transaction<DB>, access: ChildAccess, body: ReportInput): Promise<ReportReceipt> {
  const input = ReportInput.parse(body);
  const member = access.membership;
  if (!member) throw refusal('forbidden', 'not_in_care_team');
  const home = await homeOrganisationOf(trx, access.childId);
  const intake = home ? await intakeOf(trx, home) : undefined;
  if (!home || !intake) throw refusal('conflict', 'no_intake');
  const [ground] = await legalGroundsInForce(trx, stockholmDate(access.now), { kind: 'duty_to_report' });
  if (!ground) throw refusal('conflict', 'no_duty_to_report_ground');
  const id = await insertReport(trx, {
    childId: access.childId,
    intakeOrganisationId: home,
    intakeUnitId: intake.unit_id,
    reporterId: access.actor.userId,
    reporterOrganisationId: member.organisationId,
    reporterUnitId: member.unitId,
    legalGroundCode: ground.code,
    areas: input.areas,
    description: input.description,
    immediateDanger: input.immediateDanger,
    at: access.now,
  });
  // The basis of a report is the duty in law, not the team place the gate weighed.
  await access.logWrite(trx, { basis: 'legal_duty', reason: 'duty_to_report', legalGround: ground.code, reportId: id, intakeUnitId: intake.unit_id, teamBasis: access.decision.basis });
  // The reporter holds the receipt in the answer: it is not news to them in "Mina barn".
  await markSeen(trx, access.actor.userId, [access.childId], 'reports', access.now);
  const row = await reportById(trx, id);
  if (!row) throw refusal('conflict', 'not_saved');
  return toReceipt(row, [], childNameOf(row));
}

/** On the child's record: whether the caller may report (the gate's answer), and their own receipts about this child. */
export async function childReports(request: FastifyRequest, access: ChildAccess): Promise<ChildReportsView> {
  const { db } = request.server.services;
  const rows = await reportsSentBy(db, access.actor.userId, access.childId);
  const steps = await stepsOf(db, rows.map((r) => r.id));
  // The reporter has now seen intake's answers about this child: no longer new in "Mina barn".
  if (rows.length > 0) await markSeen(db, access.actor.userId, [access.childId], 'reports', access.now);
  return { mayReport: access.decide('write', 'record').allow, receipts: rows.map((r) => toReceipt(r, steps, childNameOf(r))) };
}

/**
 * Every receipt of the caller's own reports. Each child is asked of the gate as a list; a receipt
 * is the reporter's own (reason `own_report`), so it shows even after they have left the team,
 * with the child's name only where the gate still lets them read the record.
 */
export async function sentReceipts(request: FastifyRequest): Promise<ReportReceipt[]> {
  const { db } = request.server.services;
  const userId = requireActor(request.actor).userId;
  // Taken before the read: an answer intake records meanwhile stays new.
  const seenAt = request.server.services.clock.now();
  const rows = await reportsSentBy(db, userId);
  const idsOf = rowIdsByChild(rows);
  const answers = await decideEach(request, rows.map((r) => r.child_id), 'read', 'record', {
    auditAction: 'child.report_of_concern.receipts',
    detailsFor: (childId) => ({ reportIds: idsOf(childId) }),
    areaBasis: () => 'own_report',
  });
  const steps = await stepsOf(db, rows.map((r) => r.id));
  await markSeen(db, userId, rows.map((r) => r.child_id), 'reports', seenAt);
  return rows.map((r) => toReceipt(r, steps, answers.get(canonicalId(r.child_id))?.allow ? childNameOf(r) : null));
}

export function childNameOf(r: Pick<ReportRow, 'protected_identity' | 'given_name' | 'family_name'>) {
  // A protected identity never shows its name in a list or a receipt.
  return r.protected_identity === null ? { givenName: r.given_name, familyName: r.family_name } : null;
}

export function toReceipt(r: ReportRow, steps: readonly StepRow[], childName: ReportReceipt['childName']): ReportReceipt {
  return {
    id: r.id,
    childId: r.child_id,
    childName,
    intakeName: r.intake_name,
    sentAt: new Date(r.sent_at).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    legalGround: { code: r.legal_ground_code, titleSv: r.ground_title_sv, titleEn: r.ground_title_en, reference: r.ground_reference },
    // Only what the law lets intake tell the reporter.
    feedback: reporterFeedback(steps.filter((s) => s.report_id === r.id)),
  };
}
