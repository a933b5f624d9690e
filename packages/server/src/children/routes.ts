import { ChildParams, ChildRecordView, ChildSearchInput, ChildSearchResult, isProfessional, maskIdentityNumber, parseIdentityNumber } from '@samsyn/core';
import { loadPolicyActor } from '../access/facts.ts';
import { requireActor } from '../http/types.ts';
import { withChildAccessLoading } from '../access/gate.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { childWithFacts, findChildIdByIdentityNumber, recordWithFacts } from './queries.ts';
import { toChildView } from './view.ts';
import { registrationRoutes } from './registration-routes.ts';
import { listConsents } from '../consent/service.ts';
import { listDisclosures } from '../sharing/service.ts';

type SearchWay = 'consent' | 'contact_named_person' | 'emergency_access';

export async function childRoutes(app: App): Promise<void> {
  const { db, audit } = app.services;
  await registrationRoutes(app);

  app.get('/api/children/:id', {
    schema: {
      tags: ['children'],
      summary: "The child's record, as far as the caller's basis allows, with its consents and sharing ledger: one look, one entry (logged)",
      params: ChildParams,
      response: { 200: ChildRecordView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const { id } = request.params;
      const { access, loaded } = await withChildAccessLoading(request, id, 'read', 'record', { auditAction: 'child.record.read', purpose: 'open_record', details: { with: ['consent', 'disclosures'] } }, recordWithFacts);
      // The page's consents and ledger come with the record, decided on the same facts: the
      // page reads once (the ledger is readable with the record itself, see sharing/routes.ts).
      const [consents, disclosures] = await Promise.all([
        access.decide('read', 'consent').allow ? listConsents(request, access) : null,
        listDisclosures(request, access),
      ]);
      return { ...toChildView(access, loaded), consents, disclosures };
    },
  });

  app.post('/api/children/search', {
    schema: {
      tags: ['children'],
      summary: 'Find a child by exact identity number; the record only with a basis to see it (logged)',
      body: ChildSearchInput,
      response: { 200: ChildSearchResult, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => {
      const parsed = parseIdentityNumber(request.body.identityNumber, { referenceDate: request.server.services.clock.now() });
      if (!parsed.ok) throw new AppError('validation_failed', { details: [{ path: 'body.identityNumber', message: `identity_number_${parsed.code}` }] });
      const actor = await loadPolicyActor(db, requireActor(request.actor));
      const searched = maskIdentityNumber(parsed.normalized);
      // Search serves professionals' work with children; an administrator, an analyst or a citizen is refused, and that is logged.
      if (!isProfessional(actor)) {
        await audit.append({ ...auditFrom(request), action: 'child.search', subjectType: 'child', outcome: 'denied', details: { reason: 'not_a_professional', searched } });
        throw new AppError('forbidden', { details: { reason: 'not_a_professional' } });
      }
      const childId = await findChildIdByIdentityNumber(db, parsed.normalized);
      if (!childId) {
        await audit.append({ ...auditFrom(request), action: 'child.search', subjectType: 'child', outcome: 'failure', details: { found: false, searched } });
        return { found: false, access: 'none' as const };
      }
      try {
        const { loaded: row } = await withChildAccessLoading(request, childId, 'read', 'record', { auditAction: 'child.search', purpose: 'list' }, childWithFacts);
        // A protected identity never shows identifying data in a search hit; opening the record does.
        const name = row.protected_identity ? null : { givenName: row.given_name, familyName: row.family_name };
        return { found: true, access: 'allowed' as const, childId, child: { id: childId, name, birthDate: row.birth_date, identityNumber: maskIdentityNumber(row.identity_number) } };
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'access_denied') throw error;
        // The record exists and how to get access, never its id: emergency access is opened by the number searched for.
        const ways: SearchWay[] = ['consent', 'contact_named_person', 'emergency_access'];
        // A member whose consent lapsed hears why, as on the record ("samtycket gäller inte längre").
        const lapsed = (error.details as { reason?: unknown } | undefined)?.reason === 'team_consent_not_in_force';
        return { found: true, access: 'denied' as const, howToGetAccess: ways, ...(lapsed ? { reason: 'team_consent_not_in_force' as const } : {}) };
      }
    },
  });
}
