/** Family members and staff assignment on a case. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_ROLES,
  CASE_ROLES_ON_CASE,
  familyMemberInput,
  familyMemberView,
  sentKeys,
  staffView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, notFound } from '../../http/errors.js';
import { caseAbilities } from './policy.js';
import { findVisibleCase, isAssigned, loadStaff, touchCase } from './queries.js';
import { presentMember } from './presenter.js';
import { caseErrors, caseParams } from './routes.js';
import { insertMember, memberColumns } from './write-case.js';
import { asRole } from '../users/presenter.js';

const memberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });
const staffParams = z.strictObject({ id: z.uuid(), userId: z.uuid() });
const staffList = z.object({ items: z.array(staffView) });

export function registerFamilyAndStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/cases/:id/members',
    {
      schema: {
        tags: ['cases'],
        params: caseParams,
        body: familyMemberInput,
        response: { 201: familyMemberView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const now = nowIso();
        const id = await insertMember(trx, row.id, request.body, now);
        await touchCase(trx, row.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.member.create',
          entityType: 'case_member',
          entityId: id,
          caseId: row.id,
          fields: Object.keys(request.body),
        });
        return presentMember(
          await trx.selectFrom('case_members').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        );
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/cases/:id/members/:memberId',
    {
      schema: {
        tags: ['cases'],
        params: memberParams,
        body: familyMemberInput.partial(),
        response: { 200: familyMemberView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const change = sentKeys(request.body, request.bodyKeys);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const member = await trx
          .selectFrom('case_members')
          .selectAll()
          .where('id', '=', request.params.memberId)
          .where('case_id', '=', row.id)
          .executeTakeFirst();
        if (!member) throw notFound();
        const now = nowIso();
        const cols = memberColumns(change);
        if (Object.keys(cols).length) {
          await trx
            .updateTable('case_members')
            .set({ ...cols, updated_at: now })
            .where('id', '=', member.id)
            .execute();
          await touchCase(trx, row.id, now);
        }
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.member.update',
          entityType: 'case_member',
          entityId: member.id,
          caseId: row.id,
          fields: Object.keys(change),
        });
        return presentMember(
          await trx
            .selectFrom('case_members')
            .selectAll()
            .where('id', '=', member.id)
            .executeTakeFirstOrThrow(),
        );
      });
    },
  );

  r.delete(
    '/cases/:id/members/:memberId',
    { schema: { tags: ['cases'], params: memberParams, response: { 204: z.null(), ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        const deleted = await trx
          .deleteFrom('case_members')
          .where('id', '=', request.params.memberId)
          .where('case_id', '=', row.id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await touchCase(trx, row.id, nowIso());
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.member.delete',
          entityType: 'case_member',
          entityId: request.params.memberId,
          caseId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/cases/:id/staff/:userId',
    {
      schema: {
        tags: ['cases'],
        params: staffParams,
        body: z.strictObject({ roleOnCase: z.enum(CASE_ROLES_ON_CASE) }),
        response: { 200: staffList, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        if (!caseAbilities(actor, await isAssigned(trx, row.id, actor.userId)).assign) throw forbidden();
        // Only active case workers of the same organization can be assigned.
        const user = await trx
          .selectFrom('users')
          .select(['id', 'role'])
          .where('id', '=', request.params.userId)
          .where('org_id', '=', row.org_id)
          .where('active', '=', 1)
          .executeTakeFirst();
        if (!user || !CASE_ROLES.includes(asRole(user.role))) throw notFound();
        const now = nowIso();
        await trx
          .insertInto('case_assignments')
          .values({
            case_id: row.id,
            user_id: user.id,
            role_on_case: request.body.roleOnCase,
            created_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['case_id', 'user_id']).doUpdateSet({ role_on_case: request.body.roleOnCase }),
          )
          .execute();
        await touchCase(trx, row.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.staff.assign',
          entityType: 'case_assignment',
          entityId: user.id,
          caseId: row.id,
          fields: ['roleOnCase'],
        });
        return { items: presentStaff(await loadStaff(trx, row.id)) };
      });
    },
  );

  r.delete(
    '/cases/:id/staff/:userId',
    { schema: { tags: ['cases'], params: staffParams, response: { 204: z.null(), ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        if (!caseAbilities(actor, await isAssigned(trx, row.id, actor.userId)).assign) throw forbidden();
        const deleted = await trx
          .deleteFrom('case_assignments')
          .where('case_id', '=', row.id)
          .where('user_id', '=', request.params.userId)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await touchCase(trx, row.id, nowIso());
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.staff.unassign',
          entityType: 'case_assignment',
          entityId: request.params.userId,
          caseId: row.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}

function presentStaff(rows: Awaited<ReturnType<typeof loadStaff>>) {
  return rows.map((s) => ({
    userId: s.user_id,
    displayName: s.display_name,
    role: asRole(s.role),
    roleOnCase: s.role_on_case as (typeof CASE_ROLES_ON_CASE)[number],
    assignedAt: s.created_at,
  }));
}
