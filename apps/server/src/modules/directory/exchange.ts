/**
 * The directory in Open Referral HSDS 3.0: export as an HSDS page of
 * `service` documents, import of such documents. An import is checked whole
 * before anything is written — every document against the official schema,
 * then against Senda's rules and who keeps what — and either everything is
 * written in one transaction or nothing is, with every error named by
 * document and path. What a document holds that Senda has no field for comes
 * back as warnings. A confidential location is exported without its address,
 * coordinates and phone unless the caller may see all of a service's
 * confidential locations.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldError } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, invalid } from '../../http/errors.js';
import { toHsdsService } from './hsds-export.js';
import { fromHsdsService, type HsdsImport } from './hsds-import.js';
import type { HsdsService } from './hsds-map.js';
import { validateHsds } from './hsds.js';
import { locationColumns } from './locations.js';
import { serviceRows, withOrg, writeService } from './services.js';
import { canEdit, presentServices, requireReader, directoryErrors } from './store.js';

/** At most this many documents per import request. */
export const MAX_IMPORT_DOCUMENTS = 500;

const importBody = z.strictObject({
  /** HSDS `service` documents (the `contents` of an HSDS page, or a list). */
  contents: z.array(z.unknown()).min(1).max(MAX_IMPORT_DOCUMENTS),
});
const importAnswer = z.object({
  imported: z.object({ organizations: z.number(), services: z.number(), locations: z.number() }),
  warnings: z.array(
    z.object({ document: z.number(), code: z.string(), path: z.string(), field: z.string() }),
  ),
});

/** Write one imported organization, its locations and its service; the caller's organization keeps what it creates. */
async function apply(ctx: AppContext, trx: Db, actor: Actor, record: HsdsImport) {
  const now = nowIso();
  const { id: orgId, ...org } = record.organization;
  const existing = await trx
    .selectFrom('dir_organizations')
    .select('id')
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (existing)
    await trx
      .updateTable('dir_organizations')
      .set({ ...org, updated_at: now })
      .where('id', '=', orgId)
      .execute();
  else
    await trx
      .insertInto('dir_organizations')
      .values({
        id: orgId,
        maintainer_org_id: actor.orgId,
        senda_org_id: null,
        ...org,
        created_at: now,
        updated_at: now,
      })
      .execute();
  for (const location of record.locations) {
    const { id, organization_id: _org, ...fields } = location;
    const cols = locationColumns(ctx, id, fields);
    const found = await trx.selectFrom('dir_locations').select('id').where('id', '=', id).executeTakeFirst();
    if (found) await trx.updateTable('dir_locations').set(cols).where('id', '=', id).execute();
    else
      await trx
        .insertInto('dir_locations')
        .values({ id, organization_id: orgId, ...cols, created_at: now })
        .execute();
  }
  const { id: serviceId, organization_id: _o, ...service } = record.service;
  const found = await trx
    .selectFrom('dir_services')
    .select('id')
    .where('id', '=', serviceId)
    .executeTakeFirst();
  await writeService(trx, serviceId, service, orgId, !found);
}

/** Who keeps what an import would change: entries kept by another organization are not the caller's to change. */
async function ownershipErrors(trx: Db, actor: Actor, records: HsdsImport[]): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  for (const [i, record] of records.entries()) {
    const checks: [string, string | undefined][] = [['/organization', record.organization.id]];
    const service = await trx
      .selectFrom('dir_services')
      .select('organization_id')
      .where('id', '=', record.service.id)
      .executeTakeFirst();
    if (service && service.organization_id !== record.organization.id)
      fields.push({ path: `contents.${i}`, code: 'not_yours' });
    checks.push(['', service?.organization_id]);
    for (const l of record.locations) {
      const location = await trx
        .selectFrom('dir_locations')
        .select('organization_id')
        .where('id', '=', l.id)
        .executeTakeFirst();
      if (location && location.organization_id !== record.organization.id)
        fields.push({ path: `contents.${i}/service_at_locations`, code: 'not_yours' });
    }
    if (record.service.referral_method === 'senda') {
      const org = await trx
        .selectFrom('dir_organizations')
        .select('senda_org_id')
        .where('id', '=', record.organization.id)
        .executeTakeFirst();
      if (!org?.senda_org_id) fields.push({ path: `contents.${i}`, code: 'referral_not_on_senda' });
    }
    for (const [path, orgId] of checks) {
      if (!orgId) continue;
      const org = await trx
        .selectFrom('dir_organizations')
        .select('maintainer_org_id')
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (org && !canEdit(actor, org)) fields.push({ path: `contents.${i}${path}`, code: 'not_yours' });
    }
  }
  return fields;
}

export function registerExchangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/hsds/services',
    { schema: { tags: ['directory'], response: { 200: z.looseObject({}), ...directoryErrors } } },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      return inTransaction(ctx, async (trx) => {
        const rows = (await serviceRows(trx).orderBy('s.name').orderBy('s.id').execute()).map(withOrg);
        const views = await presentServices(ctx, request.log, trx, actor, rows);
        const contents = views.map((view, i) => {
          const org = must(rows[i]).org;
          const { id, organization: _o, locations, updated_at: _u, ...service } = view;
          const revealConfidential = locations.every((l) => !l.details_hidden);
          return toHsdsService(
            { id, organization_id: org.id, ...service },
            {
              id: org.id,
              name: org.name,
              alternate_name: org.alternate_name,
              description: org.description,
              email: org.email,
              website: org.website,
            },
            locations.map((l) => ({
              ...l,
              address_1: l.address_1 ?? '',
              address_2: l.address_2 ?? '',
              postal_code: l.postal_code ?? '',
              phone: l.phone ?? '',
            })),
            { revealConfidential },
          );
        });
        return {
          total_items: contents.length,
          total_pages: 1,
          page_number: 1,
          size: contents.length,
          first_page: true,
          last_page: true,
          empty: contents.length === 0,
          contents,
        };
      });
    },
  );

  r.post(
    '/directory/hsds/import',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: { tags: ['directory'], body: importBody, response: { 200: importAnswer, ...directoryErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      if (actor.role !== 'admin' && actor.role !== 'coordinator') throw forbidden();
      const documents = request.body.contents;
      // 1. Every document against the official schema: every error, named by document and path.
      const schemaErrors: FieldError[] = documents.flatMap((doc, i) =>
        validateHsds('service', doc).map((e) => ({
          path: `contents.${i}${e.path}`,
          code: 'hsds_invalid',
          params: { rule: e.rule, detail: e.detail },
        })),
      );
      if (schemaErrors.length) throw invalid(schemaErrors);
      const records = documents.map((doc) => fromHsdsService(doc as HsdsService));
      return inTransaction(ctx, async (trx) => {
        // 2. Who keeps what: nothing is written while anything is wrong.
        const refused = await ownershipErrors(trx, actor, records);
        if (refused.length) throw invalid(refused);
        for (const record of records) await apply(ctx, trx, actor, record);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'directory.import',
          entityType: 'dir_organization',
          entityId: null,
          fields: ['contents'],
        });
        return {
          imported: {
            organizations: new Set(records.map((x) => x.organization.id)).size,
            services: records.length,
            locations: new Set(records.flatMap((x) => x.locations.map((l) => l.id))).size,
          },
          warnings: records.flatMap((x, document) => x.warnings.map((w) => ({ document, ...w }))),
        };
      });
    },
  );
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing row');
  return value;
}
