/**
 * The care section of a case (GET /cases/:id/care) and its needs assessment.
 * A need answered by a goal cannot be deleted (close it as met or unmet).
 * Every write answers with the whole care section.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { careView, needInput, needIssues, needUpdateInput, sentKeys } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { findVisibleCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { findOpenCase, finishCareWrite } from './guard.js';
import { loadCare, loadNeeds, seal } from './store.js';

const needParams = z.strictObject({ id: z.uuid(), needId: z.uuid() });

export function registerNeedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/care',
    { schema: { tags: ['care'], params: caseParams, response: { 200: careView, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const view = await loadCare(ctx, request.log, trx, actor, survivor);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.care.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
        });
        return view;
      });
    },
  );

  r.post(
    '/cases/:id/needs',
    {
      schema: {
        tags: ['care'],
        params: caseParams,
        body: needInput,
        response: { 201: careView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_needs')
          .values({
            id,
            case_id: survivor.id,
            domain: input.domain,
            detail: input.detail,
            priority: input.priority,
            status: input.status,
            unmet_reason: input.unmetReason,
            description_enc: seal(ctx, 'case_needs', id, 'description', input.description),
            identified_on: input.identifiedOn,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.need.create',
          entityType: 'case_need',
          entityId: id,
          fields: Object.keys(request.body),
        });
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/cases/:id/needs/:needId',
    {
      schema: {
        tags: ['care'],
        params: needParams,
        body: needUpdateInput,
        response: { 200: careView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const change = sentKeys(request.body, request.bodyKeys);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const [current] = await loadNeeds(ctx, request.log, trx, survivor.id, request.params.needId);
        if (!current) throw notFound();
        // A need leaving "unmet" drops its reason unless a new one is sent with it.
        const next = { ...current, ...change };
        if (change.status && change.status !== 'unmet' && change.unmetReason === undefined)
          next.unmetReason = null;
        const issues = needIssues(next);
        if (issues.length) throw invalid(issues);
        const now = nowIso();
        await trx
          .updateTable('case_needs')
          .set({
            domain: next.domain,
            detail: next.detail,
            priority: next.priority,
            status: next.status,
            unmet_reason: next.unmetReason,
            description_enc: seal(ctx, 'case_needs', current.id, 'description', next.description),
            identified_on: next.identifiedOn,
            updated_at: now,
          })
          .where('id', '=', current.id)
          .execute();
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.need.update',
          entityType: 'case_need',
          entityId: current.id,
          fields: Object.keys(change),
        });
      });
    },
  );

  r.delete(
    '/cases/:id/needs/:needId',
    { schema: { tags: ['care'], params: needParams, response: { 200: careView, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const need = await trx
          .selectFrom('case_needs')
          .select('id')
          .where('case_id', '=', survivor.id)
          .where('id', '=', request.params.needId)
          .executeTakeFirst();
        if (!need) throw notFound();
        const goal = await trx
          .selectFrom('case_goals')
          .select('id')
          .where('need_id', '=', need.id)
          .executeTakeFirst();
        if (goal) throw conflict('A goal answers this need', [{ path: 'needId', code: 'need_has_goals' }]);
        await trx.deleteFrom('case_needs').where('id', '=', need.id).execute();
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.need.delete',
          entityType: 'case_need',
          entityId: need.id,
        });
      });
    },
  );
}
