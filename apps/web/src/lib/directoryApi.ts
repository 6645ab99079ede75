/**
 * The service directory's endpoints (HSDS 3.0 field names, decision 0009):
 * organizations' entries, their services and locations, the search, and the
 * users a confidential location names. A confidential location out of the
 * caller's reach comes without its address and phone (`details_hidden`).
 */
import type { z } from 'zod';
import {
  directoryOrganizationListView,
  directoryOrganizationView,
  locationAccessView,
  locationListView,
  locationView,
  serviceListView,
  serviceView,
  type DirectoryOrganizationInput,
  type LocationInput,
  type MxStateCode,
  type NeedDomain,
  type ServiceInput,
  type serviceUpdateInput,
} from '@senda/domain';
import { read, request } from './http';

export type DirectoryOrganization = z.infer<typeof directoryOrganizationView>;
export type DirectoryService = z.infer<typeof serviceView>;
export type DirectoryLocation = z.infer<typeof locationView>;
export type LocationAccess = z.infer<typeof locationAccessView>['items'][number];
export type ServiceUpdate = z.input<typeof serviceUpdateInput>;

/** What a search filters on (nothing in it names a person: it may go into the URL). */
export interface DirectorySearch {
  need?: NeedDomain | undefined;
  state?: MxStateCode | undefined;
  municipality?: string | undefined;
  language?: string | undefined;
  q?: string | undefined;
  /** Only the services of one directory organization. */
  organization?: string | undefined;
  limit?: number | undefined;
  /** Where a page starts: the previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/** One page of a search, and where the next one starts (null on the last page). */
export interface DirectoryPage {
  items: DirectoryService[];
  nextCursor: string | null;
}

const enc = encodeURIComponent;

function searchQuery(search: DirectorySearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const directoryApi = {
  async listOrganizations(signal?: AbortSignal): Promise<DirectoryOrganization[]> {
    return read(directoryOrganizationListView, await request('/directory/organizations', { signal })).items;
  },
  /** Her own organization's entry: created the first time. */
  async saveOwnOrganization(input: DirectoryOrganizationInput): Promise<DirectoryOrganization> {
    return read(
      directoryOrganizationView,
      await request('/directory/own-organization', { method: 'PUT', body: input }),
    );
  },
  /** An organization outside Senda, kept by hers. */
  async addOrganization(input: DirectoryOrganizationInput): Promise<DirectoryOrganization> {
    return read(
      directoryOrganizationView,
      await request('/directory/organizations', { method: 'POST', body: input }),
    );
  },
  async updateOrganization(
    id: string,
    change: Partial<DirectoryOrganizationInput>,
  ): Promise<DirectoryOrganization> {
    return read(
      directoryOrganizationView,
      await request(`/directory/organizations/${enc(id)}`, { method: 'PATCH', body: change }),
    );
  },

  async searchServices(search: DirectorySearch, signal?: AbortSignal): Promise<DirectoryPage> {
    return read(serviceListView, await request(`/directory/services${searchQuery(search)}`, { signal }));
  },
  /** Every service a search finds, page after page (an organization's own entry on the manage page). */
  async searchAllServices(search: DirectorySearch, signal?: AbortSignal): Promise<DirectoryService[]> {
    const all: DirectoryService[] = [];
    let cursor: string | undefined;
    do {
      const page = await directoryApi.searchServices({ ...search, limit: 100, cursor }, signal);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  async getService(id: string, signal?: AbortSignal): Promise<DirectoryService> {
    return read(serviceView, await request(`/directory/services/${enc(id)}`, { signal }));
  },
  async addService(organizationId: string, input: ServiceInput): Promise<DirectoryService> {
    return read(
      serviceView,
      await request(`/directory/organizations/${enc(organizationId)}/services`, {
        method: 'POST',
        body: input,
      }),
    );
  },
  async updateService(id: string, change: ServiceUpdate): Promise<DirectoryService> {
    return read(
      serviceView,
      await request(`/directory/services/${enc(id)}`, { method: 'PATCH', body: change }),
    );
  },
  async deleteService(id: string): Promise<void> {
    await request(`/directory/services/${enc(id)}`, { method: 'DELETE' });
  },

  async listLocations(organizationId: string, signal?: AbortSignal): Promise<DirectoryLocation[]> {
    return read(
      locationListView,
      await request(`/directory/organizations/${enc(organizationId)}/locations`, { signal }),
    ).items;
  },
  async addLocation(organizationId: string, input: LocationInput): Promise<DirectoryLocation> {
    return read(
      locationView,
      await request(`/directory/organizations/${enc(organizationId)}/locations`, {
        method: 'POST',
        body: input,
      }),
    );
  },
  /** The whole location (PUT). */
  async saveLocation(id: string, input: LocationInput): Promise<DirectoryLocation> {
    return read(
      locationView,
      await request(`/directory/locations/${enc(id)}`, { method: 'PUT', body: input }),
    );
  },
  async deleteLocation(id: string): Promise<void> {
    await request(`/directory/locations/${enc(id)}`, { method: 'DELETE' });
  },

  /** The users a confidential location names (who see its address and phone). */
  async listAccess(locationId: string, signal?: AbortSignal): Promise<LocationAccess[]> {
    return read(
      locationAccessView,
      await request(`/directory/locations/${enc(locationId)}/access`, { signal }),
    ).items;
  },
  async grantAccess(locationId: string, email: string): Promise<void> {
    await request(`/directory/locations/${enc(locationId)}/access`, { method: 'POST', body: { email } });
  },
  async revokeAccess(locationId: string, userId: string): Promise<void> {
    await request(`/directory/locations/${enc(locationId)}/access/${enc(userId)}`, { method: 'DELETE' });
  },
};
