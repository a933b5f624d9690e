import { z } from 'zod';
import { isSystemAdmin, RetentionPlan, RetentionRule, RetentionRuleParams, RetentionRuleUpdate, RetentionTombstoneList, RetentionTombstoneQuery } from '@samsyn/core';
import { auditFrom } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import type { FastifyRequest } from 'fastify';
import { listRules, listTombstones, updateRuleYears } from './queries.ts';
import { dryRun, eraseExpired, type RetentionDeps } from './service.ts';

function requireSystemAdmin(request: FastifyRequest) {
  const actor = requireActor(request.actor);
  if (!isSystemAdmin(actor)) throw new AppError('forbidden');
  return actor;
}

/** Retention (gallring): the rules, a dry run, an erasure now, and the tombstones; system administrators only. */
export async function retentionRoutes(app: App, deps: RetentionDeps): Promise<void> {
  app.get('/api/admin/retention/rules', {
    schema: {
      tags: ['retention'],
      summary: 'The retention rules: per category and secrecy domain kind, the period, its default and legal reference (system administrators)',
      response: { 200: z.array(RetentionRule), ...errorResponses(401, 403) },
    },
    handler: async (request) => {
      requireSystemAdmin(request);
      return listRules(deps.db);
    },
  });

  app.patch('/api/admin/retention/rules/:id', {
    schema: {
      tags: ['retention'],
      summary: "Set a rule's period in whole years (the organisation's decision), or null for the default (system administrators; logged)",
      params: RetentionRuleParams,
      body: RetentionRuleUpdate,
      response: { 200: RetentionRule, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => {
      const actor = requireSystemAdmin(request);
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (trx) => {
        const updated = await updateRuleYears(trx, request.params.id, request.body.years, actor.userId, now);
        if (!updated) throw new AppError('not_found');
        await appendAudit(trx, [{ ...auditFrom(request), action: 'retention.rule.update', outcome: 'success', subjectType: 'retention_rule', subjectId: updated.id, details: { years: request.body.years, defaultYears: updated.default_years } }], now);
      });
      return (await listRules(deps.db)).find((r) => r.id === request.params.id)!;
    },
  });

  app.get('/api/admin/retention/dry-run', {
    schema: {
      tags: ['retention'],
      summary: 'What the next erasure would erase now, rule by rule: counts and dates, never content (system administrators; logged)',
      response: { 200: RetentionPlan, ...errorResponses(401, 403) },
    },
    handler: async (request) => {
      requireSystemAdmin(request);
      return dryRun(deps, auditFrom(request));
    },
  });

  app.post('/api/admin/retention/runs', {
    schema: {
      tags: ['retention'],
      summary: 'Erase now what has passed its time, leaving a tombstone for each thing erased (system administrators; logged)',
      response: { 200: RetentionPlan, ...errorResponses(401, 403) },
    },
    handler: async (request) => {
      const actor = requireSystemAdmin(request);
      return eraseExpired(deps, auditFrom(request), actor.userId);
    },
  });

  app.get('/api/admin/retention/tombstones', {
    schema: {
      tags: ['retention'],
      summary: 'What was erased, when and under which rule, newest first; never whose (system administrators; logged)',
      querystring: RetentionTombstoneQuery,
      response: { 200: RetentionTombstoneList, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => {
      requireSystemAdmin(request);
      const { page, pageSize } = request.query;
      const { total, rows } = await listTombstones(deps.db, { limit: pageSize, offset: (page - 1) * pageSize });
      await deps.db.transaction().execute((trx) => appendAudit(trx, [{ ...auditFrom(request), action: 'retention.tombstones.read', outcome: 'success', details: { page, total } }], deps.clock.now()));
      return {
        tombstones: rows.map((r) => ({ id: r.id, ruleId: r.rule_id, category: r.category, subject: r.subject, recordedAt: r.recorded_at ? new Date(r.recorded_at).toISOString() : null, erasedAt: new Date(r.erased_at).toISOString() })),
        total,
        page,
        pageSize,
      };
    },
  });
}
