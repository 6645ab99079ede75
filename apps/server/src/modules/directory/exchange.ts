/**
 * The directory exported in Open Referral HSDS 3.0: as an HSDS page of
 * `service` documents (JSON), or in HSDS's tabular form (a ZIP of CSV files).
 * A confidential location is exported without its address, coordinates and
 * phone unless the caller may see all of a service's confidential locations.
 * Imports: import.ts.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { toHsdsService } from './hsds-export.js';
import { dataPackage, tableCsv, TABLE_FILES, toTables } from './hsds-tabular.js';
import { serviceRows, withOrg } from './services.js';
import { presentServices, requireReader, directoryErrors } from './store.js';
import { sendAttachment } from '../../http/files.js';

/** Every service of the directory as an HSDS `service` document, confidential details as the caller may see them. */
async function exportContents(ctx: AppContext, trx: Db, actor: Actor, log: FastifyBaseLogger) {
  const rows = (await serviceRows(trx).orderBy('s.name').orderBy('s.id').execute()).map(withOrg);
  const views = await presentServices(ctx, log, trx, actor, rows);
  return views.map((view, i) => {
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
}

export function registerExchangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/hsds/services',
    { schema: { tags: ['directory'], response: { 200: z.looseObject({}), ...directoryErrors } } },
    async (request) => {
      const actor = actorOf(request);
      requireReader(actor);
      const contents = await inTransaction(ctx, (trx) => exportContents(ctx, trx, actor, request.log));
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
    },
  );

  r.get(
    '/directory/hsds/tabular',
    {
      schema: {
        tags: ['directory'],
        description:
          'The directory in HSDS 3.0 tabular form: a ZIP of one CSV file per table and a data package.',
        response: { ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      const contents = await inTransaction(ctx, (trx) => exportContents(ctx, trx, actor, request.log));
      const tables = toTables(contents as unknown as Record<string, unknown>[]);
      const files: Record<string, Uint8Array> = { 'datapackage.json': strToU8(dataPackage()) };
      for (const file of TABLE_FILES) files[file] = strToU8(tableCsv(file, tables[file] ?? []));
      return sendAttachment(
        reply,
        'application/zip',
        'senda-directorio-hsds.zip',
        Buffer.from(zipSync(files)),
      );
    },
  );
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing row');
  return value;
}
