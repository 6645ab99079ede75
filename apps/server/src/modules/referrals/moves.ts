/**
 * The moves of a referral through its graph, each made by one side (for a
 * referral outside Senda the sender records the other side's answer), each
 * with an event in the thread, an audit entry and a notice to the other side.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  REFERRAL_MOVES,
  referralAnswerDue,
  todayInMexico,
  type ReferralNoticeEvent,
  type ReferralState,
} from '@senda/domain';
import { auditAct, writeAudit, type AuditAction } from '../../audit/audit.js';
import { nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ReferralsTable } from '../../db/schema.js';
import { conflict, forbidden } from '../../http/errors.js';
import { loadCalendars } from '../procedures/calendars.js';
import { answersFor, consentCovers, type Reach, type Side } from './access.js';
import { notify } from './notices.js';
import { sealText } from './present.js';

export const refuse = (message: string, path: string, code: string) => conflict(message, [{ path, code }]);

/** Record an entry in the referral's thread. */
export async function addEvent(
  ctx: AppContext,
  trx: Db,
  referralId: string,
  event: {
    kind: 'state' | 'message' | 'assigned';
    state?: ReferralState;
    body: string;
    side: Side | 'system';
  },
  actor: Pick<Actor, 'userId' | 'orgId'> | null,
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('referral_events')
    .values({
      id,
      referral_id: referralId,
      kind: event.kind,
      state: event.state ?? null,
      body_enc: event.body ? sealText(ctx, 'referral_events', id, 'body', event.body) : '',
      side: event.side,
      user_id: actor?.userId ?? null,
      org_id: actor?.orgId ?? null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** The day the answer is due, on the receiving organization's calendar (the sender's for one outside Senda). */
export async function answerDueFrom(
  trx: Db,
  row: Pick<ReferralsTable, 'to_org_id' | 'from_org_id' | 'response_days'>,
  sentOn: string,
) {
  const calendars = await loadCalendars(trx, row.to_org_id ?? row.from_org_id);
  return referralAnswerDue(calendars.comar_inm, sentOn, row.response_days);
}

/** Who hears of a move: the side that did not make it. */
const otherSide = (side: Side): Side => (side === 'sender' ? 'recipient' : 'sender');

const AUDIT: Partial<Record<ReferralState, AuditAction>> = {
  sent: 'referral.send',
  accepted: 'referral.accept',
  declined: 'referral.decline',
  completed: 'referral.complete',
  not_completed: 'referral.complete',
  withdrawn: 'referral.withdraw',
};

/**
 * Move a referral to `to` for the caller: refused (409 wrong_state) outside
 * the graph, 403 when the move belongs to the other side.
 */
export async function moveReferral(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  reach: Reach,
  to: ReferralState,
  change: { comment: string; fields?: Partial<ReferralsTable>; auditFields?: string[] },
): Promise<void> {
  const from = reach.row.state as ReferralState;
  const owner = REFERRAL_MOVES[from][to];
  if (!owner || owner === 'system') throw refuse('This move is not allowed now', 'state', 'wrong_state');
  if (owner === 'sender' && reach.side !== 'sender') throw forbidden();
  if (owner === 'recipient' && !answersFor(reach, actor)) throw forbidden();
  const today = todayInMexico();
  const fields: Partial<ReferralsTable> = { ...change.fields };
  if (to === 'sent') {
    if (!(await consentCovers(trx, reach.row, today)))
      throw refuse('No consent covers what this referral shares', 'consent', 'consent_required');
    fields.sent_on = today;
    fields.answer_due = await answerDueFrom(trx, reach.row, today);
  }
  const updated = await trx
    .updateTable('referrals')
    .set({ ...fields, state: to, last_news_on: today, updated_at: nowIso() })
    .where('id', '=', reach.row.id)
    .where('state', '=', from)
    .executeTakeFirst();
  // Someone else moved it in the meantime.
  if (Number(updated.numUpdatedRows) !== 1)
    throw refuse('This move is not allowed now', 'state', 'wrong_state');
  const eventId = await addEvent(
    ctx,
    trx,
    reach.row.id,
    { kind: 'state', state: to, body: change.comment, side: reach.side },
    actor,
  );
  await auditAct(trx, ctx.dialect, actor, {
    action: AUDIT[to] ?? 'referral.send',
    entityType: 'referral',
    entityId: reach.row.id,
    caseId: reach.row.case_id,
    fields: ['state', ...(change.auditFields ?? [])],
  });
  const row = { ...reach.row, ...fields };
  if (to === 'sent') await notify(trx, row, 'recipient', 'received', eventId);
  else await notify(trx, row, otherSide(reach.side), to as ReferralNoticeEvent, eventId, actor.userId);
}

/**
 * The system's moves (no person makes them): revoked when her consent no longer
 * covers it, expired when left unanswered. Both sides are told. Returns whether
 * this call made the move (another instance may have made it first).
 */
export async function systemMove(
  ctx: AppContext,
  trx: Db,
  row: ReferralsTable,
  to: 'revoked' | 'expired',
  today: string = todayInMexico(),
): Promise<boolean> {
  const updated = await trx
    .updateTable('referrals')
    .set({ state: to, last_news_on: today, updated_at: nowIso() })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  const eventId = await addEvent(
    ctx,
    trx,
    row.id,
    { kind: 'state', state: to, body: '', side: 'system' },
    null,
  );
  await writeAudit(trx, ctx.dialect, {
    action: to === 'revoked' ? 'referral.revoke' : 'referral.expire',
    entityType: 'referral',
    entityId: row.id,
    caseId: row.case_id,
    actorId: null,
    orgId: row.from_org_id,
    fields: ['state'],
  });
  await notify(trx, row, 'sender', to, eventId);
  await notify(trx, row, 'recipient', to, eventId);
  return true;
}
