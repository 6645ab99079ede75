/** Table types of the service directory (migration 0011); part of `Database` in schema.ts. */

export interface DirOrganizationsTable {
  id: string;
  /** The Senda organization that keeps this entry up to date. */
  maintainer_org_id: string;
  /** Set when the entry is a Senda organization itself: referrals inside Senda reach it. */
  senda_org_id: string | null;
  name: string;
  alternate_name: string;
  description: string;
  email: string;
  website: string;
  created_at: string;
  updated_at: string;
}

export interface DirServicesTable {
  id: string;
  organization_id: string;
  name: string;
  status: string;
  /** The service's other fields as the domain's schema gives them (JSON). */
  record: string;
  /** Folded name, other name and description, for the free-text search. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface DirServiceFacetsTable {
  service_id: string;
  facet: string;
  value: string;
}

export interface DirLocationsTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  location_type: string;
  city: string;
  state_province: string | null;
  country: string;
  confidential: number;
  confidential_contact: string;
  details_enc: string;
  created_at: string;
  updated_at: string;
}

export interface DirServiceAtLocationTable {
  service_id: string;
  location_id: string;
}

export interface DirLocationAccessTable {
  location_id: string;
  user_id: string;
  granted_by: string | null;
  granted_at: string;
}
