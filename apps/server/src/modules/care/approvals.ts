/**
 * Supervision of a case: the care plan and the closure are requested by the
 * team and approved or returned (with a comment) by a coordinator or an
 * admin, never by the person who asked. An approved closure closes the case;
 * a closed case is reopened with a reason. Every act answers with the care
 * section as it now is.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  CLOSURE_CHECKLIST,
  approvalDecisionInput,
  careView,
  carePlanSubmitInput,
  closureRequestInput,
  reopenInput,
} from '@senda/domain';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { findVisibleCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { findOpenCase, finishCareWrite, requireServicesConsent } from './guard.js';
import { canDecide, latestApproval, openWork, seal } from './store.js';

const approvalParams = z.strictObject({ id: z.uuid(), approvalId: z.uuid() });
/** Acts without data take an empty JSON object. */
export const noBody = z.strictObject({});
const created = { 201: careView, ...caseErrors };
const answer = { 200: careView, ...caseErrors };

const refuse = (message: string, path: string, code: string) => conflict(message, [{ path, code }]);

async function refuseIfPending(trx: Db, caseId: string, kind: 'care_plan' | 'closure') {
  const latest = await latestApproval(trx, caseId, kind);
  if (latest?.status === 'pending') throw refuse('A request is already pending', 'kind', 'approval_pending');
  return latest;
}

