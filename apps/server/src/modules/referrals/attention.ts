/** The referrals that want one person's attention, for "My work". */
import { REFERRAL_OPEN_STATES, type ReferralSummaryView } from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import { ANSWERING_ROLES, inboxScope, sentScope } from './access.js';
import { presentSummary } from './present.js';

const LIMIT = 50;

/**
 * Received ones waiting for an answer (for those who answer) or accepted and
 * assigned to her; and the ones she sent that are overdue or without news.
 */
export async function referralsNeedingAttention(
  trx: Db,
  actor: Pick<Actor, 'userId' | 'orgId' | 'role'>,
  today: string,
): Promise<ReferralSummaryView[]> {
  const inbox = await inboxScope(trx, actor)
    .where((eb) =>
      eb.or([
        ...(ANSWERING_ROLES.includes(actor.role) ? [eb('r.state', '=', 'sent')] : []),
        eb.and([eb('r.state', 'in', ['sent', 'accepted']), eb('r.assigned_to', '=', actor.userId)]),
      ]),
    )
    .orderBy('r.answer_due')
    .limit(LIMIT)
    .execute();
  const sent = await sentScope(trx, actor)
    .where('r.created_by', '=', actor.userId)
    .where('r.state', 'in', [...REFERRAL_OPEN_STATES])
    .orderBy('r.last_news_on')
    .limit(LIMIT * 4)
    .execute();
  return [
    ...inbox.map((row) => presentSummary(row, 'recipient', today)),
    ...sent
      .map((row) => presentSummary(row, 'sender', today))
      .filter((s) => s.flags.overdue || s.flags.withoutNews)
      .slice(0, LIMIT),
  ];
}
