/**
 * The life of a referral, closed-loop: the sender drafts and sends it; the
 * receiving organization accepts or declines it, then completes it (service
 * given, partly given) or not (with a reason). The sender may withdraw it
 * while it is open; it is revoked when the consent it rests on is withdrawn
 * or expires; an unanswered referral expires at its expiry date. Moves outside
 * this graph are refused, and each move belongs to one side.
 *
 * An answer is due within the service's response time (default 3 business
 * days, counted on the organization's calendar); past it the referral is
 * overdue and both sides are reminded. "Without news" means no change of
 * state or message for 14 days.
 */
import { addBusinessDays, type BusinessCalendar, type LegalDate } from '../calendar/index.js';

export const REFERRAL_STATES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'expired',
  'completed',
  'not_completed',
  'withdrawn',
  'revoked',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** Who moves a referral: the sending organization, the receiving one, or Senda itself. */
export type ReferralSide = 'sender' | 'recipient' | 'system';

/** Every allowed move, and the side it belongs to. */
export const REFERRAL_MOVES: Readonly<Record<ReferralState, Partial<Record<ReferralState, ReferralSide>>>> = {
  draft: { sent: 'sender', withdrawn: 'sender', revoked: 'system' },
  sent: {
    accepted: 'recipient',
    declined: 'recipient',
    expired: 'system',
    withdrawn: 'sender',
    revoked: 'system',
  },
  accepted: { completed: 'recipient', not_completed: 'recipient', withdrawn: 'sender', revoked: 'system' },
  declined: {},
  expired: {},
  completed: {},
  not_completed: {},
  withdrawn: {},
  revoked: {},
};

/** States in which the receiving organization sees the referral's data (while consent holds). */
export const REFERRAL_OPEN_STATES: readonly ReferralState[] = ['sent', 'accepted'];
/** States from which nothing moves any more. */
export const REFERRAL_FINAL_STATES: readonly ReferralState[] = REFERRAL_STATES.filter(
  (s) => Object.keys(REFERRAL_MOVES[s]).length === 0,
);

/** Whether `side` may move a referral from `from` to `to`. */
export function canMoveReferral(from: ReferralState, to: ReferralState, side: ReferralSide): boolean {
  return REFERRAL_MOVES[from][to] === side;
}

export const DEFAULT_RESPONSE_BUSINESS_DAYS = 3;
export const NO_NEWS_DAYS = 14;

/** The day an answer is due: `days` business days after the day it was sent, on the organization's calendar. */
export function referralAnswerDue(
  calendar: BusinessCalendar,
  sentOn: LegalDate,
  days: number = DEFAULT_RESPONSE_BUSINESS_DAYS,
): LegalDate {
  return addBusinessDays(calendar, sentOn, days).dueDate;
}

export interface ReferralTimeline {
  state: ReferralState;
  /** The day it was sent (Mexico City), null while a draft. */
  sentOn: LegalDate | null;
  answerDue: LegalDate | null;
  /** The day of its last change of state or message. */
  lastNewsOn: LegalDate;
}

/** What the sender's dashboard flags: waiting for an answer, overdue, or without news for 14 days. */
export function referralFlags(referral: ReferralTimeline, today: LegalDate) {
  const waiting = referral.state === 'sent';
  const open = REFERRAL_OPEN_STATES.includes(referral.state);
  const quietSince = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${referral.lastNewsOn}T00:00:00Z`);
  return {
    waiting,
    overdue: waiting && referral.answerDue !== null && today > referral.answerDue,
    withoutNews: open && quietSince >= NO_NEWS_DAYS * 86_400_000,
  };
}
