import { z } from 'zod';

/** Stable error codes. The interface translates the code; messages are for developers. */
export const ERROR_CODES = [
  'unauthenticated',
  'invalid_credentials',
  'too_many_attempts',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'conflict',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Stable codes of a field error, translated by the interface as `field.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid',
  'invalid_type',
  'invalid_date',
  'invalid_email',
  'invalid_choice',
  'unknown_field',
  'future_date',
  'password_common',
  'password_too_short',
  'password_too_long',
  'email_taken',
  // Calendar entries (from–to periods).
  'range_reversed',
  'range_too_long',
  // Deadline rules edited by an admin.
  'code_mismatch',
  'duplicate_code',
  'duplicate_condition',
  'unknown_condition_field',
  'invalid_condition_value',
  'recurring_needs_frequency',
  'period_too_long',
  'met_and_superseded',
  // Violence history.
  'invalid_partial_date',
  'state_outside_mexico',
  'phase_country_mismatch',
  'reported_to_without_report',
  // Documents.
  'file_required',
  'file_type_not_allowed',
  'file_too_large',
  'file_empty',
  // Consent.
  'recipient_required',
  'expiry_before_given',
  'witness_required',
  'signed_form_required',
  'consent_must_be_hers',
  'caregiver_required',
  'child_assent_required',
  'withdrawal_before_given',
  'document_not_found',
  // Risk assessment.
  'override_reason_required',
  'override_same_level',
  'unmet_reason_required',
  'detail_not_in_domain',
  'comment_required',
  'checklist_incomplete',
  'consent_required',
  'plan_empty',
  'approval_pending',
  'plan_already_approved',
  'plan_changed',
  'own_request',
  'not_pending',
  'case_closed',
  'case_not_closed',
  'needs_not_met',
  'need_has_goals',
  'goal_has_actions',
  'action_has_follow_ups',
  'responsible_not_on_case',
  'need_not_found',
  'goal_not_found',
  'age_range_reversed',
  'referral_contact_required',
  'confidential_contact_required',
  'municipality_without_state',
  'location_not_found',
  'user_not_found',
  'hsds_invalid',
  'not_yours',
  'referral_not_on_senda',
  // Referrals.
  'documents_scope_required',
  'reason_required',
  'service_not_found',
  'service_inactive',
  'need_not_open',
  'own_organization',
  'wrong_state',
  'not_assignable',
  // Statistics.
  'whole_months_only',
  'month_not_over',
  'already_member',
  'left_network',
  'not_member',
  'name_taken',
  'not_approved',
  // Workshops.
  'other_topic_required',
  'duplicate_participant_row',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turn Zod issues into stable field errors (no values, so nothing personal is echoed). */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, code: 'unknown_field' });
      continue;
    }
    out.push({ path, ...codeOf(issue) });
  }
  return out;
}

function codeOf(issue: z.core.$ZodIssue): Omit<FieldError, 'path'> {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (issue.origin === 'array')
        return min <= 1 ? { code: 'required' } : { code: 'too_small', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_type':
      return ('input' in issue ? issue.input === undefined : issue.message.endsWith('undefined'))
        ? { code: 'required' }
        : { code: 'invalid_type' };
    case 'invalid_value':
      return { code: 'invalid_choice' };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'invalid_date' };
      if (issue.format === 'email') return { code: 'invalid_email' };
      return { code: 'invalid' };
    case 'custom': {
      const { code, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
      // Scalar parameters travel (e.g. `max`); lists of allowed values and the like do not.
      const params = Object.fromEntries(
        Object.entries(rest).filter(
          (entry): entry is [string, string | number] =>
            typeof entry[1] === 'string' || typeof entry[1] === 'number',
        ),
      );
      return {
        code: typeof code === 'string' ? code : 'invalid',
        ...(Object.keys(params).length ? { params } : {}),
      };
    }
    default:
      return { code: 'invalid' };
  }
}
