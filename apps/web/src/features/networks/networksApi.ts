/**
 * The endpoints of networks that share aggregates (decision 0013): the list,
 * creating and renaming (the installation's admins), joining and leaving (an
 * organization's admin), and the combined figures with their downloads.
 * Types are inferred from the domain's schemas; the downloads are plain links
 * (same origin: the session cookie goes with them).
 */
import {
  networkListView,
  networkStatisticsView,
  networkView,
  type NetworkInput,
  type NetworkListView,
  type NetworkStatisticsView,
  type NetworkView,
} from '@senda/domain';
import { API_BASE, read, request } from '../../lib/http';
import { statisticsQuery, type ReportLang, type StatisticsFilters } from '../../lib/statisticsApi';

export type NetworkList = NetworkListView;
export type Network = NetworkView;
export type NetworkStatistics = NetworkStatisticsView;

export const networkKeys = {
  all: ['statistics', 'networks'] as const,
  figures: (id: string, filters: StatisticsFilters) =>
    ['statistics', 'networks', id, 'figures', filters] as const,
};

const path = (id: string, rest = '') => `/statistics/networks/${encodeURIComponent(id)}${rest}`;

/** The downloads of a network's figures with the filters on the page (the same shape as the organization's). */
export function networkExportUrls(id: string, filters: StatisticsFilters, lang: string) {
  const query = statisticsQuery(filters);
  return {
    csv: `${API_BASE}${path(id, '/export.csv')}?${query}&lang=${encodeURIComponent(lang)}`,
    xlsx: `${API_BASE}${path(id, '/export.xlsx')}?${query}&lang=${encodeURIComponent(lang)}`,
    pdf: (report: ReportLang) => `${API_BASE}${path(id, '/report.pdf')}?${query}&lang=${report}`,
  };
}

export const networksApi = {
  async list(signal?: AbortSignal): Promise<NetworkList> {
    return read(networkListView, await request('/statistics/networks', { signal }));
  },
  async create(input: NetworkInput): Promise<Network> {
    return read(networkView, await request('/statistics/networks', { method: 'POST', body: input }));
  },
  async update(id: string, input: NetworkInput): Promise<Network> {
    return read(networkView, await request(path(id), { method: 'PUT', body: input }));
  },
  async join(id: string): Promise<Network> {
    return read(networkView, await request(path(id, '/join'), { method: 'POST' }));
  },
  async leave(id: string): Promise<Network> {
    return read(networkView, await request(path(id, '/leave'), { method: 'POST' }));
  },
  async figures(id: string, filters: StatisticsFilters, signal?: AbortSignal): Promise<NetworkStatistics> {
    return read(
      networkStatisticsView,
      await request(`${path(id, '/figures')}?${statisticsQuery(filters)}`, { signal }),
    );
  },
};
