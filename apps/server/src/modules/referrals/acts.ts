/**
 * What each side does with a referral: send a draft, withdraw it (sender);
 * accept, decline with a reason, assign, complete with an outcome (receiving
 * side, or the sender for a referral outside Senda); and the message thread
 * between the two organizations. Each answers with the referral as it now is.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  REFERRAL_OPEN_STATES,
  referralAcceptInput,
  referralAssignInput,
  referralCommentInput,
  referralCompleteInput,
  referralDeclineInput,
  referralMessageInput,
  referralView,
  todayInMexico,
  type ReferralState,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ReferralsTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { caseErrors } from '../cases/routes.js';
import { noBody } from '../care/approvals.js';
import { ANSWERING_ROLES, reachReferral, type Reach } from './access.js';
import { addEvent, moveReferral, refuse } from './moves.js';
import { notify } from './notices.js';
import { presentReferral } from './present.js';
import { referralParams } from './routes.js';

const answer = { 200: referralView, ...caseErrors };

/** A staff member of the receiving organization who may take the referral. */
async function requireAssignable(trx: Db, row: ReferralsTable, userId: string): Promise<void> {
  const user = row.to_org_id
    ? await trx
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('org_id', '=', row.to_org_id)
        .where('active', '=', 1)
        .where('role', '!=', 'analyst')
        .executeTakeFirst()
    : undefined;
  if (!user) throw refuse('This person cannot take the referral', 'assignedTo', 'not_assignable');
}

export function registerReferralActs(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** One act on a referral the caller reaches, in one transaction, answered with the referral. */
  const act = (
    id: string,
    actor: Actor,
    log: Parameters<typeof presentReferral>[1],
    fn: (trx: Db, reach: Reach) => Promise<void>,
  ) =>
    inTransaction(ctx, async (trx) => {
      const reach = await reachReferral(trx, actor, id);
      await fn(trx, reach);
      const fresh = await trx
        .selectFrom('referrals')
        .selectAll()
        .where('id', '=', reach.row.id)
        .executeTakeFirstOrThrow();
      return presentReferral(ctx, log, trx, actor, { ...reach, row: fresh });
    });

  r.post(
    '/referrals/:id/send',
    { schema: { tags: ['referrals'], params: referralParams, body: noBody, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return act(request.params.id, actor, request.log, (trx, reach) =>
        moveReferral(ctx, trx, actor, reach, 'sent', { comment: '' }),
      );
    },
  );

  r.post(
    '/referrals/:id/withdraw',
    { schema: { tags: ['referrals'], params: referralParams, body: referralCommentInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return act(request.params.id, actor, request.log, (trx, reach) =>
        moveReferral(ctx, trx, actor, reach, 'withdrawn', { comment: request.body.comment }),
      );
    },
  );

  r.post(
    '/referrals/:id/accept',
    { schema: { tags: ['referrals'], params: referralParams, body: referralAcceptInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      const { assignedTo, comment } = request.body;
      return act(request.params.id, actor, request.log, async (trx, reach) => {
        if (assignedTo !== null) await requireAssignable(trx, reach.row, assignedTo);
        await moveReferral(ctx, trx, actor, reach, 'accepted', {
          comment,
          fields: { assigned_to: assignedTo },
          auditFields: assignedTo ? ['assignedTo'] : [],
        });
      });
    },
  );

  r.post(
    '/referrals/:id/decline',
    { schema: { tags: ['referrals'], params: referralParams, body: referralDeclineInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      const { reason, comment } = request.body;
      return act(request.params.id, actor, request.log, (trx, reach) =>
        moveReferral(ctx, trx, actor, reach, 'declined', {
          comment,
          fields: { decline_reason: reason },
          auditFields: ['reason'],
        }),
      );
    },
  );

  r.post(
    '/referrals/:id/complete',
    {
      schema: { tags: ['referrals'], params: referralParams, body: referralCompleteInput, response: answer },
    },
    (request) => {
      const actor = actorOf(request);
      const { outcome, reason, comment } = request.body;
      return act(request.params.id, actor, request.log, (trx, reach) =>
        moveReferral(ctx, trx, actor, reach, outcome === 'not_given' ? 'not_completed' : 'completed', {
          comment,
          fields: { outcome, not_given_reason: reason },
          auditFields: ['outcome', ...(reason ? ['reason'] : [])],
        }),
      );
    },
  );

  r.post(
    '/referrals/:id/assign',
    { schema: { tags: ['referrals'], params: referralParams, body: referralAssignInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return act(request.params.id, actor, request.log, async (trx, reach) => {
        if (reach.side !== 'recipient' || !ANSWERING_ROLES.includes(actor.role)) throw forbidden();
        if (!REFERRAL_OPEN_STATES.includes(reach.row.state as ReferralState))
          throw refuse('The referral is closed', 'state', 'wrong_state');
        await requireAssignable(trx, reach.row, request.body.userId);
        await trx
          .updateTable('referrals')
          .set({ assigned_to: request.body.userId, last_news_on: todayInMexico(), updated_at: nowIso() })
          .where('id', '=', reach.row.id)
          .execute();
        const eventId = await addEvent(
          ctx,
          trx,
          reach.row.id,
          { kind: 'assigned', body: '', side: 'recipient' },
          actor,
        );
        await auditAct(trx, ctx.dialect, actor, {
          action: 'referral.assign',
          entityType: 'referral',
          entityId: reach.row.id,
          caseId: reach.row.case_id,
          fields: ['assignedTo'],
        });
        await notify(
          trx,
          { ...reach.row, assigned_to: request.body.userId },
          'recipient',
          'assigned',
          eventId,
          actor.userId,
        );
      });
    },
  );

  r.post(
    '/referrals/:id/messages',
    { schema: { tags: ['referrals'], params: referralParams, body: referralMessageInput, response: answer } },
    (request) => {
      const actor = actorOf(request);
      return act(request.params.id, actor, request.log, async (trx, reach) => {
        if (!REFERRAL_OPEN_STATES.includes(reach.row.state as ReferralState))
          throw refuse('The referral is not open', 'state', 'wrong_state');
        const eventId = await addEvent(
          ctx,
          trx,
          reach.row.id,
          { kind: 'message', body: request.body.body, side: reach.side },
          actor,
        );
        await trx
          .updateTable('referrals')
          .set({ last_news_on: todayInMexico(), updated_at: nowIso() })
          .where('id', '=', reach.row.id)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'referral.message',
          entityType: 'referral',
          entityId: reach.row.id,
          caseId: reach.row.case_id,
          fields: ['body'],
        });
        if (reach.row.mode === 'senda')
          await notify(
            trx,
            reach.row,
            reach.side === 'sender' ? 'recipient' : 'sender',
            'message',
            eventId,
            actor.userId,
          );
      });
    },
  );
}
