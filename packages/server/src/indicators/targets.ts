import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { canManageTargets, targetOrganisations, type IndicatorView, type TargetInput, type TargetList, type TargetRuleInput, type TargetView } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { appendAudit, appendAuditNow } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { findIndicator } from './queries.ts';

/**
 * Stored targets: one per indicator and organisation. The organisation is a municipality (its
 * figures are the municipality's) or a region (the county as a whole). Who may set them:
 * `canManageTargets` in core. Each change is logged with the rule before and after.
 */

type Db = Kysely<DB> | Transaction<DB>;
const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

function targetQuery(db: Db) {
  return db
    .selectFrom('indicator_target as t')
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .innerJoin('app_user as u', 'u.id', 't.set_by')
    .select(['t.id', 't.indicator_id', 't.organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind', 'o.municipality_code', 't.kind', 't.baseline_year', 't.baseline_value', 't.change_per_year', 't.target_year', 't.target_value', 't.set_by', 'u.display_name', 't.set_at']);
}
type TargetRow = Awaited<ReturnType<ReturnType<typeof targetQuery>['executeTakeFirstOrThrow']>>;

export function ruleOf(r: Pick<TargetRow, 'kind' | 'baseline_year' | 'baseline_value' | 'change_per_year' | 'target_year' | 'target_value'>): TargetRuleInput {
  if (r.kind === 'yearly_change') return { kind: 'yearly_change', baselineYear: r.baseline_year, baselineValue: r.baseline_value, changePerYear: r.change_per_year! };
  return { kind: 'fixed_value', baselineYear: r.baseline_year, baselineValue: r.baseline_value, targetYear: r.target_year!, targetValue: r.target_value! };
}

function toView(r: TargetRow): TargetView {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    area: r.organisation_kind === 'municipality' ? { kind: 'municipality', code: r.municipality_code! } : { kind: 'county', code: 'county' },
    rule: ruleOf(r),
    setBy: { id: r.set_by, displayName: r.display_name },
    setAt: new Date(r.set_at).toISOString(),
  };
}

/** An indicator's targets: the county's first, then the municipalities' by code. */
export async function targetsOf(db: Db, indicatorId: string): Promise<TargetView[]> {
  const rows = await targetQuery(db).where('t.indicator_id', '=', indicatorId).orderBy('o.municipality_code', (o) => o.nullsFirst()).orderBy('o.name').execute();
  return rows.map(toView);
}

