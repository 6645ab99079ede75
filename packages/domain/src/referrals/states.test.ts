import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.js';
import {
  REFERRAL_FINAL_STATES,
  REFERRAL_MOVES,
  REFERRAL_STATES,
  canMoveReferral,
  referralAnswerDue,
  referralFlags,
  type ReferralSide,
} from './states.js';

const SIDES: ReferralSide[] = ['sender', 'recipient', 'system'];

describe('referral states', () => {
  it('follows the graph: draft → sent → accepted | declined | expired → completed | not completed', () => {
    expect(canMoveReferral('draft', 'sent', 'sender')).toBe(true);
    expect(canMoveReferral('sent', 'accepted', 'recipient')).toBe(true);
    expect(canMoveReferral('sent', 'declined', 'recipient')).toBe(true);
    expect(canMoveReferral('sent', 'expired', 'system')).toBe(true);
    expect(canMoveReferral('accepted', 'completed', 'recipient')).toBe(true);
    expect(canMoveReferral('accepted', 'not_completed', 'recipient')).toBe(true);
  });

  it('lets the sender withdraw and the system revoke an open referral, never a finished one', () => {
    for (const open of ['draft', 'sent', 'accepted'] as const) {
      expect(canMoveReferral(open, 'withdrawn', 'sender')).toBe(true);
      expect(canMoveReferral(open, 'revoked', 'system')).toBe(true);
    }
    expect(REFERRAL_FINAL_STATES).toEqual([
      'declined',
      'expired',
      'completed',
      'not_completed',
      'withdrawn',
      'revoked',
    ]);
  });

  it('refuses every move outside the graph, and every move by the wrong side', () => {
    let allowed = 0;
    for (const from of REFERRAL_STATES)
      for (const to of REFERRAL_STATES)
        for (const side of SIDES) {
          const ok = canMoveReferral(from, to, side);
          expect(ok).toBe(REFERRAL_MOVES[from][to] === side);
          if (ok) allowed += 1;
        }
    expect(allowed).toBe(12);
    expect(canMoveReferral('sent', 'accepted', 'sender')).toBe(false);
    expect(canMoveReferral('draft', 'accepted', 'recipient')).toBe(false);
    expect(canMoveReferral('declined', 'accepted', 'recipient')).toBe(false);
    expect(canMoveReferral('completed', 'sent', 'sender')).toBe(false);
    expect(canMoveReferral('sent', 'sent', 'sender')).toBe(false);
  });
});

describe('answer due and flags', () => {
  const calendar = defaultCalendar('comar_inm');

  it('counts 3 business days from the day it was sent, skipping weekends and holidays', () => {
    // Friday 2026-03-13: Monday the 16th is a holiday (Benito Juárez's birthday, third Monday of March).
    expect(referralAnswerDue(calendar, '2026-03-13')).toBe('2026-03-19');
    // A service answering in 5 business days: from Monday the 9th, the holiday pushes it to Tuesday the 17th.
    expect(referralAnswerDue(calendar, '2026-03-09', 5)).toBe('2026-03-17');
  });

  it('flags a referral waiting past its due day, and an open one without news for 14 days', () => {
    const sent = {
      state: 'sent' as const,
      sentOn: '2026-03-13',
      answerDue: '2026-03-19',
      lastNewsOn: '2026-03-13',
    };
    expect(referralFlags(sent, '2026-03-19')).toEqual({ waiting: true, overdue: false, withoutNews: false });
    expect(referralFlags(sent, '2026-03-20')).toEqual({ waiting: true, overdue: true, withoutNews: false });
    expect(referralFlags(sent, '2026-03-27')).toEqual({ waiting: true, overdue: true, withoutNews: true });
    const accepted = { ...sent, state: 'accepted' as const, lastNewsOn: '2026-03-20' };
    expect(referralFlags(accepted, '2026-04-02')).toEqual({
      waiting: false,
      overdue: false,
      withoutNews: false,
    });
    expect(referralFlags(accepted, '2026-04-03')).toEqual({
      waiting: false,
      overdue: false,
      withoutNews: true,
    });
    const done = { ...accepted, state: 'completed' as const };
    expect(referralFlags(done, '2026-09-01')).toEqual({ waiting: false, overdue: false, withoutNews: false });
  });
});
