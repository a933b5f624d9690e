import { z } from 'zod';
import { InboxList, InboxMarkInput } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { inboxFor, markItems } from './service.ts';

export async function inboxRoutes(app: App): Promise<void> {
  app.get('/api/inbox', {
    schema: {
      tags: ['inbox'],
      summary: "The caller's inbox: follow-ups due, actions assigned, changes waiting for their approval, early signals, summonses and invitations; gated per child (one entry for the look)",
      response: { 200: InboxList, ...errorResponses(401) },
    },
    handler: async (request) => ({ items: await inboxFor(request) }),
  });

  app.post('/api/inbox/mark', {
    schema: {
      tags: ['inbox'],
      summary: "Marks the caller's own inbox items read, unread, done or not done (keys only)",
      body: InboxMarkInput,
      response: { 200: z.object({ marked: z.number().int() }), ...errorResponses(400, 401) },
    },
    handler: async (request) => {
      await markItems(request, request.body);
      return { marked: request.body.keys.length };
    },
  });
}
