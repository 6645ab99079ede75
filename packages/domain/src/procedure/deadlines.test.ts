/**
 * Hand-checked procedure deadlines. Every expected date was counted by hand on a
 * calendar (weekdays checked with GNU `date`), never taken from the code under
 * test. In the counts "(k)" is the k-th business day and "x" a skipped day;
 * plain weekends are skipped silently.
 */
import { describe, expect, it } from 'vitest';
import { renderExplanation } from '../calendar/explain.js';
import type { ProcedureEventInput } from './events.js';
import { compute, one, codes, specialSkipped, ENTRY, FILED_0303, NEGATIVE_0401, filed } from './testing.js';

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
