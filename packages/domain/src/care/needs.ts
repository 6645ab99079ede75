/**
 * The needs assessment: what she needs across every domain of care, each need
 * with a priority and a status. A need is "unmet" only with a reason (no
 * service available, not eligible…), the figure the advocacy work asks for.
 *
 * Custom field-error codes: `unmet_reason_required`, `detail_not_in_domain`.
 */
import { z } from 'zod';
import { isoDate, notInFuture, text } from '../common.js';

/** Domains of need, and the finer kinds some of them have (the legal domain, documentation, education). */
export const NEED_DETAILS = {
  legal: ['asylum', 'documents', 'family_reunification', 'other'],
  mental_health: [],
  physical_sexual_health: [],
  shelter_housing: [],
  food_basic_needs: [],
  education: ['hers', 'children'],
  employment_income: [],
  documentation: ['curp', 'bank_account', 'other'],
  child_protection: [],
  other: [],
} as const satisfies Record<string, readonly string[]>;
export type NeedDomain = keyof typeof NEED_DETAILS;
export const NEED_DOMAINS = Object.keys(NEED_DETAILS) as [NeedDomain, ...NeedDomain[]];
export const NEED_DETAIL_CODES = [...new Set(Object.values(NEED_DETAILS).flat() as string[])] as [
  NeedDetail,
  ...NeedDetail[],
];
export type NeedDetail = (typeof NEED_DETAILS)[NeedDomain][number];

export const NEED_PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
export const NEED_STATUSES = ['identified', 'in_progress', 'met', 'unmet'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const UNMET_REASONS = [
  'no_service_available',
  'not_eligible',
  'waiting_list',
  'cost',
  'she_declined',
  'she_moved_away',
  'other',
] as const;
export type UnmetReason = (typeof UNMET_REASONS)[number];

/** Needs still to act on: the closure checklist counts them. */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['identified', 'in_progress'];

const pastDate = isoDate.refine(notInFuture, { params: { code: 'future_date' } });

const needShape = {
  domain: z.enum(NEED_DOMAINS),
  /** Only for domains with finer kinds (see NEED_DETAILS). */
  detail: z.enum(NEED_DETAIL_CODES).nullable().default(null),
  priority: z.enum(NEED_PRIORITIES).default('medium'),
  status: z.enum(NEED_STATUSES).default('identified'),
  unmetReason: z.enum(UNMET_REASONS).nullable().default(null),
  /** What she needs, in her words or the worker's; sealed at rest. */
  description: text().trim().max(2000).default(''),
  identifiedOn: pastDate,
};

interface NeedFields {
  domain?: NeedDomain;
  detail?: NeedDetail | null;
  status?: NeedStatus;
  unmetReason?: UnmetReason | null;
}

/** The rules a need obeys as a whole (checked again on every change, on the need it would produce). */
export function needIssues(need: NeedFields): { path: string; code: string }[] {
  const issues: { path: string; code: string }[] = [];
  if (need.status === 'unmet' && !need.unmetReason)
    issues.push({ path: 'unmetReason', code: 'unmet_reason_required' });
  if (need.status !== 'unmet' && need.unmetReason) issues.push({ path: 'unmetReason', code: 'invalid' });
  if (need.domain && need.detail && !(NEED_DETAILS[need.domain] as readonly string[]).includes(need.detail))
    issues.push({ path: 'detail', code: 'detail_not_in_domain' });
  return issues;
}

export const needInput = z.strictObject(needShape).superRefine((need, ctx) => {
  for (const issue of needIssues(need))
    ctx.addIssue({ code: 'custom', path: [issue.path], params: { code: issue.code } });
});
export type NeedInput = z.input<typeof needInput>;
export type Need = z.output<typeof needInput>;

/** A partial change; the whole need it produces is checked with `needIssues`. */
export const needUpdateInput = z
  .strictObject({
    domain: needShape.domain,
    detail: z.enum(NEED_DETAIL_CODES).nullable(),
    priority: z.enum(NEED_PRIORITIES),
    status: z.enum(NEED_STATUSES),
    unmetReason: z.enum(UNMET_REASONS).nullable(),
    description: text().trim().max(2000),
    identifiedOn: pastDate,
  })
  .partial();
export type NeedUpdateInput = z.input<typeof needUpdateInput>;

export const needView = z.object({
  id: z.string(),
  domain: z.enum(NEED_DOMAINS),
  detail: z.enum(NEED_DETAIL_CODES).nullable(),
  priority: z.enum(NEED_PRIORITIES),
  status: z.enum(NEED_STATUSES),
  unmetReason: z.enum(UNMET_REASONS).nullable(),
  description: z.string(),
  identifiedOn: z.string(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NeedView = z.infer<typeof needView>;
