/** Table types of workshops and community activities (migration 0014); part of `Database` in schema.ts. */

export interface WorkshopsTable {
  id: string;
  org_id: string;
  kind: string;
  title: string;
  /** YYYY-MM-DD. */
  held_on: string;
  state: string;
  municipality: string;
  topic: string;
  other_topic: string;
  language: string;
  /** JSON array of names of organizations. */
  co_facilitators: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface WorkshopParticipantsTable {
  workshop_id: string;
  gender: string;
  age_band: string;
  nationality: string;
  count: number;
}

export interface WorkshopMaterialsTable {
  id: string;
  workshop_id: string;
  file_name: string;
  media_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}
