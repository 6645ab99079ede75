/**
 * "My work": what each person has to do — her open actions (soonest due
 * first), follow-ups coming up, requests awaiting her decision, her own
 * requests that came back, her tasks, and the high-risk cases she works on.
 * Everything goes through the case scope; closed cases drop out. Lists carry
 * case codes only, never a name.
 */
import { referralsNeedingAttention } from '../referrals/attention.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  OPEN_ACTION_STATUSES,
  addCalendarDays,
  errorBodySchema,
  myWorkView,
  todayInMexico,
  type MyWorkView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import { canCreateCases, visibleCases } from '../cases/policy.js';
import { noBody } from '../care/approvals.js';
import { canDecide, opener } from '../care/store.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
/** How far ahead "My work" lists follow-ups. */
export const FOLLOW_UP_HORIZON_DAYS = 7;
const LIMIT = 200;

export function registerWorkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/my-work', { schema: { tags: ['care'], response: { 200: myWorkView, ...errors } } }, (request) => {
    const actor = actorOf(request);
    if (!canCreateCases(actor.role)) throw forbidden();
    const today = todayInMexico();
    const horizon = addCalendarDays(today, FOLLOW_UP_HORIZON_DAYS).dueDate;
    return inTransaction(ctx, async (trx): Promise<MyWorkView> => {
      const openCases = () => visibleCases(trx, actor).where('c.status', '=', 'open');
      const myActions = await openCases()
        .innerJoin('case_actions as a', 'a.case_id', 'c.id')
        .select([
          'c.id as caseId',
          'c.code as caseCode',
          'a.id as actionId',
          'a.title_enc',
          'a.due_on',
          'a.status',
          'a.next_follow_up_on',
        ])
        .where('a.responsible_id', '=', actor.userId)
        .where('a.status', 'in', OPEN_ACTION_STATUSES)
        .orderBy(sql`case when a.due_on is null then 1 else 0 end`)
        .orderBy('a.due_on')
        .limit(LIMIT)
        .execute();
      const openTitle = opener(ctx, request.log, 'case_actions');
      const titled = await Promise.all(
        myActions.map(async (a) => ({ ...a, title: await openTitle(a.actionId, 'title', a.title_enc) })),
      );
      const approvals = canDecide(actor)
        ? await openCases()
            .innerJoin('case_approvals as p', 'p.case_id', 'c.id')
            .leftJoin('users as u', 'u.id', 'p.requested_by')
            .select([
              'c.id as caseId',
              'c.code as caseCode',
              'p.id as approvalId',
              'p.kind',
              'u.display_name as requestedBy',
              'p.requested_at as requestedAt',
            ])
            .where('p.status', '=', 'pending')
            .where((eb) =>
              eb.or([eb('p.requested_by', '!=', actor.userId), eb('p.requested_by', 'is', null)]),
            )
            .orderBy('p.requested_at')
            .limit(LIMIT)
            .execute()
        : [];
      const returned = await openCases()
        .innerJoin('case_approvals as p', 'p.case_id', 'c.id')
        .leftJoin('users as u', 'u.id', 'p.decided_by')
        .select([
          'c.id as caseId',
          'c.code as caseCode',
          'p.id as approvalId',
          'p.kind',
          'u.display_name as decidedBy',
          'p.decided_at as decidedAt',
        ])
        .where('p.requested_by', '=', actor.userId)
        .where('p.status', '=', 'returned')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_approvals as later')
                .select('later.id')
                .whereRef('later.case_id', '=', 'p.case_id')
                .whereRef('later.kind', '=', 'p.kind')
                .whereRef('later.requested_at', '>', 'p.requested_at'),
            ),
          ),
        )
        .orderBy('p.decided_at', 'desc')
        .limit(LIMIT)
        .execute();
      const tasks = await openCases()
        .innerJoin('tasks as t', 't.case_id', 'c.id')
        .select(['c.id as caseId', 'c.code as caseCode', 't.id', 't.kind', 't.risk_level', 't.created_at'])
        .where('t.assigned_to', '=', actor.userId)
        .where('t.status', '=', 'open')
        .orderBy('t.created_at')
        .limit(LIMIT)
        .execute();
      const highRisk = await openCases()
        .select(['c.id as caseId', 'c.code as caseCode', 'c.risk_level', 'c.last_activity_at'])
        .where('c.risk_level', 'in', ['high', 'critical'])
        .orderBy(sql`case when c.risk_level = 'critical' then 0 else 1 end`)
        .orderBy('c.last_activity_at', 'desc')
        .limit(LIMIT)
        .execute();
      const referrals = await referralsNeedingAttention(trx, actor, today);
      await auditAct(trx, ctx.dialect, actor, {
        action: 'my_work.read',
        entityType: 'user',
        entityId: actor.userId,
      });
      return {
        referrals,
        actions: titled.map((a) => ({
          caseId: a.caseId,
          caseCode: a.caseCode,
          actionId: a.actionId,
          title: a.title,
          dueOn: a.due_on,
          status: a.status as MyWorkView['actions'][number]['status'],
          overdue: a.due_on !== null && a.due_on < today,
        })),
        followUps: titled
          .filter((a) => a.next_follow_up_on !== null && a.next_follow_up_on <= horizon)
          .map((a) => ({
            caseId: a.caseId,
            caseCode: a.caseCode,
            actionId: a.actionId,
            title: a.title,
            nextFollowUpOn: a.next_follow_up_on as string,
          }))
          .sort((x, y) => x.nextFollowUpOn.localeCompare(y.nextFollowUpOn)),
        approvals: approvals.map((p) => ({ ...p, kind: p.kind as 'care_plan' | 'closure' })),
        returned: returned.map((p) => ({ ...p, kind: p.kind as 'care_plan' | 'closure' })),
        tasks: tasks.map((t) => ({
          caseId: t.caseId,
          caseCode: t.caseCode,
          id: t.id,
          kind: t.kind as 'high_risk_review',
          riskLevel: t.risk_level as MyWorkView['tasks'][number]['riskLevel'],
          createdAt: t.created_at,
        })),
        highRiskCases: highRisk.map((c) => ({
          caseId: c.caseId,
          caseCode: c.caseCode,
          riskLevel: c.risk_level as 'high' | 'critical',
          lastActivityAt: c.last_activity_at,
        })),
      };
    });
  });

  r.post(
    '/tasks/:taskId/done',
    {
      schema: {
        tags: ['care'],
        params: z.strictObject({ taskId: z.uuid() }),
        body: noBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        // Her own task, or (coordinators, admins) one on a case of the organization.
        const task = await visibleCases(trx, actor)
          .innerJoin('tasks as t', 't.case_id', 'c.id')
          .select(['t.id', 't.case_id', 't.status', 't.assigned_to'])
          .where('t.id', '=', request.params.taskId)
          .executeTakeFirst();
        if (!task || (task.assigned_to !== actor.userId && !canDecide(actor))) throw notFound();
        if (task.status === 'open')
          await trx
            .updateTable('tasks')
            .set({ status: 'done', done_at: nowIso(), done_by: actor.userId })
            .where('id', '=', task.id)
            .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'task.done',
          entityType: 'task',
          entityId: task.id,
          caseId: task.case_id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
