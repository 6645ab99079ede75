/**
 * What a statistics query may ask (decision 0012). Filters are coarse on
 * purpose: whole months, one state or all, one nationality or all, one age
 * band or all. Together with the minimum universe and the cell-key noise this
 * is what keeps two queries that differ in one filter from revealing a woman
 * by their difference: a period cannot be shifted by a day, and a filtered
 * universe under the minimum shows nothing.
 */
import { z } from 'zod';
import { COUNTRY_CODES, MX_STATE_CODES } from '../geo.js';
import { UI_LOCALES } from '../languages.js';
import { DEFAULT_K, MAX_K, MIN_K } from './disclosure.js';

/** Age bands of statistics: the consent bands for girls, then adult bands. */
export const STAT_AGE_BANDS = [
  'age_0_5',
  'age_6_14',
  'age_15_17',
  'age_18_29',
  'age_30_44',
  'age_45_59',
  'age_60_plus',
  'unknown',
] as const;
export type StatAgeBand = (typeof STAT_AGE_BANDS)[number];

export function statAgeBand(age: number | null): StatAgeBand {
  if (age === null) return 'unknown';
  if (age <= 5) return 'age_0_5';
  if (age <= 14) return 'age_6_14';
  if (age <= 17) return 'age_15_17';
  if (age <= 29) return 'age_18_29';
  if (age <= 44) return 'age_30_44';
  if (age <= 59) return 'age_45_59';
  return 'age_60_plus';
}

/** The longest period one query may cover. */
export const MAX_PERIOD_MONTHS = 120;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month as YYYY-MM; a day is refused with `whole_months_only` so a period cannot be shifted by a day. */
export const statMonth = z.string().superRefine((value, ctx) => {
  if (MONTH.test(value)) return;
  const code = /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'whole_months_only' : 'invalid';
  ctx.addIssue({ code: 'custom', params: { code } });
});

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The first and last day of a period of whole months. */
export function periodDays(from: string, to: string): { start: string; end: string } {
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return { start: `${from}-01`, end: `${to}-${String(last).padStart(2, '0')}` };
}

const filterShape = {
  from: statMonth,
  to: statMonth,
  state: z.enum(MX_STATE_CODES).optional(),
  nationality: z.enum(COUNTRY_CODES).optional(),
  ageBand: z.enum(STAT_AGE_BANDS).optional(),
};

function checkPeriod(f: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (!MONTH.test(f.from) || !MONTH.test(f.to)) return;
  if (f.to < f.from) ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'range_reversed' } });
  else if (monthsBetween(f.from, f.to) > MAX_PERIOD_MONTHS) {
    ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'range_too_long' } });
  }
}

export const statFilters = z.strictObject(filterShape).superRefine(checkPeriod);
/** The filters of an export, and the language of its labels. */
export const statExportQuery = z
  .strictObject({ ...filterShape, lang: z.enum(UI_LOCALES).default('es') })
  .superRefine(checkPeriod);
export type StatFilters = z.output<typeof statFilters>;

/** The languages of the printable brief (its charts and words are laid out for these two). */
export const STAT_REPORT_LANGS = ['es', 'en'] as const;
export type StatReportLang = (typeof STAT_REPORT_LANGS)[number];
/** The filters of the PDF brief, and its language: Spanish or English. */
export const statReportQuery = z
  .strictObject({ ...filterShape, lang: z.enum(STAT_REPORT_LANGS).default('es') })
  .superRefine(checkPeriod);

/** An organization's disclosure setting: the threshold k, never below 3. */
export const statSettingsInput = z.strictObject({
  k: z.number().int().min(MIN_K).max(MAX_K),
});
export const statSettingsView = z.object({
  k: z.number(),
  defaultK: z.literal(DEFAULT_K),
  minK: z.literal(MIN_K),
});