async function targetById(db: Db, indicatorId: string, targetId: string): Promise<TargetView | undefined> {
  const row = await targetQuery(db).where('t.indicator_id', '=', indicatorId).where('t.id', '=', targetId).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/**
 * For an indicator of the municipality's own schools, the hemkommun indicator with the same source
 * kind and priority area: the pupils who live in the municipality, which a target defaults to.
 */
export async function defaultTargetIndicator(db: Db, indicator: IndicatorView): Promise<string | null> {
  if (indicator.pupilBasis !== 'municipal_schools') return null;
  const row = await db.selectFrom('indicator').select('id').where('pupil_basis', '=', 'home_municipality').where('source_kind', '=', indicator.source.kind).where('priority_area', '=', indicator.priorityArea).orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

const mayOffer = (scope: 'all' | string[]) => scope === 'all' || scope.length > 0;

export async function targetList(db: Kysely<DB>, actor: Actor, indicatorId: string): Promise<TargetList> {
  const indicator = await findIndicator(db, indicatorId);
  if (!indicator) throw new AppError('not_found');
  return { targets: await targetsOf(db, indicatorId), canManage: mayOffer(targetOrganisations(actor, indicator.owner.id)), defaultTargetIndicatorId: await defaultTargetIndicator(db, indicator) };
}

type TargetAction = 'indicator.target.create' | 'indicator.target.update' | 'indicator.target.delete';

/** The indicator, when the caller may set its targets for the organisation; a refusal is logged. */
async function indicatorFor(db: Kysely<DB>, request: FastifyRequest, actor: Actor, action: TargetAction, indicatorId: string, organisationId?: string): Promise<IndicatorView> {
  const indicator = await findIndicator(db, indicatorId);
  if (!indicator) throw new AppError('not_found');
  if (!canManageTargets(actor, { indicatorOwnerId: indicator.owner.id, ...(organisationId ? { organisationId } : {}) })) {
    await appendAuditNow(db, [{ ...auditFrom(request), action, subjectType: 'indicator', subjectId: indicatorId, organisationId: organisationId ?? null, outcome: 'denied', details: { reason: 'not_a_target_keeper' } }], request.server.services.clock.now());
    throw new AppError('forbidden');
  }
  return indicator;
}

const columns = (rule: TargetRuleInput) => ({
  kind: rule.kind,
  baseline_year: rule.baselineYear,
  baseline_value: rule.baselineValue,
  change_per_year: rule.kind === 'yearly_change' ? rule.changePerYear : null,
  target_year: rule.kind === 'fixed_value' ? rule.targetYear : null,
  target_value: rule.kind === 'fixed_value' ? rule.targetValue : null,
});

export async function createTarget(db: Kysely<DB>, request: FastifyRequest, actor: Actor, indicatorId: string, input: TargetInput): Promise<TargetView> {
  const indicator = await indicatorFor(db, request, actor, 'indicator.target.create', indicatorId, input.organisationId);
  const organisation = await db.selectFrom('organisation').select(['kind']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!organisation) throw invalid('body.organisationId', 'unknown_organisation');
  // A target judges a place's figures: a municipality's, or the county's (the region).
  if (organisation.kind === 'partner') throw invalid('body.organisationId', 'not_a_municipality_or_region');
  const at = request.server.services.clock.now();
  const id = await db.transaction().execute(async (trx) => {
    // The unique key decides, not a look before the insert: of two requests at once, the second
    // waits for the first's commit, inserts nothing and is told of the target that won.
    const row = await trx.insertInto('indicator_target').values({ indicator_id: indicatorId, organisation_id: input.organisationId, ...columns(input.rule), set_by: actor.userId, set_at: at })
      .onConflict((oc) => oc.columns(['indicator_id', 'organisation_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      const existing = await trx.selectFrom('indicator_target').select('id').where('indicator_id', '=', indicatorId).where('organisation_id', '=', input.organisationId).executeTakeFirstOrThrow();
      throw new AppError('conflict', { details: [{ path: 'body.organisationId', message: 'target_exists', targetId: existing.id }] });
    }
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.target.create', subjectType: 'indicator', subjectId: indicatorId, organisationId: input.organisationId, outcome: 'success', details: { targetId: row.id, indicatorOwnerId: indicator.owner.id, after: input.rule } }], at);
    return row.id;
  });
  return (await targetById(db, indicatorId, id))!;
}

async function ownedTarget(db: Kysely<DB>, request: FastifyRequest, actor: Actor, action: TargetAction, indicatorId: string, targetId: string): Promise<{ indicator: IndicatorView; target: TargetView }> {
  const target = await targetById(db, indicatorId, targetId);
  if (!target) throw new AppError('not_found');
  const indicator = await indicatorFor(db, request, actor, action, indicatorId, target.organisation.id);
  return { indicator, target };
}

export async function changeTarget(db: Kysely<DB>, request: FastifyRequest, actor: Actor, indicatorId: string, targetId: string, rule: TargetRuleInput): Promise<TargetView> {
  const { target } = await ownedTarget(db, request, actor, 'indicator.target.update', indicatorId, targetId);
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('indicator_target').set({ ...columns(rule), set_by: actor.userId, set_at: at }).where('id', '=', targetId).execute();
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.target.update', subjectType: 'indicator', subjectId: indicatorId, organisationId: target.organisation.id, outcome: 'success', details: { targetId, before: target.rule, after: rule } }], at);
  });
  return (await targetById(db, indicatorId, targetId))!;
}

export async function removeTarget(db: Kysely<DB>, request: FastifyRequest, actor: Actor, indicatorId: string, targetId: string): Promise<void> {
  const { target } = await ownedTarget(db, request, actor, 'indicator.target.delete', indicatorId, targetId);
  const at = request.server.services.clock.now();
  await db.transaction().execute(async (trx) => {
    // The rule removed stays in the log entry's details: a target is a setting, not a record.
    await trx.deleteFrom('indicator_target').where('id', '=', targetId).execute();
    await appendAudit(trx, [{ ...auditFrom(request), action: 'indicator.target.delete', subjectType: 'indicator', subjectId: indicatorId, organisationId: target.organisation.id, outcome: 'success', details: { targetId, before: target.rule, setBy: target.setBy.id, setAt: target.setAt } }], at);
  });
}
