/** In-app notifications of the signed-in person (deadline reminders, by case code). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema,
  notificationView,
  referralNoticeView,
  type ReferralNoticeView,
} from '@senda/domain';
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
        response: {
          200: z.object({
            items: z.array(notificationView),
            referrals: z.array(referralNoticeView),
            unread: z.number(),
          }),
          ...errors,
        },
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
      const referrals = await ctx.db
        .selectFrom('referral_notices')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      const unreadReferrals = await ctx.db
        .selectFrom('referral_notices')
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
        referrals: referrals.map((n) => ({
          id: n.id,
          referralId: n.referral_id,
          referralCode: n.referral_code,
          event: n.event as ReferralNoticeView['event'],
          createdAt: n.created_at,
          read: n.read_at !== null,
        })),
        unread: unread.n + unreadReferrals.n,
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
      let updated = 0;
      for (const table of ['notifications', 'referral_notices'] as const) {
        const result = await ctx.db
          .updateTable(table)
          .set({ read_at: nowIso() })
          .where('id', '=', request.params.id)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
        updated += Number(result.numUpdatedRows);
      }
      if (updated === 0) throw notFound();
      return reply.code(204).send(null);
    },
  );
}
