import { z } from 'zod';
import { AccessLog, AccessLogEntry, AccessLogExtractQuery, AccessLogQuery, ChildParams, MyChild, pickLanguage, RegisterExtract, RegisterExtractQuery, stockholmDate } from '@samsyn/core';
import { errorResponses, type App } from '../http/types.ts';
import { accessLog, accessLogExtract, myChildren } from './service.ts';
import { registerExtract } from './extract.ts';
import { registerExtractPdf } from './extract-pdf.ts';
import { registerExtractHtml } from './extract-html.ts';

export async function citizenRoutes(app: App): Promise<void> {
  app.get('/api/me/children', {
    schema: {
      tags: ['citizens'],
      summary: 'The children a citizen may see: a guardian’s children under 18, and themselves from the configured age (logged)',
      response: { 200: z.array(MyChild), ...errorResponses(401, 403) },
    },
    handler: async (request) => myChildren(request),
  });

  app.get('/api/children/:id/access-log', {
    schema: {
      tags: ['citizens'],
      summary: 'Who looked at the record, when and on what basis, in plain language (Accept-Language: sv or en); for the child, the guardians and log reviewers (logged)',
      params: ChildParams,
      querystring: AccessLogQuery,
      response: { 200: AccessLog, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => accessLog(request, request.params.id, request.query),
  });

  app.get('/api/children/:id/access-log/extract', {
    schema: {
      tags: ['citizens'],
      summary: 'The access log as a downloadable log extract (registerutdrag): CSV (UTF-8 with BOM, semicolons) by default, JSON with format=json (logged)',
      params: ChildParams,
      querystring: AccessLogExtractQuery,
      produces: ['text/csv', 'application/json'],
      response: { 200: z.union([z.string(), z.array(AccessLogEntry)]), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const extract = await accessLogExtract(request, request.params.id, request.query.lang);
      const name = `loggutdrag-${stockholmDate(request.server.services.clock.now())}`;
      if (request.query.format === 'json') {
        return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(extract.entries);
      }
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(extract.csv());
    },
  });

  app.get('/api/children/:id/register-extract', {
    schema: {
      tags: ['citizens'],
      summary: 'The register extract (GDPR art. 15): everything Samsyn holds about the child and about the citizen asking, as JSON, a printable page (format=html) or a PDF (format=pdf); what is left out is named with its reason. For a guardian, or the child from the access age (logged)',
      params: ChildParams,
      querystring: RegisterExtractQuery,
      produces: ['application/json', 'text/html', 'application/pdf'],
      response: { 200: z.union([RegisterExtract, z.string()]), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const language = request.query.lang ?? pickLanguage(request.headers['accept-language']);
      const extract = await registerExtract(request, request.params.id, language);
      const name = `registerutdrag-${stockholmDate(request.server.services.clock.now())}`;
      if (request.query.format === 'pdf') {
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send((await registerExtractPdf(extract)) as unknown as string); // a Buffer is sent as it is, never serialized
      }
      if (request.query.format === 'html') {
        return reply.header('content-type', 'text/html; charset=utf-8').header('content-disposition', `inline; filename="${name}.html"`).send(registerExtractHtml(extract));
      }
      return reply.header('content-disposition', `attachment; filename="${name}.json"`).send(extract);
    },
  });
}
