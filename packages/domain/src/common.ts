import { z } from 'zod';

/** A legal date as YYYY-MM-DD in the America/Mexico_City calendar. */
export const isoDate = z.iso.date();
/** An instant, always UTC ISO 8601. */
export const isoInstant = z.string();
export const uuid = z.uuid();

export const shortText = (max = 200) => z.string().trim().max(max);
export const requiredText = (max = 200) => z.string().trim().min(1).max(max);

/** Today's date in Mexico City, the calendar of every legal date in Senda. */
export function todayInMexico(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export const notInFuture = (value: string | null | undefined) =>
  value == null || value <= todayInMexico();
