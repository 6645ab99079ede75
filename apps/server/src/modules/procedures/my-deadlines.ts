/**
 * GET /deadlines: the signed-in person's deadlines across the cases she is
 * assigned to, most urgent first. Rows carry the case code, never a name.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deadlineListQuery,
  myDeadlineView,
  todayInMexico,
  type DeadlineStatus,
  type MyDeadlineView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { canCreateCases, visibleCases } from '../cases/policy.js';
import { caseErrors } from '../cases/routes.js';
import { loadDeadlineSetup, loadStaffOfCases } from './calendars.js';
import { deadlinesOf, presentDeadline } from './presenter.js';

const URGENCY: Record<DeadlineStatus, number> = {
  overdue: 0,
  due_today: 1,
  due_soon: 2,
  comar_overdue: 3,
  upcoming: 4,
  met: 5,
  not_applicable: 6,
};
const OPEN = new Set<DeadlineStatus>(['overdue', 'due_today', 'due_soon', 'comar_overdue', 'upcoming']);

/** The deadlines of the cases this person is assigned to, most urgent first (also feeds her calendar). */
export async function deadlinesForUser(
  trx: Db,
  actor: Pick<Actor, 'userId' | 'orgId' | 'role'>,
  options: {
    includeClosed?: boolean | undefined;
    status?: DeadlineStatus | undefined;
    responsibleOnly?: boolean | undefined;
    today?: string;
  } = {},
): Promise<MyDeadlineView[]> {
  const cases = await visibleCases(trx, actor)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_assignments as a')
          .select('a.case_id')
          .whereRef('a.case_id', '=', 'c.id')
          .where('a.user_id', '=', actor.userId),
      ),
    )
    .innerJoin('procedures as p', 'p.case_id', 'c.id')
    .select(['c.id as case_id', 'c.code', 'p.id as procedure_id'])
    .execute();
  const procedureIds = cases.map((c) => c.procedure_id);
  const events = procedureIds.length
    ? await trx.selectFrom('procedure_events').selectAll().where('procedure_id', 'in', procedureIds).execute()
    : [];
  const [setup, staff] = await Promise.all([
    loadDeadlineSetup(trx, actor.orgId),
    loadStaffOfCases(trx, [...new Set(cases.map((c) => c.case_id))]),
  ]);
  const today = options.today ?? todayInMexico();
  const items = cases.flatMap((c) =>
    deadlinesOf(
      events.filter((e) => e.procedure_id === c.procedure_id),
      setup,
      today,
    )
      .filter((d) => (options.includeClosed ? true : OPEN.has(d.status)))
      .filter((d) => !options.status || d.status === options.status)
      .map((d) => ({
        ...presentDeadline(d, staff.get(c.case_id) ?? []),
        caseId: c.case_id,
        caseCode: c.code,
        procedureId: c.procedure_id,
      }))
      .filter((d) => !options.responsibleOnly || d.responsibleStaff.some((s) => s.userId === actor.userId)),
  );
  items.sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || a.dueDate.localeCompare(b.dueDate));
  return items;
}

export function registerMyDeadlinesRoute(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/deadlines',
    {
      schema: {
        tags: ['procedures'],
        querystring: deadlineListQuery,
        response: { 200: z.object({ items: z.array(myDeadlineView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      return inTransaction(ctx, async (trx) => {
        const items = await deadlinesForUser(trx, actor, request.query);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'deadlines.read',
          entityType: 'procedure',
          entityId: null,
        });
        return { items };
      });
    },
  );
}
