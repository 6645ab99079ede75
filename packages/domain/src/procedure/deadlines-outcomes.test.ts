/**
 * Hand-checked procedure deadlines: outcomes, CURP temporal, signing, rules as data. Every expected date was counted by hand on a
 * calendar (weekdays checked with GNU `date`), never taken from the code under
 * test. In the counts "(k)" is the k-th business day and "x" a skipped day;
 * plain weekends are skipped silently.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './deadlines.js';
import { ProcedureError } from './errors.js';
import type { ProcedureEventInput } from './events.js';
import { DEFAULT_DEADLINE_RULES } from './rules.js';
import { CALENDARS, compute, one, codes, ENTRY, NEGATIVE_0401 } from './testing.js';

describe('which deadlines an outcome opens', () => {
  const opened = (outcome: string) =>
    codes(
      compute(
        [
          {
            id: 'd',
            type: 'decision_notified',
            date: '2026-04-01',
            details: { outcome },
          } as ProcedureEventInput,
        ],
        '2026-04-01',
      ),
    );
  it.each(['negative', 'complementary_protection', 'abandonment'])(
    '%s opens the three remedies',
    (outcome) => {
      expect(opened(outcome)).toEqual(['amparo', 'nulidad', 'revision']);
    },
  );
  it.each(['refugee_status', 'withdrawal'])('%s opens none', (outcome) => {
    expect(opened(outcome)).toEqual([]);
  });

  // Mon 1 Jun 2026. TFJA: Jun2–5(1–4) 8–12(5–9) 15–19(10–14) 22–26(15–19) Jun29–Jul3(20–24) 6–10(25–29) Mon13Jul(30)
  // amparo: Jun2–5(1–4) 8–12(5–9) 15–19(10–14) Mon22(15)
  it('a revisión confirmed opens nulidad and amparo from its notification', () => {
    const events: ProcedureEventInput[] = [
      NEGATIVE_0401,
      { id: 'rev', type: 'revision_filed', date: '2026-04-20' },
      {
        id: 'res',
        type: 'revision_decision_notified',
        date: '2026-06-01',
        details: { outcome: 'confirmed' },
      },
    ];
    const list = compute(events, '2026-06-01');
    expect(one(list, 'nulidad_after_revision')).toMatchObject({
      dueDate: '2026-07-13',
      triggerEventId: 'res',
    });
    expect(one(list, 'amparo_after_revision')).toMatchObject({ dueDate: '2026-06-22', status: 'upcoming' });
  });

  it('a remanded revisión opens nothing', () => {
    const events: ProcedureEventInput[] = [
      { id: 'res', type: 'revision_decision_notified', date: '2026-06-01', details: { outcome: 'remanded' } },
    ];
    expect(compute(events, '2026-06-01')).toEqual([]);
  });
});

describe('CURP temporal: 180 calendar days, renewable once', () => {
  // 5 Mar 2025 + 180: to 31 Mar 26, Apr 56, May 87, Jun 117, Jul 148, Aug 179, Mon 1 Sep 180
  const ISSUED: ProcedureEventInput = { id: 'c', type: 'curp_issued', date: '2025-03-05' };
  it('issued 2025-03-05 → renewal due 2025-09-01', () => {
    const d = one(compute([ISSUED], '2025-03-05'), 'curp_temporal_renewal');
    expect(d).toMatchObject({ dueDate: '2025-09-01', status: 'upcoming' });
    expect(d.explanation).toMatchObject({ method: 'calendar_days', amount: 180, roll: 'none' });
  });

  // 25 Aug 2025 + 180: to 31 Aug 6, Sep 36, Oct 67, Nov 97, Dec 128, Jan 159, Sat 21 Feb 2026 180 (not rolled)
  it('renewed 2025-08-25 → renewal met, final expiry 2026-02-21 (a Saturday, kept), no third renewal', () => {
    const events: ProcedureEventInput[] = [ISSUED, { id: 'r', type: 'curp_renewed', date: '2025-08-25' }];
    const list = compute(events, '2025-08-25');
    expect(codes(list)).toEqual(['curp_temporal_expiry', 'curp_temporal_renewal']);
    expect(one(list, 'curp_temporal_renewal')).toMatchObject({
      status: 'met',
      met: { eventId: 'r', late: false },
    });
    const expiry = one(list, 'curp_temporal_expiry');
    expect(expiry).toMatchObject({ dueDate: '2026-02-21', triggerEventId: 'r', status: 'upcoming' });
    // nothing meets the final expiry: once passed it stays overdue
    expect(one(compute(events, '2026-02-22'), 'curp_temporal_expiry').status).toBe('overdue');
    // Friday before a Saturday expiry: no business day left, but not the day itself
    expect(one(compute(events, '2026-02-20'), 'curp_temporal_expiry')).toMatchObject({
      status: 'due_soon',
      businessDaysLeft: 0,
    });
    expect(one(compute(events, '2026-02-21'), 'curp_temporal_expiry').status).toBe('due_today');
  });

  it('permanent residence supersedes the CURP temporal', () => {
    const events: ProcedureEventInput[] = [
      ISSUED,
      { id: 'res', type: 'residence_issued', date: '2025-06-01' },
    ];
    expect(one(compute(events, '2025-10-01'), 'curp_temporal_renewal').status).toBe('not_applicable');
  });
});

describe('periodic signing', () => {
  const obligation = (date: string, frequency: string): ProcedureEventInput =>
    ({
      id: `o-${date}`,
      type: 'signing_obligation_set',
      date,
      details: { office: 'COMAR Ciudad de México', frequency },
    }) as ProcedureEventInput;
  const signed = (date: string): ProcedureEventInput => ({ id: `s-${date}`, type: 'signing_done', date });

  it('weekly from Mon 2025-03-10: Mon 17 Mar is a holiday → Tue 18; after signing then, Mon 24 again', () => {
    const first = one(compute([obligation('2025-03-10', 'weekly')], '2025-03-10'), 'next_signing');
    expect(first).toMatchObject({
      dueDate: '2025-03-18',
      responsible: 'applicant',
      recurrence: { frequency: 'weekly', occurrence: 1, lastEventId: null },
    });
    expect(first.explanation).toMatchObject({ nominalDueDate: '2025-03-17', roll: 'next_business_day' });
    const second = one(
      compute([obligation('2025-03-10', 'weekly'), signed('2025-03-18')], '2025-03-18'),
      'next_signing',
    );
    expect(second).toMatchObject({
      dueDate: '2025-03-24',
      status: 'due_soon',
      recurrence: { occurrence: 2, lastEventId: 's-2025-03-18' },
    });
  });

  it('a missed signing is overdue', () => {
    const events = [obligation('2025-03-10', 'weekly'), signed('2025-03-18'), signed('2025-03-24')];
    expect(one(compute(events, '2025-04-01'), 'next_signing')).toMatchObject({
      dueDate: '2025-03-31',
      status: 'overdue',
      businessDaysLeft: -1,
    });
  });

  it('Holy week: Thursday signing on Holy Thursday 2025 moves to Mon 21 Apr, then back to Thursdays', () => {
    // Thu 3 Apr → Thu10; Thu17x Fri18x Sat19 Sun20 → Mon21; next Thu24
    const events = [obligation('2025-04-03', 'weekly'), signed('2025-04-10')];
    expect(one(compute(events, '2025-04-10'), 'next_signing').dueDate).toBe('2025-04-21');
    expect(one(compute([...events, signed('2025-04-21')], '2025-04-21'), 'next_signing').dueDate).toBe(
      '2025-04-24',
    );
  });

  it('monthly from 31 Jan → 28 Feb (last day of the month)', () => {
    expect(one(compute([obligation('2025-01-31', 'monthly')], '2025-02-01'), 'next_signing').dueDate).toBe(
      '2025-02-28',
    );
  });

  it('a new obligation replaces the old one', () => {
    const events = [obligation('2025-03-10', 'weekly'), obligation('2025-04-07', 'fortnightly')];
    const list = compute(events, '2025-04-07').filter((d) => d.ruleCode === 'next_signing');
    expect(list.map((d) => [d.status, d.dueDate])).toEqual([
      ['not_applicable', '2025-03-18'],
      ['upcoming', '2025-04-21'],
    ]);
  });
});

describe('rules as data and errors', () => {
  it('an inactive rule produces nothing', () => {
    const rules = DEFAULT_DEADLINE_RULES.map((r) => (r.code === 'revision' ? { ...r, active: false } : r));
    expect(codes(compute([NEGATIVE_0401], '2026-04-01', { rules }))).toEqual(['amparo', 'nulidad']);
  });

  it('an edited period is used', () => {
    const rules = DEFAULT_DEADLINE_RULES.map((r) =>
      r.code === 'amparo'
        ? { ...r, period: { kind: 'fixed' as const, amount: 30, unit: 'business_days' as const } }
        : r,
    );
    // amparo, 30: Thu2(1) Fri3(2) Apr6–10(3–7) 13–17(8–12) 20–24(13–17) 27–30(18–21) Fri1May x
    // Mon4(22) Tue5x Wed6(23) Thu7(24) Fri8(25) 11–15(26–30) → Fri 15 May
    expect(one(compute([NEGATIVE_0401], '2026-04-01', { rules }), 'amparo').dueDate).toBe('2026-05-15');
  });

  it('throws ProcedureError for invalid input', () => {
    const error = (call: () => unknown) => {
      try {
        call();
      } catch (e) {
        if (e instanceof ProcedureError) return e.code;
        throw e;
      }
      return null;
    };
    expect(error(() => compute([{ ...ENTRY, date: '2025-02-30' }], '2025-01-01'))).toBe('invalid_events');
    expect(error(() => compute([ENTRY, ENTRY], '2025-01-01'))).toBe('invalid_events');
    expect(error(() => compute([ENTRY], '01/01/2025'))).toBe('invalid_today');
    expect(error(() => compute([ENTRY], '2025-01-01', { dueSoonDays: -1 }))).toBe('invalid_option');
    expect(error(() => compute([ENTRY], '2025-01-01', { rules: [{ code: 'x' } as never] }))).toBe(
      'invalid_rules',
    );
    expect(
      error(() =>
        computeDeadlines({ events: [], calendars: { comar_inm: CALENDARS.comar_inm }, today: '2025-01-01' }),
      ),
    ).toBe('missing_calendar');
    expect(
      error(() =>
        computeDeadlines({
          events: [],
          calendars: { ...CALENDARS, tfja: CALENDARS.amparo },
          today: '2025-01-01',
        }),
      ),
    ).toBe('missing_calendar');
  });
});
