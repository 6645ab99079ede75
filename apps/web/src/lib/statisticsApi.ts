/**
 * The statistics endpoints (decision 0012): aggregates of a period, a state,
 * a nationality and an age band, never a case. The figures come as JSON; the
 * same tables download as CSV or Excel, and as a printable PDF brief, through
 * plain links (same origin: the session cookie goes with them). An admin sets the suppression threshold k.
 * Types are inferred from the domain's schemas.
 */
import type { z } from 'zod';
import {
  statSettingsView,
  statisticsView,
  type StatCellView,
  type StatFilters,
  type StatisticsView,
  type StatTableView,
} from '@senda/domain';
import { API_BASE, read, request } from './http';

export type Statistics = StatisticsView;
export type StatTable = StatTableView;
export type StatCell = StatCellView;
export type StatSettings = z.infer<typeof statSettingsView>;
export type StatisticsFilters = StatFilters;
export type ExportFormat = 'csv' | 'xlsx';

/** The query string of a set of filters, in a fixed order (an absent filter means "all"). */
export function statisticsQuery(filters: StatisticsFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.state) params.set('state', filters.state);
  if (filters.nationality) params.set('nationality', filters.nationality);
  if (filters.ageBand) params.set('ageBand', filters.ageBand);
  return params.toString();
}

/** Where the same tables download as a file (CSV, or an Excel workbook), labelled in the interface's language. */
export function statisticsExportUrl(format: ExportFormat, filters: StatisticsFilters, lang: string): string {
  return `${API_BASE}/statistics/export.${format}?${statisticsQuery(filters)}&lang=${encodeURIComponent(lang)}`;
}

/** The languages of the printable brief. */
export type ReportLang = 'es' | 'en';

/** Where the printable advocacy brief (PDF) of the same figures downloads, in Spanish or English. */
export function statisticsReportUrl(filters: StatisticsFilters, lang: ReportLang): string {
  return `${API_BASE}/statistics/report.pdf?${statisticsQuery(filters)}&lang=${lang}`;
}

/** Query keys: a change of k refetches every view under `all`. */
export const statisticsKeys = {
  all: ['statistics'] as const,
  view: (filters: StatisticsFilters) => ['statistics', 'view', filters] as const,
  settings: ['statistics', 'settings'] as const,
};

export const statisticsApi = {
  async get(filters: StatisticsFilters, signal?: AbortSignal): Promise<Statistics> {
    return read(statisticsView, await request(`/statistics?${statisticsQuery(filters)}`, { signal }));
  },
  async settings(signal?: AbortSignal): Promise<StatSettings> {
    return read(statSettingsView, await request('/statistics/settings', { signal }));
  },
  /** Admins only: the threshold under which a count is hidden. */
  async saveSettings(k: number): Promise<StatSettings> {
    return read(statSettingsView, await request('/statistics/settings', { method: 'PUT', body: { k } }));
  },
};
