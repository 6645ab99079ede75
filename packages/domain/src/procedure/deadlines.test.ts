/**
 * Hand-checked procedure deadlines. Every expected date was counted by hand on a
 * calendar (weekdays checked with GNU `date`), never taken from the code under
 * test. In the counts "(k)" is the k-th business day and "x" a skipped day;
 * plain weekends are skipped silently.
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { renderExplanation } from '../calendar/explain.js';
import type { DatedEntryInput } from '../calendar/schemas.js';
import { computeDeadlines } from './deadlines.js';
import type { ProcedureDeadline } from './deadlines.js';
import { ProcedureError } from './errors.js';
import type { ProcedureEventInput } from './events.js';
import { DEFAULT_DEADLINE_RULES } from './rules.js';
import type { DeadlineRuleInput } from './rules.js';

const SOURCE = 'Acuerdo de prueba (no es un acuerdo real)';
function comarDays(...dates: string[]): DatedEntryInput[] {
  return dates.map((date) => ({
    kind: 'non_business_day',
    authority: 'comar_inm',
    date,
    source: SOURCE,
    note: 'Semana Santa',
  }));
}
/** Holy Thursday and Good Friday as COMAR dated entries (Easter 2025-04-20, 2026-04-05). */
const HOLY_WEEK = [...comarDays('2025-04-17', '2025-04-18'), ...comarDays('2026-04-02', '2026-04-03')];
const CALENDARS = {
  comar_inm: defaultCalendar('comar_inm', HOLY_WEEK),
  tfja: defaultCalendar('tfja'),
  amparo: defaultCalendar('amparo'),
};

function compute(
  events: ProcedureEventInput[],
  today: string,
  options: { dueSoonDays?: number; rules?: readonly DeadlineRuleInput[] } = {},
): ProcedureDeadline[] {
  return computeDeadlines({ events, calendars: CALENDARS, today, ...options });
}
/** The one deadline of a rule (fails when there is none or several). */
function one(list: ProcedureDeadline[], ruleCode: string): ProcedureDeadline {
  const found = list.filter((d) => d.ruleCode === ruleCode);
  expect(found, ruleCode).toHaveLength(1);
  return found[0] as ProcedureDeadline;
}
function codes(list: ProcedureDeadline[]): string[] {
  return list.map((d) => d.ruleCode).sort();
}
function specialSkipped(deadline: ProcedureDeadline): string[] {
  return deadline.explanation.skipped
    .filter((day) => day.reasons.some((r) => r.kind !== 'weekend'))
    .map((day) => day.date);
}

const ENTRY: ProcedureEventInput = { id: 'entry', type: 'entry', date: '2025-01-06' };
const FILED_0303: ProcedureEventInput = {
  id: 'filed',
  type: 'application_filed',
  date: '2025-03-03',
  details: { filedBy: 'applicant', office: 'COMAR Ciudad de México', state: '09' },
};
const NEGATIVE_0401: ProcedureEventInput = {
  id: 'decision',
  type: 'decision_notified',
  date: '2026-04-01',
  details: { outcome: 'negative' },
};
function filed(id: string, date: string, filedBy: 'applicant' | 'representative'): ProcedureEventInput {
  return { id, type: 'application_filed', date, details: { filedBy } };
}

