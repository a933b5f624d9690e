import { ChildParams, ChildReportsView, IntakePlaces, IntakeQueue, IntakeReportView, ReportInput, ReportParams, ReportReceipt, ReportReceiptList, StepInput } from '@samsyn/core';
import { withChildAccess, withChildWrite } from '../access/gate.ts';
import { errorResponses, type App } from '../http/types.ts';
import { intakePlaces, intakeQueue, readReport, recordStep } from './intake.ts';
import { childReports, sendReport, sentReceipts } from './service.ts';

export async function reportRoutes(app: App): Promise<void> {
  app.get('/api/children/:id/reports-of-concern', {
    schema: {
      tags: ['reports of concern'],
      summary: 'Whether the caller may send a report of concern about the child, and the receipts of their own reports about it (logged)',
      params: ChildParams,
      response: { 200: ChildReportsView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => {
      const access = await withChildAccess(request, request.params.id, 'read', 'record', { auditAction: 'child.report_of_concern.receipts' });
      return childReports(request, access);
    },
  });

  // A duty in law: any current team member may send one, without consent (a write of the record).
  app.post('/api/children/:id/reports-of-concern', {
    schema: {
      tags: ['reports of concern'],
      summary: 'Send a report of concern (orosanmälan) to the intake of the social services in the child’s home municipality; answers the receipt (logged)',
      params: ChildParams,
      body: ReportInput,
      response: { 201: ReportReceipt, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const receipt = await withChildWrite(request, request.params.id, 'record', { auditAction: 'child.report_of_concern.send' }, (trx, access) => sendReport(trx, access, request.body));
      return reply.status(201).send(receipt);
    },
  });

  app.get('/api/reports-of-concern/sent', {
    schema: {
      tags: ['reports of concern'],
      summary: 'The receipts of every report of concern the caller sent, with what intake may tell them (logged per child)',
      response: { 200: ReportReceiptList, ...errorResponses(401) },
    },
    handler: async (request) => ({ receipts: await sentReceipts(request) }),
  });

  app.get('/api/intake/places', {
    schema: {
      tags: ['reports of concern'],
      summary: 'The intakes (mottagningar) the caller works at; empty for everyone else (no child data)',
      response: { 200: IntakePlaces, ...errorResponses(401) },
    },
    handler: async (request) => intakePlaces(request),
  });

  app.get('/api/intake/reports', {
    schema: {
      tags: ['reports of concern'],
      summary: 'The intake’s queue of received reports of concern, with their steps and deadlines (intake staff only; logged per child)',
      response: { 200: IntakeQueue, ...errorResponses(401, 403) },
    },
    handler: async (request) => intakeQueue(request),
  });

  app.get('/api/intake/reports/:id', {
    schema: {
      tags: ['reports of concern'],
      summary: 'One received report of concern as intake reads it (intake staff only; logged)',
      params: ReportParams,
      response: { 200: IntakeReportView, ...errorResponses(401, 403, 404) },
    },
    handler: async (request) => readReport(request, request.params.id),
  });

  app.post('/api/intake/reports/:id/steps', {
    schema: {
      tags: ['reports of concern'],
      summary: 'Record intake’s protection assessment (same day) or initial assessment (within 14 days) (intake staff only; logged)',
      params: ReportParams,
      body: StepInput,
      response: { 200: IntakeReportView, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => recordStep(request, request.params.id, request.body),
  });
}