async function goalCount(trx: Db, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('case_goals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function registerApprovalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function insertRequest(
    trx: Db,
    actorId: string,
    survivor: CasesTable,
    request: { kind: 'care_plan' | 'closure'; comment: string; closureReason?: string; checklist?: string[] },
  ): Promise<string> {
    const id = uuidv7();
    await trx
      .insertInto('case_approvals')
      .values({
        id,
        case_id: survivor.id,
        org_id: survivor.org_id,
        kind: request.kind,
        status: 'pending',
        requested_by: actorId,
        requested_at: nowIso(),
        comment_enc: seal(ctx, 'case_approvals', id, 'comment', request.comment),
        plan_version: request.kind === 'care_plan' ? survivor.care_plan_version : null,
        closure_reason: request.closureReason ?? null,
        checklist: JSON.stringify(request.checklist ?? []),
        decided_by: null,
        decided_at: null,
        decision_comment_enc: null,
        reopened_by: null,
        reopened_at: null,
        reopen_reason_enc: null,
      })
      .execute();
    return id;
  }

  r.post(
    '/cases/:id/care-plan/submit',
    { schema: { tags: ['care'], params: caseParams, body: carePlanSubmitInput, response: created } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        if ((await goalCount(trx, survivor.id)) === 0)
          throw refuse('The plan has no goals yet', 'goals', 'plan_empty');
        const latest = await refuseIfPending(trx, survivor.id, 'care_plan');
        if (latest?.status === 'approved' && latest.plan_version === survivor.care_plan_version)
          throw refuse('This version of the plan is already approved', 'kind', 'plan_already_approved');
        await requireServicesConsent(trx, survivor.id);
        const id = await insertRequest(trx, actor.userId, survivor, {
          kind: 'care_plan',
          comment: request.body.comment,
        });
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.approval.request',
          entityType: 'case_approval',
          entityId: id,
          fields: ['kind', ...Object.keys(request.body)],
        });
      });
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/cases/:id/closure',
    { schema: { tags: ['care'], params: caseParams, body: closureRequestInput, response: created } },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        await refuseIfPending(trx, survivor.id, 'closure');
        if (input.reason === 'needs_met' && (await openWork(trx, survivor.id)).openNeeds > 0)
          throw refuse('Some needs are still open', 'reason', 'needs_not_met');
        const id = await insertRequest(trx, actor.userId, survivor, {
          kind: 'closure',
          comment: input.comment,
          closureReason: input.reason,
          checklist: CLOSURE_CHECKLIST.filter((item) => input.checklist[item]),
        });
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.approval.request',
          entityType: 'case_approval',
          entityId: id,
          fields: ['kind', ...Object.keys(input)],
        });
      });
      return reply.code(201).send(view);
    },
  );

  r.post(
    '/cases/:id/approvals/:approvalId/decision',
    { schema: { tags: ['care'], params: approvalParams, body: approvalDecisionInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      const { decision, comment } = request.body;
      return inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        if (!canDecide(actor)) throw forbidden();
        const approval = await trx
          .selectFrom('case_approvals')
          .selectAll()
          .where('case_id', '=', survivor.id)
          .where('id', '=', request.params.approvalId)
          .executeTakeFirst();
        if (!approval) throw notFound();
        if (approval.status !== 'pending') throw refuse('Already decided', 'status', 'not_pending');
        if (approval.requested_by === actor.userId)
          throw refuse('Nobody decides on her own request', 'requestedBy', 'own_request');
        if (decision === 'approve' && approval.kind === 'care_plan') {
          if (approval.plan_version !== survivor.care_plan_version)
            throw refuse('The plan changed after it was sent', 'planVersion', 'plan_changed');
          await requireServicesConsent(trx, survivor.id);
        }
        const now = nowIso();
        await trx
          .updateTable('case_approvals')
          .set({
            status: decision === 'approve' ? 'approved' : 'returned',
            decided_by: actor.userId,
            decided_at: now,
            decision_comment_enc: seal(ctx, 'case_approvals', approval.id, 'decision_comment', comment),
          })
          .where('id', '=', approval.id)
          .execute();
        const closing = decision === 'approve' && approval.kind === 'closure';
        if (closing) {
          await trx
            .updateTable('cases')
            .set({
              status: 'closed',
              closure_reason: approval.closure_reason,
              step: 'closure',
              updated_at: now,
            })
            .where('id', '=', survivor.id)
            .execute();
          // A plan still waiting for approval has nothing left to approve.
          await trx
            .updateTable('case_approvals')
            .set({ status: 'withdrawn', decided_by: actor.userId, decided_at: now })
            .where('case_id', '=', survivor.id)
            .where('status', '=', 'pending')
            .execute();
        }
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: closing ? 'case.close' : 'case.approval.decide',
          entityType: 'case_approval',
          entityId: approval.id,
          fields: ['decision', ...(comment ? ['comment'] : [])],
        });
      });
    },
  );

  r.post(
    '/cases/:id/approvals/:approvalId/withdraw',
    { schema: { tags: ['care'], params: approvalParams, body: noBody, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const approval = await trx
          .selectFrom('case_approvals')
          .selectAll()
          .where('case_id', '=', survivor.id)
          .where('id', '=', request.params.approvalId)
          .executeTakeFirst();
        if (!approval) throw notFound();
        if (approval.requested_by !== actor.userId && !canDecide(actor)) throw forbidden();
        if (approval.status !== 'pending') throw refuse('Already decided', 'status', 'not_pending');
        await trx
          .updateTable('case_approvals')
          .set({ status: 'withdrawn', decided_by: actor.userId, decided_at: nowIso() })
          .where('id', '=', approval.id)
          .execute();
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.approval.withdraw',
          entityType: 'case_approval',
          entityId: approval.id,
        });
      });
    },
  );

  r.post(
    '/cases/:id/reopen',
    { schema: { tags: ['care'], params: caseParams, body: reopenInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        if (survivor.status !== 'closed') throw refuse('The case is open', 'status', 'case_not_closed');
        const now = nowIso();
        const closure = await trx
          .selectFrom('case_approvals')
          .select('id')
          .where('case_id', '=', survivor.id)
          .where('kind', '=', 'closure')
          .where('status', '=', 'approved')
          .where('reopened_at', 'is', null)
          .orderBy('decided_at', 'desc')
          .executeTakeFirst();
        // A case closed before closures were approved has no request to mark; the audit entry remains.
        if (closure)
          await trx
            .updateTable('case_approvals')
            .set({
              reopened_by: actor.userId,
              reopened_at: now,
              reopen_reason_enc: seal(
                ctx,
                'case_approvals',
                closure.id,
                'reopen_reason',
                request.body.reason,
              ),
            })
            .where('id', '=', closure.id)
            .execute();
        await trx
          .updateTable('cases')
          .set({ status: 'open', closure_reason: null, step: 'assessment', updated_at: now })
          .where('id', '=', survivor.id)
          .execute();
        return finishCareWrite(ctx, trx, actor, request.log, survivor.id, {
          action: 'case.reopen',
          entityType: closure ? 'case_approval' : 'case',
          entityId: closure?.id ?? survivor.id,
          fields: ['reason'],
        });
      });
    },
  );
}
