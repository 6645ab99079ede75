/**
 * Legal-deadline calendars: one business-day calendar per authority (rules plus
 * dated entries), period arithmetic that explains itself, and plain-language rendering.
 */
export { buildCalendar, dayStatus, defaultCalendar, isBusinessDay, nextBusinessDay } from './calendar.js';
export type { BusinessCalendar, DayStatus, NonBusinessReason, NonBusinessReasonKind } from './calendar.js';
export {
  CALENDAR_ERROR_CODES,
  CalendarError,
  MAX_YEAR,
  MIN_YEAR,
  isLegalDate,
  weekdayOfDate,
} from './dates.js';
export type { CalendarErrorCode, LegalDate, Weekday } from './dates.js';
export { HOLIDAY_NAMES, renderExplanation, renderReason } from './explain.js';
export type { ExplanationLocale } from './explain.js';
export {
  MAX_BUSINESS_DAYS,
  MAX_CALENDAR_DAYS,
  MAX_MONTHS,
  TRIGGERS,
  addBusinessDays,
  addCalendarDays,
  addMonths,
  businessDaysBetween,
} from './periods.js';
export type {
  BusinessDaysExplanation,
  BusinessDaysOptions,
  CalendarPeriodExplanation,
  CalendarPeriodOptions,
  Deadline,
  DeadlineExplanation,
  EffectDateHandling,
  MonthEndAdjustment,
  MonthPeriodOptions,
  RollOptions,
  SkippedDay,
  Trigger,
} from './periods.js';
export { DEFAULT_CALENDAR_RULES, holidaysInYear } from './rules.js';
export type { HolidayOccurrence } from './rules.js';
export {
  AUTHORITIES,
  MAX_SUSPENSION_DAYS,
  authoritySchema,
  calendarRulesSchema,
  datedEntrySchema,
  everyNYearsRuleSchema,
  fixedDateRuleSchema,
  holidayCodeSchema,
  holidayRuleSchema,
  legalDateSchema,
  nonBusinessDayEntrySchema,
  nthWeekdayRuleSchema,
  suspensionEntrySchema,
} from './schemas.js';
export type {
  Authority,
  CalendarRules,
  DatedEntry,
  DatedEntryInput,
  HolidayRule,
  HolidayRuleKind,
} from './schemas.js';
export * from './api.js';
