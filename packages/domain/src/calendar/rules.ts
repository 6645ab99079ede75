import {
  CalendarError,
  MAX_YEAR,
  MIN_YEAR,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  nthWeekdayOfMonth,
} from './dates.js';
import type { LegalDate, Weekday } from './dates.js';
import type { Authority, CalendarRules, HolidayRule } from './schemas.js';

/**
 * Default rule sets, one per authority: plain data that a later admin screen
 * may copy and correct. Dated declarations (Holy week, vacations, suspensions,
 * election days) are not rules: they arrive as dated entries.
 */

const SATURDAY_SUNDAY: Weekday[] = [0, 6];

/**
 * The day the federal executive changes hands, every six years: 1 December up to
 * the 2018 transmission, 1 October from 2024 (constitutional reform of 2014 to
 * CPEUM art. 83, first applied in 2024).
 */
function presidentialTransmission(basis: string): HolidayRule[] {
  return [
    {
      code: 'presidential_transmission',
      kind: 'every_n_years',
      month: 12,
      day: 1,
      everyYears: 6,
      anchorYear: 2018,
      toYear: 2023,
      basis,
    },
    {
      code: 'presidential_transmission',
      kind: 'every_n_years',
      month: 10,
      day: 1,
      everyYears: 6,
      anchorYear: 2024,
      fromYear: 2024,
      basis: `${basis}; CPEUM art. 83`,
    },
  ];
}

/** The Monday holidays and fixed rest days shared by LFPA art. 28 and LFT art. 74. */
function mondayHolidays(basis: string): HolidayRule[] {
  return [
    { code: 'new_year', kind: 'fixed_date', month: 1, day: 1, basis },
    { code: 'constitution_day', kind: 'nth_weekday', month: 2, weekday: 1, nth: 1, basis },
    { code: 'benito_juarez', kind: 'nth_weekday', month: 3, weekday: 1, nth: 3, basis },
    { code: 'labour_day', kind: 'fixed_date', month: 5, day: 1, basis },
    { code: 'independence', kind: 'fixed_date', month: 9, day: 16, basis },
    { code: 'revolution', kind: 'nth_weekday', month: 11, weekday: 1, nth: 3, basis },
    { code: 'christmas', kind: 'fixed_date', month: 12, day: 25, basis },
  ];
}

const LFPA = 'LFPA art. 28';
const AMPARO = 'Ley de Amparo art. 19';
const LFT = 'LFT art. 74';

export const DEFAULT_CALENDAR_RULES: Readonly<Record<Authority, CalendarRules>> = {
  comar_inm: {
    authority: 'comar_inm',
    weekendDays: SATURDAY_SUNDAY,
    weekendBasis: LFPA,
    holidays: [
      ...mondayHolidays(LFPA),
      { code: 'batalla_puebla', kind: 'fixed_date', month: 5, day: 5, basis: LFPA },
      ...presidentialTransmission(LFPA),
    ],
  },
  amparo: {
    authority: 'amparo',
    weekendDays: SATURDAY_SUNDAY,
    weekendBasis: AMPARO,
    holidays: [
      { code: 'new_year', kind: 'fixed_date', month: 1, day: 1, basis: AMPARO },
      { code: 'constitution_day', kind: 'fixed_date', month: 2, day: 5, basis: AMPARO },
      { code: 'benito_juarez', kind: 'fixed_date', month: 3, day: 21, basis: AMPARO },
      { code: 'labour_day', kind: 'fixed_date', month: 5, day: 1, basis: AMPARO },
      { code: 'batalla_puebla', kind: 'fixed_date', month: 5, day: 5, basis: AMPARO },
      { code: 'independence', kind: 'fixed_date', month: 9, day: 16, basis: AMPARO },
      { code: 'dia_de_la_raza', kind: 'fixed_date', month: 10, day: 12, basis: AMPARO },
      { code: 'revolution', kind: 'fixed_date', month: 11, day: 20, basis: AMPARO },
      { code: 'christmas', kind: 'fixed_date', month: 12, day: 25, basis: AMPARO },
    ],
  },
  tfja: {
    authority: 'tfja',
    weekendDays: SATURDAY_SUNDAY,
    weekendBasis: 'LFPCA art. 74',
    holidays: [...mondayHolidays(LFT), ...presidentialTransmission(LFT)],
  },
  labour: {
    authority: 'labour',
    weekendDays: SATURDAY_SUNDAY,
    weekendBasis: 'LFT art. 715',
    holidays: [...mondayHolidays(LFT), ...presidentialTransmission(LFT)],
  },
};

/** One holiday produced by a rule in a given year. */
export interface HolidayOccurrence {
  readonly date: LegalDate;
  readonly code: string;
  readonly name?: string;
  readonly basis: string;
}

/** The day number on which a rule falls in a year, or null when it does not occur that year. */
export function ruleDayInYear(rule: HolidayRule, year: number): number | null {
  if (rule.fromYear !== undefined && year < rule.fromYear) return null;
  if (rule.toYear !== undefined && year > rule.toYear) return null;
  switch (rule.kind) {
    case 'fixed_date':
      return rule.day <= daysInMonth(year, rule.month) ? dayNumberOf(year, rule.month, rule.day) : null;
    case 'nth_weekday':
      return nthWeekdayOfMonth(year, rule.month, rule.weekday as Weekday, rule.nth);
    case 'every_n_years': {
      const offset = year - rule.anchorYear;
      if (offset % rule.everyYears !== 0) return null;
      return rule.day <= daysInMonth(year, rule.month) ? dayNumberOf(year, rule.month, rule.day) : null;
    }
  }
}

/** Every rule-based holiday of a year, in date order (rules that coincide give one entry each). */
export function holidaysInYear(
  rules: CalendarRules | readonly HolidayRule[],
  year: number,
): HolidayOccurrence[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('date_out_of_range', `year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  return occurrencesInYear('holidays' in rules ? rules.holidays : rules, year);
}

/** holidaysInYear without the year check, for the calendar's own lookups. */
export function occurrencesInYear(list: readonly HolidayRule[], year: number): HolidayOccurrence[] {
  const found: { day: number; occurrence: HolidayOccurrence }[] = [];
  for (const rule of list) {
    const day = ruleDayInYear(rule, year);
    if (day === null) continue;
    const occurrence: HolidayOccurrence = {
      date: fromDayNumber(day),
      code: rule.code,
      basis: rule.basis,
      ...(rule.name === undefined ? {} : { name: rule.name }),
    };
    found.push({ day, occurrence });
  }
  return found.sort((a, b) => a.day - b.day).map((f) => f.occurrence);
}
