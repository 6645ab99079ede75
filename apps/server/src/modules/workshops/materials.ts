/**
 * Files kept with a workshop (its programme, the presentation, photos of the
 * room): uploaded as multipart/form-data (one file named `file`, nothing
 * else), typed from their first bytes and kept only when of the types
 * accepted for case documents, within the same size limit; served as
 * attachments. They are not personal data, but their names never go into the
 * logs. Uploads and removals are audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import contentDisposition from 'content-disposition';
import { fileTypeFromBuffer } from 'file-type';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { ALLOWED_DOCUMENT_TYPES, workshopMaterialView } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { readUpload } from '../documents/routes.js';
import { findWorkshop, materialParams, presentMaterial, workshopErrors, workshopParams } from './store.js';

const uploadErrors = { ...workshopErrors, 413: workshopErrors[400], 415: workshopErrors[400] };

export function registerWorkshopMaterialRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/workshops/:id/materials',
    {
      config: { multipart: true },
      schema: {
        tags: ['workshops'],
        description: 'multipart/form-data: one `file`, nothing else.',
        consumes: ['multipart/form-data'],
        params: workshopParams,
        response: { 201: workshopMaterialView, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // The workshop first: a stranger learns nothing about the upload rules.
      await inTransaction(ctx, (trx) => findWorkshop(trx, actor, request.params.id));
      const upload = await readUpload(request, ctx.config.maxUploadBytes);
      const extra = Object.keys(upload.fields);
      if (extra.length) throw invalid(extra.map((path) => ({ path, code: 'unknown_field' })));
      const { file } = upload;
      if (!file) throw invalid([{ path: 'file', code: 'file_required' }]);
      if (file.buffer.length === 0) throw invalid([{ path: 'file', code: 'file_empty' }]);
      const detected = await fileTypeFromBuffer(file.buffer);
      if (!detected || !(detected.mime in ALLOWED_DOCUMENT_TYPES))
        throw new AppError(415, 'unsupported_media_type', 'This type of file is not accepted', [
          { path: 'file', code: 'file_type_not_allowed' },
        ]);
      const id = uuidv7();
      const now = nowIso();
      const view = await inTransaction(ctx, async (trx) => {
        const workshop = await findWorkshop(trx, actor, request.params.id);
        await trx
          .insertInto('workshop_materials')
          .values({
            id,
            workshop_id: workshop.id,
            file_name: file.fileName,
            media_type: detected.mime,
            size: file.buffer.length,
            content: file.buffer,
            uploaded_by: actor.userId,
            created_at: now,
          })
          .execute();
        await trx.updateTable('workshops').set({ updated_at: now }).where('id', '=', workshop.id).execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'workshop.material.create',
          entityType: 'workshop_material',
          entityId: id,
          fields: ['file'],
        });
        return presentMaterial({
          id,
          file_name: file.fileName,
          media_type: detected.mime,
          size: file.buffer.length,
          display_name: actor.displayName,
          created_at: now,
        });
      });
      return reply.code(201).send(view);
    },
  );

  // Untyped route: the answer is the file's bytes, not JSON (the params are still validated).
  app.get(
    '/workshops/:id/materials/:materialId',
    {
      schema: {
        tags: ['workshops'],
        description: 'The file, as an attachment with its detected type.',
        params: materialParams,
        response: { ...workshopErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const params = request.params as z.infer<typeof materialParams>;
      const found = await inTransaction(ctx, async (trx) => {
        const workshop = await findWorkshop(trx, actor, params.id);
        const row = await trx
          .selectFrom('workshop_materials')
          .select(['id', 'file_name', 'media_type', 'content'])
          .where('id', '=', params.materialId)
          .where('workshop_id', '=', workshop.id)
          .executeTakeFirst();
        if (!row) throw notFound();
        return row;
      });
      const fallback = `material.${ALLOWED_DOCUMENT_TYPES[found.media_type] ?? 'bin'}`;
      return reply
        .header('content-type', found.media_type)
        .header('content-disposition', contentDisposition(found.file_name || fallback, { fallback }))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(found.content));
    },
  );

  r.delete(
    '/workshops/:id/materials/:materialId',
    {
      schema: {
        tags: ['workshops'],
        params: materialParams,
        response: { 204: z.null(), ...workshopErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const workshop = await findWorkshop(trx, actor, request.params.id);
        const deleted = await trx
          .deleteFrom('workshop_materials')
          .where('id', '=', request.params.materialId)
          .where('workshop_id', '=', workshop.id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await trx
          .updateTable('workshops')
          .set({ updated_at: nowIso() })
          .where('id', '=', workshop.id)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'workshop.material.delete',
          entityType: 'workshop_material',
          entityId: request.params.materialId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
