import { reasonsOnDay, scanToBusinessDay } from './calendar.js';
import type { BusinessCalendar, NonBusinessReason } from './calendar.js';
import {
  CalendarError,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  partsOf,
  toDayNumber,
  weekdayOf,
} from './dates.js';
import type { LegalDate, Weekday } from './dates.js';
import type { Authority } from './schemas.js';

export const MAX_BUSINESS_DAYS = 3650;
export const MAX_CALENDAR_DAYS = 3650;
export const MAX_MONTHS = 120;

/** What the period runs from; only changes the wording of the explanation. */
export const TRIGGERS = ['notification', 'entry', 'filing', 'issuance', 'act'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/**
 * When the effect date itself is not a business day:
 * - `keep` (default): the period still starts on the first business day after it;
 * - `defer`: the act is deemed to take effect on the next business day, and the
 *   period starts on the business day after that (one business day later).
 */
export type EffectDateHandling = 'keep' | 'defer';

export interface SkippedDay {
  readonly date: LegalDate;
  readonly weekday: Weekday;
  readonly reasons: readonly NonBusinessReason[];
}

export interface BusinessDaysExplanation {
  readonly method: 'business_days';
  readonly authority: Authority;
  readonly trigger: Trigger;
  /** Business days asked for. */
  readonly amount: number;
  readonly effectDate: LegalDate;
  /** Why the effect date is not a business day; empty when it is one. */
  readonly effectDateReasons: readonly NonBusinessReason[];
  readonly effectDateHandling: EffectDateHandling;
  /** The day counting starts after: the effect date, or with `defer` the business day it is deemed to be. */
  readonly countFrom: LegalDate;
  readonly firstCountedDay: LegalDate;
  readonly dueDate: LegalDate;
  /** Business days counted, first and last included (always `amount`). */
  readonly daysCounted: number;
  /** Every non-business day between the effect date (exclusive) and the due date, in order. */
  readonly skipped: readonly SkippedDay[];
}

export type MonthEndAdjustment = 'none' | 'last_day_of_month' | 'first_day_of_next_month';

export interface CalendarPeriodExplanation {
  readonly method: 'calendar_days' | 'months';
  readonly trigger: Trigger;
  /** Calendar days or months asked for. */
  readonly amount: number;
  readonly effectDate: LegalDate;
  /** The day after the effect date. */
  readonly firstCountedDay: LegalDate;
  /** The due date before any roll forward. */
  readonly nominalDueDate: LegalDate;
  /** For months: what happened when the target month has no such day (31 Jan + 1 month). */
  readonly monthEnd: MonthEndAdjustment;
  readonly roll: 'none' | 'next_business_day';
  /** The calendar used to roll forward, or null. */
  readonly authority: Authority | null;
  readonly dueDate: LegalDate;
  /** Calendar days from the effect date to the nominal due date. */
  readonly daysCounted: number;
  /** Non-business days the due date was rolled over (nominal due date included). */
  readonly skipped: readonly SkippedDay[];
}

export type DeadlineExplanation = BusinessDaysExplanation | CalendarPeriodExplanation;

export interface Deadline<E extends DeadlineExplanation = DeadlineExplanation> {
  readonly dueDate: LegalDate;
  readonly explanation: E;
}

export interface BusinessDaysOptions {
  readonly trigger?: Trigger;
  readonly effectDateHandling?: EffectDateHandling;
}

/** Calendar-day and month periods: roll a non-business due date forward (legal periods) or not (document expiry). */
export type RollOptions =
  { readonly roll?: 'none' } | { readonly roll: 'next_business_day'; readonly calendar: BusinessCalendar };

export type CalendarPeriodOptions = RollOptions & { readonly trigger?: Trigger };
export type MonthPeriodOptions = CalendarPeriodOptions & {
  /** When the target month is shorter: its last day (default) or the first day of the next month. */
  readonly missingDay?: 'last_day_of_month' | 'first_day_of_next_month';
};

function checkAmount(n: unknown, max: number, unit: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
    throw new CalendarError('invalid_amount', `the number of ${unit} must be an integer from 1 to ${max}`);
  }
  return n;
}

function toSkipped(list: readonly { day: number; reasons: NonBusinessReason[] }[]): SkippedDay[] {
  return list.map(({ day, reasons }) => ({ date: fromDayNumber(day), weekday: weekdayOf(day), reasons }));
}

/**
 * The due date of a period of `n` business days. The period starts on the
 * business day after `effectDate` (the day the triggering act takes effect):
 * that is day 1, and the due date is day `n`, which counts in full.
 */
