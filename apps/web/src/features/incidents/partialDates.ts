/**
 * Partial dates (YYYY, YYYY-MM or YYYY-MM-DD) shown as precisely as they were
 * written: "2024", "mayo de 2024" or "12 may 2024" — never a made-up day.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function formatPartialDate(value: string, tag: string): string {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (month === undefined) return year ?? value;
  const date = new Date(`${year ?? ''}-${month}-${day ?? '01'}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(tag, options).format(date);
}

/** "mayo de 2024", or a period "2023 – mayo de 2024" (the same date twice is one date). */
export function formatWhen(from: string, to: string | null, tag: string): string {
  const start = formatPartialDate(from, tag);
  if (to === null || to === '' || to === from) return start;
  return `${start} – ${formatPartialDate(to, tag)}`;
}
