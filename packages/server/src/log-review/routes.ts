import { z } from 'zod';
import { LogReviewQuery, LogReviewResult, pickLanguage, stockholmDate } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { exportLog, searchLog } from './service.ts';

const ExportQuery = LogReviewQuery.omit({ page: true, pageSize: true }).extend({ lang: z.enum(['sv', 'en']).optional() });

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
      summary: 'The same log review as CSV (UTF-8 with BOM, semicolons), as an attachment, worded as the page shows it: Stockholm time and labels in Swedish, or English with lang=en (logged)',
      querystring: ExportQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('text/csv'), ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const { lang, ...filters } = request.query;
      const csv = await exportLog(request, filters, lang ?? pickLanguage(request.headers['accept-language']));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="loggkontroll-${stockholmDate(request.server.services.clock.now())}.csv"`)
        .send(csv);
    },
  });
}
