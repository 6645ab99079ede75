/** Table types of statistics releases (migration 0015); part of `Database` in schema.ts. */

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
