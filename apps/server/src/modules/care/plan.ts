/**
 * The care plan's goals, actions and follow-ups. Each write answers with the
 * whole care section, so the page shows the plan's new status (a change to
 * what an approval covers moves the plan's version on).
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  PLAN_ACTION_FIELDS,
  actionInput,
  actionUpdateInput,
  careView,
  followUpInput,
  goalInput,
  goalUpdateInput,
} from '@senda/domain';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { isAssigned } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { bumpPlanVersion, findOpenCase, finishCareWrite, requireServicesConsent } from './guard.js';
import { seal } from './store.js';

const goalParams = z.strictObject({ id: z.uuid(), goalId: z.uuid() });
const actionParams = z.strictObject({ id: z.uuid(), actionId: z.uuid() });
const answer = { 200: careView, ...caseErrors };

async function checkResponsible(trx: Db, caseId: string, userId: string | null | undefined) {
  if (userId && !(await isAssigned(trx, caseId, userId)))
    throw invalid([{ path: 'responsibleId', code: 'responsible_not_on_case' }]);
}

async function findNeed(trx: Db, caseId: string, needId: string) {
  const need = await trx
    .selectFrom('case_needs')
    .select('id')
    .where('case_id', '=', caseId)
    .where('id', '=', needId)
    .executeTakeFirst();
  if (!need) throw invalid([{ path: 'needId', code: 'need_not_found' }]);
}

function findGoal(trx: Db, caseId: string, goalId: string) {
  return trx
    .selectFrom('case_goals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', goalId)
    .executeTakeFirst();
}

function findAction(trx: Db, caseId: string, actionId: string) {
  return trx
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', actionId)
    .executeTakeFirst();
}

export function registerPlanRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const done = (
    trx: Db,
    actor: Actor,
    log: FastifyBaseLogger,
    survivor: CasesTable,
    audit: Parameters<typeof finishCareWrite>[5],
  ) => finishCareWrite(ctx, trx, actor, log, survivor.id, audit);

  r.post(
    '/cases/:id/goals',
    {
      schema: {
        tags: ['care'],
        params: caseParams,
        body: goalInput,
        response: { 201: careView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        await findNeed(trx, survivor.id, request.body.needId);
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_goals')
          .values({
            id,
            case_id: survivor.id,
            need_id: request.body.needId,
            title_enc: seal(ctx, 'case_goals', id, 'title', request.body.title),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.goal.create',
          entityType: 'case_goal',
          entityId: id,
          fields: Object.keys(request.body),
        });
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/cases/:id/goals/:goalId',
    { schema: { tags: ['care'], params: goalParams, body: goalUpdateInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const goal = await findGoal(trx, survivor.id, request.params.goalId);
        if (!goal) throw notFound();
        const { needId, title } = request.body;
        if (needId) await findNeed(trx, survivor.id, needId);
        await trx
          .updateTable('case_goals')
          .set({
            ...(needId ? { need_id: needId } : {}),
            ...(title ? { title_enc: seal(ctx, 'case_goals', goal.id, 'title', title) } : {}),
            updated_at: nowIso(),
          })
          .where('id', '=', goal.id)
          .execute();
        await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.goal.update',
          entityType: 'case_goal',
          entityId: goal.id,
          fields: Object.keys(request.body),
        });
      });
    },
  );

  r.delete(
    '/cases/:id/goals/:goalId',
    { schema: { tags: ['care'], params: goalParams, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const goal = await findGoal(trx, survivor.id, request.params.goalId);
        if (!goal) throw notFound();
        const action = await trx
          .selectFrom('case_actions')
          .select('id')
          .where('goal_id', '=', goal.id)
          .executeTakeFirst();
        if (action) throw conflict('The goal has actions', [{ path: 'goalId', code: 'goal_has_actions' }]);
        await trx.deleteFrom('case_goals').where('id', '=', goal.id).execute();
        await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.goal.delete',
          entityType: 'case_goal',
          entityId: goal.id,
        });
      });
    },
  );

  r.post(
    '/cases/:id/actions',
    {
      schema: {
        tags: ['care'],
        params: caseParams,
        body: actionInput,
        response: { 201: careView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const goal = await findGoal(trx, survivor.id, input.goalId);
        if (!goal) throw invalid([{ path: 'goalId', code: 'goal_not_found' }]);
        await checkResponsible(trx, survivor.id, input.responsibleId);
        await requireServicesConsent(trx, survivor.id);
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_actions')
          .values({
            id,
            case_id: survivor.id,
            goal_id: goal.id,
            title_enc: seal(ctx, 'case_actions', id, 'title', input.title),
            responsible_id: input.responsibleId,
            due_on: input.dueOn,
            status: input.status,
            next_follow_up_on: null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.action.create',
          entityType: 'case_action',
          entityId: id,
          fields: Object.keys(input),
        });
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/cases/:id/actions/:actionId',
    { schema: { tags: ['care'], params: actionParams, body: actionUpdateInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      const change = request.body;
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const action = await findAction(trx, survivor.id, request.params.actionId);
        if (!action) throw notFound();
        await checkResponsible(trx, survivor.id, change.responsibleId);
        await trx
          .updateTable('case_actions')
          .set({
            ...(change.title
              ? { title_enc: seal(ctx, 'case_actions', action.id, 'title', change.title) }
              : {}),
            ...(change.responsibleId !== undefined ? { responsible_id: change.responsibleId } : {}),
            ...(change.dueOn !== undefined ? { due_on: change.dueOn } : {}),
            ...(change.status ? { status: change.status } : {}),
            updated_at: nowIso(),
          })
          .where('id', '=', action.id)
          .execute();
        if (PLAN_ACTION_FIELDS.some((f) => change[f] !== undefined)) await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.action.update',
          entityType: 'case_action',
          entityId: action.id,
          fields: Object.keys(change),
        });
      });
    },
  );

  r.delete(
    '/cases/:id/actions/:actionId',
    { schema: { tags: ['care'], params: actionParams, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const action = await findAction(trx, survivor.id, request.params.actionId);
        if (!action) throw notFound();
        const followUp = await trx
          .selectFrom('case_follow_ups')
          .select('id')
          .where('action_id', '=', action.id)
          .executeTakeFirst();
        if (followUp)
          throw conflict('The action has follow-ups: cancel it instead', [
            { path: 'actionId', code: 'action_has_follow_ups' },
          ]);
        await trx.deleteFrom('case_actions').where('id', '=', action.id).execute();
        await bumpPlanVersion(trx, survivor);
        return done(trx, actor, request.log, survivor, {
          action: 'case.action.delete',
          entityType: 'case_action',
          entityId: action.id,
        });
      });
    },
  );

  r.post(
    '/cases/:id/actions/:actionId/follow-ups',
    {
      schema: {
        tags: ['care'],
        params: actionParams,
        body: followUpInput,
        response: { 201: careView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const action = await findAction(trx, survivor.id, request.params.actionId);
        if (!action) throw notFound();
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_follow_ups')
          .values({
            id,
            case_id: survivor.id,
            action_id: action.id,
            on_date: input.on,
            note_enc: seal(ctx, 'case_follow_ups', id, 'note', input.note),
            status: input.status,
            next_follow_up_on: input.nextFollowUpOn ?? null,
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
        await trx
          .updateTable('case_actions')
          .set({
            ...(input.nextFollowUpOn !== undefined ? { next_follow_up_on: input.nextFollowUpOn } : {}),
            ...(input.status ? { status: input.status } : {}),
            updated_at: now,
          })
          .where('id', '=', action.id)
          .execute();
        return done(trx, actor, request.log, survivor, {
          action: 'case.follow_up.create',
          entityType: 'case_follow_up',
          entityId: id,
          fields: Object.keys(input),
        });
      });
      return reply.code(201).send(view);
    },
  );
}
