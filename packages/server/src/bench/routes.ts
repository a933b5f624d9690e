import type { AccessDecision } from '@samsyn/core';
import { ChildParams, ChildRecordView } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { toChildView } from '../children/view.ts';
import { loadChildRecordUngated } from '../children/queries.ts';
import { AppError } from '../http/errors.ts';
import { startBenchRoutes } from '../start/bench.ts';
import { planBenchRoutes } from '../plans/bench.ts';
import { chronologyBenchRoutes } from '../chronology/bench.ts';
import { listConsents } from '../consent/service.ts';
import { listDisclosures } from '../sharing/service.ts';

/**
 * The ceiling of an audited read, for `npm run bench` only: the same record view as
 * GET /api/children/{id}, without the policy gate and without the audit entry. Registered only
 * when the bench starts the server with --bench-routes, never in production (see main.ts); it
 * must never be on in a real installation, as it is exactly the unlogged read Samsyn forbids.
 */
export async function benchRoutes(app: App): Promise<void> {
  const { db } = app.services;
  const allowed: AccessDecision & { allow: true } = { allow: true, basis: 'own_organisation', reason: 'bench_ceiling', fields: { protectedIdentity: true, protectedGuardians: true }, actions: [], flagged: false };
  app.get('/api/bench/children/:id/ungated', {
    schema: { hide: true, params: ChildParams, response: { 200: ChildRecordView, ...errorResponses(401, 404) } },
    handler: async (request) => {
      const now = request.server.services.clock.now();
      const loaded = await loadChildRecordUngated(db, request.params.id, now);
      if (!loaded) throw new AppError('not_found');
      const access = {
        childId: request.params.id,
        decision: allowed,
        decide: () => allowed,
        sharedFromOtherDomains: () => true,
        now,
        child: { id: request.params.id, birthDate: loaded.birth_date, guardianCount: loaded.guardians.length },
      } as unknown as ChildAccess;
      // The same consents and ledger the record page's one read brings (children/routes.ts).
      const [consents, disclosures] = await Promise.all([listConsents(request, access), listDisclosures(request, access)]);
      return { ...toChildView(access, loaded), consents, disclosures };
    },
  });
  await startBenchRoutes(app);
  await planBenchRoutes(app);
  await chronologyBenchRoutes(app);
}
