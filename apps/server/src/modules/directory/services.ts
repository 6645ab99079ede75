/**
 * The directory's services: search (by need, place, language and words),
 * reading, and changes by the organization that keeps the entry. A search
 * filters on facets written with each service (categories, languages, states
 * and folded municipalities served). Changes are audited by field names.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  directorySearchQuery,
  foldText,
  sentKeys,
  serviceInput,
  serviceIssues,
  serviceListView,
  serviceUpdateInput,
  serviceView,
  type Service,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { DirOrganizationsTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import {
  canEdit,
  findEditableOrganization,
  presentServices,
  requireReader,
  directoryErrors,
  idParams,
} from './store.js';

/** The facets a search filters on: categories, languages, states and municipalities served. */
function facetsOf(service: Pick<Service, 'categories' | 'languages' | 'service_areas'>) {
  const rows = new Map<string, { facet: string; value: string }>();
  const add = (facet: string, value: string) => rows.set(`${facet}|${value}`, { facet, value });
  for (const c of service.categories) add('category', c);
  for (const l of service.languages) add('language', l);
  for (const a of service.service_areas) {
    add('state', a.state);
    if (a.municipality) add('municipality', `${a.state}:${foldText(a.municipality)}`);
    else add('state_whole', a.state);
  }
  return [...rows.values()];
}

/** What the free-text search looks in: the service's names and description, and its organization's name. */
export function serviceSearchText(
  name: string,
  service: Pick<Service, 'alternate_name' | 'description'>,
  organizationName: string,
): string {
  return foldText([name, service.alternate_name, service.description, organizationName].join(' '));
}

