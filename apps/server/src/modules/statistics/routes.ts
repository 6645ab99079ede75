/**
 * The statistics area: figures for a period, their CSV, workbook and PDF brief, and the
 * organization's disclosure threshold. Admins, coordinators and analysts of
 * the organization; aggregates only — nothing here names or links a case.
 * Every query is audited with the names of its filters (an attempt at
 * differencing leaves a trail).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DEFAULT_K,
  MIN_K,
  errorBodySchema,
  statExportQuery,
  statFilters,
  statSettingsInput,
  statReportQuery,
  statSettingsView,
  statisticsView,
  type Role,
  type StatFilters,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { sendBrief, sendTables } from './files.js';
import { statisticsOf, thresholdOf } from './view.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };
export const STATISTICS_ROLES: readonly Role[] = ['admin', 'coordinator', 'analyst'];

function requireStatistics(actor: Actor): void {
  if (!STATISTICS_ROLES.includes(actor.role)) throw forbidden();
}

async function audited(
  ctx: AppContext,
  actor: Actor,
  action: 'statistics.read' | 'statistics.export',
  filters: StatFilters,
) {
  await inTransaction(ctx, (trx) =>
    auditAct(trx, ctx.dialect, actor, {
      action,
      entityType: 'statistics',
      entityId: null,
      fields: Object.keys(filters).filter((key) => filters[key as keyof StatFilters] !== undefined),
    }),
  );
}

const fileName = (f: StatFilters) => `senda-estadisticas-${f.from}-${f.to}`;

export function registerStatisticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/statistics',
    {
      schema: {
        tags: ['statistics'],
        querystring: statFilters,
        response: { 200: statisticsView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireStatistics(actor);
      const view = await statisticsOf(ctx.db, actor.orgId, request.query);
      await audited(ctx, actor, 'statistics.read', request.query);
      return view;
    },
  );

  for (const format of ['csv', 'xlsx'] as const)
    r.get(
      `/statistics/export.${format}`,
      {
        schema: {
          tags: ['statistics'],
          description: `Every published figure as ${format === 'csv' ? 'CSV' : 'a workbook'}.`,
          querystring: statExportQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireStatistics(actor);
        const { lang, ...filters } = request.query;
        const view = await statisticsOf(ctx.db, actor.orgId, filters);
        await audited(ctx, actor, 'statistics.export', filters);
        return sendTables(reply, format, view, lang, fileName(filters));
      },
    );

  r.get(
    '/statistics/report.pdf',
    {
      schema: {
        tags: ['statistics'],
        description: 'A printable advocacy brief of the published figures (Spanish or English).',
        querystring: statReportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireStatistics(actor);
      const { lang, ...filters } = request.query;
      const view = await statisticsOf(ctx.db, actor.orgId, filters);
      const org = await ctx.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', actor.orgId)
        .executeTakeFirst();
      await audited(ctx, actor, 'statistics.export', filters);
      return sendBrief(
        reply,
        view,
        lang,
        { organization: org?.name ?? '', generatedAt: nowIso() },
        fileName(filters),
      );
    },
  );

  r.get(
    '/statistics/settings',
    { schema: { tags: ['statistics'], response: { 200: statSettingsView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireStatistics(actor);
      return { k: await thresholdOf(ctx.db, actor.orgId), defaultK: DEFAULT_K, minK: MIN_K } as const;
    },
  );

  r.put(
    '/statistics/settings',
    {
      schema: {
        tags: ['statistics'],
        body: statSettingsInput,
        response: { 200: statSettingsView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin') throw forbidden();
      const { k } = request.body;
      await inTransaction(ctx, async (trx) => {
        const now = nowIso();
        await trx
          .insertInto('stat_settings')
          .values({ org_id: actor.orgId, k, updated_by: actor.userId, updated_at: now })
          .onConflict((oc) =>
            oc.column('org_id').doUpdateSet({ k, updated_by: actor.userId, updated_at: now }),
          )
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'statistics.settings.update',
          entityType: 'statistics',
          entityId: null,
          fields: ['k'],
        });
      });
      return { k, defaultK: DEFAULT_K, minK: MIN_K } as const;
    },
  );
}
