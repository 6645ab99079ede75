import { z } from 'zod';

/** A legal date as YYYY-MM-DD in the America/Mexico_City calendar. */
export const isoDate = z.iso.date();
/** An instant, always UTC ISO 8601. */
export const isoInstant = z.string();
export const uuid = z.uuid();

/**
 * Text a person typed: no control characters other than tab and line breaks,
 * and well-formed Unicode (PostgreSQL refuses NUL; lone surrogates would be
 * stored differently by the two databases).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isCleanText = (value: string) => !CONTROL.test(value) && !LONE_SURROGATE.test(value);
export const text = () => z.string().refine(isCleanText, { params: { code: 'invalid' } });

export const shortText = (max = 200) => text().trim().max(max);
export const requiredText = (max = 200) => text().trim().min(1).max(max);

/** Today's date in Mexico City, the calendar of every legal date in Senda. */
// Building a formatter costs far more than using one: statistics date a million rows.
const MEXICO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInMexico(now: Date = new Date()): string {
  return MEXICO_DAY.format(now);
}

export const notInFuture = (value: string | null | undefined) => value == null || value <= todayInMexico();
