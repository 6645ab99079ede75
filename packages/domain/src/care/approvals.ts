/**
 * Supervision: a coordinator (or an admin) approves the care plan and the
 * closure of a case, or returns it with a comment. Nobody decides on her own
 * request (four eyes). A request is pending until decided or withdrawn; one
 * of each kind may be pending at a time.
 *
 * Closure asks for a reason and a checklist every item of which the worker
 * confirms; "needs met" is refused while a need is still open. Once approved
 * the case is closed; it can be reopened, with a reason, by anyone on it.
 *
 * Custom field-error codes: `comment_required`, `checklist_incomplete`.
 */
import { z } from 'zod';
import { CLOSURE_REASONS } from '../case.js';
import { requiredText, text } from '../common.js';
import { RISK_LEVELS } from '../risk/risk.js';

export const APPROVAL_KINDS = ['care_plan', 'closure'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_DECISIONS = ['approve', 'return'] as const;

/** What the worker confirms before asking to close: each phrased so it can always be truthfully done. */
export const CLOSURE_CHECKLIST = [
  /** She was told the case will close and how to come back, or we tried to reach her. */
  'survivor_informed',
  /** Her safety was reviewed and the safety plan updated or handed over. */
  'safety_reviewed',
  /** Every referral was followed up and its outcome recorded. */
  'referrals_followed_up',
  /** Her original documents were returned and the file's documents kept as the policy says. */
  'documents_handled',
  /** Notes, needs and actions are up to date. */
  'file_complete',
] as const;
export type ClosureChecklistItem = (typeof CLOSURE_CHECKLIST)[number];

const comment = text().trim().max(2000).default('');

export const carePlanSubmitInput = z.strictObject({ comment });
export type CarePlanSubmitInput = z.input<typeof carePlanSubmitInput>;

export const closureRequestInput = z
  .strictObject({
    reason: z.enum(CLOSURE_REASONS),
    comment,
    checklist: z.strictObject(
      Object.fromEntries(CLOSURE_CHECKLIST.map((item) => [item, z.boolean().default(false)])) as Record<
        ClosureChecklistItem,
        z.ZodDefault<z.ZodBoolean>
      >,
    ),
  })
  .superRefine((input, ctx) => {
    for (const item of CLOSURE_CHECKLIST)
      if (!input.checklist[item])
        ctx.addIssue({ code: 'custom', path: ['checklist', item], params: { code: 'checklist_incomplete' } });
  });
export type ClosureRequestInput = z.input<typeof closureRequestInput>;

export const approvalDecisionInput = z
  .strictObject({ decision: z.enum(APPROVAL_DECISIONS), comment })
  .superRefine((input, ctx) => {
    if (input.decision === 'return' && !input.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], params: { code: 'comment_required' } });
  });
export type ApprovalDecisionInput = z.input<typeof approvalDecisionInput>;

export const reopenInput = z.strictObject({ reason: requiredText(2000) });
export type ReopenInput = z.input<typeof reopenInput>;

export const approvalView = z.object({
  id: z.string(),
  kind: z.enum(APPROVAL_KINDS),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: z.string().nullable(),
  requestedById: z.string().nullable(),
  requestedAt: z.string(),
  comment: z.string(),
  /** The plan version the request was made for (care plan). */
  planVersion: z.number().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  checklist: z.array(z.enum(CLOSURE_CHECKLIST)),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  /** A closure that was later undone. */
  reopened: z.object({ by: z.string().nullable(), at: z.string(), reason: z.string() }).nullable(),
});
export type ApprovalView = z.infer<typeof approvalView>;

export const CARE_PLAN_STATUSES = [
  'empty',
  'draft',
  'submitted',
  'approved',
  'returned',
  'changed_since_approval',
] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

/** Where the plan stands, from its goal count, its version and its newest approval request. */
export function carePlanStatus(
  goals: number,
  version: number,
  latest: { status: ApprovalStatus; planVersion: number | null } | null,
): CarePlanStatus {
  if (latest?.status === 'pending') return 'submitted';
  if (goals === 0) return 'empty';
  if (latest?.status === 'approved')
    return latest.planVersion === version ? 'approved' : 'changed_since_approval';
  if (latest?.status === 'returned' && latest.planVersion === version) return 'returned';
  return 'draft';
}

/** What the closure checklist shows from the record itself. */
export const closureChecksView = z.object({
  openNeeds: z.number(),
  openActions: z.number(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
});
