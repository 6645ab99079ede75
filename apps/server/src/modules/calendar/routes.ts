/**
 * Dated calendar entries (non-business days and suspension periods declared
 * in the DOF), per organization. Everyone who works on cases may read them;
 * admins and coordinators add and remove them. Deadlines are computed live,
 * so every open deadline follows a change at once.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  AUTHORITIES,
  DEFAULT_CALENDAR_RULES,
  ORG_WIDE_CASE_ROLES,
  calendarEntryView,
  calendarYearView,
  datedEntrySchema,
  errorBodySchema,
  holidaysInYear,
  type CalendarEntryView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import { canCreateCases } from '../cases/policy.js';
import type { CalendarEntriesTable } from '../../db/schema.js';
import { entryOfRow } from '../procedures/calendars.js';
import { markProceduresStale } from '../statistics/refresh.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const entryInput = datedEntrySchema;

function presentEntry(row: CalendarEntriesTable): CalendarEntryView {
  return {
    id: row.id,
    authority: row.authority as (typeof AUTHORITIES)[number],
    kind: row.kind as 'non_business_day' | 'suspension',
    from: row.from_date,
    to: row.to_date,
    source: row.source,
    note: row.note,
  };
}

export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/calendar/:authority/:year',
    {
      schema: {
        tags: ['calendar'],
        params: z.strictObject({
          authority: z.enum(AUTHORITIES),
          year: z.coerce.number().int().min(1990).max(2100),
        }),
        response: { 200: calendarYearView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      const { authority, year } = request.params;
      const rows = await ctx.db
        .selectFrom('calendar_entries')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('authority', '=', authority)
        .where('from_date', '<=', `${year}-12-31`)
        .where('to_date', '>=', `${year}-01-01`)
        .orderBy('from_date')
        .execute();
      return {
        authority,
        year,
        holidays: holidaysInYear(DEFAULT_CALENDAR_RULES[authority], year).map((h) => ({
          date: h.date,
          code: h.code,
          basis: h.basis,
        })),
        entries: rows.map(presentEntry),
      };
    },
  );

  r.get(
    '/calendar/entries',
    {
      schema: {
        tags: ['calendar'],
        querystring: z.strictObject({ authority: z.enum(AUTHORITIES).optional() }),
        response: { 200: z.object({ items: z.array(calendarEntryView) }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      let query = ctx.db.selectFrom('calendar_entries').selectAll().where('org_id', '=', actor.orgId);
      if (request.query.authority) query = query.where('authority', '=', request.query.authority);
      const rows = await query.orderBy('from_date').execute();
      return { items: rows.map(presentEntry) };
    },
  );

  r.post(
    '/calendar/entries',
    { schema: { tags: ['calendar'], body: entryInput, response: { 201: calendarEntryView, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!ORG_WIDE_CASE_ROLES.includes(actor.role)) throw forbidden();
      const body = request.body;
      const id = uuidv7();
      const from = body.kind === 'suspension' ? body.from : body.date;
      const to = body.kind === 'suspension' ? body.to : body.date;
      const row = {
        id,
        org_id: actor.orgId,
        authority: body.authority,
        kind: body.kind,
        from_date: from,
        to_date: to,
        source: body.source,
        note: body.note ?? '',
        created_by: actor.userId,
        created_at: nowIso(),
      };
      await inTransaction(ctx, async (trx) => {
        await trx.insertInto('calendar_entries').values(row).execute();
        await markProceduresStale(trx, actor.orgId);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'calendar.entry.create',
          entityType: 'calendar_entry',
          entityId: id,
          fields: Object.keys(entryOfRow(row)),
        });
      });
      return reply.code(201).send({
        id,
        authority: body.authority,
        kind: body.kind,
        from,
        to,
        source: body.source,
        note: row.note,
      });
    },
  );

  r.delete(
    '/calendar/entries/:entryId',
    {
      schema: {
        tags: ['calendar'],
        params: z.strictObject({ entryId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!ORG_WIDE_CASE_ROLES.includes(actor.role)) throw forbidden();
      await inTransaction(ctx, async (trx) => {
        const deleted = await trx
          .deleteFrom('calendar_entries')
          .where('id', '=', request.params.entryId)
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await markProceduresStale(trx, actor.orgId);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'calendar.entry.delete',
          entityType: 'calendar_entry',
          entityId: request.params.entryId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
