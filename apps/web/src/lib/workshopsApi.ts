/**
 * The workshop endpoints: the organization's workshops and community
 * activities (listed by period and topic with the people reached), one
 * workshop with its counts and materials, and the materials' files (uploaded
 * as multipart/form-data with one field, `file`; downloaded through a plain
 * same-origin link).
 */
import {
  workshopListView,
  workshopMaterialView,
  workshopView,
  type Workshop,
  type WorkshopListView,
  type WorkshopMaterialView,
  type WorkshopTopic,
  type WorkshopView,
} from '@senda/domain';
import { API_BASE, read, request } from './http';

export type WorkshopDetail = WorkshopView;
export type WorkshopList = WorkshopListView;
export type WorkshopSummary = WorkshopListView['items'][number];
export type WorkshopMaterial = WorkshopMaterialView;

export interface WorkshopListParams {
  from?: string | undefined;
  to?: string | undefined;
  topic?: WorkshopTopic | undefined;
  cursor?: string | undefined;
}

const enc = encodeURIComponent;
const one = (id: string) => `/workshops/${enc(id)}`;

export const workshopsApi = {
  async list(params: WorkshopListParams, signal?: AbortSignal): Promise<WorkshopList> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, String(value));
    const search = query.size ? `?${query.toString()}` : '';
    return read(workshopListView, await request(`/workshops${search}`, { signal }));
  },
  async get(id: string, signal?: AbortSignal): Promise<WorkshopDetail> {
    return read(workshopView, await request(one(id), { signal }));
  },
  async create(input: Workshop): Promise<WorkshopDetail> {
    return read(workshopView, await request('/workshops', { method: 'POST', body: input }));
  },
  /** The whole workshop again, with the version it was read at (409 when someone changed it meanwhile). */
  async update(id: string, input: Workshop, version: number): Promise<WorkshopDetail> {
    return read(workshopView, await request(one(id), { method: 'PUT', body: { ...input, version } }));
  },
  async remove(id: string): Promise<void> {
    await request(one(id), { method: 'DELETE' });
  },
  async uploadMaterial(id: string, file: File): Promise<WorkshopMaterial> {
    const form = new FormData();
    form.append('file', file, file.name);
    return read(workshopMaterialView, await request(`${one(id)}/materials`, { method: 'POST', form }));
  },
  async removeMaterial(id: string, materialId: string): Promise<void> {
    await request(`${one(id)}/materials/${enc(materialId)}`, { method: 'DELETE' });
  },
};

/** The address of a material's file, for a plain download link (ids only). */
export function materialFileUrl(id: string, materialId: string): string {
  return `${API_BASE}${one(id)}/materials/${enc(materialId)}`;
}
