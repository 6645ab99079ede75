import { z } from 'zod';
import { CalendarError, fromDayNumber, partsOf, toDayNumber, weekdayOf } from './dates.js';
import type { LegalDate, Weekday } from './dates.js';
import { DEFAULT_CALENDAR_RULES, occurrencesInYear } from './rules.js';
import { calendarRulesSchema, datedEntrySchema } from './schemas.js';
import type { Authority, CalendarRules, DatedEntry, DatedEntryInput } from './schemas.js';

/** One authority's calendar: its rules plus the dated entries staff recorded for it. */
export interface BusinessCalendar {
  readonly authority: Authority;
  readonly rules: CalendarRules;
  /** Only the entries of this authority (others passed in are left out). */
  readonly entries: readonly DatedEntry[];
}

/** Why a day is not a business day. Codes and sources are data; the interface translates kinds and codes. */
export type NonBusinessReason =
  | { readonly kind: 'weekend'; readonly weekday: Weekday; readonly basis: string }
  | { readonly kind: 'holiday'; readonly code: string; readonly name?: string; readonly basis: string }
  | {
      readonly kind: 'non_business_day';
      readonly source: string;
      readonly note?: string;
      readonly entryId?: string;
    }
  | {
      readonly kind: 'suspension';
      readonly from: LegalDate;
      readonly to: LegalDate;
      readonly source: string;
      readonly note?: string;
      readonly entryId?: string;
    };
export type NonBusinessReasonKind = NonBusinessReason['kind'];

export interface DayStatus {
  readonly date: LegalDate;
  readonly weekday: Weekday;
  readonly businessDay: boolean;
  /** Empty exactly when `businessDay` is true. */
  readonly reasons: readonly NonBusinessReason[];
}

interface CalendarIndex {
  readonly weekend: ReadonlySet<number>;
  readonly weekendBasis: string;
  readonly rules: CalendarRules['holidays'];
  readonly holidaysByYear: Map<number, Map<number, NonBusinessReason[]>>;
  readonly singles: Map<number, NonBusinessReason[]>;
  readonly suspensions: readonly { from: number; to: number; reason: NonBusinessReason }[];
}

const indexes = new WeakMap<BusinessCalendar, CalendarIndex>();

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

function entryFields(entry: DatedEntry) {
  return {
    source: entry.source,
    ...(entry.note === undefined ? {} : { note: entry.note }),
    ...(entry.id === undefined ? {} : { entryId: entry.id }),
  };
}

function buildIndex(calendar: BusinessCalendar): CalendarIndex {
  const singles = new Map<number, NonBusinessReason[]>();
  const suspensions: { from: number; to: number; reason: NonBusinessReason }[] = [];
  for (const entry of calendar.entries) {
    if (entry.kind === 'non_business_day') {
      const day = toDayNumber(entry.date);
      const list = singles.get(day) ?? [];
      list.push({ kind: 'non_business_day', ...entryFields(entry) });
      singles.set(day, list);
    } else {
      suspensions.push({
        from: toDayNumber(entry.from),
        to: toDayNumber(entry.to),
        reason: { kind: 'suspension', from: entry.from, to: entry.to, ...entryFields(entry) },
      });
    }
  }
  return {
    weekend: new Set(calendar.rules.weekendDays),
    weekendBasis: calendar.rules.weekendBasis,
    rules: calendar.rules.holidays,
    holidaysByYear: new Map(),
    singles,
    suspensions,
  };
}

/**
 * A calendar from an authority's rules and the dated entries recorded so far.
 * Both are validated with their schemas (throws `invalid_rules` / `invalid_entries`);
 * entries of other authorities are ignored, so all of them may be passed in.
 */
export function buildCalendar(
  rules: CalendarRules,
  entries: readonly DatedEntryInput[] = [],
): BusinessCalendar {
  const parsedRules = calendarRulesSchema.safeParse(rules);
  if (!parsedRules.success) {
    throw new CalendarError('invalid_rules', `invalid calendar rules: ${describeIssues(parsedRules.error)}`);
  }
  const parsedEntries = z.array(datedEntrySchema).safeParse(entries);
  if (!parsedEntries.success) {
    throw new CalendarError(
      'invalid_entries',
      `invalid dated entries: ${describeIssues(parsedEntries.error)}`,
    );
  }
  const authority = parsedRules.data.authority;
  const calendar: BusinessCalendar = Object.freeze({
    authority,
    rules: parsedRules.data,
    entries: Object.freeze(parsedEntries.data.filter((entry) => entry.authority === authority)),
  });
  indexes.set(calendar, buildIndex(calendar));
  return calendar;
}

