/** Table types of referrals (migration 0012); part of `Database` in schema.ts. */

export interface ReferralsTable {
  id: string;
  code: string;
  case_id: string;
  need_id: string;
  need_domain: string;
  from_org_id: string;
  to_dir_org_id: string;
  to_org_id: string | null;
  to_name: string;
  service_id: string | null;
  service_name: string;
  mode: string;
  state: string;
  urgency: string;
  scope: string;
  document_ids: string;
  message_enc: string;
  response_days: number;
  sent_on: string | null;
  answer_due: string | null;
  last_news_on: string;
  assigned_to: string | null;
  decline_reason: string | null;
  outcome: string | null;
  not_given_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  kind: string;
  state: string | null;
  body_enc: string;
  side: string;
  user_id: string | null;
  org_id: string | null;
  created_at: string;
}

export interface ReferralNoticesTable {
  id: string;
  dedupe_key: string;
  user_id: string;
  referral_id: string;
  referral_code: string;
  event: string;
  created_at: string;
  read_at: string | null;
  digest_day: string | null;
}
