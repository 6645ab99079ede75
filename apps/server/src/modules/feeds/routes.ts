/**
 * A personal iCalendar feed (RFC 5545) of the deadlines of one's cases, at a
 * secret, revocable URL that a calendar app can subscribe to. Events carry
 * the case code and the deadline, never a name; the token is stored hashed
 * and kept out of the logs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ical from 'ical-generator';
import { z } from 'zod';
import { ROLES, calendarFeedCreated, calendarFeedStatus, errorBodySchema, type Role } from '@senda/domain';
import { auditAct, writeAudit } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { randomToken, sha256 } from '../../crypto/keys.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import { canCreateCases } from '../cases/policy.js';
import { deadlinesForUser } from '../procedures/my-deadlines.js';
import { deadlineLabel } from './labels.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function registerFeedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/session/calendar-feed',
    { schema: { tags: ['calendar'], response: { 200: calendarFeedStatus, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const row = await ctx.db
        .selectFrom('calendar_feeds')
        .select('created_at')
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      return { active: row !== undefined, createdAt: row?.created_at ?? null };
    },
  );

  r.post(
    '/session/calendar-feed',
    { schema: { tags: ['calendar'], response: { 201: calendarFeedCreated, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      const token = randomToken(32);
      await inTransaction(ctx, async (trx) => {
        await trx.deleteFrom('calendar_feeds').where('user_id', '=', actor.userId).execute();
        await trx
          .insertInto('calendar_feeds')
          .values({ user_id: actor.userId, token_hash: sha256(token), created_at: nowIso() })
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'calendar_feed.create',
          entityType: 'calendar_feed',
          entityId: actor.userId,
        });
      });
      // The URL is shown once; a new one revokes the old.
      return reply.code(201).send({ url: `${request.protocol}://${request.host}/api/v1/feeds/${token}.ics` });
    },
  );

  r.delete(
    '/session/calendar-feed',
    { schema: { tags: ['calendar'], response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        await trx.deleteFrom('calendar_feeds').where('user_id', '=', actor.userId).execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'calendar_feed.revoke',
          entityType: 'calendar_feed',
          entityId: actor.userId,
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/feeds/:file',
    {
      config: { public: true },
      schema: { hide: true, params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) }) },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const owner = await ctx.db
        .selectFrom('calendar_feeds as f')
        .innerJoin('users as u', 'u.id', 'f.user_id')
        .select(['u.id', 'u.org_id', 'u.role', 'u.locale', 'u.active'])
        .where('f.token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!owner || owner.active !== 1 || !(ROLES as readonly string[]).includes(owner.role))
        throw notFound();
      const actor = { userId: owner.id, orgId: owner.org_id, role: owner.role as Role };
      const deadlines = await inTransaction(ctx, async (trx) => {
        const items = await deadlinesForUser(trx, actor);
        await writeAudit(trx, ctx.dialect, {
          action: 'calendar_feed.read',
          entityType: 'calendar_feed',
          entityId: owner.id,
          actorId: owner.id,
          orgId: owner.org_id,
          ip: request.ip,
        });
        return items;
      });
      const calendar = ical({
        name: 'Senda',
        prodId: { company: 'Senda', product: 'deadlines', language: owner.locale.toUpperCase() },
      });
      for (const d of deadlines) {
        calendar.createEvent({
          id: `${d.caseId}-${d.ruleCode}-${d.triggerEventId}@senda`,
          // All-day event on the due date (noon UTC keeps the date the same in every Mexican time zone).
          start: new Date(`${d.dueDate}T12:00:00Z`),
          allDay: true,
          summary: `${d.caseCode} · ${deadlineLabel(d.ruleCode, owner.locale, d.ruleName)}`,
          description: `${d.caseCode} · ${d.dueDate} · ${d.legalBasis}`,
        });
      }
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendar.toString());
    },
  );
}
