/** Table types of needs, the care plan, approvals, tasks and privacy notices (migration 0010); part of `Database` in schema.ts. */

export interface CaseNeedsTable {
  id: string;
  case_id: string;
  domain: string;
  detail: string | null;
  priority: string;
  status: string;
  unmet_reason: string | null;
  description_enc: string;
  identified_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseGoalsTable {
  id: string;
  case_id: string;
  need_id: string;
  title_enc: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseActionsTable {
  id: string;
  case_id: string;
  goal_id: string;
  title_enc: string;
  responsible_id: string | null;
  due_on: string | null;
  status: string;
  next_follow_up_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseFollowUpsTable {
  id: string;
  case_id: string;
  action_id: string;
  on_date: string;
  note_enc: string;
  /** The status given to the action with this follow-up, when it changed. */
  status: string | null;
  next_follow_up_on: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CaseApprovalsTable {
  id: string;
  case_id: string;
  org_id: string;
  kind: string;
  status: string;
  requested_by: string | null;
  requested_at: string;
  comment_enc: string;
  plan_version: number | null;
  closure_reason: string | null;
  /** JSON list of the closure checklist items confirmed. */
  checklist: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_comment_enc: string | null;
  reopened_by: string | null;
  reopened_at: string | null;
  reopen_reason_enc: string | null;
}

export interface TasksTable {
  id: string;
  org_id: string;
  case_id: string;
  kind: string;
  assigned_to: string;
  status: string;
  risk_level: string | null;
  created_at: string;
  done_at: string | null;
  done_by: string | null;
}

export interface CasePrivacyNoticesTable {
  id: string;
  case_id: string;
  version: string;
  language: string;
  presented_how: string;
  accepted_on: string;
  recorded_by: string | null;
  created_at: string;
}
