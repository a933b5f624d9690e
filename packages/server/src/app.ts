import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './http/errors.ts';
import { installInputChecks } from './http/input.ts';
import { installIdempotency } from './http/idempotency.ts';
import { installRequestContext } from './http/context.ts';
import { trackInFlight } from './http/in-flight.ts';
import { installDurableReply } from './http/durable-reply.ts';
import { Csrf } from './http/csrf.ts';
import { serverSecret } from './http/secrets.ts';
import { installOpenApi } from './http/openapi.ts';
import { installWebApp } from './http/static.ts';
import type { App } from './http/types.ts';
import { AuditBatcher } from './audit/batcher.ts';
import { GateFactsCache } from './access/facts-cache.ts';
import { createMailer } from './mail/mailer.ts';
import { AuditCheckpointer, loadCheckpointKey } from './audit/checkpoints.ts';
import { retentionRoutes } from './retention/routes.ts';
import { RetentionScheduler } from './retention/scheduler.ts';
import { InboxNoticeScheduler } from './inbox/scheduler.ts';
import { inboxRoutes } from './inbox/routes.ts';
import type { RetentionDeps } from './retention/service.ts';
import { healthRoutes } from './health/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { secrecyDomainRoutes } from './secrecy-domains/routes.ts';
import { userRoutes } from './users/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { childRoutes } from './children/routes.ts';
import { registerImportRoutes } from './register-import/routes.ts';
import { benchRoutes } from './bench/routes.ts';
import { consentRoutes } from './consent/routes.ts';
import { careTeamRoutes } from './care-team/routes.ts';
import { sharingRoutes } from './sharing/routes.ts';
import { legalGroundRoutes } from './legal-grounds/routes.ts';
import { emergencyRoutes } from './emergency/routes.ts';
import { logReviewRoutes } from './log-review/routes.ts';
import { citizenRoutes } from './citizens/routes.ts';
import { secrecyDomainDirectoryRoutes } from './secrecy-domains/directory.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { startRoutes } from './start/routes.ts';
import { noticeRoutes } from './notices/routes.ts';
import { concernRoutes } from './concerns/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { wellbeingRoutes } from './wellbeing/routes.ts';
import { needsAssessmentRoutes } from './needs-assessment/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { planMeetingRoutes } from './plans/meeting-routes.ts';
import { fhirExportRoutes } from './fhir-export/routes.ts';
import { chronologyRoutes } from './chronology/routes.ts';
import { actionPlanRoutes } from './action-plans/routes.ts';
import { workspaceRoutes } from './workspaces/routes.ts';
import { agreementRoutes } from './agreements/routes.ts';
import { improvementRoutes } from './improvement/routes.ts';
import { fundRoutes } from './fund/routes.ts';
import { impactAssessmentRoutes } from './impact-assessments/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { childLevelIndicatorRoutes } from './child-level-indicators/routes.ts';
import { schoolRoutes } from './schools/routes.ts';
import { ChildLevelIndicatorScheduler } from './child-level-indicators/scheduler.ts';
import { forumRoutes } from './forums/routes.ts';
import { publicPageRoutes } from './public-pages/routes.ts';
import { newsletterRoutes } from './newsletter/routes.ts';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  /** The services' clock; tests pass a `fixedClock` to move time. Defaults to the system's, moved by `clockOffsetDays`. */
  clock?: Clock;
}

