import {
  CASE_STATUSES,
  CASE_STEPS,
  COUNTRY_CODES,
  MX_STATE_CODES,
  type CountryCode,
  type MxStateCode,
} from '@senda/domain';

/**
 * Filters of the case list, kept in the URL so a view can be bookmarked.
 * The free-text search `q` is deliberately NOT here: it may hold a name, and
 * names never go into URLs (they end up in history, logs and referrers).
 */
export interface CaseFilters {
  nationality?: CountryCode | undefined;
  state?: MxStateCode | undefined;
  status?: (typeof CASE_STATUSES)[number] | undefined;
  step?: (typeof CASE_STEPS)[number] | undefined;
  assignedToMe?: boolean | undefined;
}

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  // TanStack Router JSON-parses search values: "01" may arrive as the number 1.
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : value;
  return typeof text === 'string' && (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

export function parseCaseFilters(search: Record<string, unknown>): CaseFilters {
  const filters: CaseFilters = {};
  const nationality = oneOf(COUNTRY_CODES, search.nationality);
  const state = oneOf(MX_STATE_CODES, search.state);
  const status = oneOf(CASE_STATUSES, search.status);
  const step = oneOf(CASE_STEPS, search.step);
  if (nationality) filters.nationality = nationality;
  if (state) filters.state = state;
  if (status) filters.status = status;
  if (step) filters.step = step;
  if (search.assignedToMe === true || search.assignedToMe === 'true') filters.assignedToMe = true;
  return filters;
}
