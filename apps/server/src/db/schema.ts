/**
 * Table types. Both dialects store the same way: ids are UUIDv7 text,
 * instants ISO-8601 UTC text, legal dates YYYY-MM-DD text, booleans 0/1
 * integers, lists JSON text validated by the domain schemas. Presenters turn
 * rows into the API shapes.
 */
import type { Generated } from 'kysely';
import type {
  DirOrganizationsTable,
  DirServicesTable,
  DirServiceFacetsTable,
  DirLocationsTable,
  DirServiceAtLocationTable,
  DirLocationAccessTable,
} from './schema-directory.js';
import type { ReferralsTable, ReferralEventsTable, ReferralNoticesTable } from './schema-referrals.js';
import type {
  StatCubeTable,
  StatFactsTable,
  StatStateTable,
  StatSettingsTable,
} from './schema-statistics.js';
import type {
  WorkshopsTable,
  WorkshopParticipantsTable,
  WorkshopMaterialsTable,
} from './schema-workshops.js';
import type { StatNetworkMembersTable, StatNetworksTable, StatReleasesTable } from './schema-releases.js';
import type {
  CaseNeedsTable,
  CaseGoalsTable,
  CaseActionsTable,
  CaseFollowUpsTable,
  CaseApprovalsTable,
  TasksTable,
  CasePrivacyNoticesTable,
} from './schema-care.js';

