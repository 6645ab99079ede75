/**
 * The release endpoints: figures prepared by one coordinator, approved by
 * another and frozen. Types are inferred from the domain's schemas; the
 * exports of an approved release are plain links (same origin).
 */
import {
  releaseListView,
  releaseView,
  type ReleaseInput,
  type ReleaseListView,
  type ReleaseView,
} from '@senda/domain';
import { API_BASE, read, request } from '../../lib/http';
import type { ReportLang } from '../../lib/statisticsApi';

export type ReleaseList = ReleaseListView;
export type Release = ReleaseView;

export const releaseKeys = {
  all: ['statistics', 'releases'] as const,
  one: (id: string) => ['statistics', 'releases', id] as const,
};

export function releaseExportUrl(id: string, format: 'csv' | 'xlsx', lang: string): string {
  return `${API_BASE}/statistics/releases/${encodeURIComponent(id)}/export.${format}?lang=${encodeURIComponent(lang)}`;
}

/** Where the printable brief (PDF) of an approved release downloads, in Spanish or English. */
export function releaseReportUrl(id: string, lang: ReportLang): string {
  return `${API_BASE}/statistics/releases/${encodeURIComponent(id)}/report.pdf?lang=${lang}`;
}

const path = (id: string, act = '') => `/statistics/releases/${encodeURIComponent(id)}${act}`;

export const releasesApi = {
  async list(signal?: AbortSignal): Promise<ReleaseList> {
    return read(releaseListView, await request('/statistics/releases', { signal }));
  },
  async get(id: string, signal?: AbortSignal): Promise<Release> {
    return read(releaseView, await request(path(id), { signal }));
  },
  async prepare(input: ReleaseInput): Promise<Release> {
    return read(releaseView, await request('/statistics/releases', { method: 'POST', body: input }));
  },
  async decide(id: string, decision: 'approve' | 'return', comment: string): Promise<Release> {
    return read(releaseView, await request(path(id, `/${decision}`), { method: 'POST', body: { comment } }));
  },
  async withdraw(id: string): Promise<Release> {
    return read(releaseView, await request(path(id, '/withdraw'), { method: 'POST' }));
  },
};

/** Who may open the releases area (the server decides the rest and sends its abilities). */
export const canReadReleases = (role: string): boolean =>
  role === 'admin' || role === 'coordinator' || role === 'analyst';
