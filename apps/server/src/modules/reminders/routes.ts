/** In-app notifications of the signed-in person (deadline reminders, by case code). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, notificationView } from '@senda/domain';
import { nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { ownRuleNames } from '../deadline-rules/store.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        response: { 200: z.object({ items: z.array(notificationView), unread: z.number() }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await ctx.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      const unread = await ctx.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', actor.userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      const names = await ownRuleNames(
        ctx.db,
        actor.orgId,
        rows.map((n) => n.rule_code),
      );
      return {
        items: rows.map((n) => ({
          id: n.id,
          caseId: n.case_id,
          caseCode: n.case_code,
          ruleCode: n.rule_code,
          ruleName: names.get(n.rule_code) ?? null,
          dueDate: n.due_date,
          leadDays: n.lead_days,
          createdAt: n.created_at,
          read: n.read_at !== null,
        })),
        unread: unread.n,
      };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await ctx.db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('id', '=', request.params.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound();
      return reply.code(204).send(null);
    },
  );
}