/** The calendar of an authority with the default rules (DEFAULT_CALENDAR_RULES) and the given entries. */
export function defaultCalendar(
  authority: Authority,
  entries: readonly DatedEntryInput[] = [],
): BusinessCalendar {
  return buildCalendar(DEFAULT_CALENDAR_RULES[authority], entries);
}

function indexOf(calendar: BusinessCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    // A calendar assembled by hand rather than by buildCalendar: validate it the same way.
    index = indexOf(buildCalendar(calendar.rules, calendar.entries));
    indexes.set(calendar, index);
  }
  return index;
}

function holidaysOf(index: CalendarIndex, year: number): Map<number, NonBusinessReason[]> {
  let byDay = index.holidaysByYear.get(year);
  if (!byDay) {
    byDay = new Map();
    for (const occurrence of occurrencesInYear(index.rules, year)) {
      const day = toDayNumber(occurrence.date);
      const list = byDay.get(day) ?? [];
      list.push({
        kind: 'holiday',
        code: occurrence.code,
        basis: occurrence.basis,
        ...(occurrence.name === undefined ? {} : { name: occurrence.name }),
      });
      byDay.set(day, list);
    }
    index.holidaysByYear.set(year, byDay);
  }
  return byDay;
}

/** Reasons a day number is not a business day (empty for a business day). For the period functions. */
export function reasonsOnDay(calendar: BusinessCalendar, day: number): NonBusinessReason[] {
  const index = indexOf(calendar);
  const reasons: NonBusinessReason[] = [];
  const weekday = weekdayOf(day);
  if (index.weekend.has(weekday)) reasons.push({ kind: 'weekend', weekday, basis: index.weekendBasis });
  const holidays = holidaysOf(index, partsOf(day).year).get(day);
  if (holidays) reasons.push(...holidays);
  const singles = index.singles.get(day);
  if (singles) reasons.push(...singles);
  for (const suspension of index.suspensions) {
    if (suspension.from <= day && day <= suspension.to) reasons.push(suspension.reason);
  }
  return reasons;
}

/** Whether a date is a business day, and every reason when it is not. */
export function dayStatus(calendar: BusinessCalendar, date: LegalDate): DayStatus {
  const day = toDayNumber(date);
  const reasons = reasonsOnDay(calendar, day);
  return { date, weekday: weekdayOf(day), businessDay: reasons.length === 0, reasons };
}

/** Whether a date is a business day in the calendar (see `dayStatus` for the reasons). */
export function isBusinessDay(calendar: BusinessCalendar, date: LegalDate): boolean {
  return reasonsOnDay(calendar, toDayNumber(date)).length === 0;
}

/**
 * How far a search for a business day may run (about 55 years) before the
 * calendar is declared impossible, e.g. every weekday a weekend day.
 */
export const MAX_SCAN_DAYS = 20_000;

/** The first business day after a day number, with the non-business days passed on the way. */
export function scanToBusinessDay(
  calendar: BusinessCalendar,
  after: number,
  skipped?: { day: number; reasons: NonBusinessReason[] }[],
): number {
  for (let day = after + 1; day <= after + MAX_SCAN_DAYS; day++) {
    const reasons = reasonsOnDay(calendar, day);
    if (reasons.length === 0) return day;
    skipped?.push({ day, reasons });
  }
  throw new CalendarError(
    'no_business_day',
    `no business day within ${MAX_SCAN_DAYS} days after ${fromDayNumber(after)} in the ${calendar.authority} calendar`,
  );
}

/** The first business day strictly after a date. */
export function nextBusinessDay(calendar: BusinessCalendar, date: LegalDate): LegalDate {
  return fromDayNumber(scanToBusinessDay(calendar, toDayNumber(date)));
}