describe('application window: 30 business days from entry (LRPCAP art. 18)', () => {
  // Mon 6 Jan: Tue7(1)…Fri10(4) Jan13–17(5–9) 20–24(10–14) 27–31(15–19) Mon3Feb x (first Monday of February)
  // Feb4–7(20–23) 10–14(24–28) Mon17(29) Tue18(30)
  it('entry 2025-01-06 → due 2025-02-18', () => {
    const d = one(compute([ENTRY], '2025-01-06'), 'application_window');
    expect(d).toMatchObject({
      dueDate: '2025-02-18',
      effectDate: '2025-01-06',
      triggerEventId: 'entry',
      status: 'upcoming',
      businessDaysLeft: 30,
      responsible: 'lawyer',
      calendar: 'comar_inm',
      justificationNeeded: false,
      met: null,
      closedBy: null,
    });
    expect(d.explanation).toMatchObject({
      method: 'business_days',
      trigger: 'entry',
      firstCountedDay: '2025-01-07',
    });
    expect(specialSkipped(d)).toEqual(['2025-02-03']);
    expect(renderExplanation(d.explanation, 'es')).toContain('vence el martes 2025-02-18');
  });

  it('filed on the due date: met on time', () => {
    const d = one(
      compute([ENTRY, filed('f', '2025-02-18', 'applicant')], '2025-03-01'),
      'application_window',
    );
    expect(d.status).toBe('met');
    expect(d.met).toEqual({ eventId: 'f', date: '2025-02-18', late: false, businessDaysLate: 0 });
    expect(d.businessDaysLeft).toBeNull();
    expect(d.justificationNeeded).toBe(false);
  });

  it('filed late: met, late, justification needed, never blocked', () => {
    // due Tue 18 Feb; Wed19 Thu20 → 2 business days late
    const d = one(
      compute([ENTRY, filed('f', '2025-02-20', 'applicant')], '2025-03-01'),
      'application_window',
    );
    expect(d.status).toBe('met');
    expect(d.met).toEqual({ eventId: 'f', date: '2025-02-20', late: true, businessDaysLate: 2 });
    expect(d.justificationNeeded).toBe(true);
  });

  it('not filed and passed: overdue, justification needed', () => {
    const d = one(compute([ENTRY], '2025-02-19'), 'application_window');
    expect(d).toMatchObject({ status: 'overdue', businessDaysLeft: -1, justificationNeeded: true });
  });

  it('counts from effectiveOn, the day applying became materially possible', () => {
    // Mon 13 Jan: Jan14–17(1–4) 20–24(5–9) 27–31(10–14) Feb3x Feb4–7(15–18) 10–14(19–23) 17–21(24–28) Mon24(29) Tue25(30)
    const entry: ProcedureEventInput = { ...ENTRY, effectiveOn: '2025-01-13' };
    const d = one(compute([entry], '2025-01-13'), 'application_window');
    expect(d.effectDate).toBe('2025-01-13');
    expect(d.dueDate).toBe('2025-02-25');
  });

  it('a re-entry after an application was filed opens no new window (not_applicable, met_earlier)', () => {
    const events: ProcedureEventInput[] = [
      ENTRY,
      filed('f', '2025-01-20', 'applicant'),
      { id: 'entry2', type: 'entry', date: '2025-06-02' },
    ];
    const windows = compute(events, '2025-06-03').filter((d) => d.ruleCode === 'application_window');
    expect(windows.map((d) => [d.triggerEventId, d.status])).toEqual([
      ['entry', 'met'],
      ['entry2', 'not_applicable'],
    ]);
    expect(windows[1]?.closedBy).toEqual({ reason: 'met_earlier', eventId: 'f' });
  });

  it('a second entry before any application replaces the first window', () => {
    const events: ProcedureEventInput[] = [ENTRY, { id: 'entry2', type: 'entry', date: '2025-01-13' }];
    const windows = compute(events, '2025-01-14').filter((d) => d.ruleCode === 'application_window');
    expect(windows.map((d) => [d.triggerEventId, d.status, d.dueDate])).toEqual([
      ['entry', 'not_applicable', '2025-02-18'],
      ['entry2', 'upcoming', '2025-02-25'],
    ]);
    expect(windows[0]?.closedBy).toEqual({ reason: 'replaced', eventId: 'entry2' });
  });
});

describe('ratification: 3 business days when filed by a representative (Reglamento art. 20)', () => {
  // Fri 14 Mar 2025: Mon17x (third Monday of March) Tue18(1) Wed19(2) Thu20(3)
  it('filed by a representative on 2025-03-14 → due 2025-03-20', () => {
    const d = one(compute([filed('f', '2025-03-14', 'representative')], '2025-03-14'), 'ratification');
    expect(d).toMatchObject({ dueDate: '2025-03-20', status: 'due_soon', businessDaysLeft: 3 });
    expect(specialSkipped(d)).toEqual(['2025-03-17']);
  });

  it('no ratification deadline when she filed in person', () => {
    expect(codes(compute([filed('f', '2025-03-14', 'applicant')], '2025-03-14'))).toEqual([
      'comar_resolution',
    ]);
  });

  it('ratified the same day or later: met', () => {
    const events: ProcedureEventInput[] = [
      filed('f', '2025-03-14', 'representative'),
      { id: 'r', type: 'ratified', date: '2025-03-14' },
    ];
    expect(one(compute(events, '2025-03-21'), 'ratification').status).toBe('met');
  });
});

