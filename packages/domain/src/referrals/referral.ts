/**
 * A referral from a case need to a service of the directory. Inside Senda the
 * receiving organization gets it in its inbox; outside Senda it is recorded
 * (with a printable letter in her language) and the sender records the answer.
 *
 * What the receiving side sees is the referral's scope, and only while the
 * referral is open and her consent to share with that organization, covering
 * every item of the scope, is in force. Each scope item is one consent data
 * scope; narratives (incident accounts) are shared only when she consented to
 * exactly that.
 *
 * Custom field-error codes: `consent_required` (no consent to share with that
 * organization covering the scope), `documents_scope_required` (documents
 * chosen without the documents scope, or the other way round),
 * `reason_required`, `not_on_case` (a document or need not of this case),
 * `wrong_state` (a move outside the graph), `not_assignable`.
 */
import { z } from 'zod';
import { shortText } from '../common.js';

/** What a referral may share; each item needs the consent data scope of the same name. */
export const REFERRAL_SHARES = [
  'identity',
  'contact_details',
  'family',
  'needs',
  'migration_status',
  'violence_history',
  'narratives',
  'documents',
] as const;
export type ReferralShare = (typeof REFERRAL_SHARES)[number];

export const REFERRAL_URGENCIES = ['urgent', 'high', 'normal'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** Inside Senda (the organization is on it) or outside (recorded; the sender records the answer). */
export const REFERRAL_MODES = ['senda', 'outside'] as const;
export type ReferralMode = (typeof REFERRAL_MODES)[number];

export const DECLINE_REASONS = [
  'no_capacity',
  'not_eligible',
  'outside_area',
  'service_unavailable',
  'could_not_contact',
  'other',
] as const;
export const REFERRAL_OUTCOMES = ['given', 'partly_given', 'not_given'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export const NOT_GIVEN_REASONS = [
  'did_not_arrive',
  'she_declined',
  'not_eligible',
  'no_capacity',
  'could_not_contact',
  'other',
] as const;

/** Days after sending an unanswered referral expires. */
export const REFERRAL_EXPIRY_DAYS = 30;

const issue = (ctx: z.RefinementCtx, path: string, code: string) =>
  ctx.addIssue({ code: 'custom', path: [path], params: { code } });

export const referralCreateInput = z
  .strictObject({
    needId: z.uuid(),
    serviceId: z.uuid(),
    scope: z.array(z.enum(REFERRAL_SHARES)).max(REFERRAL_SHARES.length).default([]),
    /** Documents of the case to share (needs the documents scope). */
    documentIds: z.array(z.uuid()).max(20).default([]),
    urgency: z.enum(REFERRAL_URGENCIES).default('normal'),
    message: shortText(2000).default(''),
    /** False keeps it as a draft. */
    send: z.boolean().default(true),
  })
  .superRefine((r, ctx) => {
    const wantsDocuments = r.scope.includes('documents');
    if (wantsDocuments !== r.documentIds.length > 0) issue(ctx, 'documentIds', 'documents_scope_required');
  });
export type ReferralCreateInput = z.input<typeof referralCreateInput>;

export const referralCommentInput = z.strictObject({ comment: shortText(1000).default('') });
export const referralAcceptInput = z.strictObject({
  /** The staff member of the receiving organization who takes it (optional). */
  assignedTo: z.uuid().nullable().default(null),
  comment: shortText(1000).default(''),
});
export const referralDeclineInput = z
  .strictObject({ reason: z.enum(DECLINE_REASONS), comment: shortText(1000).default('') })
  .superRefine((d, ctx) => {
    if (d.reason === 'other' && !d.comment) issue(ctx, 'comment', 'reason_required');
  });
export const referralAssignInput = z.strictObject({ userId: z.uuid() });
export const referralCompleteInput = z
  .strictObject({
    outcome: z.enum(REFERRAL_OUTCOMES),
    /** Why it was not given (required for `not_given`). */
    reason: z.enum(NOT_GIVEN_REASONS).nullable().default(null),
    comment: shortText(1000).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.outcome === 'not_given' && c.reason === null) issue(ctx, 'reason', 'reason_required');
    if (c.outcome !== 'not_given' && c.reason !== null) issue(ctx, 'reason', 'invalid');
    if (c.reason === 'other' && !c.comment) issue(ctx, 'comment', 'reason_required');
  });
export const referralMessageInput = z.strictObject({
  body: shortText(4000).pipe(z.string().min(1)),
});

export const referralListQuery = z.strictObject({
  /** Received by the caller's organization, or sent from cases she can see. */
  box: z.enum(['received', 'sent']).default('received'),
  /** Only open ones (sent or accepted, and drafts for the sender). */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ReferralListQuery = z.input<typeof referralListQuery>;

/** Whether every item of the scope is covered by the consent data scopes in force. */
export function scopeCovered(scope: readonly ReferralShare[], consented: ReadonlySet<string>): boolean {
  return scope.every((s) => consented.has(s));
}

/** Referral code shown in notifications and e-mails: never her name or case code. */
export const REFERRAL_CODE_PATTERN = /^R-[0-9A-HJKMNP-TV-Z]{8}$/;
