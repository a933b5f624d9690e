import { z } from 'zod';
import { SchoolListView, SchoolProfileQuery, SchoolProfileView, SchoolUnitParams } from '@samsyn/core';
import { errorResponses, requireActor, type App } from '../http/types.ts';
import { koladaOuRoutes } from './kolada-ou-routes.ts';
import { profileFileName, schoolProfilePdf } from './pdf.ts';
import { openableSchools, openSchool, schoolProfile } from './service.ts';

/**
 * School profiles (issue 15, item 8): no child's data — the school's suppressed survey figures and
 * its Kolada results — so the child gate does not apply; the profile's own rule does
 * (`schoolProfileAccess` in core), and every look and refusal is logged.
 */
const Binary = z.any().describe('a file');

export async function schoolRoutes(app: App): Promise<void> {
  const { db } = app.services;
  await koladaOuRoutes(app);

  app.get('/api/schools', {
    schema: { tags: ['schools'], summary: 'The school units whose profile you may open (your own school, the student-health team’s schools; analysts all)', response: { 200: SchoolListView, ...errorResponses(401) } },
    handler: async (request) => ({
      schools: (await openableSchools(db, requireActor(request.actor))).map((s) => ({ unitId: s.unitId, name: s.name, organisation: s.organisation, municipalityCode: s.municipalityCode, hasKolada: s.koladaOu !== null })),
    }),
  });

  app.get('/api/schools/:unitId/profile', {
    schema: { tags: ['schools'], summary: 'A school unit’s profile: its pupils’ survey results (suppressed) beside the municipality and the county, over the waves, and its Kolada results (logged)', params: SchoolUnitParams, response: { 200: SchoolProfileView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      const { school } = await openSchool(request, request.params.unitId, 'school.profile.read');
      return schoolProfile(request, school);
    },
  });

  app.get('/api/schools/:unitId/profile/pdf', {
    schema: { tags: ['schools'], summary: 'The school profile as a PDF, the same suppressed figures (logged)', params: SchoolUnitParams, querystring: SchoolProfileQuery, produces: ['application/pdf'], response: { 200: Binary, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const { school } = await openSchool(request, request.params.unitId, 'school.profile.pdf');
      const view = await schoolProfile(request, school);
      const file = await schoolProfilePdf(view, request.query.lang);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${profileFileName(view)}"`).send(file);
    },
  });
}
