import { z } from 'zod';
import { administeredOrganisations, Id, isAdministrator, SecrecyDomainCreate, SecrecyDomainList, SecrecyDomainUpdate, SecrecyDomainView, UnitDomainHistory, UnitDomainMove } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type Actor, type App } from '../http/types.ts';
import { assertAdministers } from '../units/routes.ts';
import { findUnit } from '../units/queries.ts';
import { listDomains, unitDomainHistory } from './queries.ts';
import { changeDomain, createDomain, moveUnit } from './service.ts';

/**
 * Administering secrecy domains: which domains an organisation has and which units are in each.
 * These routes show no child's data, so they do not ask the child gate; only administrators of
 * the organisation (and system administrators) reach them.
 */

const DomainQuery = z.object({ organisationId: Id.optional() });
const Params = z.object({ id: Id });

function administrator(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (!isAdministrator(a)) throw new AppError('forbidden');
  return a;
}

export async function secrecyDomainRoutes(app: App, deps: { db: Kysely<DB> }): Promise<void> {
  const { db } = deps;

  app.get('/api/secrecy-domains', {
    schema: {
      tags: ['secrecy-domains'],
      summary: 'Secrecy domains of the organisations you administer, each with the units in it now; sorted by organisation, then name',
      querystring: DomainQuery,
      response: { 200: SecrecyDomainList, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => {
      const actor = administrator(request.actor);
      const { organisationId } = request.query;
      if (organisationId) assertAdministers(actor, organisationId);
      return { domains: await listDomains(db, organisationId ? [organisationId] : administeredOrganisations(actor)) };
    },
  });

  app.post('/api/secrecy-domains', {
    schema: {
      tags: ['secrecy-domains'],
      summary: 'Create a secrecy domain in an organisation you administer',
      body: SecrecyDomainCreate,
      response: { 201: SecrecyDomainView, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => reply.status(201).send(await createDomain(db, request, administrator(request.actor), request.body)),
  });

  app.patch('/api/secrecy-domains/:id', {
    schema: {
      tags: ['secrecy-domains'],
      summary: 'Rename a secrecy domain, or change its legal reference or the sectors whose new units join it',
      params: Params,
      body: SecrecyDomainUpdate,
      response: { 200: SecrecyDomainView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => changeDomain(db, request, administrator(request.actor), request.params.id, request.body),
  });

  app.post('/api/units/:id/secrecy-domain', {
    schema: {
      tags: ['secrecy-domains'],
      summary: 'Move a unit into another secrecy domain of its organisation from now on; entries already written keep theirs',
      params: Params,
      body: UnitDomainMove,
      response: { 200: SecrecyDomainView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => moveUnit(db, request, administrator(request.actor), request.params.id, request.body.secrecyDomainId),
  });

  app.get('/api/units/:id/secrecy-domain-history', {
    schema: {
      tags: ['secrecy-domains'],
      summary: 'The secrecy domains a unit has been in, newest first',
      params: Params,
      response: { 200: UnitDomainHistory, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const actor = administrator(request.actor);
      const unit = await findUnit(db, request.params.id);
      if (!unit) throw new AppError('not_found');
      assertAdministers(actor, unit.organisationId);
      return { unitId: unit.id, periods: await unitDomainHistory(db, unit.id) };
    },
  });
}
