/**
 * Documents on a case. Upload is multipart/form-data (one file plus the
 * metadata fields); the type is decided from the file's first bytes, only the
 * allowed types are kept, the content is sealed in the database (reachable
 * from every instance) and served as an attachment with its real type. A kind
 * outside the caller's reach (medical, evidence) is simply not found. Every
 * list, upload, download and removal is audited.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import contentDisposition from 'content-disposition';
import { fileTypeFromBuffer } from 'file-type';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  ALLOWED_DOCUMENT_TYPES,
  ORG_WIDE_CASE_ROLES,
  documentKindsFor,
  documentMetadataInput,
  documentView,
  fieldErrorsFromIssues,
  type DocumentKind,
  type DocumentView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CaseDocumentsTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.js';
import { findVisibleCase, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';

const documentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });
const aad = (documentId: string, column: string) => `case_documents:${column}:${documentId}`;
const errors = { ...caseErrors, 413: caseErrors[400], 415: caseErrors[400] };

export interface Upload {
  fields: Record<string, string>;
  file: { buffer: Buffer; fileName: string } | null;
}

/** Read the multipart body: at most one file, within the size limit, and a few short fields. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart())
    throw new AppError(415, 'unsupported_media_type', 'Send the document as multipart/form-data');
  const upload: Upload = { fields: {}, file: null };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname !== 'file' || upload.file)
          throw invalid([{ path: part.fieldname, code: 'unknown_field' }]);
        upload.file = { buffer, fileName: part.filename.slice(0, 255) };
      } else {
        upload.fields[part.fieldname] = typeof part.value === 'string' ? part.value : '';
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'payload_too_large', 'The file is too large', [
        { path: 'file', code: 'file_too_large', params: { max: Math.round(maxBytes / 1024 / 1024) } },
      ]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError(413, 'payload_too_large', 'Too many parts in the form');
    throw new AppError(400, 'validation_failed', 'The form could not be read');
  }
  return upload;
}

interface ListedRow {
  id: string;
  kind: string;
  document_date: string | null;
  description_enc: string;
  file_name_enc: string;
  media_type: string;
  size: number;
  uploaded_by: string | null;
  uploader: string | null;
  created_at: string;
}

function listQuery(trx: Db, caseId: string, kinds: DocumentKind[]) {
  return trx
    .selectFrom('case_documents as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.kind',
      'd.document_date',
      'd.description_enc',
      'd.file_name_enc',
      'd.media_type',
      'd.size',
      'd.uploaded_by',
      'u.display_name as uploader',
      'd.created_at',
    ])
    .where('d.case_id', '=', caseId)
    .where('d.kind', 'in', kinds);
}

const canDelete = (actor: Actor, uploadedBy: string | null) =>
  ORG_WIDE_CASE_ROLES.includes(actor.role) || uploadedBy === actor.userId;

async function present(ctx: AppContext, actor: Actor, row: ListedRow): Promise<DocumentView> {
  const open = async (value: string, column: string) => {
    try {
      return await ctx.cipher.decrypt(value, aad(row.id, column));
    } catch {
      return '';
    }
  };
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    documentDate: row.document_date,
    description: await open(row.description_enc, 'description'),
    fileName: await open(row.file_name_enc, 'file_name'),
    mediaType: row.media_type,
    size: row.size,
    uploadedBy: row.uploader,
    createdAt: row.created_at,
    canDelete: canDelete(actor, row.uploaded_by),
  };
}

type StoredFile = Pick<
  CaseDocumentsTable,
  'id' | 'kind' | 'file_name_enc' | 'media_type' | 'content_key' | 'content'
>;

/** Answer with a stored document's file, opened from its seal (409 if it cannot be read, never a 500). */
export async function sendDocumentFile(
  ctx: AppContext,
  log: FastifyBaseLogger,
  reply: FastifyReply,
  found: StoredFile,
) {
  let content: Buffer;
  let fileName: string;
  try {
    content = await ctx.cipher.decryptBytes(
      found.content_key,
      Buffer.from(found.content),
      aad(found.id, 'content'),
    );
    fileName = await ctx.cipher.decrypt(found.file_name_enc, aad(found.id, 'file_name'));
  } catch {
    log.error({ documentId: found.id }, 'a document could not be decrypted');
    throw new AppError(409, 'conflict', 'This document cannot be read');
  }
  const fallback = `${found.kind}.${ALLOWED_DOCUMENT_TYPES[found.media_type] ?? 'bin'}`;
  return reply
    .header('content-type', found.media_type)
    .header('content-disposition', contentDisposition(fileName || fallback, { fallback }))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(content);
}

