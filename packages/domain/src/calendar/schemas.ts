import { z } from 'zod';
import { requiredText, shortText } from '../common.js';
import { MAX_YEAR, MIN_YEAR, isLegalDate, toDayNumber } from './dates.js';

/**
 * Data an administrator will edit later (holiday rules, dated entries): one Zod
 * schema each, so the server validates with the same definition the engine uses.
 * Custom field-error codes: `invalid_date`, `invalid_day_of_month`,
 * `duplicate_weekday`, `year_range_reversed`, `range_reversed`, `range_too_long`.
 */

/** Whose calendar a period runs in. */
export const AUTHORITIES = [
  /** Administrative procedure: COMAR, INM (LFPA art. 28). */
  'comar_inm',
  /** Federal courts in amparo (Ley de Amparo art. 19). */
  'amparo',
  /** Tribunal Federal de Justicia Administrativa (juicio de nulidad). */
  'tfja',
  /** Labour-law rest days (LFT art. 74). */
  'labour',
] as const;
export type Authority = (typeof AUTHORITIES)[number];
export const authoritySchema = z.enum(AUTHORITIES);

/** A legal date `YYYY-MM-DD` that exists and lies within the supported years. */
export const legalDateSchema = z.string().refine(isLegalDate, { params: { code: 'invalid_date' } });

const year = z.int().min(MIN_YEAR).max(MAX_YEAR);
const month = z.int().min(1).max(12);
const weekday = z.int().min(0).max(6);
/** A stable name code of a holiday, translated by the interface: `new_year`, `revolution`… */
export const holidayCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);

const ruleCommon = {
  code: holidayCodeSchema,
  /** Legal basis shown with every skipped day, e.g. "LFPA art. 28". */
  basis: requiredText(300),
  /** Display name for a code the interface does not know. */
  name: shortText(120).optional(),
  /** First and last years the rule applies (inclusive); open when absent. */
  fromYear: year.optional(),
  toYear: year.optional(),
};

const yearsInOrder = (rule: { fromYear?: number | undefined; toYear?: number | undefined }) =>
  rule.fromYear === undefined || rule.toYear === undefined || rule.fromYear <= rule.toYear;
const yearsMessage = { path: ['toYear'], params: { code: 'year_range_reversed' } };
// 29 February is a valid rule: it simply has no occurrence in common years. An invalid
// month is reported on `month` alone (Zod runs object refinements despite field issues).
const LONGEST_MONTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const dayExists = (rule: { month: number; day: number }) =>
  rule.day <= (LONGEST_MONTHS[rule.month - 1] ?? 31);
const dayMessage = { path: ['day'], params: { code: 'invalid_day_of_month' } };

/** The same month and day every year ("25 December"). */
export const fixedDateRuleSchema = z
  .strictObject({ ...ruleCommon, kind: z.literal('fixed_date'), month, day: z.int().min(1).max(31) })
  .refine(dayExists, dayMessage)
  .refine(yearsInOrder, yearsMessage);

/** The nth weekday of a month ("third Monday of November"); nth = -1 is the last one. */
export const nthWeekdayRuleSchema = z
  .strictObject({
    ...ruleCommon,
    kind: z.literal('nth_weekday'),
    month,
    weekday,
    nth: z.union([z.int().min(1).max(5), z.literal(-1)]),
  })
  .refine(yearsInOrder, yearsMessage);

/**
 * A month and day every `everyYears` years counted from `anchorYear`
 * (the presidential transmission: 1 October every six years from 2024).
 */
export const everyNYearsRuleSchema = z
  .strictObject({
    ...ruleCommon,
    kind: z.literal('every_n_years'),
    month,
    day: z.int().min(1).max(31),
    everyYears: z.int().min(1).max(100),
    anchorYear: year,
  })
  .refine(dayExists, dayMessage)
  .refine(yearsInOrder, yearsMessage);

export const holidayRuleSchema = z.discriminatedUnion('kind', [
  fixedDateRuleSchema,
  nthWeekdayRuleSchema,
  everyNYearsRuleSchema,
]);
export type HolidayRule = z.infer<typeof holidayRuleSchema>;
export type HolidayRuleKind = HolidayRule['kind'];

/** The rule-based part of one authority's calendar. */
export const calendarRulesSchema = z.strictObject({
  authority: authoritySchema,
  /** Weekdays that are never business days (0 = Sunday, 6 = Saturday). */
  weekendDays: z
    .array(weekday)
    .max(6)
    .refine((days) => new Set(days).size === days.length, { params: { code: 'duplicate_weekday' } }),
  /** Legal basis of the weekend days, e.g. "LFPA art. 28". */
  weekendBasis: requiredText(300),
  holidays: z.array(holidayRuleSchema).max(100),
});
export type CalendarRules = z.infer<typeof calendarRulesSchema>;

/** Longest single suspension entry; a longer suspension is entered as consecutive agreements. */
export const MAX_SUSPENSION_DAYS = 366;

const entryCommon = {
  /** Optional identifier of the stored entry, echoed in explanations. */
  id: z.string().min(1).max(64).optional(),
  authority: authoritySchema,
  /** Where the day was declared, e.g. "Acuerdo COMAR, DOF 2024-03-20". */
  source: requiredText(300),
  /** Optional short description, e.g. "Jueves santo". */
  note: shortText(300).optional(),
};

/** One day declared non-business (Holy Thursday, an election day…). */
export const nonBusinessDayEntrySchema = z.strictObject({
  ...entryCommon,
  kind: z.literal('non_business_day'),
  date: legalDateSchema,
});

const rangeInOrder = (entry: { from: string; to: string }) =>
  !isLegalDate(entry.from) || !isLegalDate(entry.to) || entry.from <= entry.to;
const rangeShortEnough = (entry: { from: string; to: string }) =>
  !isLegalDate(entry.from) ||
  !isLegalDate(entry.to) ||
  toDayNumber(entry.to) - toDayNumber(entry.from) < MAX_SUSPENSION_DAYS;

/** A suspension of periods or vacation, from–to inclusive. */
export const suspensionEntrySchema = z
  .strictObject({ ...entryCommon, kind: z.literal('suspension'), from: legalDateSchema, to: legalDateSchema })
  .refine(rangeInOrder, { path: ['to'], params: { code: 'range_reversed' } })
  .refine(rangeShortEnough, {
    path: ['to'],
    params: { code: 'range_too_long', max: MAX_SUSPENSION_DAYS },
  });

export const datedEntrySchema = z.discriminatedUnion('kind', [
  nonBusinessDayEntrySchema,
  suspensionEntrySchema,
]);
export type DatedEntry = z.infer<typeof datedEntrySchema>;
export type DatedEntryInput = z.input<typeof datedEntrySchema>;
