/** Table types of statistics releases and networks (migrations 0015, 0017); part of `Database` in schema.ts. */

export interface StatReleasesTable {
  id: string;
  org_id: string;
  title: string;
  /** JSON of the statistics filters. */
  filters: string;
  k: number;
  mode: string;
  epsilon: number | null;
  status: string;
  /** JSON: { view, budget } — the frozen published figures and the ε spent per table. */
  figures: string;
  figures_at: string;
  prepared_by: string;
  prepared_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment: string;
  version: number;
}

export interface StatNetworksTable {
  id: string;
  name: string;
  name_key: string;
  description: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StatNetworkMembersTable {
  network_id: string;
  org_id: string;
  since_month: string;
  until_month: string | null;
  joined_by: string;
  joined_at: string;
  left_by: string | null;
  left_at: string | null;
}
