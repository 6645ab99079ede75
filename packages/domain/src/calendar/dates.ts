/**
 * Plain date arithmetic on legal dates (`YYYY-MM-DD`, the America/Mexico_City
 * calendar). A legal date is a day, not an instant: it is turned into a day
 * number (days since 1970-01-01, computed at UTC midnight) so that no time zone
 * or daylight-saving rule can move it.
 */

/** A legal date written `YYYY-MM-DD`. */
export type LegalDate = string;
/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const CALENDAR_ERROR_CODES = [
  'invalid_date',
  'date_out_of_range',
  'invalid_amount',
  'invalid_rules',
  'invalid_entries',
  'no_business_day',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

/** The one error the calendar engine throws; `code` is stable, the message is for developers. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Years accepted as input. Results may run a few years past MAX_YEAR. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const LAST_OUTPUT_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a year, month (1–12) and day that are already known to be valid. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Whether a value is an existing calendar date written `YYYY-MM-DD` within the accepted years. */
export function isLegalDate(value: unknown): value is LegalDate {
  return parseParts(value) !== null;
}

function parseParts(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The day number of a legal date. Throws `CalendarError('invalid_date')` for
 * anything that is not an existing date `YYYY-MM-DD` between MIN_YEAR and MAX_YEAR.
 */
export function toDayNumber(value: unknown, label = 'date'): number {
  const parts = parseParts(value);
  if (!parts) {
    throw new CalendarError(
      'invalid_date',
      `${label} must be an existing calendar date written YYYY-MM-DD, years ${MIN_YEAR}–${MAX_YEAR} (received ${show(value)})`,
    );
  }
  return dayNumberOf(parts.year, parts.month, parts.day);
}

/** The legal date of a day number. */
export function fromDayNumber(dayNumber: number): LegalDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (!Number.isSafeInteger(dayNumber) || year < MIN_YEAR || year > LAST_OUTPUT_YEAR) {
    throw new CalendarError('date_out_of_range', `day number ${dayNumber} is outside the supported years`);
  }
  return date.toISOString().slice(0, 10);
}

/** The weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): Weekday {
  return (((dayNumber % 7) + 11) % 7) as Weekday;
}

/** The weekday of a legal date. */
export function weekdayOfDate(date: LegalDate): Weekday {
  return weekdayOf(toDayNumber(date));
}

/** Year, month (1–12) and day of a day number. */
export function partsOf(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The `nth` (1–5) given weekday of a month, or with `nth` = -1 the last one;
 * null when the month has no such day (a fifth Monday, say).
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, nth: number): number | null {
  const length = daysInMonth(year, month);
  if (nth === -1) {
    const last = dayNumberOf(year, month, length);
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayNumberOf(year, month, 1);
  const day = 1 + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
  return day <= length ? first + day - 1 : null;
}