describe('COMAR resolution: 45 business days (+45 when extended), responsible: the authority', () => {
  // Mon 3 Mar 2025: Mar4–7(1–4) 10–14(5–9) Mon17x 18–21(10–13) 24–28(14–18) Mar31–Apr4(19–23) Apr7–11(24–28)
  // 14–16(29–31) Thu17x Fri18x (Holy week, COMAR entries) 21–25(32–36) 28–30(37–39) Thu1May x Fri2(40)
  // Mon5x 6–9(41–44) Mon12(45)
  it('filed 2025-03-03 → due 2025-05-12', () => {
    const d = one(compute([FILED_0303], '2025-03-03'), 'comar_resolution');
    expect(d).toMatchObject({ dueDate: '2025-05-12', responsible: 'authority', status: 'upcoming' });
    expect(d.explanation).toMatchObject({ amount: 45, trigger: 'filing' });
    expect(specialSkipped(d)).toEqual(['2025-03-17', '2025-04-17', '2025-04-18', '2025-05-01', '2025-05-05']);
  });

  // from Mon12May(45): 13–16(46–49) 19–23(50–54) 26–30(55–59) Jun2–6(60–64) 9–13(65–69) 16–20(70–74)
  // 23–27(75–79) Jun30–Jul4(80–84) 7–11(85–89) Mon14Jul(90)
  it('extended → 90 business days, due 2025-07-14; a second extension is ignored', () => {
    const extended: ProcedureEventInput[] = [
      FILED_0303,
      { id: 'x1', type: 'resolution_extended', date: '2025-04-30' },
    ];
    const d = one(compute(extended, '2025-05-13'), 'comar_resolution');
    expect(d).toMatchObject({ dueDate: '2025-07-14', extensionEventIds: ['x1'], status: 'upcoming' });
    expect(d.explanation).toMatchObject({ amount: 90 });
    const twice = [...extended, { id: 'x2', type: 'resolution_extended', date: '2025-07-01' } as const];
    expect(one(compute(twice, '2025-05-13'), 'comar_resolution').dueDate).toBe('2025-07-14');
  });

  it('statuses: due_today on the due date, comar_overdue the day after', () => {
    expect(one(compute([FILED_0303], '2025-05-12'), 'comar_resolution').status).toBe('due_today');
    const d = one(compute([FILED_0303], '2025-05-13'), 'comar_resolution');
    expect(d).toMatchObject({ status: 'comar_overdue', businessDaysLeft: -1 });
  });

  it('a late decision meets it late, with the business days of delay (advocacy)', () => {
    // after Mon12May: 13–16(1–4) 19–23(5–9) 26–30(10–14) Mon2Jun(15)
    const events: ProcedureEventInput[] = [
      FILED_0303,
      { id: 'd', type: 'decision_notified', date: '2025-06-02', details: { outcome: 'negative' } },
    ];
    const d = one(compute(events, '2025-06-03'), 'comar_resolution');
    expect(d.status).toBe('met');
    expect(d.met).toEqual({ eventId: 'd', date: '2025-06-02', late: true, businessDaysLate: 15 });
  });

  it('a ratified withdrawal supersedes it', () => {
    const events: ProcedureEventInput[] = [
      FILED_0303,
      { id: 'w', type: 'withdrawal_filed', date: '2025-03-20' },
      { id: 'wr', type: 'withdrawal_ratified', date: '2025-03-21' },
    ];
    const list = compute(events, '2025-06-01');
    expect(one(list, 'comar_resolution')).toMatchObject({
      status: 'not_applicable',
      closedBy: { reason: 'superseded', eventId: 'wr' },
    });
    // Thu 20 Mar: Fri21(1)
    expect(one(list, 'withdrawal_ratification')).toMatchObject({ status: 'met', dueDate: '2025-03-25' });
  });
});

