import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar, isBusinessDay } from './calendar.js';
import { CalendarError, fromDayNumber, toDayNumber } from './dates.js';
import {
  MAX_BUSINESS_DAYS,
  addBusinessDays,
  addCalendarDays,
  addMonths,
  businessDaysBetween,
} from './periods.js';
import { AUTHORITIES } from './schemas.js';
import type { DatedEntryInput } from './schemas.js';

/** The CalendarError a call throws (fails the test if it throws nothing or something else). */
function errorOf(call: () => unknown): CalendarError {
  try {
    call();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('input validation', () => {
  const comar = defaultCalendar('comar_inm');

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_BUSINESS_DAYS + 1])(
    'rejects %d business days',
    (n) => {
      const error = errorOf(() => addBusinessDays(comar, '2024-03-22', n));
      expect(error.code).toBe('invalid_amount');
      expect(error.message).toMatch(/integer from 1 to 3650/);
    },
  );

  it('rejects a number passed as text from an unchecked caller', () => {
    expect(() => addBusinessDays(comar, '2024-03-22', '15' as unknown as number)).toThrow(/business days/);
    expect(() => addMonths('2024-01-31', 121)).toThrow(/months/);
    expect(() => addCalendarDays('2024-01-31', 0)).toThrow(/calendar days/);
  });

  it('names the bad date argument', () => {
    expect(() => addBusinessDays(comar, '22/03/2024', 15)).toThrow(/^effectDate must be/);
    expect(() => businessDaysBetween(comar, '2024-03-22', '2024-02-30')).toThrow(/^to must be/);
    expect(errorOf(() => addMonths('2023-02-29', 1)).code).toBe('invalid_date');
  });

  it('accepts the largest period', () => {
    // 3650 business days is about 14.5 years
    const { dueDate } = addBusinessDays(comar, '2024-01-01', MAX_BUSINESS_DAYS);
    expect(dueDate > '2038-01-01' && dueDate < '2039-01-01').toBe(true);
  });
});

const SOURCE = 'Acuerdo de prueba';
const AUTHORITY = fc.constantFrom(...AUTHORITIES);
/** Effect dates across 2023–2031, around every rule kind and both transmissions' cycle. */
const DAY = fc.integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2031-12-31') });
const DATE = DAY.map(fromDayNumber);
const ENTRY = (authority: string) =>
  fc.oneof(
    DATE.map((date) => ({ kind: 'non_business_day', authority, date, source: SOURCE })),
    fc.tuple(DAY, fc.integer({ min: 0, max: 40 })).map(([from, length]) => ({
      kind: 'suspension',
      authority,
      from: fromDayNumber(from),
      to: fromDayNumber(from + length),
      source: SOURCE,
    })),
  ) as fc.Arbitrary<DatedEntryInput>;
const CALENDAR = AUTHORITY.chain((authority) =>
  fc.array(ENTRY(authority), { maxLength: 6 }).map((entries) => defaultCalendar(authority, entries)),
);
const N = fc.integer({ min: 1, max: 80 });
const RUNS = { numRuns: 150 };

