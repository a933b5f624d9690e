import { z } from 'zod';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { OpenApiThrottle } from '../surveys/throttle.ts';
import { childLevelIndicatorIds, storedIndicator } from './service.ts';

/**
 * The child level's own indicators on the open aggregate API (issue 15, item 7): like the survey
 * estimates, no login and throttled, the stored figures as computed — a hidden cell is only its
 * reason (too_few: "för få"; complementary), never a count. No child's data: the rows are
 * municipality and county keys with counts, so the child gate does not apply.
 */
const Params = z.object({ id: z.enum(childLevelIndicatorIds) });
const Cell = z.object({
  area_code: z.string(),
  quarter: z.string(),
  breakdown: z.string(),
  count: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  value: z.number().nullable(),
  suppressed_reason: z.enum(['too_few', 'complementary']).nullable(),
});
const CellList = z.object({ indicator: z.string(), cells: z.array(Cell) });

export async function childLevelIndicatorRoutes(app: App): Promise<void> {
  const { db, config, clock } = app.services;
  const throttle = new OpenApiThrottle(config.openApiPerMinute, () => clock.now().getTime());
  app.get('/api/open/child-level-indicators/:id', {
    config: { public: true },
    schema: {
      tags: ['open data'],
      summary: 'Open, no login: one of Samsyn’s own anonymised indicators from the child level (children with a plan in force per 1,000; wellbeing-wheel ratings per area by respondent; median days from a first concern to a plan; reports of concern per 1,000) per municipality, county and quarter. A cell with too few children is never returned: it says why. Throttled per client address.',
      params: Params,
      response: { 200: CellList, ...errorResponses(400, 429) },
    },
    handler: async (request) => {
      const wait = throttle.take(request.ip);
      if (wait > 0) throw new AppError('rate_limited', { headers: { 'retry-after': String(wait) } });
      return { indicator: request.params.id, cells: await storedIndicator(db, request.params.id) };
    },
  });
}
