import { DEADLINE_STATUSES, type DeadlineStatus } from '@senda/domain';

/** Filters of the Deadlines page, in the URL (a status and flags: no personal data). */
export interface DeadlineFilters {
  status?: DeadlineStatus | undefined;
  includeClosed?: boolean | undefined;
  /** Only the deadlines she is responsible for. */
  responsibleOnly?: boolean | undefined;
}

export function parseDeadlineFilters(search: Record<string, unknown>): DeadlineFilters {
  const filters: DeadlineFilters = {};
  const status = search.status;
  if (typeof status === 'string' && (DEADLINE_STATUSES as readonly string[]).includes(status))
    filters.status = status as DeadlineStatus;
  if (search.includeClosed === true || search.includeClosed === 'true') filters.includeClosed = true;
  if (search.responsibleOnly === true || search.responsibleOnly === 'true') filters.responsibleOnly = true;
  return filters;
}
