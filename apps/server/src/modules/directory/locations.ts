/**
 * Locations of the directory, and the users a confidential location names.
 * Street address, postal code, coordinates and phone are sealed at rest and
 * shown by the rule in store.ts; naming a user (of any organization, by her
 * e-mail) or removing her is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  locationAccessInput,
  locationAccessView,
  locationInput,
  locationListView,
  locationView,
  type DirectoryLocation,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import {
  canEdit,
  detailsAad,
  findEditableOrganization,
  findOrganization,
  loadLocations,
  requireReader,
  type SealedDetails,
  directoryErrors,
  idParams,
} from './store.js';

const accessParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });

export function locationColumns(ctx: AppContext, id: string, l: DirectoryLocation) {
  const details: SealedDetails = {
    address_1: l.address_1,
    address_2: l.address_2,
    postal_code: l.postal_code,
    latitude: l.latitude,
    longitude: l.longitude,
    phone: l.phone,
  };
  return {
    name: l.name,
    description: l.description,
    location_type: l.location_type,
    city: l.city,
    state_province: l.state_province,
    country: l.country,
    confidential: l.confidential ? 1 : 0,
    confidential_contact: l.confidential_contact,
    details_enc: ctx.cipher.encrypt(JSON.stringify(details), detailsAad(id)),
    updated_at: nowIso(),
  };
}

/** A location, with its organization, for a change by someone who may make it. */
async function editableLocation(trx: Db, actor: Actor, id: string) {
  const row = await trx.selectFrom('dir_locations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const org = await findOrganization(trx, row.organization_id);
  if (!canEdit(actor, org)) throw forbidden();
  // A confidential location is changed only by those who see its address (an installation admin of
  // another organization does not): a change made blind would overwrite what it cannot see.
  const own = org.maintainer_org_id === actor.orgId || org.senda_org_id === actor.orgId;
  if (row.confidential === 1 && !own) throw forbidden();
  return row;
}

export function registerLocationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function one(trx: Db, actor: Actor, id: string, log: Parameters<typeof loadLocations>[1]) {
    const [view] = await loadLocations(ctx, log, trx, actor, { ids: [id] });
    if (!view) throw notFound();
    return view;
  }

  r.get(
    '/directory/organizations/:id/locations',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        response: { 200: locationListView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const org = await findOrganization(trx, request.params.id);
        return { items: await loadLocations(ctx, request.log, trx, actor, { organizationId: org.id }) };
      });
    },
  );

  r.get(
    '/directory/locations/:id',
    {
      schema: { tags: ['directory'], params: idParams, response: { 200: locationView, ...directoryErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, (trx) => one(trx, actor, request.params.id, request.log));
    },
  );

  r.post(
    '/directory/organizations/:id/locations',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: locationInput,
        response: { 201: locationView, ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      const view = await inTransaction(ctx, async (trx) => {
        const org = await findEditableOrganization(trx, actor, request.params.id);
        const id = uuidv7();
        await trx
          .insertInto('dir_locations')
          .values({
            id,
            organization_id: org.id,
            ...locationColumns(ctx, id, request.body),
            created_at: nowIso(),
          })
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.location.create',
          entityType: 'dir_location',
          entityId: id,
          fields: Object.keys(request.body),
        });
        return one(trx, actor, id, request.log);
      });
      return reply.code(201).send(view);
    },
  );

  r.put(
    '/directory/locations/:id',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: locationInput,
        response: { 200: locationView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await editableLocation(trx, actor, request.params.id);
        await trx
          .updateTable('dir_locations')
          .set(locationColumns(ctx, row.id, request.body))
          .where('id', '=', row.id)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.location.update',
          entityType: 'dir_location',
          entityId: row.id,
          fields: Object.keys(request.body),
        });
        return one(trx, actor, row.id, request.log);
      });
    },
  );

  r.delete(
    '/directory/locations/:id',
    { schema: { tags: ['directory'], params: idParams, response: { 204: z.null(), ...directoryErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      await inTransaction(ctx, async (trx) => {
        const row = await editableLocation(trx, actor, request.params.id);
        await trx.deleteFrom('dir_locations').where('id', '=', row.id).execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.location.delete',
          entityType: 'dir_location',
          entityId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/directory/locations/:id/access',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        response: { 200: locationAccessView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const row = await editableLocation(trx, actor, request.params.id);
        const items = await trx
          .selectFrom('dir_location_access as a')
          .innerJoin('users as u', 'u.id', 'a.user_id')
          .innerJoin('organizations as o', 'o.id', 'u.org_id')
          .select(['a.user_id', 'u.display_name', 'o.name as organization', 'a.granted_at'])
          .where('a.location_id', '=', row.id)
          .orderBy('a.granted_at')
          .execute();
        return { items };
      });
    },
  );

  r.post(
    '/directory/locations/:id/access',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: locationAccessInput,
        response: { 204: z.null(), ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      await inTransaction(ctx, async (trx) => {
        const row = await editableLocation(trx, actor, request.params.id);
        const user = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', request.body.email.trim().toLowerCase())
          .where('active', '=', 1)
          .executeTakeFirst();
        if (!user) throw invalid([{ path: 'email', code: 'user_not_found' }]);
        const exists = await trx
          .selectFrom('dir_location_access')
          .select('user_id')
          .where('location_id', '=', row.id)
          .where('user_id', '=', user.id)
          .executeTakeFirst();
        if (!exists)
          await trx
            .insertInto('dir_location_access')
            .values({ location_id: row.id, user_id: user.id, granted_by: actor.userId, granted_at: nowIso() })
            .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.location.grant',
          entityType: 'dir_location',
          entityId: row.id,
          fields: ['userId'],
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/directory/locations/:id/access/:userId',
    {
      schema: { tags: ['directory'], params: accessParams, response: { 204: z.null(), ...directoryErrors } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      await inTransaction(ctx, async (trx) => {
        const row = await editableLocation(trx, actor, request.params.id);
        await trx
          .deleteFrom('dir_location_access')
          .where('location_id', '=', row.id)
          .where('user_id', '=', request.params.userId)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.location.revoke',
          entityType: 'dir_location',
          entityId: row.id,
          fields: ['userId'],
        });
      });
      return reply.code(204).send(null);
    },
  );
}