describe('business-day properties', () => {
  it('never lands on a non-business day, and lands strictly after the effect date', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, N, (calendar, effect, n) => {
        const { dueDate, explanation } = addBusinessDays(calendar, effect, n);
        expect(isBusinessDay(calendar, dueDate)).toBe(true);
        expect(isBusinessDay(calendar, explanation.firstCountedDay)).toBe(true);
        expect(dueDate > effect).toBe(true);
        expect(explanation.firstCountedDay <= dueDate).toBe(true);
      }),
      RUNS,
    );
  });

  it('adding n then m business days equals adding n + m', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, N, N, (calendar, effect, n, m) => {
        const first = addBusinessDays(calendar, effect, n).dueDate;
        expect(addBusinessDays(calendar, first, m).dueDate).toBe(
          addBusinessDays(calendar, effect, n + m).dueDate,
        );
      }),
      RUNS,
    );
  });

  it('businessDaysBetween(effect, addBusinessDays(effect, n)) is n, and −n the other way', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, N, (calendar, effect, n) => {
        const { dueDate } = addBusinessDays(calendar, effect, n);
        expect(businessDaysBetween(calendar, effect, dueDate)).toBe(n);
        expect(businessDaysBetween(calendar, dueDate, effect)).toBe(-n);
      }),
      RUNS,
    );
  });

  it('an added dated entry never makes a due date earlier', () => {
    fc.assert(
      fc.property(
        AUTHORITY.chain((a) => fc.tuple(fc.constant(a), fc.array(ENTRY(a), { maxLength: 4 }), ENTRY(a))),
        DATE,
        N,
        ([authority, entries, extra], effect, n) => {
          const before = addBusinessDays(defaultCalendar(authority, entries), effect, n).dueDate;
          const after = addBusinessDays(defaultCalendar(authority, [...entries, extra]), effect, n).dueDate;
          expect(after >= before).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('explains itself: counted days plus skipped days fill the period exactly', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, N, (calendar, effect, n) => {
        const { dueDate, explanation } = addBusinessDays(calendar, effect, n);
        const span = toDayNumber(dueDate) - toDayNumber(effect);
        expect(explanation.daysCounted + explanation.skipped.length).toBe(span);
        for (const day of explanation.skipped) {
          expect(day.reasons.length).toBeGreaterThan(0);
          expect(isBusinessDay(calendar, day.date)).toBe(false);
        }
        const dates = explanation.skipped.map((d) => d.date);
        expect([...dates].sort()).toEqual(dates);
      }),
      RUNS,
    );
  });

  it('deferring a non-business effect date adds exactly one business day, and nothing otherwise', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, N, (calendar, effect, n) => {
        const kept = addBusinessDays(calendar, effect, n).dueDate;
        const deferred = addBusinessDays(calendar, effect, n, { effectDateHandling: 'defer' }).dueDate;
        const expected = isBusinessDay(calendar, effect)
          ? kept
          : addBusinessDays(calendar, effect, n + 1).dueDate;
        expect(deferred).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('calendar-day and month properties', () => {
  it('a calendar-day period without roll is plain addition', () => {
    fc.assert(
      fc.property(DAY, fc.integer({ min: 1, max: 400 }), (effect, n) => {
        expect(addCalendarDays(fromDayNumber(effect), n).dueDate).toBe(fromDayNumber(effect + n));
      }),
      RUNS,
    );
  });

  it('rolling forward gives the first business day on or after the nominal date', () => {
    fc.assert(
      fc.property(CALENDAR, DATE, fc.integer({ min: 1, max: 400 }), (calendar, effect, n) => {
        const nominal = addCalendarDays(effect, n).dueDate;
        const rolled = addCalendarDays(effect, n, { roll: 'next_business_day', calendar }).dueDate;
        expect(isBusinessDay(calendar, rolled)).toBe(true);
        expect(rolled >= nominal).toBe(true);
        expect(businessDaysBetween(calendar, nominal, rolled)).toBe(rolled === nominal ? 0 : 1);
      }),
      RUNS,
    );
  });

  it('a month period keeps the day of the month or clamps it to the month end', () => {
    fc.assert(
      fc.property(DATE, fc.integer({ min: 1, max: 120 }), (effect, n) => {
        const due = addMonths(effect, n).dueDate;
        const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(months(due) - months(effect)).toBe(n);
        const day = Number(effect.slice(8));
        const dueDay = Number(due.slice(8));
        if (dueDay !== day) {
          expect(dueDay).toBeLessThan(day);
          expect(addCalendarDays(due, 1).dueDate.slice(8)).toBe('01'); // clamped to the last day
        }
      }),
      RUNS,
    );
  });
});