export async function buildApp(config: Config, database: Database, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // The router's and the HTTP parser's own errors (400 bad URL, 414, 431) in the shared shape too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // The API speaks JSON only: other bodies get 415 instead of reaching a schema as a string.
  app.removeContentTypeParser(['text/plain']);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });

  // Documentation and the web app's files are public; every other /api route needs a session.
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), public: true };
    }
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
      for (const method of methods) apiRoutes.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });

  const { db } = database;
  const clock = options.clock ?? systemClock(config.clockOffsetDays);
  const mailer = createMailer(config.smtp, app.log);
  app.addHook('onClose', () => mailer.close());
  app.decorate('services', { db, audit: new AuditBatcher(database.auditDb, clock), config, clock, mailer, databaseKind: database.kind, gateFacts: new GateFactsCache() });
  // Signed checkpoints of the chain head, outside the database (audit/checkpoints.ts); the key
  // is required in production, so this refuses to start without one.
  const checkpointKey = await loadCheckpointKey(config.auditCheckpoint, config.production);
  const checkpointer = new AuditCheckpointer(db, checkpointKey, config.auditCheckpoint, clock, app.log);
  await checkpointer.start();
  app.addHook('onClose', () => checkpointer.stop());
  // The scheduled erasure (gallring); the owner's connection erases the audit log's expired prefix.
  const retentionDeps: RetentionDeps = { db, owner: database.ownerScript, clock, checkpointFile: config.auditCheckpoint.file, checkpointKey };
  const retention = new RetentionScheduler(retentionDeps, config.retentionIntervalHours, app.log);
  retention.start();
  app.addHook('onClose', () => retention.stop());
  // The child level's own anonymised indicators, recomputed on the same kind of timer (issue 15).
  const childLevel = new ChildLevelIndicatorScheduler(db, clock, config.suppressionThreshold, config.retentionIntervalHours, app.log);
  // Their catalogue rows are every install's, not only the demo's: added once, here (docs/child-level-indicators.md).
  await childLevel.registerCatalogue();
  childLevel.start();
  app.addHook('onClose', () => childLevel.stop());
  // The inbox's notice e-mails, swept every 15 minutes by default (only with SMTP configured).
  const inboxNotices = new InboxNoticeScheduler(app.services, config.appUrl, config.inboxNoticeMinutes, app.log);
  inboxNotices.start();
  app.addHook('onClose', () => inboxNotices.stop());
  const csrf = new Csrf(await serverSecret(db, 'csrf'));
  installDurableReply(app);
  trackInFlight(app, 10_000);
  installRequestContext(app, { db, csrf, sessionIdleMinutes: config.sessionIdleMinutes });
  installInputChecks(app);
  installIdempotency(app);
  await installOpenApi(app);

  await healthRoutes(app, { databaseKind: database.kind });
  await authRoutes(app, { db, csrf, config });
  await organisationRoutes(app, { db });
  await unitRoutes(app, { db });
  await secrecyDomainRoutes(app, { db });
  await userRoutes(app, { db });
  await auditRoutes(app, { db, clock, checkpointFile: config.auditCheckpoint.file, checkpointKey });
  await childRoutes(app);
  await consentRoutes(app);
  await careTeamRoutes(app);
  await sharingRoutes(app);
  await legalGroundRoutes(app);
  await emergencyRoutes(app);
  await logReviewRoutes(app);
  await citizenRoutes(app);
  await registerImportRoutes(app);
  await wellbeingRoutes(app);
  await retentionRoutes(app, retentionDeps);
  await secrecyDomainDirectoryRoutes(app);
  await indicatorRoutes(app, { db });
  await startRoutes(app);
  await inboxRoutes(app);
  await noticeRoutes(app);
  await concernRoutes(app);
  await reportRoutes(app);
  await needsAssessmentRoutes(app);
  await planRoutes(app);
  await planMeetingRoutes(app);
  await fhirExportRoutes(app);
  await chronologyRoutes(app);
  await actionPlanRoutes(app);
  await workspaceRoutes(app);
  await agreementRoutes(app);
  await improvementRoutes(app);
  await fundRoutes(app);
  await impactAssessmentRoutes(app);
  await surveyRoutes(app, { bulk: database.bulk });
  await childLevelIndicatorRoutes(app);
  await schoolRoutes(app);
  await forumRoutes(app);
  await publicPageRoutes(app);
  await newsletterRoutes(app);
  if (config.benchRoutes) await benchRoutes(app);
  await installWebApp(app, config.webDist ?? defaultWebDist);
  return app;
}