describe('remedies after a negative decision notified Wed 2026-04-01', () => {
  // COMAR: Thu2x Fri3x (Holy week entries) Apr6–10(1–5) 13–17(6–10) 20–24(11–15) → Fri 24 Apr
  // TFJA (no dated entries; labour-law holidays): Thu2(1) Fri3(2) Apr6–10(3–7) 13–17(8–12) 20–24(13–17)
  //   27–30(18–21) Fri1May x 4–8(22–26; 5 May counts) 11–14(27–30) → Thu 14 May
  // amparo (art. 19, no entries): Thu2(1) Fri3(2) 6–10(3–7) 13–17(8–12) 20–22(13–15) → Wed 22 Apr
  const list = compute([NEGATIVE_0401], '2026-04-01');

  it('revisión 15 business days, COMAR calendar → 2026-04-24', () => {
    const d = one(list, 'revision');
    expect(d).toMatchObject({ dueDate: '2026-04-24', calendar: 'comar_inm', businessDaysLeft: 15 });
    expect(d.explanation).toMatchObject({ trigger: 'notification', firstCountedDay: '2026-04-06' });
    expect(specialSkipped(d)).toEqual(['2026-04-02', '2026-04-03']);
    expect(renderExplanation(d.explanation, 'en')).toContain('Semana Santa');
  });

  it('juicio de nulidad 30 business days, TFJA calendar → 2026-05-14', () => {
    const d = one(list, 'nulidad');
    expect(d).toMatchObject({ dueDate: '2026-05-14', calendar: 'tfja' });
    expect(specialSkipped(d)).toEqual(['2026-05-01']);
  });

  it('amparo 15 business days, amparo calendar → 2026-04-22', () => {
    const d = one(list, 'amparo');
    expect(d).toMatchObject({ dueDate: '2026-04-22', calendar: 'amparo' });
    expect(specialSkipped(d)).toEqual([]);
  });

  it('sorted by due date', () => {
    expect(list.map((d) => d.ruleCode)).toEqual(['amparo', 'revision', 'nulidad']);
  });

  it('revisión filed in time: met; nulidad and amparo superseded', () => {
    const after = compute(
      [NEGATIVE_0401, { id: 'rev', type: 'revision_filed', date: '2026-04-20' }],
      '2026-04-21',
    );
    expect(one(after, 'revision')).toMatchObject({
      status: 'met',
      met: { eventId: 'rev', late: false, businessDaysLate: 0 },
    });
    for (const code of ['nulidad', 'amparo']) {
      expect(one(after, code)).toMatchObject({
        status: 'not_applicable',
        closedBy: { reason: 'superseded', eventId: 'rev' },
      });
    }
  });

  it('revisión filed after the due date: met late', () => {
    // due Fri 24 Apr; Sat25 Sun26 Mon27(1)
    const d = one(
      compute([NEGATIVE_0401, { id: 'rev', type: 'revision_filed', date: '2026-04-27' }], '2026-04-28'),
      'revision',
    );
    expect(d).toMatchObject({ status: 'met', met: { late: true, businessDaysLate: 1 } });
  });

  it('going to court directly supersedes the revisión', () => {
    const after = compute(
      [NEGATIVE_0401, { id: 'n', type: 'nulidad_filed', date: '2026-04-10' }],
      '2026-04-27',
    );
    expect(one(after, 'revision').closedBy).toEqual({ reason: 'superseded', eventId: 'n' });
    expect(one(after, 'nulidad').status).toBe('met');
  });

  it('statuses as today moves', () => {
    const at = (today: string, dueSoonDays?: number) =>
      one(compute([NEGATIVE_0401], today, dueSoonDays === undefined ? {} : { dueSoonDays }), 'revision');
    // Thu16: Fri17 Mon20…Fri24 → 6 left
    expect(at('2026-04-16')).toMatchObject({ status: 'upcoming', businessDaysLeft: 6 });
    expect(at('2026-04-16', 6)).toMatchObject({ status: 'due_soon', businessDaysLeft: 6 });
    expect(at('2026-04-17')).toMatchObject({ status: 'due_soon', businessDaysLeft: 5 });
    expect(at('2026-04-24')).toMatchObject({ status: 'due_today', businessDaysLeft: 0 });
    expect(at('2026-04-25')).toMatchObject({ status: 'overdue', businessDaysLeft: 0 });
    expect(at('2026-04-27')).toMatchObject({ status: 'overdue', businessDaysLeft: -1 });
    // before the decision, still counted forward
    expect(at('2026-03-31').businessDaysLeft).toBe(16);
  });
});

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