/** After an organization's name changes, its services are found by the new one. */
export async function refreshSearchText(trx: Db, orgId: string, organizationName: string): Promise<void> {
  const rows = await trx
    .selectFrom('dir_services')
    .select(['id', 'name', 'record'])
    .where('organization_id', '=', orgId)
    .execute();
  for (const row of rows) {
    const record = JSON.parse(row.record) as Pick<Service, 'alternate_name' | 'description'>;
    await trx
      .updateTable('dir_services')
      .set({ search_text: serviceSearchText(row.name, record, organizationName) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function writeService(trx: Db, id: string, service: Service, orgId: string, created: boolean) {
  const { location_ids, name, status, ...rest } = service;
  const org = await trx
    .selectFrom('dir_organizations')
    .select(['name', 'senda_org_id'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  if (rest.referral_method === 'senda' && org.senda_org_id === null)
    throw invalid([{ path: 'referral_method', code: 'referral_not_on_senda' }]);
  const owned = location_ids.length
    ? await trx
        .selectFrom('dir_locations')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('id', 'in', location_ids)
        .execute()
    : [];
  const missing = location_ids.findIndex((l) => !owned.some((o) => o.id === l));
  if (missing >= 0) throw invalid([{ path: `location_ids.${missing}`, code: 'location_not_found' }]);
  const now = nowIso();
  const values = {
    name,
    status,
    record: JSON.stringify(rest),
    search_text: serviceSearchText(name, rest, org.name),
    updated_at: now,
  };
  if (created)
    await trx
      .insertInto('dir_services')
      .values({ id, organization_id: orgId, ...values, created_at: now })
      .execute();
  else await trx.updateTable('dir_services').set(values).where('id', '=', id).execute();
  await trx.deleteFrom('dir_service_facets').where('service_id', '=', id).execute();
  const facets = facetsOf(service);
  if (facets.length)
    await trx
      .insertInto('dir_service_facets')
      .values(facets.map((f) => ({ service_id: id, ...f })))
      .execute();
  await trx.deleteFrom('dir_service_at_location').where('service_id', '=', id).execute();
  if (location_ids.length)
    await trx
      .insertInto('dir_service_at_location')
      .values(location_ids.map((l) => ({ service_id: id, location_id: l })))
      .execute();
}

export function serviceRows(trx: Db) {
  return trx
    .selectFrom('dir_services as s')
    .innerJoin('dir_organizations as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select([
      'o.id as o_id',
      'o.maintainer_org_id',
      'o.senda_org_id',
      'o.name as o_name',
      'o.alternate_name as o_alternate_name',
      'o.description as o_description',
      'o.email as o_email',
      'o.website as o_website',
      'o.created_at as o_created_at',
      'o.updated_at as o_updated_at',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof serviceRows>['execute']>>[number];
export const withOrg = (r: JoinedRow) => {
  const org: DirOrganizationsTable = {
    id: r.o_id,
    maintainer_org_id: r.maintainer_org_id,
    senda_org_id: r.senda_org_id,
    name: r.o_name,
    alternate_name: r.o_alternate_name,
    description: r.o_description,
    email: r.o_email,
    website: r.o_website,
    created_at: r.o_created_at,
    updated_at: r.o_updated_at,
  };
  return { ...r, org };
};

/** A page's end, as an opaque cursor: the name and id of its last service (keyset paging, stable under inserts). */
const writeCursor = (name: string, id: string) =>
  Buffer.from(JSON.stringify([name, id])).toString('base64url');
function readCursor(cursor: string): { name: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string')
      return { name: value[0], id: value[1] };
  } catch {
    // Not a cursor of ours.
  }
  return null;
}

export function registerDirectoryServiceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function oneService(trx: Db, actor: Actor, id: string, log: Parameters<typeof presentServices>[1]) {
    const row = await serviceRows(trx).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const [view] = await presentServices(ctx, log, trx, actor, [withOrg(row)]);
    if (!view) throw notFound();
    return view;
  }

  r.get(
    '/directory/services',
    {
      schema: {
        tags: ['directory'],
        querystring: directorySearchQuery,
        response: { 200: serviceListView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const f = request.query;
      if (f.municipality && !f.state)
        throw invalid([{ path: 'municipality', code: 'municipality_without_state' }]);
      return inTransaction(ctx, async (trx) => {
        const facet = (name: string, value: string) =>
          trx
            .selectFrom('dir_service_facets as f')
            .select('f.service_id')
            .where('f.facet', '=', name)
            .where('f.value', '=', value);
        let q = serviceRows(trx);
        if (f.need) q = q.where('s.id', 'in', facet('category', f.need));
        if (f.language) q = q.where('s.id', 'in', facet('language', f.language));
        if (f.state && f.municipality) {
          const place = `${f.state}:${foldText(f.municipality)}`;
          const state = f.state;
          q = q.where((eb) =>
            eb.or([
              eb('s.id', 'in', facet('state_whole', state)),
              eb('s.id', 'in', facet('municipality', place)),
            ]),
          );
        } else if (f.state) q = q.where('s.id', 'in', facet('state', f.state));
        if (f.organization) q = q.where('s.organization_id', '=', f.organization);
        if (f.q) q = q.where('s.search_text', 'like', `%${foldText(f.q).replace(/[%_\\]/g, '')}%`);
        const after = f.cursor ? readCursor(f.cursor) : null;
        if (f.cursor && !after) throw invalid([{ path: 'cursor', code: 'invalid' }]);
        if (after)
          q = q.where((eb) =>
            eb.or([
              eb('s.name', '>', after.name),
              eb.and([eb('s.name', '=', after.name), eb('s.id', '>', after.id)]),
            ]),
          );
        const rows = await q
          .orderBy('s.name')
          .orderBy('s.id')
          .limit(f.limit + 1)
          .execute();
        const page = rows.slice(0, f.limit);
        const last = page.at(-1);
        return {
          items: await presentServices(ctx, request.log, trx, actor, page.map(withOrg)),
          nextCursor: rows.length > f.limit && last ? writeCursor(last.name, last.id) : null,
        };
      });
    },
  );

  r.get(
    '/directory/services/:id',
    { schema: { tags: ['directory'], params: idParams, response: { 200: serviceView, ...directoryErrors } } },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, (trx) => oneService(trx, actor, request.params.id, request.log));
    },
  );

  r.post(
    '/directory/organizations/:id/services',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: serviceInput,
        response: { 201: serviceView, ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      const view = await inTransaction(ctx, async (trx) => {
        const org = await findEditableOrganization(trx, actor, request.params.id);
        const id = uuidv7();
        await writeService(trx, id, request.body, org.id, true);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.service.create',
          entityType: 'dir_service',
          entityId: id,
          fields: Object.keys(request.body),
        });
        return oneService(trx, actor, id, request.log);
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/directory/services/:id',
    {
      schema: {
        tags: ['directory'],
        params: idParams,
        body: serviceUpdateInput,
        response: { 200: serviceView, ...directoryErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const change = sentKeys(request.body, request.bodyKeys);
      return inTransaction(ctx, async (trx) => {
        const current = await oneService(trx, actor, request.params.id, request.log);
        if (!current.organization.can_edit) throw forbidden();
        const {
          id: _id,
          organization: _org,
          locations: _locations,
          updated_at: _updated,
          ...fields
        } = current;
        const next = { ...fields, ...change };
        const issues = serviceIssues(next);
        if (issues.length) throw invalid(issues);
        await writeService(trx, current.id, next, current.organization.id, false);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.service.update',
          entityType: 'dir_service',
          entityId: current.id,
          fields: Object.keys(change),
        });
        return oneService(trx, actor, current.id, request.log);
      });
    },
  );

  r.delete(
    '/directory/services/:id',
    { schema: { tags: ['directory'], params: idParams, response: { 204: z.null(), ...directoryErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      await inTransaction(ctx, async (trx) => {
        const row = await serviceRows(trx).where('s.id', '=', request.params.id).executeTakeFirst();
        if (!row) throw notFound();
        if (!canEdit(actor, withOrg(row).org)) throw forbidden();
        await trx.deleteFrom('dir_services').where('id', '=', row.id).execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.service.delete',
          entityType: 'dir_service',
          entityId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
