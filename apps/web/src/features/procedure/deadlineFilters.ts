import { DEADLINE_STATUSES, type DeadlineStatus } from '@senda/domain';

/** Filters of the Deadlines page, in the URL (a status and a flag: no personal data). */
export interface DeadlineFilters {
  status?: DeadlineStatus | undefined;
  includeClosed?: boolean | undefined;
}

export function parseDeadlineFilters(search: Record<string, unknown>): DeadlineFilters {
  const filters: DeadlineFilters = {};
  const status = search.status;
  if (typeof status === 'string' && (DEADLINE_STATUSES as readonly string[]).includes(status))
    filters.status = status as DeadlineStatus;
  if (search.includeClosed === true || search.includeClosed === 'true') filters.includeClosed = true;
  return filters;
}
