/**
 * Workshops and community activities a clinic holds (rights workshops,
 * outreach sessions): what, when, where, on which topic, in which language,
 * with whom, and how many people came — counted by gender, age band and
 * nationality, never named. A workshop holds no personal data: its title
 * names the activity, never a person, and there are no free notes about the
 * people who came. They feed the statistics ("workshops held and people
 * reached").
 *
 * Custom field-error codes: `other_topic_required` (topic "other" without
 * saying which), `duplicate_participant_row` (two rows of participants with
 * the same gender, age band and nationality: add their counts instead),
 * `future_date`, `range_reversed` (a list period that ends before it starts).
 */
import { z } from 'zod';
import { isoDate, notInFuture, requiredText, shortText } from '../common.js';
import { COUNTRY_CODES, MX_STATE_CODES } from '../geo.js';
import { LANGUAGE_CODES } from '../languages.js';
import { STAT_AGE_BANDS } from '../statistics/filters.js';

export const WORKSHOP_KINDS = ['workshop', 'outreach'] as const;
export type WorkshopKind = (typeof WORKSHOP_KINDS)[number];

export const WORKSHOP_TOPICS = [
  'asylum_rights',
  'gbv_prevention',
  'health_access',
  'education_access',
  'work_rights',
  'documentation',
  'mental_health',
  'other',
] as const;
export type WorkshopTopic = (typeof WORKSHOP_TOPICS)[number];

export const PARTICIPANT_GENDERS = ['woman', 'man', 'non_binary', 'not_stated'] as const;
export type ParticipantGender = (typeof PARTICIPANT_GENDERS)[number];

/** A participant's nationality: a country, or `unknown` when not asked or not said. */
export const PARTICIPANT_NATIONALITIES = [...COUNTRY_CODES, 'unknown'] as const;
export type ParticipantNationality = (typeof PARTICIPANT_NATIONALITIES)[number];

export const MAX_PARTICIPANT_ROWS = 200;
export const MAX_PARTICIPANT_COUNT = 10_000;
export const MAX_CO_FACILITATORS = 10;

/** One row of the attendance count: how many people of one gender, age band and nationality. */
export const participantRowInput = z.strictObject({
  gender: z.enum(PARTICIPANT_GENDERS),
  ageBand: z.enum(STAT_AGE_BANDS),
  nationality: z.enum(PARTICIPANT_NATIONALITIES),
  count: z.number().int().min(1).max(MAX_PARTICIPANT_COUNT),
});
export type ParticipantRowInput = z.input<typeof participantRowInput>;
export type ParticipantRow = z.output<typeof participantRowInput>;

/** The key that makes a row of participants unique within a workshop. */
export const participantKey = (row: Pick<ParticipantRow, 'gender' | 'ageBand' | 'nationality'>) =>
  `${row.gender}|${row.ageBand}|${row.nationality}`;

const workshopFields = {
  kind: z.enum(WORKSHOP_KINDS),
  /** What the activity was called ("Tus derechos en el asilo"): never people's names. */
  title: requiredText(200),
  heldOn: isoDate.refine(notInFuture, { params: { code: 'future_date' } }),
  state: z.enum(MX_STATE_CODES),
  municipality: shortText(120).default(''),
  topic: z.enum(WORKSHOP_TOPICS),
  /** Which topic, when `topic` is `other`; ignored otherwise. */
  otherTopic: shortText(120).default(''),
  language: z.enum(LANGUAGE_CODES),
  /** Other organizations that facilitated it, by name. */
  coFacilitators: z.array(requiredText(200)).max(MAX_CO_FACILITATORS).default([]),
  participants: z.array(participantRowInput).min(1).max(MAX_PARTICIPANT_ROWS),
};

type WorkshopFields = z.output<z.ZodObject<typeof workshopFields>>;

function checkWorkshop(
  w: Pick<WorkshopFields, 'topic' | 'otherTopic' | 'participants'>,
  ctx: z.RefinementCtx,
) {
  if (w.topic === 'other' && !w.otherTopic)
    ctx.addIssue({ code: 'custom', path: ['otherTopic'], params: { code: 'other_topic_required' } });
  const seen = new Set<string>();
  w.participants.forEach((row, i) => {
    const key = participantKey(row);
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['participants', i],
        params: { code: 'duplicate_participant_row' },
      });
    seen.add(key);
  });
}

/** A workshop as recorded (POST). */
export const workshopInput = z.strictObject(workshopFields).superRefine(checkWorkshop);
export type WorkshopInput = z.input<typeof workshopInput>;
export type Workshop = z.output<typeof workshopInput>;

/** A change (PUT): the whole workshop again, with the version it was read at (409 when it moved on). */
export const workshopUpdateInput = z
  .strictObject({ ...workshopFields, version: z.number().int().min(1) })
  .superRefine(checkWorkshop);
export type WorkshopUpdateInput = z.input<typeof workshopUpdateInput>;

/** The total number of people reached by a workshop. */
export function participantTotal(rows: readonly Pick<ParticipantRow, 'count'>[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

/** The list's filters: a period of days (either end optional), a topic; newest first, a page at a time. */
export const workshopListQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    topic: z.enum(WORKSHOP_TOPICS).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: shortText(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'range_reversed' } });
  });
export type WorkshopListQuery = z.input<typeof workshopListQuery>;