export interface OrganizationsTable {
  id: string;
  name: string;
  case_prefix: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: string;
  locale: string;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  /** 1: an admin of the whole installation (manages every directory entry). */
  installation_admin: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface DataKeysTable {
  id: string;
  wrapped_key: string;
  created_at: string;
}

export interface CaseCountersTable {
  org_id: string;
  year: number;
  last_seq: number;
}

export interface CasesTable {
  id: string;
  org_id: string;
  code: string;
  status: string;
  closure_reason: string | null;
  step: string;
  given_names: string;
  family_names: string;
  preferred_name: string;
  birth_date: string | null;
  estimated_age: number | null;
  gender_identity: string;
  nationalities: string;
  languages: string;
  needs_interpreter: number;
  entry_date: string | null;
  entry_place: string;
  state: string | null;
  municipality: string;
  contact_method: string | null;
  contact_details_enc: string | null;
  may_leave_message: number;
  pregnant: number;
  disability: number;
  indigenous: number;
  lgbtiq: number;
  vulnerabilities: string;
  documents: string;
  referral_source: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** The newest risk assessment's level (null until one is made). */
  risk_level: string | null;
  /** Counts changes to what a care plan approval covers (see domain care/plan.ts). */
  care_plan_version: number;
  last_activity_at: string;
  version: number;
}

export interface CaseNationalitiesTable {
  case_id: string;
  country: string;
}

export interface CaseNameTokensTable {
  case_id: string;
  org_id: string;
  token: string;
}

export interface CaseMembersTable {
  id: string;
  case_id: string;
  relationship: string;
  given_names: string;
  family_names: string;
  birth_date: string | null;
  estimated_age: number | null;
  sex: string;
  created_at: string;
  updated_at: string;
}

export interface CaseAssignmentsTable {
  case_id: string;
  user_id: string;
  role_on_case: string;
  created_at: string;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  author_id: string;
  note_class: string;
  body_enc: string;
  created_at: string;
}

export interface CaseVersionsTable {
  id: string;
  case_id: string;
  version: number;
  changed_at: string;
  changed_by: string | null;
  fields: string;
  before_enc: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  case_id: string | null;
  fields: string;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface ProceduresTable {
  id: string;
  case_id: string;
  label: string;
  created_by: string | null;
  created_at: string;
}

export interface ProcedureEventsTable {
  id: string;
  procedure_id: string;
  type: string;
  date: string;
  effective_on: string | null;
  details: string;
  created_by: string | null;
  created_at: string;
}

export interface CalendarEntriesTable {
  id: string;
  org_id: string;
  authority: string;
  kind: string;
  from_date: string;
  to_date: string;
  source: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  dedupe_key: string;
  user_id: string;
  case_id: string;
  case_code: string;
  rule_code: string;
  due_date: string;
  lead_days: number;
  created_at: string;
  read_at: string | null;
  digest_day: string | null;
}

export interface EmailDigestsTable {
  user_id: string;
  day: string;
  status: string;
  items: number;
  created_at: string;
  sent_at: string | null;
}

export interface DeadlineRulesTable {
  org_id: string;
  code: string;
  /** The whole rule as JSON, validated with deadlineRuleSchema on the way in and out. */
  rule: string;
  updated_by: string | null;
  updated_at: string;
}

export interface CaseIncidentsTable {
  id: string;
  case_id: string;
  from_date: string;
  to_date: string | null;
  phase: string;
  country: string | null;
  state: string | null;
  /** JSON array of VIOLENCE_TYPES codes. */
  types: string;
  modality: string | null;
  gbv_type: string;
  perpetrator: string;
  perpetrator_count: number | null;
  reported: string;
  /** JSON array of REPORT_RECIPIENTS codes. */
  reported_to: string;
  reported_to_detail: string;
  narrative_enc: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  kind: string;
  document_date: string | null;
  description_enc: string;
  file_name_enc: string;
  media_type: string;
  size: number;
  /** The data key the content is sealed with. */
  content_key: string;
  /** iv (12 bytes) + GCM tag (16) + ciphertext. */
  content: Buffer;
  uploaded_by: string | null;
  created_at: string;
}

export interface CaseConsentsTable {
  id: string;
  case_id: string;
  purpose: string;
  recipient: string;
  /** JSON array of CONSENT_DATA_SCOPES codes. */
  scope: string;
  given_by: string;
  child_assent: number | null;
  method: string;
  /** Sealed JSON: caregiverName, caregiverRelationship, witnessName. */
  people_enc: string;
  document_id: string | null;
  given_on: string;
  expires_on: string | null;
  age_band: string;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
  withdrawal_note_enc: string | null;
  withdrawal_recorded_by: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CaseRiskAssessmentsTable {
  id: string;
  case_id: string;
  assessed_on: string;
  /** JSON object: question code → yes / no / unknown. */
  answers: string;
  computed_level: string;
  score: number;
  override_level: string | null;
  override_reason_enc: string;
  /** The override when there is one, else the computed level. */
  level: string;
  notes_enc: string;
  safety_plan_enc: string | null;
  assessed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_throttle: AuthThrottleTable;
  data_keys: DataKeysTable;
  case_counters: CaseCountersTable;
  cases: CasesTable;
  case_nationalities: CaseNationalitiesTable;
  case_name_tokens: CaseNameTokensTable;
  case_members: CaseMembersTable;
  case_assignments: CaseAssignmentsTable;
  case_notes: CaseNotesTable;
  case_versions: CaseVersionsTable;
  audit_log: AuditLogTable;
  procedures: ProceduresTable;
  procedure_events: ProcedureEventsTable;
  calendar_entries: CalendarEntriesTable;
  calendar_feeds: CalendarFeedsTable;
  notifications: NotificationsTable;
  email_digests: EmailDigestsTable;
  deadline_rules: DeadlineRulesTable;
  case_incidents: CaseIncidentsTable;
  case_documents: CaseDocumentsTable;
  case_consents: CaseConsentsTable;
  case_risk_assessments: CaseRiskAssessmentsTable;
  case_needs: CaseNeedsTable;
  case_goals: CaseGoalsTable;
  case_actions: CaseActionsTable;
  case_follow_ups: CaseFollowUpsTable;
  case_approvals: CaseApprovalsTable;
  tasks: TasksTable;
  case_privacy_notices: CasePrivacyNoticesTable;
  dir_organizations: DirOrganizationsTable;
  dir_services: DirServicesTable;
  dir_service_facets: DirServiceFacetsTable;
  dir_locations: DirLocationsTable;
  dir_service_at_location: DirServiceAtLocationTable;
  dir_location_access: DirLocationAccessTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_notices: ReferralNoticesTable;
  stat_facts: StatFactsTable;
  stat_state: StatStateTable;
  stat_settings: StatSettingsTable;
  stat_cube: StatCubeTable;
  workshops: WorkshopsTable;
  workshop_participants: WorkshopParticipantsTable;
  workshop_materials: WorkshopMaterialsTable;
  stat_releases: StatReleasesTable;
  stat_networks: StatNetworksTable;
  stat_network_members: StatNetworkMembersTable;
}

// Kept for tables that may later need generated columns.
export type { Generated };

export type {
  CaseNeedsTable,
  CaseGoalsTable,
  CaseActionsTable,
  CaseFollowUpsTable,
  CaseApprovalsTable,
  TasksTable,
  CasePrivacyNoticesTable,
  DirOrganizationsTable,
  DirServicesTable,
  DirServiceFacetsTable,
  DirLocationsTable,
  DirServiceAtLocationTable,
  DirLocationAccessTable,
  ReferralsTable,
  ReferralEventsTable,
  ReferralNoticesTable,
};
