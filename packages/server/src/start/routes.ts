import { z } from 'zod';
import { EmergencyAccessView, NavCounts, TeamChildList } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { emergencyReviewsWaiting, myChildren, navCounts } from './service.ts';

export async function startRoutes(app: App): Promise<void> {
  app.get('/api/start/children', {
    schema: {
      tags: ['start'],
      summary: '"Mina barn": the children whose team the caller is on, with role, since, life stage and what waits for the caller; the name only where the gate allows and never for a protected identity (logged per child)',
      response: { 200: TeamChildList, ...errorResponses(401) },
    },
    handler: async (request) => ({ children: await myChildren(request) }),
  });

  app.get('/api/start/emergency-reviews', {
    schema: {
      tags: ['start'],
      summary: 'The emergency accesses waiting for the caller to review them, for reviewers; empty for anyone else (logged per child)',
      response: { 200: z.object({ accesses: z.array(EmergencyAccessView) }), ...errorResponses(401) },
    },
    handler: async (request) => ({ accesses: await emergencyReviewsWaiting(request) }),
  });

  app.get('/api/start/counts', {
    schema: {
      tags: ['start'],
      summary: "The navigation's counts: handovers to answer, emergency accesses to review, unread notices (numbers only)",
      response: { 200: NavCounts, ...errorResponses(401) },
    },
    handler: async (request) => navCounts(request),
  });
}
