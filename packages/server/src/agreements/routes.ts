import { z } from 'zod';
import {
  AgreementInput, AgreementList, AgreementOwnersInput, AgreementParams, AgreementReminderList, AgreementVersionInput, AgreementView, ExportQuery, PlacementCostInput, PlacementInput, PlacementList, PlacementParams, TrainingList, TrainingRecordInput,
} from '@samsyn/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { agreementTable, placementTables, tablesCsv, tablesWorkbook, trainingTable, type Table } from './export.ts';
import { agreementRows } from './queries.ts';
import { addAgreementVersion, audit, setAgreementOwners, createAgreement, createPlacement, listAgreements, listPlacements, listTraining, reader, remindersOf, saveTraining, setPlacementCost, toAgreementView, today } from './service.ts';

/**
 * Agreements and guidelines, joint placements' shared costs, and training (Verksamhet). No child's
 * data: placements carry a case reference only. Role checks as in core's policy, 403 to others;
 * every change and export leaves an audit entry in its own transaction.
 */

const tags = ['agreements'];
const Binary = z.any().describe('a file');
const FormatQuery = ExportQuery.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
const statusWords = {
  sv: { current: 'Gällande', revision_soon: 'Revideras snart', revision_overdue: 'Revision försenad', expired: 'Upphört' },
  en: { current: 'Current', revision_soon: 'Revision soon', revision_overdue: 'Revision overdue', expired: 'Expired' },
} as const;

export async function agreementRoutes(app: App): Promise<void> {
  const db = app.services.db;
  const one = async (request: FastifyRequest, id: string) => {
    const actor = reader(request);
    const [a] = await agreementRows(db, id);
    if (!a) throw new AppError('not_found');
    return toAgreementView(a, actor, today(request));
  };

  app.get('/api/agreements', {
    schema: { tags, summary: 'The library of agreements and guidelines, each with its revision status for the server’s day', response: { 200: AgreementList, ...errorResponses(401, 403) } },
    handler: async (request) => listAgreements(db, request),
  });
  app.post('/api/agreements', {
    schema: { tags, summary: 'Add an agreement (coordinators of a party organisation)', body: AgreementInput, response: { 201: AgreementView, ...errorResponses(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await one(request, await createAgreement(db, request, request.body))),
  });
  app.get('/api/agreements/reminders', {
    schema: { tags, summary: 'Your reminders today: agreements you own due for revision, units you answer for below a training target', response: { 200: AgreementReminderList, ...errorResponses(401, 403) } },
    handler: async (request) => remindersOf(db, request),
  });
  app.get('/api/agreements/placements', {
    schema: { tags, summary: 'Joint placements your organisation is party to, with the split per year and totals per organisation and year', response: { 200: PlacementList, ...errorResponses(401, 403) } },
    handler: async (request) => listPlacements(db, request),
  });
  app.post('/api/agreements/placements', {
    schema: { tags, summary: 'Add a joint placement by case reference (never an identity number), with its split and yearly amounts', body: PlacementInput, response: { 201: PlacementList, ...errorResponses(400, 401, 403, 409) } },
    handler: async (request, reply) => {
      await createPlacement(db, request, request.body);
      return reply.status(201).send(await listPlacements(db, request));
    },
  });
  app.put('/api/agreements/placements/:id/costs', {
    schema: { tags, summary: 'Set a joint placement’s amount for a year', params: PlacementParams, body: PlacementCostInput, response: { 200: PlacementList, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => {
      await setPlacementCost(db, request, request.params.id, request.body);
      return listPlacements(db, request);
    },
  });
  app.get('/api/agreements/training', {
    schema: { tags, summary: 'Training records per unit and shares per organisation, with units below target', querystring: ExportQuery, response: { 200: TrainingList, ...errorResponses(400, 401, 403) } },
    handler: async (request) => listTraining(db, request, request.query.lang),
  });
  app.put('/api/agreements/training', {
    schema: { tags, summary: 'Record a unit’s training count (coordinators and org admins of its organisation, its unit manager)', body: TrainingRecordInput, response: { 200: TrainingList, ...errorResponses(400, 401, 403) } },
    handler: async (request) => {
      await saveTraining(db, request, request.body);
      return listTraining(db, request, 'sv');
    },
  });

  type ExportRequest = FastifyRequest<{ Querystring: { lang: 'sv' | 'en'; format: 'csv' | 'xlsx' } }>;
  const exporter = (name: string, action: 'agreement.export' | 'joint_placement.export' | 'training.export', tables: (request: ExportRequest) => Promise<Table[]>) => async (request: ExportRequest, reply: FastifyReply) => {
    const { format, lang } = request.query;
    const data = await tables(request);
    const day = today(request);
    const file = format === 'csv' ? tablesCsv(data) : await tablesWorkbook(data, day);
    await db.transaction().execute((trx) => audit(trx, request, 'export', null, action, { format, language: lang, rows: data[0]!.rows.length }));
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}-${day}.${format}"`).send(file);
  };
  const produces = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

  app.get('/api/agreements/export', {
    schema: { tags, summary: 'The library as CSV or Excel (logged)', querystring: FormatQuery, produces, response: { 200: Binary, ...errorResponses(400, 401, 403) } },
    handler: exporter('overenskommelser', 'agreement.export', async (request) => [agreementTable((await listAgreements(db, request)).agreements, request.query.lang, (s) => statusWords[request.query.lang][s as keyof typeof statusWords.sv])]),
  });
  app.get('/api/agreements/placements/export', {
    schema: { tags, summary: 'Joint placements for the finance departments: rows per placement and year, and totals per organisation and year (logged)', querystring: FormatQuery, produces, response: { 200: Binary, ...errorResponses(400, 401, 403) } },
    handler: exporter('placeringar', 'joint_placement.export', async (request) => {
      const { placements, totals } = await listPlacements(db, request);
      return placementTables(placements, totals, request.query.lang);
    }),
  });
  app.get('/api/agreements/training/export', {
    schema: { tags, summary: 'Training records per unit as CSV or Excel (logged)', querystring: FormatQuery, produces, response: { 200: Binary, ...errorResponses(400, 401, 403) } },
    handler: exporter('utbildning', 'training.export', async (request) => [trainingTable((await listTraining(db, request, request.query.lang)).records, request.query.lang)]),
  });

  app.post('/api/agreements/:id/versions', {
    schema: { tags, summary: 'Record a new version; it may set a new validity and revision date (owners, coordinators of a party)', params: AgreementParams, body: AgreementVersionInput, response: { 201: AgreementView, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await addAgreementVersion(db, request, request.params.id, request.body);
      return reply.status(201).send(await one(request, request.params.id));
    },
  });
  app.put('/api/agreements/:id/owners', {
    schema: { tags, summary: 'Replace the agreement’s owners, at least one, professionals only (owners, coordinators of a party)', params: AgreementParams, body: AgreementOwnersInput, response: { 200: AgreementView, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await setAgreementOwners(db, request, request.params.id, request.body);
      return one(request, request.params.id);
    },
  });
  app.get('/api/agreements/:id', {
    schema: { tags, summary: 'One agreement with every version', params: AgreementParams, response: { 200: AgreementView, ...errorResponses(401, 403, 404) } },
    handler: async (request) => one(request, request.params.id),
  });
}
