/**
 * Releases of figures that leave the organization: a coordinator prepares
 * one, another approves it; its figures are computed once and frozen with
 * its parameters. In differential-privacy mode the noise is calibrated to a
 * stated ε and the organization's spent ε is the sum over approved releases.
 */
import { z } from 'zod';
import { statisticsView, STAT_TABLE_IDS } from './api.js';
import { statFilters } from './filters.js';
import { MAX_EPSILON, MIN_EPSILON } from './privacy.js';

export const RELEASE_MODES = ['standard', 'differential_privacy'] as const;
export type ReleaseMode = (typeof RELEASE_MODES)[number];
export const RELEASE_STATUSES = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const releaseInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    filters: statFilters,
    mode: z.enum(RELEASE_MODES),
    epsilon: z.number().min(MIN_EPSILON).max(MAX_EPSILON).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'differential_privacy' && (value.epsilon === undefined || value.epsilon === null))
      ctx.addIssue({ code: 'custom', path: ['epsilon'], params: { code: 'required' } });
  });
export type ReleaseInput = z.input<typeof releaseInput>;

/** A decision's comment: a short reason, never personal data. */
export const releaseDecisionInput = z.strictObject({
  comment: z.string().trim().max(500).default(''),
});

/** How a table's share of ε was spent. */
export const releaseBudgetLine = z.object({
  table: z.union([z.enum(STAT_TABLE_IDS), z.enum(['universe', 'left_out'])]),
  epsilon: z.number(),
  sensitivity: z.number(),
});

export const releaseSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  filters: statFilters,
  k: z.number(),
  mode: z.enum(RELEASE_MODES),
  epsilon: z.number().nullable(),
  status: z.enum(RELEASE_STATUSES),
  figuresAt: z.string(),
  preparedBy: z.string(),
  preparedByName: z.string(),
  preparedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
});
export type ReleaseSummaryView = z.infer<typeof releaseSummaryView>;

export const releaseAbilities = z.object({
  approve: z.boolean(),
  return: z.boolean(),
  withdraw: z.boolean(),
  export: z.boolean(),
});

export const releaseView = releaseSummaryView.extend({
  figures: statisticsView,
  /** Each table's share of ε and its sensitivity (differential-privacy mode only). */
  budget: z.array(releaseBudgetLine).nullable(),
  can: releaseAbilities,
});
export type ReleaseView = z.infer<typeof releaseView>;

export const releaseListView = z.object({
  releases: z.array(releaseSummaryView),
  /** The sum of ε of the organization's approved differential-privacy releases. */
  epsilonSpent: z.number(),
  /** Whether the caller may prepare a release. */
  canPrepare: z.boolean(),
});
export type ReleaseListView = z.infer<typeof releaseListView>;
