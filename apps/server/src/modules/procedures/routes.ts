/**
 * The asylum procedure of a case: procedures, their dated events, and the
 * deadlines computed from them (live, against today's date in Mexico City and
 * the organization's calendars, so a calendar change recomputes every open
 * deadline at once).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  procedureCreateInput,
  procedureEventInput,
  procedureEventSchema,
  procedureView,
  todayInMexico,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/errors.js';
import { fieldErrorsFromIssues } from '@senda/domain';
import { findVisibleCase, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { loadDeadlineSetup, loadStaffOfCases } from './calendars.js';
import { presentProcedure } from './presenter.js';

const procedureParams = z.strictObject({ id: z.uuid(), procedureId: z.uuid() });
const eventParams = procedureParams.extend({ eventId: z.uuid() });

async function loadEvents(trx: Db, procedureIds: string[]) {
  if (!procedureIds.length) return [];
  return trx
    .selectFrom('procedure_events as e')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .selectAll('e')
    .select('u.display_name as recorded_by')
    .where('e.procedure_id', 'in', procedureIds)
    .orderBy('e.date')
    .orderBy('e.created_at')
    .execute();
}

async function findProcedure(trx: Db, caseId: string, procedureId: string) {
  const row = await trx
    .selectFrom('procedures')
    .selectAll()
    .where('id', '=', procedureId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export function registerProcedureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function view(trx: Db, orgId: string, procedureId: string, caseId: string) {
    const procedure = await findProcedure(trx, caseId, procedureId);
    const [events, setup, staff] = await Promise.all([
      loadEvents(trx, [procedure.id]),
      loadDeadlineSetup(trx, orgId),
      loadStaffOfCases(trx, [caseId]),
    ]);
    return presentProcedure(procedure, events, setup, staff.get(caseId) ?? [], todayInMexico());
  }

  r.get(
    '/cases/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        params: caseParams,
        response: { 200: z.object({ items: z.array(procedureView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const procedures = await trx
          .selectFrom('procedures')
          .selectAll()
          .where('case_id', '=', row.id)
          .orderBy('created_at')
          .execute();
        const [events, setup, staff] = await Promise.all([
          loadEvents(
            trx,
            procedures.map((p) => p.id),
          ),
          loadDeadlineSetup(trx, row.org_id),
          loadStaffOfCases(trx, [row.id]),
        ]);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'procedure.read',
          entityType: 'case',
          entityId: row.id,
          caseId: row.id,
        });
        const today = todayInMexico();
        return {
          items: procedures.map((p) =>
            presentProcedure(
              p,
              events.filter((e) => e.procedure_id === p.id),
              setup,
              staff.get(row.id) ?? [],
              today,
            ),
          ),
        };
      });
    },
  );

  r.post(
    '/cases/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        params: caseParams,
        body: procedureCreateInput,
        response: { 201: procedureView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('procedures')
          .values({
            id,
            case_id: row.id,
            label: request.body.label,
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
        await touchCase(trx, row.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'procedure.create',
          entityType: 'procedure',
          entityId: id,
          caseId: row.id,
          fields: ['label'],
        });
        return view(trx, row.org_id, id, row.id);
      });
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/cases/:id/procedures/:procedureId/events',
    {
      schema: {
        tags: ['procedures'],
        params: procedureParams,
        body: procedureEventInput,
        response: { 201: procedureView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = uuidv7();
      // Re-validate with the full event schema to get its precise output type.
      const parsed = procedureEventSchema.safeParse({ ...request.body, id });
      if (!parsed.success) throw invalid(fieldErrorsFromIssues(parsed.error.issues));
      const event = parsed.data;
      const result = await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const procedure = await findProcedure(trx, row.id, request.params.procedureId);
        const now = nowIso();
        await trx
          .insertInto('procedure_events')
          .values({
            id,
            procedure_id: procedure.id,
            type: event.type,
            date: event.date,
            effective_on: event.effectiveOn ?? null,
            details: JSON.stringify(event.details),
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
        await touchCase(trx, row.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'procedure.event.create',
          entityType: 'procedure_event',
          entityId: id,
          caseId: row.id,
          fields: ['type', 'date', ...(event.effectiveOn ? ['effectiveOn'] : []), 'details'],
        });
        return view(trx, row.org_id, procedure.id, row.id);
      });
      return reply.code(201).send(result);
    },
  );

  r.delete(
    '/cases/:id/procedures/:procedureId/events/:eventId',
    { schema: { tags: ['procedures'], params: eventParams, response: { 204: z.null(), ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const procedure = await findProcedure(trx, row.id, request.params.procedureId);
        const deleted = await trx
          .deleteFrom('procedure_events')
          .where('id', '=', request.params.eventId)
          .where('procedure_id', '=', procedure.id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await touchCase(trx, row.id, nowIso());
        await auditAct(trx, ctx.dialect, actor, {
          action: 'procedure.event.delete',
          entityType: 'procedure_event',
          entityId: request.params.eventId,
          caseId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
