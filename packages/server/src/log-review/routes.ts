import { z } from 'zod';
import { LogReviewQuery, LogReviewResult, stockholmDate } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { exportLog, searchLog } from './service.ts';

const ExportQuery = LogReviewQuery.omit({ page: true, pageSize: true });

export async function logReviewRoutes(app: App): Promise<void> {
  app.get('/api/log-review', {
    schema: {
      tags: ['log-review'],
      summary: 'Log review (loggkontroll): accesses to children by people at your units (unit managers) or in your organisation (collaboration coordinators), with emergency accesses, protected identities and outliers flagged (logged)',
      querystring: LogReviewQuery,
      response: { 200: LogReviewResult, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => searchLog(request, request.query),
  });

  app.get('/api/log-review/export.csv', {
    schema: {
      tags: ['log-review'],
      summary: 'The same log review as CSV (UTF-8 with BOM, semicolons, Swedish headers), as an attachment (logged)',
      querystring: ExportQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('text/csv'), ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const csv = await exportLog(request, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="loggkontroll-${stockholmDate(request.server.services.clock.now())}.csv"`)
        .send(csv);
    },
  });
}
