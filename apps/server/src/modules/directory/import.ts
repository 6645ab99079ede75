/**
 * Importing HSDS 3.0 into the directory: `service` documents (JSON), or the
 * tabular form (CSV files, or a ZIP of them) turned into the same documents.
 * An import is checked whole before anything is written — every document
 * against the official schema, then against Senda's rules and who keeps what —
 * and either everything is written in one transaction or nothing is, with
 * every error named by document (or CSV row) and path. What a document holds
 * that Senda has no field for comes back as warnings.
 *
 * A large import can report its progress: asked with
 * `Accept: application/x-ndjson`, the answer is a stream of lines
 * `{"phase":"checking"|"writing","done":n,"total":n}` ending with
 * `{"result":…}` or `{"error":…}` (the same error body as any other answer).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strFromU8, unzipSync } from 'fflate';
import { z } from 'zod';
import { hsdsImportAnswer, type FieldError, type HsdsImportAnswer } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { AppError, forbidden, invalid } from '../../http/errors.js';
import { fromHsdsService, type HsdsImport } from './hsds-import.js';
import type { HsdsService } from './hsds-map.js';
import { fromTables, parseTables } from './hsds-tabular.js';
import { validateHsds } from './hsds.js';
import { locationColumns } from './locations.js';
import { writeService } from './services.js';
import { canEdit, directoryErrors, requireReader } from './store.js';

/** At most this many documents per import. */
export const MAX_IMPORT_DOCUMENTS = 5000;
const MAX_BYTES = 30 * 1024 * 1024;

const importBody = z.union([
  /** HSDS `service` documents (the `contents` of an HSDS page, or a list). */
  z.strictObject({ contents: z.array(z.unknown()).min(1).max(MAX_IMPORT_DOCUMENTS) }),
  /** The tabular form: CSV texts by file name (services.csv, organizations.csv…). */
  z.strictObject({ tables: z.record(z.string().max(200), z.string().max(MAX_BYTES)) }),
  /** The tabular form as a ZIP file, base64-encoded. */
  z.strictObject({ zip: z.base64().max(MAX_BYTES) }),
]);
type ImportBody = z.infer<typeof importBody>;

type ImportAnswer = HsdsImportAnswer;
type Progress = (phase: 'checking' | 'writing', done: number, total: number) => void;

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

/** Who keeps what one record would change: entries kept by another organization are not the caller's to change. */
async function ownershipErrors(trx: Db, actor: Actor, record: HsdsImport, at: string): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const checks: [string, string | undefined][] = [['/organization', record.organization.id]];
  const service = await trx
    .selectFrom('dir_services')
    .select('organization_id')
    .where('id', '=', record.service.id)
    .executeTakeFirst();
  if (service && service.organization_id !== record.organization.id)
    fields.push({ path: at, code: 'not_yours' });
  checks.push(['', service?.organization_id]);
  for (const l of record.locations) {
    const location = await trx
      .selectFrom('dir_locations')
      .select('organization_id')
      .where('id', '=', l.id)
      .executeTakeFirst();
    if (location && location.organization_id !== record.organization.id)
      fields.push({ path: `${at}/service_at_locations`, code: 'not_yours' });
  }
  if (record.service.referral_method === 'senda') {
    const org = await trx
      .selectFrom('dir_organizations')
      .select('senda_org_id')
      .where('id', '=', record.organization.id)
      .executeTakeFirst();
    if (!org?.senda_org_id) fields.push({ path: at, code: 'referral_not_on_senda' });
  }
  for (const [path, orgId] of checks) {
    if (!orgId) continue;
    const org = await trx
      .selectFrom('dir_organizations')
      .select('maintainer_org_id')
      .where('id', '=', orgId)
      .executeTakeFirst();
    if (org && !canEdit(actor, org)) fields.push({ path: `${at}${path}`, code: 'not_yours' });
  }
  return fields;
}

const tableError = (path: string, detail: string): FieldError => ({
  path: `tables.${path}`,
  code: 'hsds_invalid',
  params: { rule: 'tabular', detail },
});

