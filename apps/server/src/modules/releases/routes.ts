/**
 * Releases of figures that leave the organization (decision 0012): a
 * coordinator or admin prepares one — the facts and sums are brought up to
 * date and the figures computed once and frozen — and another coordinator or
 * admin approves or returns it; the preparer may withdraw it while pending.
 * No endpoint changes an approved release's figures. Exports are made from
 * the frozen figures of approved releases only. Every act is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  STAT_REPORT_LANGS,
  UI_LOCALES,
  errorBodySchema,
  releaseDecisionInput,
  releaseInput,
  releaseListView,
  releaseView,
} from '@senda/domain';
import { auditAct, type AuditAction } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { StatReleasesTable } from '../../db/schema-releases.js';
import { actorOf } from '../../http/auth.js';
import { conflict, forbidden } from '../../http/errors.js';
import { sendBrief, sendTables } from '../statistics/files.js';
import { releaseFigures, type ReleaseFigures } from './figures.js';
import {
  canPrepare,
  epsilonSpent,
  findRelease,
  namesOf,
  presentRelease,
  presentSummary,
  releasesOf,
  requirePreparer,
  requireReader,
} from './store.js';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const params = z.strictObject({ id: z.string().max(64) });
const exportQuery = z.strictObject({ lang: z.enum(UI_LOCALES).default('es') });
const reportQuery = z.strictObject({ lang: z.enum(STAT_REPORT_LANGS).default('es') });
const refuse = (message: string, path: string, code: string) => conflict(message, [{ path, code }]);

async function audit(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  action: AuditAction,
  id: string,
  fields: string[],
) {
  await auditAct(trx, ctx.dialect, actor, { action, entityType: 'statistics_release', entityId: id, fields });
}

async function present(db: Db, row: StatReleasesTable, actor: Actor) {
  return presentRelease(row, await namesOf(db, [row]), actor);
}

export function registerReleaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/statistics/releases',
    { schema: { tags: ['statistics'], response: { 200: releaseListView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const rows = await releasesOf(ctx.db, actor);
      const names = await namesOf(ctx.db, rows);
      return {
        releases: rows.map((row) => presentSummary(row, names)),
        epsilonSpent: await epsilonSpent(ctx.db, actor.orgId),
        canPrepare: canPrepare(actor),
      };
    },
  );

  r.post(
    '/statistics/releases',
    { schema: { tags: ['statistics'], body: releaseInput, response: { 201: releaseView, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePreparer(actor);
      const { title, filters, mode } = request.body;
      const epsilon = mode === 'differential_privacy' ? (request.body.epsilon ?? null) : null;
      const figures: ReleaseFigures = await releaseFigures(ctx.db, actor.orgId, filters, mode, epsilon);
      const now = nowIso();
      const row: StatReleasesTable = {
        id: uuidv7(),
        org_id: actor.orgId,
        title,
        filters: JSON.stringify(filters),
        k: figures.view.k,
        mode,
        epsilon,
        status: 'pending',
        figures: JSON.stringify(figures),
        figures_at: now,
        prepared_by: actor.userId,
        prepared_at: now,
        decided_by: null,
        decided_at: null,
        decision_comment: '',
        version: 1,
      };
      await inTransaction(ctx, async (trx) => {
        await trx.insertInto('stat_releases').values(row).execute();
        await audit(trx, ctx, actor, 'statistics.release.create', row.id, [
          'title',
          'mode',
          ...Object.keys(filters).map((key) => `filters.${key}`),
          ...(epsilon === null ? [] : ['epsilon']),
        ]);
      });
      return reply.status(201).send(await present(ctx.db, row, actor));
    },
  );

  r.get(
    '/statistics/releases/:id',
    { schema: { tags: ['statistics'], params, response: { 200: releaseView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await findRelease(trx, actor, request.params.id);
        await audit(trx, ctx, actor, 'statistics.release.read', row.id, []);
        return present(trx, row, actor);
      });
    },
  );

  const decide = (path: string, status: 'approved' | 'returned', action: AuditAction) =>
    r.post(
      `/statistics/releases/:id/${path}`,
      {
        schema: {
          tags: ['statistics'],
          params,
          body: releaseDecisionInput,
          response: { 200: releaseView, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireReader(actor);
        return inTransaction(ctx, async (trx) => {
          const row = await findRelease(trx, actor, request.params.id);
          requirePreparer(actor);
          if (row.status !== 'pending') throw refuse('Already decided', 'status', 'not_pending');
          if (row.prepared_by === actor.userId)
            throw refuse('Nobody decides on her own release', 'preparedBy', 'own_request');
          const changes = {
            status,
            decided_by: actor.userId,
            decided_at: nowIso(),
            decision_comment: request.body.comment,
            version: row.version + 1,
          };
          const done = await trx
            .updateTable('stat_releases')
            .set(changes)
            .where('id', '=', row.id)
            .where('version', '=', row.version)
            .executeTakeFirst();
          if (Number(done.numUpdatedRows) !== 1) throw refuse('Changed meanwhile', 'version', 'not_pending');
          await audit(
            trx,
            ctx,
            actor,
            action,
            row.id,
            request.body.comment ? ['status', 'comment'] : ['status'],
          );
          return present(trx, { ...row, ...changes }, actor);
        });
      },
    );
  decide('approve', 'approved', 'statistics.release.approve');
  decide('return', 'returned', 'statistics.release.return');

  r.post(
    '/statistics/releases/:id/withdraw',
    { schema: { tags: ['statistics'], params, response: { 200: releaseView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await findRelease(trx, actor, request.params.id);
        if (row.prepared_by !== actor.userId) throw forbidden();
        if (row.status !== 'pending') throw refuse('Already decided', 'status', 'not_pending');
        const changes = { status: 'withdrawn', version: row.version + 1 };
        await trx.updateTable('stat_releases').set(changes).where('id', '=', row.id).execute();
        await audit(trx, ctx, actor, 'statistics.release.withdraw', row.id, ['status']);
        return present(trx, { ...row, ...changes }, actor);
      });
    },
  );

  const exported = async (actor: Actor, id: string) =>
    inTransaction(ctx, async (trx) => {
      const row = await findRelease(trx, actor, id);
      if (row.status !== 'approved') throw refuse('Only approved releases leave', 'status', 'not_approved');
      await audit(trx, ctx, actor, 'statistics.release.export', row.id, []);
      return { row, figures: JSON.parse(row.figures) as ReleaseFigures };
    });
  const fileName = (row: StatReleasesTable) =>
    `senda-publicacion-${row.prepared_at.slice(0, 10)}-${row.id.slice(-8)}`;

  for (const format of ['csv', 'xlsx'] as const)
    r.get(
      `/statistics/releases/:id/export.${format}`,
      {
        schema: {
          tags: ['statistics'],
          description: `The frozen figures of an approved release as ${format === 'csv' ? 'CSV' : 'a workbook'}.`,
          params,
          querystring: exportQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireReader(actor);
        const { row, figures } = await exported(actor, request.params.id);
        return sendTables(reply, format, figures.view, request.query.lang, fileName(row));
      },
    );

  r.get(
    '/statistics/releases/:id/report.pdf',
    {
      schema: {
        tags: ['statistics'],
        description: 'The advocacy brief of an approved release, from its frozen figures.',
        params,
        querystring: reportQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      const { row, figures } = await exported(actor, request.params.id);
      const org = await ctx.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', actor.orgId)
        .executeTakeFirst();
      const meta = { organization: org?.name ?? '', generatedAt: row.figures_at };
      return sendBrief(reply, figures.view, request.query.lang, meta, fileName(row));
    },
  );
}
