import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from './context.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandling } from './http/errors.js';
import { validatorCompiler } from './http/validation.js';
import { registerSessionRoutes } from './modules/auth/routes.js';
import { registerCaseRoutes } from './modules/cases/routes.js';
import { registerFamilyAndStaffRoutes } from './modules/cases/family-and-staff.js';
import { registerTrailRoutes } from './modules/cases/trail.js';
import { registerHealthRoutes } from './modules/health/routes.js';
import { registerNoteRoutes } from './modules/notes/routes.js';
import { registerUserRoutes } from './modules/users/routes.js';
import { registerCalendarRoutes } from './modules/calendar/routes.js';
import { registerDeadlineRuleRoutes } from './modules/deadline-rules/routes.js';
import { registerIncidentRoutes } from './modules/incidents/routes.js';
import { registerDocumentRoutes } from './modules/documents/routes.js';
import { registerConsentRoutes } from './modules/consents/routes.js';
import { registerRiskRoutes } from './modules/risk/routes.js';
import { registerNeedRoutes } from './modules/care/needs.js';
import { registerPlanRoutes } from './modules/care/plan.js';
import { registerApprovalRoutes } from './modules/care/approvals.js';
import { registerWorkRoutes } from './modules/work/routes.js';
import { registerDirectoryOrganizationRoutes } from './modules/directory/organizations.js';
import { registerDirectoryServiceRoutes } from './modules/directory/services.js';
import { registerLocationRoutes } from './modules/directory/locations.js';
import { registerReferralActs } from './modules/referrals/acts.js';
import { registerMatchRoutes } from './modules/referrals/matches.js';
import { registerReferralRoutes } from './modules/referrals/routes.js';
import { registerExchangeRoutes } from './modules/directory/exchange.js';
import { registerImportRoutes } from './modules/directory/import.js';
import { registerMyDeadlinesRoute } from './modules/procedures/my-deadlines.js';
import { registerProcedureRoutes } from './modules/procedures/routes.js';
import { registerFeedRoutes } from './modules/feeds/routes.js';
import { registerNotificationRoutes } from './modules/reminders/routes.js';
import { registerStatisticsRoutes } from './modules/statistics/routes.js';
import { registerNetworkRoutes } from './modules/networks/routes.js';
import { registerReleaseRoutes } from './modules/releases/routes.js';
import { registerWorkshopRoutes } from './modules/workshops/routes.js';

export const API_PREFIX = '/api/v1';
const BODY_LIMIT = 256 * 1024;

function defaultWebDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

export async function buildApp(
  ctx: AppContext,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // Trust exactly one proxy hop: the address it saw, not what a client wrote into X-Forwarded-For.
    trustProxy: ctx.config.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    genReqId: () => uuidv7(),
    // Errors raised before routing (bad percent-encoding, over-long URLs) get the one error shape too.
    frameworkErrors: (error, _request, reply) => {
      const status =
        typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
          ? error.statusCode
          : 400;
      const body = JSON.stringify({ error: { code: 'not_found', message: 'The address could not be read' } });
      void (reply as FastifyReply).code(status).type('application/json; charset=utf-8').send(body);
    },
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            // Personal data never reaches the logs: no bodies, no query strings, no cookies.
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                id: req.id,
                method: req.method,
                // The calendar feed's secret token is in its path: never log it.
                path: (req.url.split('?')[0] ?? '').replace(/\/feeds\/[^/]+/, '/feeds/[secret]'),
              }),
            },
          },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app, ctx.config.webDir ?? defaultWebDir());

  await app.register(cookie);
  // Documents: one file per request, within the configured size; a few short fields.
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10, fieldSize: 2000, parts: 12 },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
    },
    hsts: false,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Senda API',
        version: '1.0.0',
        description: 'Case management for legal clinics serving migrant women seeking asylum in Mexico.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'senda_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerAuth(app, ctx);
  await app.register(
    (api, _opts, done) => {
      registerHealthRoutes(api, ctx);
      registerSessionRoutes(api, ctx);
      registerUserRoutes(api, ctx);
      registerCaseRoutes(api, ctx);
      registerFamilyAndStaffRoutes(api, ctx);
      registerTrailRoutes(api, ctx);
      registerNoteRoutes(api, ctx);
      registerIncidentRoutes(api, ctx);
      registerDocumentRoutes(api, ctx);
      registerConsentRoutes(api, ctx);
      registerRiskRoutes(api, ctx);
      registerNeedRoutes(api, ctx);
      registerPlanRoutes(api, ctx);
      registerApprovalRoutes(api, ctx);
      registerWorkRoutes(api, ctx);
      registerDirectoryOrganizationRoutes(api, ctx);
      registerDirectoryServiceRoutes(api, ctx);
      registerLocationRoutes(api, ctx);
      registerExchangeRoutes(api, ctx);
      registerImportRoutes(api, ctx);
      registerReferralRoutes(api, ctx);
      registerReferralActs(api, ctx);
      registerMatchRoutes(api, ctx);
      registerProcedureRoutes(api, ctx);
      registerMyDeadlinesRoute(api, ctx);
      registerCalendarRoutes(api, ctx);
      registerDeadlineRuleRoutes(api, ctx);
      registerFeedRoutes(api, ctx);
      registerNotificationRoutes(api, ctx);
      registerStatisticsRoutes(api, ctx);
      registerReleaseRoutes(api, ctx);
      registerNetworkRoutes(api, ctx);
      registerWorkshopRoutes(api, ctx);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
      done();
    },
    { prefix: API_PREFIX },
  );

  const webDir = ctx.config.webDir ?? defaultWebDir();
  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  return app;
}
