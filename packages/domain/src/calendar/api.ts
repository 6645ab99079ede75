/** Response shapes of the calendar endpoints (server serialization and web types). */
import { z } from 'zod';
import { AUTHORITIES } from './schemas.js';

/** A dated calendar entry of an organization: a single day has `from` = `to`. */
export const calendarEntryView = z.object({
  id: z.string(),
  authority: z.enum(AUTHORITIES),
  kind: z.enum(['non_business_day', 'suspension']),
  from: z.string(),
  to: z.string(),
  source: z.string(),
  note: z.string(),
});
export type CalendarEntryView = z.infer<typeof calendarEntryView>;

/** One authority's year: the law's holidays (weekends not listed) and the organization's dated entries. */
export const calendarYearView = z.object({
  authority: z.enum(AUTHORITIES),
  year: z.number(),
  holidays: z.array(z.object({ date: z.string(), code: z.string(), basis: z.string() })),
  entries: z.array(calendarEntryView),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

/** Her personal iCalendar feed: whether one is active, and since when (the URL is never shown again). */
export const calendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export type CalendarFeedStatusView = z.infer<typeof calendarFeedStatus>;

/** A new feed: its secret URL, answered once. */
export const calendarFeedCreated = z.object({ url: z.string() });
