import { z } from 'zod';
import { ActionPlanParams, ImpactAssessmentInput, ImpactAssessmentView } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { planAssessment, savePlanAssessment } from './service.ts';

/** Child-rights impact assessments (barnkonsekvensanalys) of action plans; no child's data. */

const Answer = z.object({ assessment: ImpactAssessmentView.nullable() });
const tags = ['impact-assessments'];

export async function impactAssessmentRoutes(app: App): Promise<void> {
  const db = app.services.db;

  app.get('/api/action-plans/:id/impact-assessment', {
    schema: { tags, summary: 'The plan’s child-rights impact assessment, or null when none has been begun', params: ActionPlanParams, response: { 200: Answer, ...errorResponses(401, 403, 404) } },
    handler: async (request) => ({ assessment: await planAssessment(db, request, request.params.id) }),
  });

  app.post('/api/action-plans/:id/impact-assessment', {
    schema: { tags, summary: 'Save the assessment as a draft, mark it done (every answer given) or not needed (with a reason)', params: ActionPlanParams, body: ImpactAssessmentInput, response: { 200: Answer, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await savePlanAssessment(db, request, request.params.id, request.body);
      return { assessment: await planAssessment(db, request, request.params.id) };
    },
  });
}
