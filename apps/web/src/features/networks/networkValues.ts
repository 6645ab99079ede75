/**
 * The network figures page's rules as plain functions: its default period
 * ends with the last month that is over (a network never shows the current
 * month), and the filters of its URL are read as the statistics page's.
 */
import { shiftMonth, todayInMexico } from '@senda/domain';
import type { StatisticsFilters } from '../../lib/statisticsApi';
import type { StatisticsSearch } from '../statistics/statisticsValues';

/** The last month that is over, in Mexico City's calendar. */
export const lastMonthOver = (now: Date = new Date()): string =>
  shiftMonth(todayInMexico(now).slice(0, 7), -1);

/** The twelve months ending with the last month that is over. */
export function defaultNetworkPeriod(now: Date = new Date()): { from: string; to: string } {
  const to = lastMonthOver(now);
  return { from: shiftMonth(to, -11), to };
}

/** The filters to ask the server for: the URL's, with the default period where it has none. */
export function networkFiltersOf(search: StatisticsSearch, now: Date = new Date()): StatisticsFilters {
  const period = defaultNetworkPeriod(now);
  const filters: StatisticsFilters = { from: search.from ?? period.from, to: search.to ?? period.to };
  if (search.state) filters.state = search.state;
  if (search.nationality) filters.nationality = search.nationality;
  if (search.ageBand) filters.ageBand = search.ageBand;
  return filters;
}
