/** Response shapes of the statistics endpoints: aggregates only, never a case. */
import { z } from 'zod';
import { statFilters } from './filters.js';

export const STAT_SECTIONS = ['people', 'violence', 'procedure', 'needs', 'referrals', 'workshops'] as const;
export type StatSection = (typeof STAT_SECTIONS)[number];

/** What the rows and columns of a table are; the interface names their codes. */
export const STAT_DIMENSIONS = [
  'people_measure',
  'nationality',
  'age_band',
  'language',
  'state',
  'vulnerability',
  'violence_phase',
  'violence_type',
  'modality',
  'gbv_type',
  'perpetrator',
  'procedure_measure',
  'outcome',
  'revision_outcome',
  'need_domain',
  'need_status',
  'referral_measure',
  'workshop_measure',
  'workshop_topic',
  'participant_gender',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** The interface's catalogue group (`enum.<group>.<code>`) whose words a dimension borrows. */
export const STAT_ENUM_GROUPS = {
  vulnerability: 'vulnerability',
  violence_phase: 'incidentPhase',
  violence_type: 'violenceType',
  modality: 'violenceModality',
  gbv_type: 'gbvType',
  perpetrator: 'perpetrator',
  outcome: 'outcome',
  revision_outcome: 'revisionOutcome',
  need_domain: 'needDomain',
  need_status: 'needStatus',
  age_band: 'statAgeBand',
  workshop_topic: 'workshopTopic',
  participant_gender: 'participantGender',
} as const satisfies Partial<Record<StatDimension, string>>;
/** Flags of the case counted as vulnerabilities besides its list (named as on the case form: `case.field.<flag>`). */
export const STAT_VULNERABILITY_FLAGS = ['pregnant', 'disability', 'indigenous', 'lgbtiq'] as const;

/** Row codes of the tables whose rows are measures. */
export const PEOPLE_MEASURES = ['served', 'new_cases', 'open_at_end', 'closed', 'children'] as const;
export const VIOLENCE_PHASE_ROWS = ['any', 'origin', 'transit', 'mexico', 'institutional_mexico'] as const;
export const PROCEDURE_MEASURES = [
  'applications',
  'late_applications',
  'decisions',
  'revisions_filed',
  'revision_decisions',
] as const;
export const REFERRAL_MEASURES = ['sent', 'accepted', 'declined', 'completed', 'service_given'] as const;
export const WORKSHOP_MEASURES = ['held', 'participants'] as const;
/** The row that gathers categories too small to name (nationalities, languages). */
export const OTHER_CATEGORY = 'other';

export const STAT_TABLE_IDS = [
  'people_summary',
  'by_nationality',
  'by_age_band',
  'by_language',
  'by_state',
  'vulnerabilities',
  'nationality_by_age',
  'violence_phase',
  'violence_types',
  'violence_modalities',
  'gbv_types',
  'perpetrators',
  'procedure_acts',
  'outcomes',
  'revision_outcomes',
  'needs',
  'referrals',
  'workshops',
  'workshop_topics',
  'workshop_gender',
  'workshop_age',
  'workshop_nationality',
] as const;
export type StatTableId = (typeof STAT_TABLE_IDS)[number];

/** Why a cell is hidden: too few women, to protect another cell, or (network figures) to hide an organization's part. */
export const SUPPRESSION_REASONS = ['small', 'complementary', 'dominance'] as const;

export const statCellView = z.object({
  /** The published value; null when suppressed. */
  value: z.number().nullable(),
  suppressed: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type StatCellView = z.infer<typeof statCellView>;

export const statTableView = z.object({
  id: z.enum(STAT_TABLE_IDS),
  section: z.enum(STAT_SECTIONS),
  rowDimension: z.enum(STAT_DIMENSIONS),
  /** Null for a table of one column of counts. */
  colDimension: z.enum(STAT_DIMENSIONS).nullable(),
  rows: z.array(z.string()),
  cols: z.array(z.string()),
  /** Whether the cells add up to the totals (a woman counted once); otherwise she may be in several rows. */
  additive: z.boolean(),
  cells: z.array(z.array(statCellView)),
  rowTotals: z.array(statCellView).nullable(),
  colTotals: z.array(statCellView).nullable(),
  total: statCellView.nullable(),
  /** Cells are shares of the women served (the universe) when true. */
  ofServed: z.boolean(),
});
export type StatTableView = z.infer<typeof statTableView>;

export const durationSummaryView = z.object({
  observations: statCellView,
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
});

export const statisticsView = z.object({
  filters: statFilters,
  k: z.number(),
  minUniverse: z.number(),
  /** Women served in the period with a statistics consent in force (published value). */
  universe: statCellView,
  /** Women served in the period left out for lack of a statistics consent. */
  leftOut: statCellView,
  /** The universe is under the minimum: nothing else is shown. */
  tooFew: z.boolean(),
  tables: z.array(statTableView),
  /** Business days from filing to COMAR's decision, for decisions notified in the period. */
  decisionTime: durationSummaryView.extend({
    limit: z.number(),
    beyondLimit: statCellView,
  }),
  /** Calendar days from sending a referral to its acceptance. */
  acceptanceTime: durationSummaryView,
  /** When the figures were last brought up to date, and how many changed cases wait to be counted. */
  refreshedAt: z.string().nullable(),
  pending: z.number(),
});
export type StatisticsView = z.infer<typeof statisticsView>;
