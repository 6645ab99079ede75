import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  isLegalDate,
  nthWeekdayOfMonth,
  toDayNumber,
  weekdayOfDate,
} from './dates.js';

describe('legal dates', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2999-12-31', '2025-12-31'])('accepts %s', (date) => {
    expect(isLegalDate(date)).toBe(true);
    expect(fromDayNumber(toDayNumber(date))).toBe(date);
  });

  it.each([
    '2023-02-29',
    '2100-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-5',
    '24-01-05',
    '2024-01-05T00:00:00Z',
    ' 2024-01-05',
    '1899-12-31',
    '3000-01-01',
    '',
    '２０２４-01-05',
  ])('rejects %j with a clear error', (date) => {
    expect(isLegalDate(date)).toBe(false);
    expect(() => toDayNumber(date, 'effectDate')).toThrow(/effectDate must be an existing calendar date/);
  });

  it.each([null, undefined, 20240105, new Date(0), {}])('rejects the non-string %j', (value) => {
    expect(isLegalDate(value)).toBe(false);
    try {
      toDayNumber(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).code).toBe('invalid_date');
    }
  });

  it('knows weekdays, leap years and month lengths', () => {
    expect(weekdayOfDate('1970-01-01')).toBe(4); // Thursday
    expect(weekdayOfDate('1969-12-31')).toBe(3);
    expect(weekdayOfDate('1900-01-01')).toBe(1); // Monday
    expect(weekdayOfDate('2024-03-22')).toBe(5); // Friday
    expect(weekdayOfDate('2028-02-29')).toBe(2); // Tuesday
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect([1, 2, 4].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30]);
    expect(daysInMonth(2025, 2)).toBe(28);
  });

  it('finds the nth weekday of a month', () => {
    const date = (d: number | null) => (d === null ? null : fromDayNumber(d));
    expect(date(nthWeekdayOfMonth(2024, 11, 1, 3))).toBe('2024-11-18');
    expect(date(nthWeekdayOfMonth(2027, 2, 1, 1))).toBe('2027-02-01'); // the 1st itself is a Monday
    expect(date(nthWeekdayOfMonth(2024, 3, 0, -1))).toBe('2024-03-31'); // last Sunday is the last day
    expect(date(nthWeekdayOfMonth(2024, 2, 4, 5))).toBe('2024-02-29'); // fifth Thursday on a leap day
    expect(nthWeekdayOfMonth(2025, 2, 4, 5)).toBeNull();
  });

  it('round-trips every day between 1900 and 2999', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2999-12-31') }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(weekdayOfDate(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });
});
