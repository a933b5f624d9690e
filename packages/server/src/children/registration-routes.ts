import {
  ChildCreated,
  ChildCreateInput,
  ChildCreateOptions,
  ChildIdentityView,
  ChildParams,
  ChildSearchInput,
  homeMunicipalityChoice,
  IdentityCorrectionInput,
  IdentityHistory,
  IdentityLookupResult,
  isProfessional,
  maskIdentityNumber,
  registerOrganisations,
} from '@samsyn/core';
import { loadPolicyActor } from '../access/facts.ts';
import { withChildAccess } from '../access/gate.ts';
import { withChildRegister } from '../access/register-gate.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { createChild, parseOrRefuse } from './create.ts';
import { correctIdentity, identityHistory, identityView } from './identity.ts';
import { findChildIdByIdentityNumber } from './queries.ts';

/** How a child enters Samsyn (a professional creates the record) and how the register's keeper corrects it. */
export async function registrationRoutes(app: App): Promise<void> {
  const { db, audit } = app.services;

  app.get('/api/child-registration/options', {
    schema: {
      tags: ['children'],
      summary: 'What the "new child" form offers the caller: where they work, the home municipalities to choose from, the school units (no child data)',
      response: { 200: ChildCreateOptions, ...errorResponses(401) },
    },
    handler: async (request) => {
      const actor = requireActor(request.actor);
      const orgIds = [...new Set(actor.roles.filter((r) => r.role === 'professional').map((r) => r.organisationId))];
      const [organisations, municipalities, schoolUnits] = await Promise.all([
        orgIds.length === 0 ? [] : db.selectFrom('organisation').select(['id', 'name', 'kind', 'county_code']).where('id', 'in', orgIds).where('kind', '<>', 'partner').orderBy('name').execute(),
        db.selectFrom('organisation').select(['id', 'name', 'county_code as countyCode']).where('kind', '=', 'municipality').where('active', '=', true).orderBy('name').execute(),
        db.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.name', 'o.id as organisationId', 'o.name as organisationName']).where('u.active', '=', true).where('u.sector', 'in', ['preschool', 'school']).orderBy('o.name').orderBy('u.name').execute(),
      ]);
      const nameOf = new Map(municipalities.map((m) => [m.id, m.name]));
      return {
        places: organisations.map((o) => {
          const choice = homeMunicipalityChoice({ id: o.id, kind: o.kind, countyCode: o.county_code }, municipalities);
          return { organisationId: o.id, organisationName: o.name, kind: o.kind, homeMunicipalities: 'fixed' in choice ? null : choice.choose.map((id) => ({ id, name: nameOf.get(id) ?? id })) };
        }),
        schoolUnits,
      };
    },
  });

  app.post('/api/children', {
    schema: {
      tags: ['children'],
      summary: 'Create a record for a child the caller works with; the caller joins the team as its first member (logged). A number that already has a record: 409 child_exists, and nothing of that record',
      body: ChildCreateInput,
      response: { 201: ChildCreated, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const created = await createChild(request, request.body);
      return reply.status(201).send(created);
    },
  });

  app.post('/api/child-registration/lookup', {
    schema: {
      tags: ['children'],
      summary: "Find a child's identity data by identity number, for the administrator who keeps their register (logged)",
      body: ChildSearchInput,
      response: { 200: IdentityLookupResult, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => {
      const parsed = parseOrRefuse(request.body.identityNumber, 'body.identityNumber', app.services.clock.now());
      const actor = await loadPolicyActor(db, requireActor(request.actor));
      const searched = maskIdentityNumber(parsed.normalized);
      if (registerOrganisations(actor).length === 0) {
        await audit.append({ ...auditFrom(request), action: 'child.identity.lookup', subjectType: 'child', outcome: 'denied', details: { reason: 'not_register_administrator', searched } });
        throw new AppError('forbidden', { details: { reason: 'not_register_administrator' } });
      }
      const childId = await findChildIdByIdentityNumber(db, parsed.normalized);
      if (!childId) {
        await audit.append({ ...auditFrom(request), action: 'child.identity.lookup', subjectType: 'child', outcome: 'failure', details: { found: false, searched } });
        return { found: false, access: 'none' as const };
      }
      try {
        const child = await withChildRegister(request, childId, 'read', { auditAction: 'child.identity.lookup', details: { searched } }, (on) => identityView(on, childId));
        return { found: true, access: 'allowed' as const, child };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'access_denied') throw error;
        return { found: true, access: 'denied' as const };
      }
    },
  });

  app.get('/api/children/:id/identity', {
    schema: {
      tags: ['children'],
      summary: "The child's identity data, for the administrator who keeps their register; not the record (logged)",
      params: ChildParams,
      response: { 200: ChildIdentityView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => withChildRegister(request, request.params.id, 'read', { auditAction: 'child.identity.read' }, (on) => identityView(on, request.params.id)),
  });

  app.post('/api/children/:id/identity-corrections', {
    schema: {
      tags: ['children'],
      summary: "Correct the child's identity data (names, identity number, protected identity, address); each changed field is kept in the history with the reason (logged)",
      params: ChildParams,
      body: IdentityCorrectionInput,
      response: { 200: ChildIdentityView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const { id } = request.params;
      const userId = requireActor(request.actor).userId;
      return withChildRegister(request, id, 'write', { auditAction: 'child.identity.correct' }, async (trx, access) => {
        const changes = await correctIdentity(trx, id, request.body, { userId, now: access.now });
        // The entry names the fields, never their values.
        await access.logWrite(trx, { fields: changes.map((c) => c.field) });
        return identityView(trx, id);
      });
    },
  });

  app.get('/api/children/:id/identity-history', {
    schema: {
      tags: ['children'],
      summary: "Every change of the child's identity data: old and new value, who, when and why; for the register's keeper and whoever may read the record (logged)",
      params: ChildParams,
      response: { 200: IdentityHistory, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const { id } = request.params;
      const actor = await loadPolicyActor(db, requireActor(request.actor));
      // An administrator keeps the register; a professional reads it as part of the record.
      if (!isProfessional(actor) && registerOrganisations(actor).length > 0) {
        return withChildRegister(request, id, 'read', { auditAction: 'child.identity.history' }, (on) => identityHistory(on, id, false));
      }
      const access = await withChildAccess(request, id, 'read', 'record', { auditAction: 'child.identity.history' });
      return identityHistory(db, id, access.decision.fields.protectedIdentity);
    },
  });
}

