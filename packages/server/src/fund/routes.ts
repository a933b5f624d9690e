import { z } from 'zod';
import {
  ApplicationInput, ApplicationParams, ApplicationView, CalculationAnswer, DisbursementInput, ExportQuery, FundDecisionInput, FundList, FundParams, FundReportInput, FundView,
  ImpactAssessmentInput, ImpactAssessmentView, SocioEconomicInput, socioEconomicCalculation,
} from '@samsyn/core';
import { AppError } from '../http/errors.ts';
import { errorResponses, type App } from '../http/types.ts';
import { assessmentOf } from '../impact-assessments/service.ts';
import { calculationPdf } from './export-pdf.ts';
import { listFunds, fundYears } from './queries.ts';
import {
  applicationView, auditExport, createApplication, decide, fundReader, fundView, recordDisbursement, recordReport, saveApplicationAssessment, saveCalculation, submitApplication, today, updateApplication,
} from './service.ts';

/**
 * The social-investment fund (Verksamhet, issue 17). No child's data, so the child gate is not
 * asked: professionals read, the applicant organisation's coordinators and unit managers apply
 * and report, the fund managers assess, decide and disburse (403 for anyone else). Every change
 * answers the application as it now stands, with the actions the caller may take.
 */

const tags = ['fund'];
const Empty = z.object({}).strict().optional();
const Binary = z.any().describe('a file');
const Assessment = z.object({ assessment: ImpactAssessmentView.nullable() });
const e = errorResponses;

export async function fundRoutes(app: App): Promise<void> {
  const db = app.services.db;

  app.get('/api/fund', {
    schema: { tags, summary: 'The funds with their totals: budget, granted, disbursed, remaining', response: { 200: FundList, ...e(401, 403) } },
    handler: async (request) => {
      fundReader(request);
      const funds = await listFunds(db);
      return {
        funds: await Promise.all(funds.map(async (f) => {
          const years = await fundYears(db, f.id);
          const sum = (k: 'budget' | 'granted' | 'disbursed' | 'remaining') => years.reduce((s, y) => s + y[k], 0);
          return { id: f.id, name: f.name, owner: { id: f.ownerOrganisationId, name: f.ownerName }, total: { budget: sum('budget'), granted: sum('granted'), disbursed: sum('disbursed'), remaining: sum('remaining') } };
        })),
      };
    },
  });

  app.get('/api/fund/:id', {
    schema: { tags, summary: 'A fund: budget and remaining budget per year and in all, calls, applications and what you may do', params: FundParams, response: { 200: FundView, ...e(401, 403, 404) } },
    handler: async (request) => fundView(db, request, request.params.id),
  });

  app.post('/api/fund/applications', {
    schema: { tags, summary: 'Draft an application for your organisation (its coordinators and unit managers)', body: ApplicationInput, response: { 201: ApplicationView, ...e(400, 401, 403) } },
    handler: async (request, reply) => reply.status(201).send(await applicationView(db, request, await createApplication(db, request, request.body))),
  });

  app.get('/api/fund/applications/:id', {
    schema: { tags, summary: 'An application or project: partners, budget, indicators, decision, disbursements, reports, calculation and what you may do', params: ApplicationParams, response: { 200: ApplicationView, ...e(401, 403, 404) } },
    handler: async (request) => applicationView(db, request, request.params.id),
  });

  app.patch('/api/fund/applications/:id', {
    schema: { tags, summary: 'Change a draft application', params: ApplicationParams, body: ApplicationInput, response: { 200: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await updateApplication(db, request, request.params.id, request.body);
      return applicationView(db, request, request.params.id);
    },
  });

  app.post('/api/fund/applications/:id/submit', {
    schema: { tags, summary: 'Submit a draft application to the fund', params: ApplicationParams, body: Empty, response: { 200: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await submitApplication(db, request, request.params.id);
      return applicationView(db, request, request.params.id);
    },
  });

  app.get('/api/fund/applications/:id/impact-assessment', {
    schema: { tags, summary: 'The application’s child-rights impact assessment, or null when none is begun', params: ApplicationParams, response: { 200: Assessment, ...e(401, 403, 404) } },
    handler: async (request) => {
      await applicationView(db, request, request.params.id);
      return { assessment: await assessmentOf(db, 'fund_application', request.params.id) };
    },
  });

  app.post('/api/fund/applications/:id/impact-assessment', {
    schema: { tags, summary: 'The fund managers save the assessment: draft, done (every answer) or not needed (with a reason)', params: ApplicationParams, body: ImpactAssessmentInput, response: { 200: Assessment, ...e(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await saveApplicationAssessment(db, request, request.params.id, request.body);
      return { assessment: await assessmentOf(db, 'fund_application', request.params.id) };
    },
  });

  app.post('/api/fund/applications/:id/decision', {
    schema: { tags, summary: 'Decide (fund managers): granted, granted with conditions or rejected, with a reason; 409 fund_assessment_required until the assessment is done or not needed', params: ApplicationParams, body: FundDecisionInput, response: { 201: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await decide(db, request, request.params.id, request.body);
      return reply.status(201).send(await applicationView(db, request, request.params.id));
    },
  });

  app.post('/api/fund/applications/:id/disbursements', {
    schema: { tags, summary: 'Record a disbursement to a granted project (fund managers)', params: ApplicationParams, body: DisbursementInput, response: { 201: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await recordDisbursement(db, request, request.params.id, request.body);
      return reply.status(201).send(await applicationView(db, request, request.params.id));
    },
  });

  app.post('/api/fund/applications/:id/reports', {
    schema: { tags, summary: 'A granted project’s report with its indicators’ values, also in the years of follow-up after it ends', params: ApplicationParams, body: FundReportInput, response: { 201: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await recordReport(db, request, request.params.id, request.body);
      return reply.status(201).send(await applicationView(db, request, request.params.id));
    },
  });

  app.get('/api/fund/applications/:id/calculation', {
    schema: { tags, summary: 'The project’s socio-economic calculation: the stored input and core’s figures (year table, NPV, break-even, payback, sensitivity)', params: ApplicationParams, response: { 200: CalculationAnswer.extend({ result: z.any().nullable() }), ...e(401, 403, 404) } },
    handler: async (request) => {
      const view = await applicationView(db, request, request.params.id);
      return { input: view.calculation, result: view.calculation ? socioEconomicCalculation(view.calculation) : null };
    },
  });

  app.patch('/api/fund/applications/:id/calculation', {
    schema: { tags, summary: 'Save the project’s calculation input (the applicant’s coordinators and unit managers, or the fund managers)', params: ApplicationParams, body: SocioEconomicInput, response: { 200: ApplicationView, ...e(400, 401, 403, 404, 409) } },
    handler: async (request) => {
      await saveCalculation(db, request, request.params.id, request.body);
      return applicationView(db, request, request.params.id);
    },
  });

  app.get('/api/fund/applications/:id/calculation.pdf', {
    schema: { tags, summary: 'The calculation as a PDF report (logged)', params: ApplicationParams, querystring: ExportQuery, produces: ['application/pdf'], response: { 200: Binary, ...e(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const view = await applicationView(db, request, request.params.id);
      if (!view.calculation) throw new AppError('not_found');
      const file = await calculationPdf(view, view.calculation, request.query.lang);
      await auditExport(db, request, view.id, request.query.lang);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="socioekonomisk-berakning-${today(request)}.pdf"`).send(file);
    },
  });
}
