/**
 * Workshops and community activities of the caller's organization: listed by
 * period and topic with the people reached, recorded, read, changed (with the
 * version read: a change made meanwhile answers 409) and removed. Every write
 * is audited with the names of the fields written, never their values. Who
 * may reach them: store.ts; their files: materials.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  workshopInput,
  workshopListQuery,
  workshopListView,
  workshopUpdateInput,
  workshopView,
  type WorkshopKind,
  type WorkshopTopic,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { conflict, notFound } from '../../http/errors.js';
import { registerWorkshopMaterialRoutes } from './materials.js';
import {
  asCount,
  changedFields,
  findWorkshop,
  materialCount,
  participantSum,
  presentWorkshop,
  readCursor,
  readParticipants,
  requireWorkshopStaff,
  workshopColumns,
  workshopErrors,
  workshopParams,
  writeCursor,
  writeParticipants,
} from './store.js';

const stale = () => conflict('The workshop was changed meanwhile: read it again');

export function registerWorkshopRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/workshops',
    {
      schema: {
        tags: ['workshops'],
        querystring: workshopListQuery,
        response: { 200: workshopListView, ...workshopErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireWorkshopStaff(actor);
      const f = request.query;
      const after = f.cursor ? readCursor(f.cursor) : null;
      let filtered = ctx.db.selectFrom('workshops as w').where('w.org_id', '=', actor.orgId);
      if (f.from) filtered = filtered.where('w.held_on', '>=', f.from);
      if (f.to) filtered = filtered.where('w.held_on', '<=', f.to);
      if (f.topic) filtered = filtered.where('w.topic', '=', f.topic);

      let page = filtered.select([
        'w.id',
        'w.kind',
        'w.title',
        'w.held_on',
        'w.state',
        'w.municipality',
        'w.topic',
        'w.other_topic',
        'w.language',
        participantSum.as('participant_total'),
        materialCount.as('material_count'),
      ]);
      if (after)
        page = page.where((eb) =>
          eb.or([
            eb('w.held_on', '<', after.heldOn),
            eb.and([eb('w.held_on', '=', after.heldOn), eb('w.id', '<', after.id)]),
          ]),
        );
      const rows = await page
        .orderBy('w.held_on', 'desc')
        .orderBy('w.id', 'desc')
        .limit(f.limit + 1)
        .execute();
      const [counted, reached] = await Promise.all([
        filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
        filtered
          .innerJoin('workshop_participants as p', 'p.workshop_id', 'w.id')
          .select((eb) => eb.fn.sum('p.count').as('n'))
          .executeTakeFirst(),
      ]);
      const items = rows.slice(0, f.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          id: row.id,
          kind: row.kind as WorkshopKind,
          title: row.title,
          heldOn: row.held_on,
          state: row.state,
          municipality: row.municipality,
          topic: row.topic as WorkshopTopic,
          otherTopic: row.other_topic,
          language: row.language,
          participantTotal: asCount(row.participant_total),
          materialCount: asCount(row.material_count),
        })),
        totals: { workshops: asCount(counted?.n), participants: asCount(reached?.n) },
        nextCursor: rows.length > f.limit && last ? writeCursor(last.held_on, last.id) : null,
      };
    },
  );

  r.post(
    '/workshops',
    {
      schema: {
        tags: ['workshops'],
        body: workshopInput,
        response: { 201: workshopView, ...workshopErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireWorkshopStaff(actor);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const id = uuidv7();
        const now = nowIso();
        const row = {
          id,
          org_id: actor.orgId,
          ...workshopColumns(input),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        await trx.insertInto('workshops').values(row).execute();
        await writeParticipants(trx, id, input.participants);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'workshop.create',
          entityType: 'workshop',
          entityId: id,
          fields: Object.keys(input),
        });
        return presentWorkshop(trx, row);
      });
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/workshops/:id',
    {
      schema: {
        tags: ['workshops'],
        params: workshopParams,
        response: { 200: workshopView, ...workshopErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) =>
        presentWorkshop(trx, await findWorkshop(trx, actor, request.params.id)),
      );
    },
  );

  r.put(
    '/workshops/:id',
    {
      schema: {
        tags: ['workshops'],
        description:
          'The whole workshop again, with the `version` it was read at (409 when it changed since).',
        params: workshopParams,
        body: workshopUpdateInput,
        response: { 200: workshopView, ...workshopErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const { version, ...input } = request.body;
      return inTransaction(ctx, async (trx) => {
        const row = await findWorkshop(trx, actor, request.params.id);
        if (row.version !== version) throw stale();
        const changed = changedFields(row, await readParticipants(trx, row.id), input);
        if (!changed.length) return presentWorkshop(trx, row);
        const columns = workshopColumns(input);
        const now = nowIso();
        const updated = await trx
          .updateTable('workshops')
          .set({ ...columns, updated_at: now, version: row.version + 1 })
          .where('id', '=', row.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw stale();
        if (changed.includes('participants')) await writeParticipants(trx, row.id, input.participants);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'workshop.update',
          entityType: 'workshop',
          entityId: row.id,
          fields: changed,
        });
        return presentWorkshop(trx, { ...row, ...columns, updated_at: now, version: row.version + 1 });
      });
    },
  );

  r.delete(
    '/workshops/:id',
    {
      schema: {
        tags: ['workshops'],
        params: workshopParams,
        response: { 204: z.null(), ...workshopErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const row = await findWorkshop(trx, actor, request.params.id);
        await trx.deleteFrom('workshop_materials').where('workshop_id', '=', row.id).execute();
        await trx.deleteFrom('workshop_participants').where('workshop_id', '=', row.id).execute();
        const deleted = await trx.deleteFrom('workshops').where('id', '=', row.id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'workshop.delete',
          entityType: 'workshop',
          entityId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );

  registerWorkshopMaterialRoutes(app, ctx);
}
