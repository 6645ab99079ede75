/**
 * The directory's organizations. Each organization keeps its own entry (PUT
 * /directory/own-organization) and may add entries for organizations outside
 * Senda that it refers to; it alone changes what it keeps. Changes are
 * audited by field names.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import {
  directoryOrganizationInput,
  directoryOrganizationListView,
  directoryOrganizationView,
  sentKeys,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import {
  findEditableOrganization,
  findOrganization,
  presentOrganization,
  requireReader,
  directoryErrors,
  idParams,
} from './store.js';
import { refreshSearchText } from './services.js';

export function registerDirectoryOrganizationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/organizations',
    { schema: { tags: ['directory'], response: { 200: directoryOrganizationListView, ...directoryErrors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const rows = await ctx.db
        .selectFrom('dir_organizations')
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .execute();
      return { items: rows.map((row) => presentOrganization(actor, row)) };
    },
  );

  r.put(
    '/directory/own-organization',
    {
      schema: {
        tags: ['directory'],
        body: directoryOrganizationInput,
        response: { 200: directoryOrganizationView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin' && actor.role !== 'coordinator') throw forbidden();
      return inTransaction(ctx, async (trx) => {
        const now = nowIso();
        const current = await trx
          .selectFrom('dir_organizations')
          .selectAll()
          .where('senda_org_id', '=', actor.orgId)
          .executeTakeFirst();
        const id = current?.id ?? uuidv7();
        if (current)
          await trx
            .updateTable('dir_organizations')
            .set({ ...request.body, updated_at: now })
            .where('id', '=', id)
            .execute();
        else
          await trx
            .insertInto('dir_organizations')
            .values({
              id,
              maintainer_org_id: actor.orgId,
              senda_org_id: actor.orgId,
              ...request.body,
              created_at: now,
              updated_at: now,
            })
            .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: current ? 'directory.organization.update' : 'directory.organization.create',
          entityType: 'dir_organization',
          entityId: id,
          fields: Object.keys(request.body),
        });
        const saved = await findOrganization(trx, id);
        await refreshSearchText(trx, id, saved.name);
        return presentOrganization(actor, saved);
      });
    },
  );

  r.post(
    '/directory/organizations',
    {
      schema: {
        tags: ['directory'],
        body: directoryOrganizationInput,
        response: { 201: directoryOrganizationView, ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin' && actor.role !== 'coordinator') throw forbidden();
      const view = await inTransaction(ctx, async (trx) => {
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('dir_organizations')
          .values({
            id,
            maintainer_org_id: actor.orgId,
            senda_org_id: null,
            ...request.body,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.organization.create',
          entityType: 'dir_organization',
          entityId: id,
          fields: Object.keys(request.body),
        });
        return presentOrganization(actor, await findOrganization(trx, id));
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/directory/organizations/:id',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: directoryOrganizationInput.partial(),
        response: { 200: directoryOrganizationView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const change = sentKeys(request.body, request.bodyKeys);
      return inTransaction(ctx, async (trx) => {
        const org = await findEditableOrganization(trx, actor, request.params.id);
        await trx
          .updateTable('dir_organizations')
          .set({ ...change, updated_at: nowIso() })
          .where('id', '=', org.id)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.organization.update',
          entityType: 'dir_organization',
          entityId: org.id,
          fields: Object.keys(change),
        });
        const saved = await findOrganization(trx, org.id);
        await refreshSearchText(trx, org.id, saved.name);
        return presentOrganization(actor, saved);
      });
    },
  );
}
