import { administeredOrganisations, canAdministerOrganisation, EarlySignalRule, Id, isSystemAdmin } from '@samsyn/core';
import { z } from 'zod';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { organisationExists } from '../organisations/queries.ts';
import { earlySignalRules } from './queries.ts';

const RuleList = z.object({
  /** The county's default, for every home municipality without a rule of its own. */
  fallback: EarlySignalRule,
  organisations: z.array(z.object({ organisationId: Id, rule: EarlySignalRule })),
});

/**
 * The early-signal rule as data an administrator tunes: an organisation administrator for their
 * own municipality, a system administrator for the county's default too. No child data; every
 * change is an audit entry with the rule before and after.
 */
export async function earlySignalRuleRoutes(app: App): Promise<void> {
  const { db } = app.services;

  app.get('/api/early-signal-rules', {
    schema: { tags: ['concerns'], summary: 'The early-signal rules: the county’s default and the organisations’ own (administrators)', response: { 200: RuleList, ...errorResponses(401, 403) } },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      const scope = administeredOrganisations(actor);
      if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
      const rules = await earlySignalRules(db);
      const organisations = [...rules.byOrganisation].filter(([id]) => scope === 'all' || scope.includes(id)).map(([organisationId, rule]) => ({ organisationId, rule }));
      return { fallback: rules.fallback, organisations };
    },
  });

  app.patch('/api/early-signal-rules/default', {
    schema: { tags: ['concerns'], summary: 'Set the county’s default early-signal rule (system administrators; logged)', body: EarlySignalRule, response: { 200: EarlySignalRule, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      if (!isSystemAdmin(actor)) throw new AppError('forbidden');
      return saveRule(request, null, request.body);
    },
  });

  app.patch('/api/early-signal-rules/:organisationId', {
    schema: {
      tags: ['concerns'],
      summary: 'Set a home municipality’s own early-signal rule (its administrators; logged)',
      params: z.object({ organisationId: Id }),
      body: EarlySignalRule,
      response: { 200: EarlySignalRule, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      const { organisationId } = request.params;
      if (!(await organisationExists(db, organisationId))) throw new AppError('not_found');
      if (!canAdministerOrganisation(actor, organisationId)) throw new AppError('forbidden');
      return saveRule(request, organisationId, request.body);
    },
  });

  async function saveRule(request: Parameters<typeof auditFrom>[0], organisationId: string | null, rule: EarlySignalRule): Promise<EarlySignalRule> {
    const now = request.server.services.clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('early_signal_rule').select(['id', 'min_concerns', 'min_domains', 'window_days']).where((eb) => (organisationId === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', organisationId))).forUpdate().executeTakeFirst();
      const values = { min_concerns: rule.minConcerns, min_domains: rule.minDomains, window_days: rule.windowDays, updated_at: now };
      if (before) await trx.updateTable('early_signal_rule').set(values).where('id', '=', before.id).execute();
      else await trx.insertInto('early_signal_rule').values({ organisation_id: organisationId, ...values }).execute();
      const was = before ? { minConcerns: before.min_concerns, minDomains: before.min_domains, windowDays: before.window_days } : null;
      await appendAudit(trx, [{ ...auditFrom(request), action: 'early_signal_rule.update', subjectType: 'early_signal_rule', subjectId: organisationId ?? 'default', organisationId, outcome: 'success', details: { before: was, after: rule } }], now);
    });
    return rule;
  }
}
