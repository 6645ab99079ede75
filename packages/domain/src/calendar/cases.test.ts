/**
 * Hand-checked deadlines, 2024–2028. Every expected value was counted by hand
 * on a printed calendar (weekdays cross-checked with GNU `date`), never taken
 * from the code under test. In the counts, "(k)" is the k-th business day,
 * "x" a skipped day; weekends are skipped silently unless they matter.
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.js';
import { addBusinessDays, addCalendarDays, addMonths, businessDaysBetween } from './periods.js';
import type { Authority, DatedEntryInput } from './schemas.js';

const TEST_SOURCE = 'Acuerdo de prueba (no es un acuerdo real)';

function days(authority: Authority, ...dates: string[]): DatedEntryInput[] {
  return dates.map((date) => ({ kind: 'non_business_day', authority, date, source: TEST_SOURCE }));
}
function suspension(authority: Authority, from: string, to: string): DatedEntryInput {
  return { kind: 'suspension', authority, from, to, source: TEST_SOURCE, note: 'vacaciones' };
}

/** Holy Thursday and Good Friday as COMAR dated entries (Easter: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28). */
const HOLY_WEEK = {
  2024: days('comar_inm', '2024-03-28', '2024-03-29'),
  2025: days('comar_inm', '2025-04-17', '2025-04-18'),
  2026: days('comar_inm', '2026-04-02', '2026-04-03'),
  2027: days('comar_inm', '2027-03-25', '2027-03-26'),
};
const COMAR_DECEMBER_2025 = [suspension('comar_inm', '2025-12-15', '2026-01-02')];
const COMAR_DECEMBER_2024 = [suspension('comar_inm', '2024-12-16', '2025-01-03')];
const TFJA_DAY_OF_THE_DEAD_2024 = [suspension('tfja', '2024-10-31', '2024-11-02')];

interface BusinessCase {
  /** What the case shows. */
  what: string;
  authority: Authority;
  entries?: DatedEntryInput[];
  effect: string;
  n: number;
  first: string;
  due: string;
  /** Skipped days with a reason other than a plain weekend. */
  special: string[];
}

