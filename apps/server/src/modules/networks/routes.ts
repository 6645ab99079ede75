/**
 * Networks that share aggregates (decision 0013): the list, creating and
 * renaming (the installation's admins), joining and leaving (an
 * organization's admin), and the combined figures with their CSV, workbook
 * and PDF brief (staff of statistics of a current member; anyone else 404).
 * Every act and every read of figures is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  errorBodySchema,
  networkInput,
  networkListView,
  networkStatisticsView,
  networkView,
  shiftMonth,
  statExportQuery,
  statFilters,
  statReportQuery,
  type StatFilters,
} from '@senda/domain';
import { auditAct, type AuditAction } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { conflict, forbidden } from '../../http/errors.js';
import { sendBrief, sendTables } from '../statistics/files.js';
import { networkStatisticsOf } from './figures.js';
import {
  currentMonth,
  findNetwork,
  membersOf,
  networkForFigures,
  presentNetwork,
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
const refuse = (message: string, path: string, code: string) => conflict(message, [{ path, code }]);

async function audit(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  action: AuditAction,
  id: string,
  fields: string[],
) {
  await auditAct(trx, ctx.dialect, actor, { action, entityType: 'statistics_network', entityId: id, fields });
}

const filterNames = (filters: StatFilters) =>
  Object.keys(filters).filter((key) => filters[key as keyof StatFilters] !== undefined);

async function present(db: Db, id: string, actor: Actor) {
  const row = await findNetwork(db, id);
  return presentNetwork(row, (await membersOf(db, [id])).get(id) ?? [], actor);
}

async function nameTaken(db: Db, name: string, except?: string): Promise<void> {
  let query = db
    .selectFrom('stat_networks')
    .select('id')
    .where('name_key', '=', name.toLocaleLowerCase('es'));
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw refuse('A network has this name', 'name', 'name_taken');
}

function requireInstallationAdmin(actor: Actor): void {
  if (!actor.installationAdmin) throw forbidden();
}

function requireOrgAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden();
}

export function registerNetworkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/statistics/networks',
    { schema: { tags: ['statistics'], response: { 200: networkListView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const rows = await ctx.db.selectFrom('stat_networks').selectAll().orderBy('name').limit(500).execute();
      const members = await membersOf(
        ctx.db,
        rows.map((row) => row.id),
      );
      return {
        networks: rows.map((row) => presentNetwork(row, members.get(row.id) ?? [], actor)),
        canCreate: actor.installationAdmin,
      };
    },
  );

  r.post(
    '/statistics/networks',
    { schema: { tags: ['statistics'], body: networkInput, response: { 201: networkView, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requireInstallationAdmin(actor);
      const { name, description } = request.body;
      const id = uuidv7();
      await inTransaction(ctx, async (trx) => {
        await nameTaken(trx, name);
        const now = nowIso();
        await trx
          .insertInto('stat_networks')
          .values({
            id,
            name,
            name_key: name.toLocaleLowerCase('es'),
            description,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
        await audit(trx, ctx, actor, 'statistics.network.create', id, ['name', 'description']);
      });
      return reply.status(201).send(await present(ctx.db, id, actor));
    },
  );

  r.put(
    '/statistics/networks/:id',
    {
      schema: { tags: ['statistics'], params, body: networkInput, response: { 200: networkView, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const { name, description } = request.body;
      return inTransaction(ctx, async (trx) => {
        const row = await findNetwork(trx, request.params.id);
        requireInstallationAdmin(actor);
        await nameTaken(trx, name, row.id);
        await trx
          .updateTable('stat_networks')
          .set({
            name,
            name_key: name.toLocaleLowerCase('es'),
            description,
            updated_at: nowIso(),
            version: row.version + 1,
          })
          .where('id', '=', row.id)
          .execute();
        const fields = [
          ...(name !== row.name ? ['name'] : []),
          ...(description !== row.description ? ['description'] : []),
        ];
        await audit(trx, ctx, actor, 'statistics.network.update', row.id, fields);
        return present(trx, row.id, actor);
      });
    },
  );

  r.post(
    '/statistics/networks/:id/join',
    { schema: { tags: ['statistics'], params, response: { 200: networkView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await findNetwork(trx, request.params.id);
        requireOrgAdmin(actor);
        const own = await trx
          .selectFrom('stat_network_members')
          .selectAll()
          .where('network_id', '=', row.id)
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst();
        const joined = {
          since_month: currentMonth(),
          until_month: null,
          joined_by: actor.userId,
          joined_at: nowIso(),
          left_by: null,
          left_at: null,
        };
        if (!own) {
          await trx
            .insertInto('stat_network_members')
            .values({ network_id: row.id, org_id: actor.orgId, ...joined })
            .execute();
        } else if (own.until_month === null) {
          throw refuse('Already a member', 'membership', 'already_member');
        } else if (own.until_month >= own.since_month) {
          // It shared some months: joining again would change figures already seen.
          throw refuse('Left this network', 'membership', 'left_network');
        } else {
          // It left in the month it joined, sharing nothing: it may join afresh.
          await trx
            .updateTable('stat_network_members')
            .set(joined)
            .where('network_id', '=', row.id)
            .where('org_id', '=', actor.orgId)
            .execute();
        }
        await audit(trx, ctx, actor, 'statistics.network.join', row.id, ['membership']);
        return present(trx, row.id, actor);
      });
    },
  );

  r.post(
    '/statistics/networks/:id/leave',
    { schema: { tags: ['statistics'], params, response: { 200: networkView, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await findNetwork(trx, request.params.id);
        requireOrgAdmin(actor);
        const done = await trx
          .updateTable('stat_network_members')
          .set({ until_month: shiftMonth(currentMonth(), -1), left_by: actor.userId, left_at: nowIso() })
          .where('network_id', '=', row.id)
          .where('org_id', '=', actor.orgId)
          .where('until_month', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw refuse('Not a member', 'membership', 'not_member');
        await audit(trx, ctx, actor, 'statistics.network.leave', row.id, ['membership']);
        return present(trx, row.id, actor);
      });
    },
  );

  /** The network and its combined figures for a query, audited as a read or an export. */
  async function figures(actor: Actor, id: string, filters: StatFilters, action: AuditAction) {
    const row = await networkForFigures(ctx.db, actor, id);
    const members = (await membersOf(ctx.db, [row.id])).get(row.id) ?? [];
    const view = await networkStatisticsOf(ctx.db, row, members, filters);
    await inTransaction(ctx, (trx) => audit(trx, ctx, actor, action, row.id, filterNames(filters)));
    return view;
  }
  const fileName = (f: StatFilters) => `senda-red-${f.from}-${f.to}`;

  r.get(
    '/statistics/networks/:id/figures',
    {
      schema: {
        tags: ['statistics'],
        params,
        querystring: statFilters,
        response: { 200: networkStatisticsView, ...errors },
      },
    },
    async (request) => figures(actorOf(request), request.params.id, request.query, 'statistics.network.read'),
  );

  for (const format of ['csv', 'xlsx'] as const)
    r.get(
      `/statistics/networks/:id/export.${format}`,
      { schema: { tags: ['statistics'], params, querystring: statExportQuery, response: errors } },
      async (request, reply) => {
        const { lang, ...filters } = request.query;
        const view = await figures(actorOf(request), request.params.id, filters, 'statistics.network.export');
        return sendTables(reply, format, view, lang, fileName(filters));
      },
    );

  r.get(
    '/statistics/networks/:id/report.pdf',
    { schema: { tags: ['statistics'], params, querystring: statReportQuery, response: errors } },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const view = await figures(actorOf(request), request.params.id, filters, 'statistics.network.export');
      const meta = {
        organization: view.network.name,
        generatedAt: nowIso(),
        network: { organizations: view.organizations, p: view.dominanceP },
      };
      return sendBrief(reply, view, lang, meta, fileName(filters));
    },
  );
}
