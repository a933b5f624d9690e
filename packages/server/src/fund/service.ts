import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  ApplicationInput, FundReportInput, DisbursementInput, canApplyAtAll, canApplyFor, canReadFund, isFundManager, stockholmDate,
  type ApplicationView, type AuditAction, type FundDecisionInput, type FundView, type ImpactAssessmentInput, type PlanActor, type SocioEconomicInput,
} from '@samsyn/core';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { planActor } from '../action-plans/service.ts';
import { existingIndicators, existingOrganisations } from '../action-plans/queries.ts';
import { checkAssessmentInput, upsertAssessment } from '../impact-assessments/service.ts';
import { applicationDetails, applicationSummaries, findFund, fundCalls, fundYears } from './queries.ts';

/**
 * The fund's rules (core's fund/policy.ts says who): every change is one transaction with its
 * audit entry on the application (or fund), and a decision waits for the application's
 * child-rights impact assessment to be done or marked not needed.
 */

type Summary = Awaited<ReturnType<typeof applicationSummaries>>[number];
const decided = (status: string) => status === 'granted' || status === 'granted_with_conditions' || status === 'rejected';
const isGranted = (status: string) => status === 'granted' || status === 'granted_with_conditions';
const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

export function fundReader(request: FastifyRequest): PlanActor {
  const actor = planActor(request);
  if (!canReadFund(actor)) throw new AppError('forbidden');
  return actor;
}

export const today = (request: FastifyRequest) => stockholmDate(request.server.services.clock.now());

async function audit(trx: Transaction<DB>, request: FastifyRequest, subject: { type: string; id: string; organisationId: string }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: subject.type, subjectId: subject.id, organisationId: subject.organisationId, outcome: 'success', details }], request.server.services.clock.now());
}

export async function fundView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<FundView> {
  const actor = fundReader(request);
  const fund = await findFund(db, id);
  if (!fund) throw new AppError('not_found');
  const [years, calls, applications] = await Promise.all([fundYears(db, id), fundCalls(db, id), applicationSummaries(db, { fundId: id })]);
  const sum = (k: 'budget' | 'granted' | 'disbursed' | 'remaining') => years.reduce((s, y) => s + y[k], 0);
  return {
    id: fund.id, name: fund.name, description: fund.description, owner: { id: fund.ownerOrganisationId, name: fund.ownerName },
    years, total: { budget: sum('budget'), granted: sum('granted'), disbursed: sum('disbursed'), remaining: sum('remaining') }, calls,
    applications: applications.map(({ fundId: _f, ownerOrganisationId: _o, ...a }) => a),
    actions: { apply: canApplyAtAll(actor), decide: isFundManager(actor, fund.ownerOrganisationId) },
  };
}

async function summaryOf(db: Kysely<DB> | Transaction<DB>, id: string): Promise<Summary> {
  const [summary] = await applicationSummaries(db, { applicationId: id });
  if (!summary) throw new AppError('not_found');
  return summary;
}

export async function applicationView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<ApplicationView> {
  const actor = fundReader(request);
  const { ownerOrganisationId, ...summary } = await summaryOf(db, id);
  const details = await applicationDetails(db, id);
  const manager = isFundManager(actor, ownerOrganisationId);
  const applicant = canApplyFor(actor, summary.applicant.id);
  const assessed = details.assessmentState === 'done' || details.assessmentState === 'not_needed';
  return {
    ...summary, ...details,
    actions: {
      edit: applicant && summary.status === 'draft',
      submit: applicant && summary.status === 'draft',
      assess: manager && summary.status === 'submitted',
      decide: manager && summary.status === 'submitted' && assessed,
      disburse: manager && isGranted(summary.status),
      report: (applicant || manager) && isGranted(summary.status),
      calculate: (applicant || manager) && summary.status !== 'rejected',
    },
  };
}

async function checkReferences(trx: Transaction<DB>, input: z.output<typeof ApplicationInput>): Promise<void> {
  const call = await trx.selectFrom('fund_call').select('id').where('id', '=', input.callId).executeTakeFirst();
  if (!call) throw invalid('body.callId', 'unknown_call');
  const orgs = await existingOrganisations(trx, input.partnerOrganisationIds);
  const missingOrg = input.partnerOrganisationIds.findIndex((o) => !orgs.has(o));
  if (missingOrg >= 0) throw invalid(`body.partnerOrganisationIds.${missingOrg}`, 'unknown_organisation');
  const indicators = await existingIndicators(trx, input.indicatorIds);
  const missing = input.indicatorIds.findIndex((i) => !indicators.has(i));
  if (missing >= 0) throw invalid(`body.indicatorIds.${missing}`, 'unknown_indicator');
}

