/**
 * The system's moves on referrals, and the reminders:
 * - revoked: once her consent no longer covers what an open referral shares
 *   (withdrawn — done at once by the withdrawal itself — or expired);
 * - expired: sent and left unanswered for REFERRAL_EXPIRY_DAYS;
 * - overdue: sent and unanswered past the answer due day — both sides get
 *   a notice, once.
 * Safe to run on several instances at once: each move changes a row only from
 * the state it was read in, and notices are unique per person and event.
 */
import type { FastifyBaseLogger } from 'fastify';
import { REFERRAL_EXPIRY_DAYS, REFERRAL_OPEN_STATES, todayInMexico } from '@senda/domain';
import type { AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { consentCovers } from './access.js';
import { systemMove } from './moves.js';
import { notify } from './notices.js';

/** Revoke the open referrals of a case whose consent no longer covers them; returns how many. */
export async function revokeLapsed(
  ctx: AppContext,
  trx: Db,
  caseId: string | null,
  today: string = todayInMexico(),
  log?: FastifyBaseLogger,
): Promise<number> {
  let q = trx
    .selectFrom('referrals')
    .selectAll()
    .where('state', 'in', [...REFERRAL_OPEN_STATES]);
  if (caseId) q = q.where('case_id', '=', caseId);
  let revoked = 0;
  for (const row of await q.execute()) {
    if (await consentCovers(trx, row, today)) continue;
    if (await systemMove(ctx, trx, row, 'revoked', today)) {
      revoked += 1;
      log?.info({ referralId: row.id }, 'referral revoked: consent no longer covers it');
    }
  }
  return revoked;
}

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function referralSweep(
  ctx: AppContext,
  today: string = todayInMexico(),
  log?: FastifyBaseLogger,
) {
  const revoked = await ctx.db.transaction().execute((trx) => revokeLapsed(ctx, trx, null, today, log));
  const stale = await ctx.db
    .selectFrom('referrals')
    .selectAll()
    .where('state', '=', 'sent')
    .where('sent_on', '<=', daysBefore(today, REFERRAL_EXPIRY_DAYS))
    .execute();
  let expired = 0;
  for (const row of stale)
    if (await ctx.db.transaction().execute((trx) => systemMove(ctx, trx, row, 'expired', today)))
      expired += 1;
  const overdue = await ctx.db
    .selectFrom('referrals')
    .selectAll()
    .where('state', '=', 'sent')
    .where('answer_due', '<', today)
    .execute();
  let reminded = 0;
  for (const row of overdue)
    await ctx.db.transaction().execute(async (trx) => {
      const key = `due-${row.answer_due}`;
      reminded += await notify(trx, row, 'recipient', 'overdue', key);
      reminded += await notify(trx, row, 'sender', 'overdue', key);
    });
  return { revoked, expired, reminded };
}
