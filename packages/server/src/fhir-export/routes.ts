import { z } from 'zod';
import { ChildParams, stockholmDate } from '@samsyn/core';
import { withChildAccessLoading } from '../access/gate.ts';
import { recordWithFacts } from '../children/queries.ts';
import { toChildView } from '../children/view.ts';
import { listConsents } from '../consent/service.ts';
import { errorResponses, type App } from '../http/types.ts';
import { listPlans, readPlan } from '../plans/service.ts';
import { wheelView } from '../wellbeing/service.ts';
import { fhirBundle } from './bundle.ts';

/**
 * The child's shared data as a FHIR R4 Bundle: one question to the gate (the record, opened on
 * purpose, and the policy must offer `export_fhir`: team members only), one `child.export.fhir`
 * entry, and then only what the caller's views hold — each entry, plan and assessment decided
 * on the gate's facts as when read on its own page.
 */
export async function fhirExportRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/export/fhir', {
    schema: {
      tags: ['fhir-export'],
      summary: 'The child’s shared data as a FHIR R4 Bundle (collection): Patient, RelatedPerson, CareTeam, CarePlan with Goal, Consent, the wheel as QuestionnaireResponse, Provenance; what the caller may read, for team members (logged)',
      params: ChildParams,
      produces: ['application/fhir+json'],
      response: { 200: z.any().describe('a FHIR R4 Bundle'), ...errorResponses(401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { access, loaded } = await withChildAccessLoading(request, request.params.id, 'read', 'record', { auditAction: 'child.export.fhir', purpose: 'open_record', offered: 'export_fhir' }, recordWithFacts);
      const child = toChildView(access, loaded);
      const [consents, list, wheel] = await Promise.all([listConsents(request, access), listPlans(request, access), wheelView(request, access)]);
      const plans = await Promise.all(list.plans.map((p) => readPlan(request, access, p.id)));
      const me = await request.server.services.db.selectFrom('app_user').select('display_name').where('id', '=', access.actor.userId).executeTakeFirstOrThrow();
      const bundle = fhirBundle({ child, consents, plans, assessments: wheel.assessments, exportedAt: access.now.toISOString(), exportedBy: me.display_name, protectedGuardianIds: new Set(loaded.guardians.filter((g) => g.protected_identity !== null).map((g) => g.id)) });
      return reply
        .header('content-type', 'application/fhir+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="fhir-${stockholmDate(access.now)}.json"`)
        .send(JSON.stringify(bundle));
    },
  });
}
