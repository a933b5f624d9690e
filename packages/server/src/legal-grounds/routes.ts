import { LegalGround, LegalGroundQuery, stockholmDate } from '@samsyn/core';
import { z } from 'zod';
import { errorResponses, type App } from '../http/types.ts';
import { legalGroundsInForce } from './queries.ts';

export async function legalGroundRoutes(app: App): Promise<void> {
  const { db } = app.services;

  app.get('/api/legal-grounds', {
    schema: {
      tags: ['legal grounds'],
      summary: 'The legal grounds in force today, with their paragraph references (data, not code); `kind=emergency` for emergency access',
      querystring: LegalGroundQuery,
      response: { 200: z.array(LegalGround), ...errorResponses(400, 401) },
    },
    handler: async (request) => {
      const kind = request.query.kind;
      const rows = await legalGroundsInForce(db, stockholmDate(request.server.services.clock.now()), kind ? { kind } : {});
      return rows.map((g) => ({ code: g.code, kind: g.kind, titleSv: g.title_sv, titleEn: g.title_en, reference: g.reference, validFrom: g.valid_from, validTo: g.valid_to, sectors: g.sectors, explanationSv: g.explanation_sv, explanationEn: g.explanation_en }));
    },
  });
}