async function writeParts(trx: Transaction<DB>, id: string, input: z.output<typeof ApplicationInput>): Promise<void> {
  await trx.deleteFrom('fund_application_partner').where('application_id', '=', id).execute();
  await trx.deleteFrom('fund_application_budget').where('application_id', '=', id).execute();
  await trx.deleteFrom('fund_application_indicator').where('application_id', '=', id).execute();
  const partners = input.partnerOrganisationIds.filter((o) => o !== input.applicantOrganisationId);
  if (partners.length > 0) await trx.insertInto('fund_application_partner').values([...new Set(partners)].map((o) => ({ application_id: id, organisation_id: o }))).execute();
  await trx.insertInto('fund_application_budget').values(input.budget.map((b) => ({ application_id: id, year: b.year, amount: b.amount }))).execute();
  if (input.indicatorIds.length > 0) await trx.insertInto('fund_application_indicator').values([...new Set(input.indicatorIds)].map((i) => ({ application_id: id, indicator_id: i }))).execute();
}

const columns = (input: z.output<typeof ApplicationInput>) => ({
  call_id: input.callId, title: input.title, applicant_organisation_id: input.applicantOrganisationId, target_group: input.targetGroup, age_from: input.ageFrom, age_to: input.ageTo,
  intervention: input.intervention, expected_effects: input.expectedEffects, project_start: input.projectStart, project_end: input.projectEnd,
});

export async function createApplication(db: Kysely<DB>, request: FastifyRequest, raw: ApplicationInput): Promise<string> {
  const actor = fundReader(request);
  const input = ApplicationInput.parse(raw);
  if (!canApplyFor(actor, input.applicantOrganisationId)) throw new AppError('forbidden');
  const at = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const { id } = await trx.insertInto('fund_application').values({ ...columns(input), status: 'draft', created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await writeParts(trx, id, input);
    await audit(trx, request, { type: 'fund_application', id, organisationId: input.applicantOrganisationId }, 'fund.application.create', { title: input.title });
    return id;
  });
}

/** The application locked for a change by its applicant organisation, while a draft. */
async function draftOf(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<Summary> {
  const actor = fundReader(request);
  await trx.selectFrom('fund_application').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const summary = await summaryOf(trx, id);
  if (!canApplyFor(actor, summary.applicant.id)) throw new AppError('forbidden');
  if (summary.status !== 'draft') throw new AppError('fund_application_state');
  return summary;
}

export async function updateApplication(db: Kysely<DB>, request: FastifyRequest, id: string, raw: ApplicationInput): Promise<void> {
  const actor = fundReader(request);
  const input = ApplicationInput.parse(raw);
  await db.transaction().execute(async (trx) => {
    await draftOf(trx, request, id);
    if (!canApplyFor(actor, input.applicantOrganisationId)) throw new AppError('forbidden');
    await checkReferences(trx, input);
    await trx.updateTable('fund_application').set({ ...columns(input), updated_at: request.server.services.clock.now() }).where('id', '=', id).execute();
    await writeParts(trx, id, input);
    await audit(trx, request, { type: 'fund_application', id, organisationId: input.applicantOrganisationId }, 'fund.application.update', { title: input.title });
  });
}

export async function submitApplication(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const summary = await draftOf(trx, request, id);
    await trx.updateTable('fund_application').set({ status: 'submitted', submitted_at: at, updated_at: at }).where('id', '=', id).execute();
    await audit(trx, request, { type: 'fund_application', id, organisationId: summary.applicant.id }, 'fund.application.submit', {});
  });
}

