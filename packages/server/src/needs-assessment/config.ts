import { isSystemAdmin, NeedsConfigInput, NeedsConfigList, NeedsConfigVersion } from '@samsyn/core';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { refusal } from '../consent/refusals.ts';
import { configVersionById, configVersions, currentConfigVersion, ensureDefaultNeedsConfig, insertConfigVersion } from './queries.ts';
import { toConfigVersion } from './service.ts';

/**
 * The needs assessment's configuration: the sub-areas of the three sides, versioned like the
 * wheel's model. One installation serves one county, so there is one series of versions, edited
 * by a system administrator (as the wheel's model is); every edit is the next version.
 */
export async function needsConfigRoutes(app: App): Promise<void> {
  const { db, clock } = app.services;
  await ensureDefaultNeedsConfig(db, clock.now());

  // Configuration, not a child's data: every logged-in user reads it.
  app.get('/api/needs-assessment/configs', {
    schema: { tags: ['needs-assessment'], summary: "The needs assessment's sub-areas: the current configuration version and every earlier one", response: { 200: NeedsConfigList, ...errorResponses(401) } },
    handler: async () => {
      const versions = (await configVersions(db)).map(toConfigVersion);
      return { current: versions[0]!, versions };
    },
  });

  // `basedOn` refuses an edit of a version someone has since replaced (409 stale_version).
  app.post('/api/needs-assessment/configs', {
    schema: {
      tags: ['needs-assessment'],
      summary: "Save an edit of the needs assessment's sub-areas as the next version (system administrators; logged)",
      body: NeedsConfigInput,
      response: { 201: NeedsConfigVersion, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const now = clock.now();
      const { basedOn, content, note } = request.body;
      const base = { ...auditFrom(request), action: 'needs_assessment.config.create' as const, subjectType: 'needs_assessment_config' };
      if (!isSystemAdmin({ roles: actor.roles })) {
        await app.services.audit.append({ ...base, outcome: 'denied', details: { reason: 'not_system_admin' } });
        throw new AppError('forbidden', { details: { reason: 'not_system_admin' } });
      }
      const id = await db.transaction().execute(async (trx) => {
        const current = await currentConfigVersion(trx);
        if (current && current.version !== basedOn) return null;
        const created = await insertConfigVersion(trx, basedOn + 1, content, note, actor.userId, now);
        if (created) await appendAudit(trx, [{ ...base, subjectId: created, outcome: 'success', details: { version: basedOn + 1, note } }], now);
        return created || null;
      });
      if (!id) {
        await app.services.audit.append({ ...base, outcome: 'failure', details: { reason: 'stale_version', basedOn } });
        throw refusal('conflict', 'stale_version');
      }
      return reply.status(201).send(toConfigVersion((await configVersionById(db, id))!));
    },
  });
}
