import { z } from 'zod';
import { canAdministerOrganisation, Id, Sector, Unit, UnitCreate, UnitUpdate } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { organisationExists } from '../organisations/queries.ts';
import { findUnit, insertUnit, listUnits, unitNameTaken, updateUnit } from './queries.ts';
import { currentDomainOfUnit, placeUnitsInDefaultDomains } from '../secrecy-domains/queries.ts';

const UnitQuery = z.object({
  organisationId: Id.optional(),
  sector: Sector.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
const UnitParams = z.object({ id: Id });

export function assertAdministers(actor: Actor, organisationId: string): void {
  if (!canAdministerOrganisation(actor, organisationId)) throw new AppError('forbidden');
}

export async function unitRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;

  app.get('/api/units', {
    schema: {
      tags: ['units'],
      summary: 'Units (verksamheter) of all organisations; a directory, not personal data',
      querystring: UnitQuery,
      response: { 200: z.array(Unit), ...errorResponses(400, 401) },
    },
    handler: async (request) => listUnits(db, request.query),
  });

  app.get('/api/units/:id', {
    schema: { tags: ['units'], summary: 'One unit', params: UnitParams, response: { 200: Unit, ...errorResponses(401, 404) } },
    handler: async (request) => {
      const unit = await findUnit(db, request.params.id);
      if (!unit) throw new AppError('not_found');
      return unit;
    },
  });

  app.post('/api/units', {
    schema: {
      tags: ['units'],
      summary: 'Create a unit in an organisation you administer',
      body: UnitCreate,
      response: { 201: Unit, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request.actor);
      const input = request.body;
      if (!(await organisationExists(db, input.organisationId))) throw new AppError('validation_failed', { details: [{ path: 'body.organisationId', message: 'unknown organisation' }] });
      assertAdministers(actor, input.organisationId);
      const now = request.server.services.clock.now();
      const unit = await db.transaction().execute(async (trx) => {
        if (await unitNameTaken(trx, input.organisationId, input.name)) throw new AppError('conflict', { details: [{ path: 'body.name' }] });
        const id = await insertUnit(trx, input, now);
        // A new unit joins its organisation's secrecy domain for its sector (created from the default when missing).
        await placeUnitsInDefaultDomains(trx, [{ id, organisationId: input.organisationId, sector: input.sector }], now, actor.userId);
        const secrecyDomainId = await currentDomainOfUnit(trx, id);
        await appendAudit(trx, [{ ...auditFrom(request), action: 'unit.create', subjectType: 'unit', subjectId: id, organisationId: input.organisationId, outcome: 'success', details: { name: input.name, sector: input.sector, secrecyDomainId } }], now);
        return findUnit(trx, id);
      });
      if (!unit) throw new AppError('internal_error');
      return reply.status(201).send(unit);
    },
  });

  app.patch('/api/units/:id', {
    schema: {
      tags: ['units'],
      summary: 'Rename, change sector, or deactivate (active=false) a unit',
      params: UnitParams,
      body: UnitUpdate,
      response: { 200: Unit, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      const existing = await findUnit(db, request.params.id);
      if (!existing) throw new AppError('not_found');
      assertAdministers(actor, existing.organisationId);
      const patch = request.body;
      const now = request.server.services.clock.now();
      return db.transaction().execute(async (trx) => {
        if (patch.name && (await unitNameTaken(trx, existing.organisationId, patch.name, existing.id))) {
          throw new AppError('conflict', { details: [{ path: 'body.name' }] });
        }
        await updateUnit(trx, existing.id, patch, now);
        await appendAudit(trx, [{ ...auditFrom(request), action: 'unit.update', subjectType: 'unit', subjectId: existing.id, organisationId: existing.organisationId, outcome: 'success', details: { changes: patch } }], now);
        const unit = await findUnit(trx, existing.id);
        if (!unit) throw new AppError('not_found');
        return unit;
      });
    },
  });
}