export function registerDocumentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/documents',
    {
      schema: {
        tags: ['documents'],
        params: caseParams,
        response: { 200: z.object({ items: z.array(documentView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const kinds = documentKindsFor(actor.role);
        const rows = await listQuery(trx, survivor.id, kinds).orderBy('d.created_at', 'desc').execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.documents.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
          fields: kinds,
        });
        return { items: await Promise.all(rows.map((row) => present(ctx, actor, row))) };
      });
    },
  );

  r.post(
    '/cases/:id/documents',
    {
      config: { multipart: true },
      schema: {
        tags: ['documents'],
        description: 'multipart/form-data: `file` plus `kind`, `documentDate` (optional), `description`.',
        consumes: ['multipart/form-data'],
        params: caseParams,
        response: { 201: documentView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      // The case first: a stranger learns nothing about the upload rules.
      await inTransaction(ctx, (trx) => findVisibleCase(trx, actor, request.params.id));
      const upload = await readUpload(request, ctx.config.maxUploadBytes);
      const { documentDate, ...rest } = upload.fields;
      const metadata = documentMetadataInput.safeParse({
        ...rest,
        ...(documentDate ? { documentDate } : {}),
      });
      if (!metadata.success) throw invalid(fieldErrorsFromIssues(metadata.error.issues));
      if (!documentKindsFor(actor.role).includes(metadata.data.kind)) throw forbidden();
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
      const sealed = ctx.cipher.encryptBytes(file.buffer, aad(id, 'content'));
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        await trx
          .insertInto('case_documents')
          .values({
            id,
            case_id: survivor.id,
            kind: metadata.data.kind,
            document_date: metadata.data.documentDate,
            description_enc: ctx.cipher.encrypt(metadata.data.description, aad(id, 'description')),
            file_name_enc: ctx.cipher.encrypt(file.fileName, aad(id, 'file_name')),
            media_type: detected.mime,
            size: file.buffer.length,
            content_key: sealed.keyId,
            content: sealed.sealed,
            uploaded_by: actor.userId,
            created_at: now,
          })
          .execute();
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.document.create',
          entityType: 'case_document',
          entityId: id,
          caseId: survivor.id,
          fields: ['kind', 'documentDate', 'description', 'file'],
        });
        const [row] = await listQuery(trx, survivor.id, [metadata.data.kind])
          .where('d.id', '=', id)
          .execute();
        if (!row) throw notFound();
        return present(ctx, actor, row);
      });
      return reply.code(201).send(view);
    },
  );

  // Untyped route: the answer is the file's bytes, not JSON (the params are still validated).
  app.get(
    '/cases/:id/documents/:documentId/file',
    {
      schema: {
        tags: ['documents'],
        description: 'The file, as an attachment with its detected type.',
        params: documentParams,
        response: { ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const params = request.params as z.infer<typeof documentParams>;
      const found = await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, params.id);
        const row = await trx
          .selectFrom('case_documents')
          .select(['id', 'kind', 'file_name_enc', 'media_type', 'content_key', 'content'])
          .where('id', '=', params.documentId)
          .where('case_id', '=', survivor.id)
          .where('kind', 'in', documentKindsFor(actor.role))
          .executeTakeFirst();
        if (!row) throw notFound();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.document.download',
          entityType: 'case_document',
          entityId: row.id,
          caseId: survivor.id,
        });
        return row;
      });
      return sendDocumentFile(ctx, request.log, reply, found);
    },
  );

  r.delete(
    '/cases/:id/documents/:documentId',
    { schema: { tags: ['documents'], params: documentParams, response: { 204: z.null(), ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const row = await trx
          .selectFrom('case_documents')
          .select(['id', 'uploaded_by'])
          .where('id', '=', request.params.documentId)
          .where('case_id', '=', survivor.id)
          .where('kind', 'in', documentKindsFor(actor.role))
          .executeTakeFirst();
        if (!row) throw notFound();
        if (!canDelete(actor, row.uploaded_by)) throw forbidden();
        await trx.deleteFrom('case_documents').where('id', '=', row.id).execute();
        await touchCase(trx, survivor.id, nowIso());
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.document.delete',
          entityType: 'case_document',
          entityId: row.id,
          caseId: survivor.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
