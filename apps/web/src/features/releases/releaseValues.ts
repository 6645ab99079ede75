/** The period a new release suggests: the last twelve whole months, ending with the previous month. */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  const month = (d: Date) => `${String(d.getUTCFullYear())}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  return { from: month(start), to: month(end) };
}
