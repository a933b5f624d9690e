import { z } from 'zod';
import { NoticeList, NoticeParams, NoticeQuery } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { callersNotices, markRead } from './list.ts';

const Unread = z.object({ unread: z.number().int().nonnegative() });

export async function noticeRoutes(app: App): Promise<void> {
  app.get('/api/notices', {
    schema: {
      tags: ['notices'],
      summary: "The caller's latest notices and how many are unread; a child is named only where the gate lets the caller list the child (logged per child)",
      querystring: NoticeQuery,
      response: { 200: NoticeList, ...errorResponses(400, 401) },
    },
    handler: async (request) => callersNotices(request, request.query.unread),
  });

  app.post('/api/notices/:id/read', {
    schema: {
      tags: ['notices'],
      summary: "Mark one of the caller's notices read; answers how many are still unread",
      params: NoticeParams,
      response: { 200: Unread, ...errorResponses(401, 404) },
    },
    handler: async (request) => markRead(request, request.params.id),
  });

  app.post('/api/notices/read', {
    schema: {
      tags: ['notices'],
      summary: "Mark all the caller's notices read",
      response: { 200: Unread, ...errorResponses(401) },
    },
    handler: async (request) => markRead(request, null),
  });
}