/** The application locked for a fund manager's step: 403 for anyone else. */
async function managed(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<{ actor: PlanActor; summary: Summary }> {
  const actor = fundReader(request);
  await trx.selectFrom('fund_application').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const summary = await summaryOf(trx, id);
  if (!isFundManager(actor, summary.ownerOrganisationId)) throw new AppError('forbidden');
  return { actor, summary };
}

const subject = (s: Summary) => ({ type: 'fund_application', id: s.id, organisationId: s.ownerOrganisationId });

export async function saveApplicationAssessment(db: Kysely<DB>, request: FastifyRequest, id: string, input: ImpactAssessmentInput): Promise<void> {
  checkAssessmentInput(input);
  await db.transaction().execute(async (trx) => {
    const { actor, summary } = await managed(trx, request, id);
    if (decided(summary.status)) throw new AppError('fund_application_state');
    const before = await upsertAssessment(trx, 'fund_application', id, actor.userId, input, request.server.services.clock.now());
    await audit(trx, request, subject(summary), 'impact_assessment.save', { subjectKind: 'fund_application', before, after: input.state, ...(input.state === 'not_needed' ? { reason: input.reason } : {}) });
  });
}

export async function decide(db: Kysely<DB>, request: FastifyRequest, id: string, input: FundDecisionInput): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { actor, summary } = await managed(trx, request, id);
    if (summary.status !== 'submitted') throw new AppError('fund_application_state');
    const assessment = await trx.selectFrom('child_rights_assessment').select('state').where('subject_kind', '=', 'fund_application').where('subject_id', '=', id).executeTakeFirst();
    if (assessment?.state !== 'done' && assessment?.state !== 'not_needed') throw new AppError('fund_assessment_required');
    const conditions = input.outcome === 'granted_with_conditions' ? input.conditions : null;
    await trx.insertInto('fund_decision').values({ application_id: id, outcome: input.outcome, reason: input.reason, conditions, decided_by: actor.userId, decided_at: at }).execute();
    await trx.updateTable('fund_application').set({ status: input.outcome, updated_at: at }).where('id', '=', id).execute();
    await audit(trx, request, subject(summary), 'fund.application.decide', { outcome: input.outcome, reason: input.reason, conditions, assessment: assessment.state, requested: summary.requested });
  });
}

export async function recordDisbursement(db: Kysely<DB>, request: FastifyRequest, id: string, raw: DisbursementInput): Promise<void> {
  const input = DisbursementInput.parse(raw);
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { actor, summary } = await managed(trx, request, id);
    if (!isGranted(summary.status)) throw new AppError('fund_application_state');
    await trx.insertInto('fund_disbursement').values({ application_id: id, year: input.year, amount: input.amount, paid_on: input.paidOn, note: input.note, recorded_by: actor.userId, recorded_at: at }).execute();
    await audit(trx, request, subject(summary), 'fund.disbursement.record', { year: input.year, amount: input.amount, paidOn: input.paidOn });
  });
}

/** The applicant organisation's coordinators and unit managers, or the fund managers. */
async function reporter(trx: Transaction<DB>, request: FastifyRequest, id: string): Promise<{ actor: PlanActor; summary: Summary }> {
  const actor = fundReader(request);
  const summary = await summaryOf(trx, id);
  if (!canApplyFor(actor, summary.applicant.id) && !isFundManager(actor, summary.ownerOrganisationId)) throw new AppError('forbidden');
  return { actor, summary };
}

export async function recordReport(db: Kysely<DB>, request: FastifyRequest, id: string, raw: FundReportInput): Promise<void> {
  const input = FundReportInput.parse(raw);
  await db.transaction().execute(async (trx) => {
    const { actor, summary } = await reporter(trx, request, id);
    if (!isGranted(summary.status)) throw new AppError('fund_application_state');
    const followed = new Set((await trx.selectFrom('fund_application_indicator').select('indicator_id').where('application_id', '=', id).execute()).map((r) => r.indicator_id));
    const stray = input.indicatorValues.findIndex((v) => !followed.has(v.indicatorId));
    if (stray >= 0) throw invalid(`body.indicatorValues.${stray}.indicatorId`, 'indicator_not_followed');
    await trx.insertInto('fund_report').values({ application_id: id, reported_on: input.reportedOn, summary: input.summary, indicator_values: JSON.stringify(input.indicatorValues), reported_by: actor.userId, created_at: request.server.services.clock.now() }).execute();
    await audit(trx, request, subject(summary), 'fund.report.record', { reportedOn: input.reportedOn, values: input.indicatorValues.length });
  });
}

export async function saveCalculation(db: Kysely<DB>, request: FastifyRequest, id: string, input: SocioEconomicInput): Promise<void> {
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    const { actor, summary } = await reporter(trx, request, id);
    if (summary.status === 'rejected') throw new AppError('fund_application_state');
    const values = { input: JSON.stringify(input), updated_by: actor.userId, updated_at: at };
    await trx.insertInto('fund_calculation').values({ application_id: id, ...values }).onConflict((oc) => oc.column('application_id').doUpdateSet(values)).execute();
    await audit(trx, request, subject(summary), 'fund.calculation.save', { peopleHelped: input.peopleHelped, discountRate: input.discountRate });
  });
}

export async function auditExport(db: Kysely<DB>, request: FastifyRequest, id: string, language: string): Promise<void> {
  const summary = await summaryOf(db, id);
  await db.transaction().execute((trx) => audit(trx, request, subject(summary), 'fund.calculation.export', { format: 'pdf', language }));
}