export function addBusinessDays(
  calendar: BusinessCalendar,
  effectDate: LegalDate,
  n: number,
  options: BusinessDaysOptions = {},
): Deadline<BusinessDaysExplanation> {
  const effect = toDayNumber(effectDate, 'effectDate');
  checkAmount(n, MAX_BUSINESS_DAYS, 'business days');
  const handling = options.effectDateHandling ?? 'keep';
  const effectDateReasons = reasonsOnDay(calendar, effect);
  const skipped: { day: number; reasons: NonBusinessReason[] }[] = [];
  const countFrom =
    handling === 'defer' && effectDateReasons.length > 0
      ? scanToBusinessDay(calendar, effect, skipped)
      : effect;
  let day = scanToBusinessDay(calendar, countFrom, skipped);
  const first = day;
  for (let counted = 1; counted < n; counted++) day = scanToBusinessDay(calendar, day, skipped);
  const dueDate = fromDayNumber(day);
  return {
    dueDate,
    explanation: {
      method: 'business_days',
      authority: calendar.authority,
      trigger: options.trigger ?? 'act',
      amount: n,
      effectDate,
      effectDateReasons,
      effectDateHandling: handling,
      countFrom: fromDayNumber(countFrom),
      firstCountedDay: fromDayNumber(first),
      dueDate,
      daysCounted: n,
      skipped: toSkipped(skipped),
    },
  };
}

/**
 * Business days after `from` up to and including `to`: the business days left
 * until a due date (0 on the due date itself). When `to` is before `from` the
 * result is negative: minus the business days after `to` up to and including `from`
 * (-1 the business day after a missed due date).
 */
export function businessDaysBetween(calendar: BusinessCalendar, from: LegalDate, to: LegalDate): number {
  const start = toDayNumber(from, 'from');
  const end = toDayNumber(to, 'to');
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (reasonsOnDay(calendar, day).length === 0) count++;
  return sign * count;
}

function finish(
  method: 'calendar_days' | 'months',
  effect: number,
  nominal: number,
  amount: number,
  monthEnd: MonthEndAdjustment,
  options: CalendarPeriodOptions,
): Deadline<CalendarPeriodExplanation> {
  const skipped: { day: number; reasons: NonBusinessReason[] }[] = [];
  let due = nominal;
  let authority: Authority | null = null;
  if (options.roll === 'next_business_day') {
    authority = options.calendar.authority;
    const reasons = reasonsOnDay(options.calendar, nominal);
    if (reasons.length > 0) {
      skipped.push({ day: nominal, reasons });
      due = scanToBusinessDay(options.calendar, nominal, skipped);
    }
  }
  const dueDate = fromDayNumber(due);
  return {
    dueDate,
    explanation: {
      method,
      trigger: options.trigger ?? 'act',
      amount,
      effectDate: fromDayNumber(effect),
      firstCountedDay: fromDayNumber(effect + 1),
      nominalDueDate: fromDayNumber(nominal),
      monthEnd,
      roll: options.roll ?? 'none',
      authority,
      dueDate,
      daysCounted: nominal - effect,
      skipped: toSkipped(skipped),
    },
  };
}

/**
 * A period of `n` calendar days (días naturales): day 1 is the day after
 * `effectDate`, so the nominal due date is `effectDate + n`.
 */
export function addCalendarDays(
  effectDate: LegalDate,
  n: number,
  options: CalendarPeriodOptions = {},
): Deadline<CalendarPeriodExplanation> {
  const effect = toDayNumber(effectDate, 'effectDate');
  checkAmount(n, MAX_CALENDAR_DAYS, 'calendar days');
  return finish('calendar_days', effect, effect + n, n, 'none', options);
}

/**
 * A period of `n` months, from date to date: the same day of the month `n`
 * months later. When that month is shorter (31 January + 1 month), the due date
 * is its last day (28 or 29 February), or with `missingDay: 'first_day_of_next_month'`
 * the first day of the following month.
 */
export function addMonths(
  effectDate: LegalDate,
  n: number,
  options: MonthPeriodOptions = {},
): Deadline<CalendarPeriodExplanation> {
  const effect = toDayNumber(effectDate, 'effectDate');
  checkAmount(n, MAX_MONTHS, 'months');
  const { year, month, day } = partsOf(effect);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const length = daysInMonth(targetYear, targetMonth);
  let nominal: number;
  let monthEnd: MonthEndAdjustment = 'none';
  if (day <= length) nominal = dayNumberOf(targetYear, targetMonth, day);
  else if (options.missingDay === 'first_day_of_next_month') {
    nominal = dayNumberOf(targetYear, targetMonth, length) + 1;
    monthEnd = 'first_day_of_next_month';
  } else {
    nominal = dayNumberOf(targetYear, targetMonth, length);
    monthEnd = 'last_day_of_month';
  }
  return finish('months', effect, nominal, n, monthEnd, options);
}