// prettier-ignore
const BUSINESS_CASES: BusinessCase[] = [
  // Fri 22 Mar: Mon25(1) Tue26(2) Wed27(3) Thu28x Fri29x Apr Mon1(4)…Fri5(8) Mon8(9)…Fri12(13) Mon15(14) Tue16(15)
  { what: 'revisión before Holy Week 2024, COMAR', authority: 'comar_inm', entries: HOLY_WEEK[2024], effect: '2024-03-22', n: 15, first: '2024-03-25', due: '2024-04-16', special: ['2024-03-28', '2024-03-29'] },
  // Mon25(1)…Fri29(5) Mon1(6)…Fri5(10) Mon8(11)…Fri12(15): Holy week is not a rule, and 21 Mar is before
  { what: 'same notification in amparo, no dated entries', authority: 'amparo', effect: '2024-03-22', n: 15, first: '2024-03-25', due: '2024-04-12', special: [] },
  // effect on Sat 23 Mar: counting still starts Mon 25 → same count as the first case
  { what: 'effect date on a Saturday (kept)', authority: 'comar_inm', entries: HOLY_WEEK[2024], effect: '2024-03-23', n: 15, first: '2024-03-25', due: '2024-04-16', special: ['2024-03-28', '2024-03-29'] },
  // Mon 14 Apr: Tue15(1) Wed16(2) Thu17x Fri18x Mon21(3)…Fri25(7) Mon28(8) Tue29(9) Wed30(10) Thu1May x Fri2(11) Mon5x Tue6(12) Wed7(13) Thu8(14) Fri9(15)
  { what: 'revisión before Holy Week 2025, COMAR (also 1 and 5 May)', authority: 'comar_inm', entries: HOLY_WEEK[2025], effect: '2025-04-14', n: 15, first: '2025-04-15', due: '2025-05-09', special: ['2025-04-17', '2025-04-18', '2025-05-01', '2025-05-05'] },
  // Tue15(1) Wed16(2) Thu17(3) Fri18(4) Mon21(5)…Fri25(9) Mon28(10) Tue29(11) Wed30(12) Thu1x Fri2(13) Mon5x Tue6(14) Wed7(15)
  { what: 'same in amparo: Holy week counts, 1 and 5 May do not', authority: 'amparo', effect: '2025-04-14', n: 15, first: '2025-04-15', due: '2025-05-07', special: ['2025-05-01', '2025-05-05'] },
  // Fri 27 Mar: Mon30(1) Tue31(2) Wed1(3) Thu2x Fri3x Mon6(4)…Fri10(8) Mon13(9)…Fri17(13) Mon20(14) Tue21(15)
  { what: 'revisión before Holy Week 2026, COMAR', authority: 'comar_inm', entries: HOLY_WEEK[2026], effect: '2026-03-27', n: 15, first: '2026-03-30', due: '2026-04-21', special: ['2026-04-02', '2026-04-03'] },
  // Mon 22 Mar: Tue23(1) Wed24(2) Thu25x Fri26x Mon29(3) Tue30(4) Wed31(5) Thu1(6) Fri2(7) Mon5(8)…Fri9(12) Mon12(13) Tue13(14) Wed14(15)
  { what: 'revisión in Holy Week 2027, COMAR', authority: 'comar_inm', entries: HOLY_WEEK[2027], effect: '2027-03-22', n: 15, first: '2027-03-23', due: '2027-04-14', special: ['2027-03-25', '2027-03-26'] },
  // Mon 23 Sep: Tue24(1)…Fri27(4) Mon30(5) Tue1Oct x Wed2(6) Thu3(7) Fri4(8) Mon7(9)…Fri11(13) Mon14(14) Tue15(15)
  { what: 'presidential transmission 1 Oct 2024 skipped by COMAR', authority: 'comar_inm', effect: '2024-09-23', n: 15, first: '2024-09-24', due: '2024-10-15', special: ['2024-10-01'] },
  // Tue24(1)…Fri27(4) Mon30(5) Tue1(6) Wed2(7) Thu3(8) Fri4(9) Mon7(10)…Fri11(14) [Sat 12 Oct, Día de la Raza] Mon14(15)
  { what: '1 Oct 2024 counts in amparo (not in art. 19)', authority: 'amparo', effect: '2024-09-23', n: 15, first: '2024-09-24', due: '2024-10-14', special: ['2024-10-12'] },
  // same count as COMAR: the labour-law rest days include 1 Oct 2024
  { what: '1 Oct 2024 skipped by TFJA (labour-law holidays)', authority: 'tfja', effect: '2024-09-23', n: 15, first: '2024-09-24', due: '2024-10-15', special: ['2024-10-01'] },
  // Wed 30 Oct: Thu31(1) Fri1Nov(2) Mon4(3)…Fri8(7) Mon11(8)…Fri15(12) Mon18x Tue19(13) Wed20(14) Thu21(15)
  { what: '1–2 Nov count under LFPA; third Monday of November 2024 (18th)', authority: 'comar_inm', effect: '2024-10-30', n: 15, first: '2024-10-31', due: '2024-11-21', special: ['2024-11-18'] },
  // Thu31(1) Fri1(2) Mon4(3)…Fri15(12) Mon18(13) Tue19(14) Wed20x Thu21(15)
  { what: '1–2 Nov count in amparo; 20 Nov fixed', authority: 'amparo', effect: '2024-10-30', n: 15, first: '2024-10-31', due: '2024-11-21', special: ['2024-11-20'] },
  // Thu31x Fri1x Sat2x (suspension) Mon4(1)…Fri8(5) Mon11(6)…Fri15(10) Mon18x Tue19(11)…Fri22(14) Mon25(15)…Fri29(19) Mon2Dec(20)…Fri6(24) Mon9(25)…Fri13(29) Mon16(30)
  { what: 'juicio de nulidad, 30 days, TFJA 31 Oct–2 Nov suspension', authority: 'tfja', entries: TFJA_DAY_OF_THE_DEAD_2024, effect: '2024-10-30', n: 30, first: '2024-11-04', due: '2024-12-16', special: ['2024-10-31', '2024-11-01', '2024-11-02', '2024-11-18'] },
  // Wed 10 Dec: Thu11(1) Fri12(2) 15 Dec–2 Jan suspended, Mon5Jan(3)…Fri9(7) Mon12(8)…Fri16(12) Mon19(13) Tue20(14) Wed21(15)
  { what: 'December vacation 2025 as a COMAR suspension', authority: 'comar_inm', entries: COMAR_DECEMBER_2025, effect: '2025-12-10', n: 15, first: '2025-12-11', due: '2026-01-21', special: ['2025-12-15', '2025-12-16', '2025-12-17', '2025-12-18', '2025-12-19', '2025-12-20', '2025-12-21', '2025-12-22', '2025-12-23', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'] },
  // Thu11(1) Fri12(2) Mon15(3)…Fri19(7) Mon22(8) Tue23(9) Wed24(10) Thu25x Fri26(11) Mon29(12) Tue30(13) Wed31(14) Thu1x Fri2(15)
  { what: 'same without the vacation entry', authority: 'comar_inm', effect: '2025-12-10', n: 15, first: '2025-12-11', due: '2026-01-02', special: ['2025-12-25', '2026-01-01'] },
  // Fri 13 Dec: 16 Dec–3 Jan suspended, Mon6Jan(1) Tue7(2) Wed8(3)
  { what: '3-day ratification across the December 2024 suspension', authority: 'comar_inm', entries: COMAR_DECEMBER_2024, effect: '2024-12-13', n: 3, first: '2025-01-06', due: '2025-01-08', special: ['2024-12-16', '2024-12-17', '2024-12-18', '2024-12-19', '2024-12-20', '2024-12-21', '2024-12-22', '2024-12-23', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-27', '2024-12-28', '2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03'] },
  // Fri 15 Nov: Mon18x Tue19(1) Wed20(2) Thu21(3)
  { what: 'third Monday of November 2024 = 18', authority: 'comar_inm', effect: '2024-11-15', n: 3, first: '2024-11-19', due: '2024-11-21', special: ['2024-11-18'] },
  // Fri 14 Nov: Mon17x Tue18(1) Wed19(2) Thu20(3)
  { what: 'third Monday of November 2025 = 17', authority: 'comar_inm', effect: '2025-11-14', n: 3, first: '2025-11-18', due: '2025-11-20', special: ['2025-11-17'] },
  // Mon17(1) Tue18(2) Wed19(3) Thu20x Fri21(4) Mon24(5)
  { what: 'amparo keeps 20 Nov 2025 (a Thursday), not the Monday', authority: 'amparo', effect: '2025-11-14', n: 5, first: '2025-11-17', due: '2025-11-24', special: ['2025-11-20'] },
  // Fri 13 Nov: Mon16x Tue17(1) Wed18(2) Thu19(3)
  { what: 'third Monday of November 2026 = 16', authority: 'comar_inm', effect: '2026-11-13', n: 3, first: '2026-11-17', due: '2026-11-19', special: ['2026-11-16'] },
  // Fri 12 Nov: Mon15x Tue16(1) Wed17(2) Thu18(3)
  { what: 'third Monday of November 2027 = 15', authority: 'comar_inm', effect: '2027-11-12', n: 3, first: '2027-11-16', due: '2027-11-18', special: ['2027-11-15'] },
  // Fri 2 Feb: Mon5x Tue6(1)
  { what: 'first Monday of February 2024 = 5 Feb', authority: 'comar_inm', effect: '2024-02-02', n: 1, first: '2024-02-06', due: '2024-02-06', special: ['2024-02-05'] },
  // Fri 2 Feb: Mon5x (5 Feb is a Monday in 2024) Tue6(1)
  { what: 'amparo 5 Feb 2024 coincides with the Monday', authority: 'amparo', effect: '2024-02-02', n: 1, first: '2024-02-06', due: '2024-02-06', special: ['2024-02-05'] },
  // Fri 31 Jan: Mon3x Tue4(1) Wed5(2)
  { what: 'first Monday of February 2025 = 3 Feb; 5 Feb counts for COMAR', authority: 'comar_inm', effect: '2025-01-31', n: 2, first: '2025-02-04', due: '2025-02-05', special: ['2025-02-03'] },
  // Mon3(1) Tue4(2) Wed5x Thu6(3)
  { what: 'amparo: 5 Feb 2025 (Wednesday) fixed, 3 Feb counts', authority: 'amparo', effect: '2025-01-31', n: 3, first: '2025-02-03', due: '2025-02-06', special: ['2025-02-05'] },
  // Fri 30 Jan: Mon2x Tue3(1) Wed4(2) Thu5(3) Fri6(4) Mon9(5)
  { what: 'first Monday of February 2026 = 2 Feb', authority: 'comar_inm', effect: '2026-01-30', n: 5, first: '2026-02-03', due: '2026-02-09', special: ['2026-02-02'] },
  // Mon2(1) Tue3(2) Wed4(3) Thu5x Fri6(4) Mon9(5)
  { what: 'amparo: 5 Feb 2026 (Thursday)', authority: 'amparo', effect: '2026-01-30', n: 5, first: '2026-02-02', due: '2026-02-09', special: ['2026-02-05'] },
  // Fri 29 Jan: Mon1x Tue2(1) Wed3(2) Thu4(3) Fri5(4)
  { what: 'first Monday of February 2027 = 1 Feb', authority: 'comar_inm', effect: '2027-01-29', n: 4, first: '2027-02-02', due: '2027-02-05', special: ['2027-02-01'] },
  // Mon1(1) Tue2(2) Wed3(3) Thu4(4)
  { what: 'amparo: 1 Feb 2027 counts', authority: 'amparo', effect: '2027-01-29', n: 4, first: '2027-02-01', due: '2027-02-04', special: [] },
  // Fri 15 Mar: Mon18x Tue19(1) Wed20(2) Thu21(3)
  { what: 'third Monday of March 2024 = 18; 21 Mar counts for COMAR', authority: 'comar_inm', effect: '2024-03-15', n: 3, first: '2024-03-19', due: '2024-03-21', special: ['2024-03-18'] },
  // Mon18(1) Tue19(2) Wed20(3) Thu21x Fri22(4)
  { what: 'amparo: 21 Mar 2024 (Thursday) fixed', authority: 'amparo', effect: '2024-03-15', n: 4, first: '2024-03-18', due: '2024-03-22', special: ['2024-03-21'] },
  // Fri 14 Mar: Mon17x Tue18(1) Wed19(2) Thu20(3) Fri21(4)
  { what: 'third Monday of March 2025 = 17', authority: 'comar_inm', effect: '2025-03-14', n: 4, first: '2025-03-18', due: '2025-03-21', special: ['2025-03-17'] },
  // Mon17(1) Tue18(2) Wed19(3) Thu20(4)
  { what: 'amparo: 17 Mar 2025 counts', authority: 'amparo', effect: '2025-03-14', n: 4, first: '2025-03-17', due: '2025-03-20', special: [] },
  // Fri 13 Mar: Mon16x Tue17(1) Wed18(2) Thu19(3) Fri20(4) Mon23(5)
  { what: 'third Monday of March 2026 = 16', authority: 'comar_inm', effect: '2026-03-13', n: 5, first: '2026-03-17', due: '2026-03-23', special: ['2026-03-16'] },
  // Mon16(1)…Fri20(5); 21 Mar 2026 is a Saturday, after the due date
  { what: 'amparo: 21 Mar 2026 on a Saturday', authority: 'amparo', effect: '2026-03-13', n: 5, first: '2026-03-16', due: '2026-03-20', special: [] },
  // Fri 12 Mar: Mon15x Tue16(1) Wed17(2) Thu18(3) Fri19(4) Mon22(5)
  { what: 'third Monday of March 2027 = 15', authority: 'comar_inm', effect: '2027-03-12', n: 5, first: '2027-03-16', due: '2027-03-22', special: ['2027-03-15'] },
  // Mon15(1)…Fri19(5)
  { what: 'amparo: 15 Mar 2027 counts', authority: 'amparo', effect: '2027-03-12', n: 5, first: '2027-03-15', due: '2027-03-19', special: [] },
  // Wed 28 Feb: Thu29(1) Fri1Mar(2) Mon4(3)
  { what: 'leap day 2024-02-29 counts', authority: 'comar_inm', effect: '2024-02-28', n: 3, first: '2024-02-29', due: '2024-03-04', special: [] },
  // Mon 28 Feb: Tue29(1) Wed1Mar(2)
  { what: 'leap day 2028-02-29 counts', authority: 'comar_inm', effect: '2028-02-28', n: 2, first: '2028-02-29', due: '2028-03-01', special: [] },
  // Thu 27 Feb: Fri28(1) Mon3Mar(2)
  { what: 'no leap day in 2025', authority: 'comar_inm', effect: '2025-02-27', n: 2, first: '2025-02-28', due: '2025-03-03', special: [] },
  // entry Mon 6 Jan: Tue7(1)…Fri10(4) 13–17(5–9) 20–24(10–14) 27–31(15–19) Mon3Feb x Tue4(20)…Fri7(23) 10–14(24–28) Mon17(29) Tue18(30)
  { what: 'application window, 30 days from entry', authority: 'comar_inm', effect: '2025-01-06', n: 30, first: '2025-01-07', due: '2025-02-18', special: ['2025-02-03'] },
  // entry Fri 1 Mar: 4–8(1–5) 11–15(6–10) Mon18x 19–22(11–14) 25–27(15–17) Thu28x Fri29x Apr 1–5(18–22) 8–12(23–27) 15–17(28–30)
  { what: 'application window across Holy Week 2024', authority: 'comar_inm', entries: HOLY_WEEK[2024], effect: '2024-03-01', n: 30, first: '2024-03-04', due: '2024-04-17', special: ['2024-03-18', '2024-03-28', '2024-03-29'] },
  // filed Thu 2 May: Fri3(1) [Sun 5 May, Batalla de Puebla] Mon6(2) Tue7(3)
  { what: '3-day ratification, 5 May 2024 on a Sunday', authority: 'comar_inm', effect: '2024-05-02', n: 3, first: '2024-05-03', due: '2024-05-07', special: ['2024-05-05'] },
  // filed Tue 29 Apr: Wed30(1) Thu1x Fri2(2) Mon5x Tue6(3)
  { what: '3-day ratification across 1 and 5 May 2025', authority: 'comar_inm', effect: '2025-04-29', n: 3, first: '2025-04-30', due: '2025-05-06', special: ['2025-05-01', '2025-05-05'] },
  // filed Mon 2 Jun: Jun 3–6(1–4) 9–13(5–9) 16–20(10–14) 23–27(15–19) Mon30(20) Jul 1–4(21–24) 7–11(25–29) 14–18(30–34) 21–25(35–39) 28–31(40–43) Fri1Aug(44) Mon4(45)
  { what: 'COMAR resolution, 45 days, summer 2025', authority: 'comar_inm', effect: '2025-06-02', n: 45, first: '2025-06-03', due: '2025-08-04', special: [] },
  // filed Wed 10 Sep: Thu11(1) Fri12(2) Mon15(3) Tue16x Wed17(4) Thu18(5) Fri19(6) 22–26(7–11) 29–3Oct(12–16) 6–10(17–21) 13–17(22–26) 20–24(27–31) 27–31(32–36) Nov 3–7(37–41) Mon10(42)…Thu13(45)
  { what: 'COMAR resolution, 45 days across 16 Sep 2025', authority: 'comar_inm', effect: '2025-09-10', n: 45, first: '2025-09-11', due: '2025-11-13', special: ['2025-09-16'] },
  // effect Fri 1 May 2026 (a holiday): Mon4(1)
  { what: 'effect date on a holiday (kept): next business day is day 1', authority: 'comar_inm', effect: '2026-05-01', n: 1, first: '2026-05-04', due: '2026-05-04', special: [] },
  // effect Mon 4 May: Tue5(1) — the labour law has no 5 May rest day
  { what: 'labour: 5 May 2026 counts', authority: 'labour', effect: '2026-05-04', n: 1, first: '2026-05-05', due: '2026-05-05', special: [] },
  // effect Mon 4 May: Tue5x Wed6(1)
  { what: 'COMAR: 5 May 2026 skipped', authority: 'comar_inm', effect: '2026-05-04', n: 1, first: '2026-05-06', due: '2026-05-06', special: ['2026-05-05'] },
];

describe('business-day periods, hand-checked', () => {
  it.each(BUSINESS_CASES)('$what: $effect + $n → $due', (c) => {
    const calendar = defaultCalendar(c.authority, c.entries ?? []);
    const { dueDate, explanation } = addBusinessDays(calendar, c.effect, c.n);
    expect(dueDate).toBe(c.due);
    expect(explanation.firstCountedDay).toBe(c.first);
    expect(explanation.daysCounted).toBe(c.n);
    const special = explanation.skipped.filter((d) => d.reasons.some((r) => r.kind !== 'weekend'));
    expect(special.map((d) => d.date)).toEqual(c.special);
    // and the inverse: exactly n business days from the effect date to the due date
    expect(businessDaysBetween(calendar, c.effect, c.due)).toBe(c.n);
  });

  it('has at least 30 cases across 2024–2027', () => {
    expect(BUSINESS_CASES.length).toBeGreaterThanOrEqual(30);
    const years = new Set(BUSINESS_CASES.map((c) => c.effect.slice(0, 4)));
    for (const year of ['2024', '2025', '2026', '2027']) expect(years).toContain(year);
  });

  it('defers a holiday effect date when asked', () => {
    // effect Fri 1 May 2026 (holiday) deemed Mon 4 May; Tue5x (COMAR) Wed6(1)
    const { dueDate, explanation } = addBusinessDays(defaultCalendar('comar_inm'), '2026-05-01', 1, {
      effectDateHandling: 'defer',
    });
    expect(dueDate).toBe('2026-05-06');
    expect(explanation.countFrom).toBe('2026-05-04');
    expect(explanation.effectDateReasons).toEqual([
      { kind: 'holiday', code: 'labour_day', basis: 'LFPA art. 28' },
    ]);
  });
});

describe('calendar-day and month periods, hand-checked', () => {
  const comar = defaultCalendar('comar_inm');

  it.each([
    // Jan 15→31: 16, Feb 29 (leap): 45, Mar 31: 76, Apr 30: 106, May 31: 137, Jun 30: 167, Jul 13: 180 (Sat)
    ['CURP temporal from 2024-01-15 (leap year)', '2024-01-15', 180, '2024-07-13'],
    // Jan 15→31: 16, Feb 28: 44, Mar 31: 75, Apr 30: 105, May 31: 136, Jun 30: 166, Jul 14: 180
    ['CURP temporal from 2025-01-15', '2025-01-15', 180, '2025-07-14'],
    // renewal from 2024-07-13: Jul 31: 18, Aug 31: 49, Sep 30: 79, Oct 31: 110, Nov 30: 140, Dec 31: 171, Jan 9: 180
    ['CURP renewal for the same period', '2024-07-13', 180, '2025-01-09'],
    // Feb 28 → Feb 29 (1) → Mar 1 (2)
    ['2 calendar days across a leap day', '2024-02-28', 2, '2024-03-01'],
  ])('%s: %s + %i days → %s', (_what, effect, n, due) => {
    expect(addCalendarDays(effect, n).dueDate).toBe(due);
  });

  it('rolls a Saturday expiry to Monday only when asked', () => {
    // 2024-07-13 is a Saturday; Sun 14 skipped; Mon 15 is a business day
    const rolled = addCalendarDays('2024-01-15', 180, { roll: 'next_business_day', calendar: comar });
    expect(rolled.dueDate).toBe('2024-07-15');
    expect(rolled.explanation.nominalDueDate).toBe('2024-07-13');
    expect(rolled.explanation.skipped.map((d) => d.date)).toEqual(['2024-07-13', '2024-07-14']);
    expect(addCalendarDays('2024-01-15', 180, { roll: 'none' }).dueDate).toBe('2024-07-13');
  });

  it.each([
    ['31 Jan + 1 month, leap year → 29 Feb', '2024-01-31', 1, '2024-02-29'],
    ['31 Jan + 1 month → 28 Feb', '2025-01-31', 1, '2025-02-28'],
    ['31 Mar + 1 month → 30 Apr', '2024-03-31', 1, '2024-04-30'],
    ['31 Aug 2024 + 6 months → Feb 2025 has 28 days', '2024-08-31', 6, '2025-02-28'],
    ['29 Feb 2024 + 12 months → 28 Feb 2025', '2024-02-29', 12, '2025-02-28'],
    ['30 Nov 2023 + 3 months → 29 Feb 2024', '2023-11-30', 3, '2024-02-29'],
    ['31 Dec 2024 + 2 months → 28 Feb 2025', '2024-12-31', 2, '2025-02-28'],
    ['31 Dec 2023 + 2 months → 29 Feb 2024', '2023-12-31', 2, '2024-02-29'],
    ['15 Jan + 1 month → 15 Feb', '2024-01-15', 1, '2024-02-15'],
    ['15 Nov 2024 + 4 months → 15 Mar 2025 (year change)', '2024-11-15', 4, '2025-03-15'],
  ])('%s', (_what, effect, n, due) => {
    expect(addMonths(effect, n).dueDate).toBe(due);
  });

  it('moves a missing month day to the 1st of the next month when asked', () => {
    // 31 Jan 2025 + 1 month: no 31 Feb → 1 Mar 2025
    const result = addMonths('2025-01-31', 1, { missingDay: 'first_day_of_next_month' });
    expect(result.dueDate).toBe('2025-03-01');
    expect(result.explanation.monthEnd).toBe('first_day_of_next_month');
  });

  it('rolls month periods forward on a non-business day', () => {
    // 31 Oct 2024 + 1 month → 30 Nov 2024 (Sat); Sun 1 Dec; Mon 2 Dec is a business day
    expect(addMonths('2024-10-31', 1, { roll: 'next_business_day', calendar: comar }).dueDate).toBe(
      '2024-12-02',
    );
    // 20 Nov 2025 + 1 month → Sat 20 Dec, inside the 15 Dec–2 Jan suspension; Sat 3, Sun 4 Jan → Mon 5 Jan 2026
    const withVacation = defaultCalendar('comar_inm', COMAR_DECEMBER_2025);
    const result = addMonths('2025-11-20', 1, { roll: 'next_business_day', calendar: withVacation });
    expect(result.dueDate).toBe('2026-01-05');
    expect(result.explanation.skipped).toHaveLength(16); // 20 Dec … 4 Jan
  });
});

describe('business days left, hand-checked', () => {
  const comar = defaultCalendar('comar_inm', HOLY_WEEK[2024]);

  it.each([
    // Tue 9 Apr → due Tue 16 Apr: Wed10 Thu11 Fri12 Mon15 Tue16
    ['five days left', '2024-04-09', '2024-04-16', 5],
    ['due today', '2024-04-16', '2024-04-16', 0],
    // Fri 22 Mar → Sun 24 Mar: only weekend days
    ['only a weekend ahead', '2024-03-22', '2024-03-24', 0],
    // Wed 27 Mar → Mon 1 Apr: Thu28x Fri29x Mon1(1)
    ['over Holy Thursday and Friday', '2024-03-27', '2024-04-01', 1],
    // due Tue 16 Apr, today Thu 18 Apr: Wed17 Thu18 → 2 days late
    ['two business days late', '2024-04-18', '2024-04-16', -2],
  ])('%s: %s → %s = %i', (_what, from, to, expected) => {
    expect(businessDaysBetween(comar, from, to)).toBe(expected);
  });
});
