import type { Kysely, Transaction } from 'kysely';
import { SocioEconomicInput, type ApplicationSummary, type FundYearView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/** Reads of the fund's tables, shaped for the views. Amounts are whole kronor. */

type Db = Kysely<DB> | Transaction<DB>;
const granted = ['granted', 'granted_with_conditions'] as const;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export interface FundRecord { id: string; name: string; description: string; ownerOrganisationId: string; ownerName: string }

export async function findFund(db: Db, id: string): Promise<FundRecord | undefined> {
  return db
    .selectFrom('fund as f')
    .innerJoin('organisation as o', 'o.id', 'f.owner_organisation_id')
    .select(['f.id', 'f.name', 'f.description', 'f.owner_organisation_id as ownerOrganisationId', 'o.name as ownerName'])
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export async function listFunds(db: Db): Promise<FundRecord[]> {
  return db
    .selectFrom('fund as f')
    .innerJoin('organisation as o', 'o.id', 'f.owner_organisation_id')
    .select(['f.id', 'f.name', 'f.description', 'f.owner_organisation_id as ownerOrganisationId', 'o.name as ownerName'])
    .orderBy('f.name')
    .execute();
}

/** Budget, granted (the granted applications' budgets), disbursed and remaining, per year. */
export async function fundYears(db: Db, fundId: string): Promise<FundYearView[]> {
  const [budget, grants, paid] = await Promise.all([
    db.selectFrom('fund_budget_year').select(['year', 'amount']).where('fund_id', '=', fundId).execute(),
    db
      .selectFrom('fund_application_budget as b')
      .innerJoin('fund_application as a', 'a.id', 'b.application_id')
      .innerJoin('fund_call as c', 'c.id', 'a.call_id')
      .select(['b.year', 'b.amount'])
      .where('c.fund_id', '=', fundId)
      .where('a.status', 'in', granted)
      .execute(),
    db
      .selectFrom('fund_disbursement as d')
      .innerJoin('fund_application as a', 'a.id', 'd.application_id')
      .innerJoin('fund_call as c', 'c.id', 'a.call_id')
      .select(['d.year', 'd.amount'])
      .where('c.fund_id', '=', fundId)
      .execute(),
  ]);
  const years = [...new Set([...budget, ...grants, ...paid].map((r) => r.year))].sort((a, b) => a - b);
  const total = (rows: { year: number; amount: number }[], year: number) => rows.filter((r) => r.year === year).reduce((s, r) => s + Number(r.amount), 0);
  return years.map((year) => {
    const b = total(budget, year);
    const g = total(grants, year);
    return { year, budget: b, granted: g, disbursed: total(paid, year), remaining: b - g };
  });
}

export async function fundCalls(db: Db, fundId: string) {
  const rows = await db.selectFrom('fund_call').select(['id', 'title', 'description', 'opens_on', 'closes_on']).where('fund_id', '=', fundId).orderBy('opens_on').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, description: r.description, opensOn: r.opens_on, closesOn: r.closes_on }));
}

export async function applicationSummaries(db: Db, where: { fundId?: string; applicationId?: string }): Promise<(ApplicationSummary & { fundId: string; ownerOrganisationId: string })[]> {
  let query = db
    .selectFrom('fund_application as a')
    .innerJoin('fund_call as c', 'c.id', 'a.call_id')
    .innerJoin('fund as f', 'f.id', 'c.fund_id')
    .innerJoin('organisation as o', 'o.id', 'a.applicant_organisation_id')
    .leftJoin('fund_decision as d', 'd.application_id', 'a.id')
    .select((eb) => [
      'a.id', 'a.title', 'a.call_id', 'a.status', 'a.age_from', 'a.age_to', 'a.submitted_at', 'd.decided_at', 'o.id as orgId', 'o.name as orgName', 'c.fund_id', 'f.owner_organisation_id',
      eb.selectFrom('fund_application_budget as b').select((e) => e.fn.sum<number>('b.amount').as('s')).whereRef('b.application_id', '=', 'a.id').as('requested'),
    ]);
  if (where.fundId) query = query.where('c.fund_id', '=', where.fundId);
  if (where.applicationId) query = query.where('a.id', '=', where.applicationId);
  const rows = await query.orderBy('a.created_at').orderBy('a.id').execute();
  return rows.map((r) => ({
    id: r.id, title: r.title, callId: r.call_id, applicant: { id: r.orgId, name: r.orgName }, status: r.status, ageFrom: r.age_from, ageTo: r.age_to,
    requested: Number(r.requested ?? 0), submittedAt: iso(r.submitted_at), decidedAt: iso(r.decided_at ?? null), fundId: r.fund_id, ownerOrganisationId: r.owner_organisation_id,
  }));
}

export async function applicationDetails(db: Db, id: string) {
  const [app, partners, budget, indicators, decision, disbursements, reports, calculation, assessment] = await Promise.all([
    db.selectFrom('fund_application').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('fund_application_partner as p').innerJoin('organisation as o', 'o.id', 'p.organisation_id').select(['o.id', 'o.name', 'o.kind']).where('p.application_id', '=', id).orderBy('o.name').execute(),
    db.selectFrom('fund_application_budget').select(['year', 'amount']).where('application_id', '=', id).orderBy('year').execute(),
    db.selectFrom('fund_application_indicator as i').innerJoin('indicator as n', 'n.id', 'i.indicator_id').select(['n.id', 'n.name_sv as nameSv', 'n.name_en as nameEn']).where('i.application_id', '=', id).orderBy('n.id').execute(),
    db.selectFrom('fund_decision as d').innerJoin('app_user as u', 'u.id', 'd.decided_by').select(['d.outcome', 'd.reason', 'd.conditions', 'u.display_name', 'd.decided_at']).where('d.application_id', '=', id).executeTakeFirst(),
    db.selectFrom('fund_disbursement').select(['id', 'year', 'amount', 'paid_on', 'note']).where('application_id', '=', id).orderBy('paid_on').execute(),
    db.selectFrom('fund_report as r').innerJoin('app_user as u', 'u.id', 'r.reported_by').select(['r.id', 'r.reported_on', 'r.summary', 'r.indicator_values', 'u.display_name']).where('r.application_id', '=', id).orderBy('r.reported_on').execute(),
    db.selectFrom('fund_calculation').select('input').where('application_id', '=', id).executeTakeFirst(),
    db.selectFrom('child_rights_assessment').select('state').where('subject_kind', '=', 'fund_application').where('subject_id', '=', id).executeTakeFirst(),
  ]);
  return {
    targetGroup: app.target_group, intervention: app.intervention, expectedEffects: app.expected_effects, projectStart: app.project_start, projectEnd: app.project_end,
    partners,
    budget: budget.map((b) => ({ year: b.year, amount: Number(b.amount) })),
    indicators,
    decision: decision ? { outcome: decision.outcome, reason: decision.reason, conditions: decision.conditions, decidedBy: decision.display_name, decidedAt: new Date(decision.decided_at).toISOString() } : null,
    disbursements: disbursements.map((d) => ({ id: d.id, year: d.year, amount: Number(d.amount), paidOn: d.paid_on, note: d.note })),
    reports: reports.map((r) => ({ id: r.id, reportedOn: r.reported_on, summary: r.summary, indicatorValues: r.indicator_values, reportedBy: r.display_name })),
    calculation: calculation ? SocioEconomicInput.parse(calculation.input) : null,
    assessmentState: assessment?.state ?? null,
  };
}