/** The body as service documents, and how to name each one in an error (`contents.3`, `services.csv:5`). */
function documentsOf(body: ImportBody): { documents: unknown[]; label: (i: number) => string } {
  if ('contents' in body) return { documents: body.contents, label: (i) => `contents.${i}` };
  let files: Record<string, string>;
  if ('zip' in body) {
    try {
      let total = 0;
      const entries = unzipSync(Buffer.from(body.zip, 'base64'), {
        filter: (f) => {
          total += f.originalSize;
          if (total > MAX_BYTES) throw new Error('too large');
          return !f.name.endsWith('/') && !f.name.startsWith('__MACOSX');
        },
      });
      files = Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
    } catch {
      throw invalid([tableError('zip', 'the ZIP file cannot be read')]);
    }
  } else files = body.tables;
  const { tables, errors } = parseTables(files);
  if (errors.length) throw invalid(errors.map((e) => tableError(e.path, e.detail)));
  const documents = fromTables(tables);
  if (documents.length === 0) throw invalid([tableError('services.csv', 'no services')]);
  if (documents.length > MAX_IMPORT_DOCUMENTS)
    throw invalid([tableError('services.csv', 'too many services')]);
  // Row 1 is the header: the first service is on line 2.
  return { documents, label: (i) => `tables.services.csv:${i + 2}` };
}

async function runImport(
  ctx: AppContext,
  actor: Actor,
  body: ImportBody,
  progress: Progress,
): Promise<ImportAnswer> {
  const { documents, label } = documentsOf(body);
  const total = documents.length;
  const step = Math.max(1, Math.floor(total / 50));
  // 1. Every document against the official schema: every error, named by document and path.
  const schemaErrors: FieldError[] = [];
  for (const [i, doc] of documents.entries()) {
    for (const e of validateHsds('service', doc))
      schemaErrors.push({
        path: `${label(i)}${e.path}`,
        code: 'hsds_invalid',
        params: { rule: e.rule, detail: e.detail },
      });
    if (i % step === 0) progress('checking', i, total);
  }
  if (schemaErrors.length) throw invalid(schemaErrors);
  const records = documents.map((doc) => fromHsdsService(doc as HsdsService));
  return inTransaction(ctx, async (trx) => {
    // 2. Who keeps what: nothing is written while anything is wrong.
    const refused: FieldError[] = [];
    for (const [i, record] of records.entries())
      refused.push(...(await ownershipErrors(trx, actor, record, label(i))));
    if (refused.length) throw invalid(refused);
    for (const [i, record] of records.entries()) {
      await apply(ctx, trx, actor, record);
      if (i % step === 0) progress('writing', i, total);
    }
    progress('writing', total, total);
    await auditAct(trx, ctx.dialect, actor, {
      action: 'directory.import',
      entityType: 'dir_organization',
      entityId: null,
      fields: [Object.keys(body)[0] ?? 'contents'],
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
}

/** The progress stream (the route's schema describes the plain answer). */
function streamLines(reply: FastifyReply, stream: PassThrough) {
  return reply
    .header('content-type', 'application/x-ndjson')
    .header('cache-control', 'no-store')
    .send(stream);
}

export function registerImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/directory/hsds/import',
    {
      bodyLimit: 45 * 1024 * 1024,
      schema: {
        tags: ['directory'],
        body: importBody,
        response: { 200: hsdsImportAnswer, ...directoryErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireReader(actor);
      if (actor.role !== 'admin' && actor.role !== 'coordinator') throw forbidden();
      if (!(request.headers.accept ?? '').includes('application/x-ndjson'))
        return runImport(ctx, actor, request.body, () => undefined);
      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      runImport(ctx, actor, request.body, (phase, done, total) => line({ phase, done, total }))
        .then((result) => line({ result }))
        .catch((error: unknown) => {
          if (error instanceof AppError)
            line({ error: { code: error.code, message: error.message, fields: error.fields } });
          else {
            request.log.error(
              { err: error instanceof Error ? { message: error.message } : {} },
              'import failed',
            );
            line({ error: { code: 'internal', message: 'The import failed; nothing was written' } });
          }
        })
        .finally(() => stream.end());
      return streamLines(reply, stream);
    },
  );
}
