/** Table types of statistics (migration 0013); part of `Database` in schema.ts. */

export interface StatFactsTable {
  case_id: string;
  org_id: string;
  record_key: number;
  version: number;
  consent_from: string | null;
  consent_until: string | null;
  opened_on: string;
  closed_on: string | null;
  state: string;
  nationality: string;
  age_band: string;
  language: string;
  children: number;
  vulnerabilities: number;
  violence: number;
  violence_types: number;
  modalities: number;
  gbv_types: number;
  perpetrators: number;
  filed_on: string | null;
  late: number;
  decided_on: string | null;
  outcome: string | null;
  decision_days: number | null;
  revision_filed_on: string | null;
  revision_decided_on: string | null;
  revision_outcome: string | null;
  needs: string;
  referrals: string;
  refreshed_at: string;
}

export interface StatStateTable {
  key: string;
  value: string;
}

export interface StatSettingsTable {
  org_id: string;
  k: number;
  updated_by: string | null;
  updated_at: string;
}

export interface StatCubeTable {
  org_id: string;
  filter_key: string;
  month: string;
  kind: string;
  cells: string;
}
