/**
 * Case notes in three confidentiality classes. The class filter is applied in
 * the query, so a psychologist's request never loads a legal note. Bodies are
 * sealed at rest with the note id as associated data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { noteClassesFor, noteCreateInput, noteView, type NoteClass } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { findVisibleCase, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';

/** The note's id and class are bound to its ciphertext: it cannot be moved or relabelled. */
const noteAad = (noteId: string, noteClass: string) => `case_notes:body:${noteId}:${noteClass}`;

export function registerNoteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/notes',
    {
      schema: {
        tags: ['notes'],
        params: caseParams,
        response: { 200: z.object({ items: z.array(noteView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const classes = noteClassesFor(actor.role);
        // A note that fails to open (tampered, or sealed under a lost key) is reported as unreadable;
        // the others are still shown.
        const openBody = async (sealed: string, id: string, noteClass: string) => {
          try {
            return { body: await ctx.cipher.decrypt(sealed, noteAad(id, noteClass)), unreadable: false };
          } catch {
            request.log.error({ noteId: id }, 'a case note could not be decrypted');
            return { body: '', unreadable: true };
          }
        };
        const notes = await trx
          .selectFrom('case_notes as n')
          .innerJoin('users as u', 'u.id', 'n.author_id')
          .select(['n.id', 'n.note_class', 'n.body_enc', 'n.created_at', 'u.display_name'])
          .where('n.case_id', '=', row.id)
          .where('n.note_class', 'in', classes)
          .orderBy('n.created_at', 'desc')
          .orderBy('n.id', 'desc')
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.notes.read',
          entityType: 'case',
          entityId: row.id,
          caseId: row.id,
          fields: classes,
        });
        return {
          items: await Promise.all(
            notes.map(async (n) => ({
              id: n.id,
              noteClass: n.note_class as NoteClass,
              ...(await openBody(n.body_enc, n.id, n.note_class)),
              authorName: n.display_name,
              createdAt: n.created_at,
            })),
          ),
        };
      });
    },
  );

  r.post(
    '/cases/:id/notes',
    {
      schema: {
        tags: ['notes'],
        params: caseParams,
        body: noteCreateInput,
        response: { 201: noteView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        if (!noteClassesFor(actor.role).includes(request.body.noteClass)) throw forbidden();
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_notes')
          .values({
            id,
            case_id: row.id,
            author_id: actor.userId,
            note_class: request.body.noteClass,
            body_enc: ctx.cipher.encrypt(request.body.body, noteAad(id, request.body.noteClass)),
            created_at: now,
          })
          .execute();
        await touchCase(trx, row.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.note.create',
          entityType: 'case_note',
          entityId: id,
          caseId: row.id,
          fields: ['noteClass', 'body'],
        });
        return {
          id,
          noteClass: request.body.noteClass,
          body: request.body.body,
          unreadable: false,
          authorName: actor.displayName,
          createdAt: now,
        };
      });
      return reply.code(201).send(view);
    },
  );
}
