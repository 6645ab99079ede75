import { z } from 'zod';
import { legalDateSchema } from '../calendar/schemas.js';
import type { LegalDate } from '../calendar/dates.js';
import { CASE_ROLES_ON_CASE } from '../case.js';
import { requiredText, shortText } from '../common.js';
import { MX_STATE_CODES } from '../geo.js';

/**
 * The acts of one asylum procedure as staff record them, in their natural
 * procedural order: `timeline` sorts events of the same date in this order.
 */
export const PROCEDURE_EVENT_TYPES = [
  /** Entry to Mexico (the application window runs from it). */
  'entry',
  'application_filed',
  /** The applicant ratified in person an application filed by a representative. */
  'ratified',
  'constancia_issued',
  'curp_issued',
  'curp_renewed',
  /** A periodic signing obligation set or changed (office, frequency). */
  'signing_obligation_set',
  'signing_done',
  'eligibility_interview',
  /** COMAR extended the resolution period (+45 business days). */
  'resolution_extended',
  /** The applicant withdrew (desistimiento), to be ratified. */
  'withdrawal_filed',
  'withdrawal_ratified',
  /** COMAR's decision notified; `details.outcome` says which. */
  'decision_notified',
  'revision_filed',
  /** The resolution of the recurso de revisión notified; `details.outcome` says which. */
  'revision_decision_notified',
  'nulidad_filed',
  'amparo_filed',
  /** Permanent residence document requested from / issued by INM. */
  'residence_requested',
  'residence_issued',
  'family_reunification_requested',
] as const;
export type ProcedureEventType = (typeof PROCEDURE_EVENT_TYPES)[number];
export const procedureEventTypeSchema = z.enum(PROCEDURE_EVENT_TYPES);

/** How a COMAR procedure ended. */
export const PROCEDURE_OUTCOMES = [
  'refugee_status',
  /** Complementary protection: refugee status denied, no return; no family reunification. */
  'complementary_protection',
  'negative',
  'abandonment',
  'withdrawal',
] as const;
export type ProcedureOutcome = (typeof PROCEDURE_OUTCOMES)[number];

/** How a recurso de revisión was resolved. */
export const REVISION_OUTCOMES = [
  /** The decision under review stands. */
  'confirmed',
  'refugee_status',
  'complementary_protection',
  /** Sent back to COMAR for a new decision. */
  'remanded',
] as const;
export type RevisionOutcome = (typeof REVISION_OUTCOMES)[number];

export const FILED_BY = ['applicant', 'representative'] as const;
export type FiledBy = (typeof FILED_BY)[number];

export const SIGNING_FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export type SigningFrequency = (typeof SIGNING_FREQUENCIES)[number];
export const SIGNING_AUTHORITIES = ['comar', 'inm'] as const;

/** Who must act before a deadline: a role on the case, the applicant herself, or the authority. */
export const RESPONSIBLE_PARTIES = [...CASE_ROLES_ON_CASE, 'applicant', 'authority'] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

const state = z.enum(MX_STATE_CODES);
const none = z.strictObject({}).default({});

const applicationDetails = z.strictObject({
  filedBy: z.enum(FILED_BY),
  /** COMAR office, e.g. "COMAR Tapachula". */
  office: shortText(200).optional(),
  state: state.optional(),
});
const signingObligationDetails = z.strictObject({
  office: requiredText(200),
  authority: z.enum(SIGNING_AUTHORITIES).optional(),
  /** The state she must stay in unless COMAR authorizes a move. */
  state: state.optional(),
  frequency: z.enum(SIGNING_FREQUENCIES),
});

const base = {
  /** The stored event's identifier; unique within a procedure. */
  id: z.string().min(1).max(64),
  /** The day the act happened (was filed, issued, notified…). */
  date: legalDateSchema,
  /**
   * When the act takes effect, if not on `date`: a notification that takes effect
   * later; for `entry`, the day applying became materially possible (LRPCAP art. 18).
   * Periods triggered by the event run from this date.
   */
  effectiveOn: legalDateSchema.optional(),
};

function eventOf<T extends ProcedureEventType, D extends z.ZodType>(type: T, details: D) {
  return z.strictObject({ ...base, type: z.literal(type), details });
}

/**
 * One dated act of a procedure. `details` depend on `type`; types without
 * details accept `{}` or nothing.
 */
export const procedureEventSchema = z.discriminatedUnion('type', [
  eventOf('entry', z.strictObject({ place: shortText(200).optional() }).default({})),
  eventOf('application_filed', applicationDetails),
  eventOf('ratified', none),
  eventOf('constancia_issued', none),
  eventOf('curp_issued', none),
  eventOf('curp_renewed', none),
  eventOf('signing_obligation_set', signingObligationDetails),
  eventOf('signing_done', z.strictObject({ office: shortText(200).optional() }).default({})),
  eventOf('eligibility_interview', none),
  eventOf('resolution_extended', none),
  eventOf('withdrawal_filed', none),
  eventOf('withdrawal_ratified', none),
  eventOf('decision_notified', z.strictObject({ outcome: z.enum(PROCEDURE_OUTCOMES) })),
  eventOf('revision_filed', none),
  eventOf('revision_decision_notified', z.strictObject({ outcome: z.enum(REVISION_OUTCOMES) })),
  eventOf('nulidad_filed', none),
  eventOf('amparo_filed', none),
  eventOf('residence_requested', none),
  eventOf('residence_issued', none),
  eventOf('family_reunification_requested', none),
]);
export type ProcedureEvent = z.output<typeof procedureEventSchema>;
export type ProcedureEventInput = z.input<typeof procedureEventSchema>;

/** The events of one procedure: at most 1000, identifiers unique (`duplicate_id`). */
export const procedureEventsSchema = z
  .array(procedureEventSchema)
  .max(1000)
  .superRefine((events, ctx) => {
    const seen = new Set<string>();
    events.forEach((event, index) => {
      if (seen.has(event.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], params: { code: 'duplicate_id' } });
      }
      seen.add(event.id);
    });
  });

/**
 * Detail fields a deadline rule may set conditions on, per event type, with
 * their allowed values: the enumerated details.
 */
export const CONDITION_FIELDS: Readonly<
  Partial<Record<ProcedureEventType, Readonly<Record<string, readonly string[]>>>>
> = {
  application_filed: { filedBy: FILED_BY },
  signing_obligation_set: { frequency: SIGNING_FREQUENCIES, authority: SIGNING_AUTHORITIES },
  decision_notified: { outcome: PROCEDURE_OUTCOMES },
  revision_decision_notified: { outcome: REVISION_OUTCOMES },
};

/** The date periods triggered by an event run from. */
export function effectDateOf(event: { date: LegalDate; effectiveOn?: LegalDate | undefined }): LegalDate {
  return event.effectiveOn ?? event.date;
}

/** A detail of an event as text, or undefined (for rule conditions). */
export function detailOf(event: ProcedureEvent, field: string): string | undefined {
  const value = (event.details as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

const ORDER: ReadonlyMap<string, number> = new Map(PROCEDURE_EVENT_TYPES.map((type, index) => [type, index]));

/**
 * The events in procedural order: by date, then by the natural order of
 * PROCEDURE_EVENT_TYPES (a filing before its ratification on the same day),
 * then as given. Returns a new array; the input is left as it is.
 */
export function timeline<E extends { readonly date: LegalDate; readonly type: ProcedureEventType }>(
  events: readonly E[],
): E[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0) ||
        (ORDER.get(a.event.type) ?? 0) - (ORDER.get(b.event.type) ?? 0) ||
        a.index - b.index,
    )
    .map(({ event }) => event);
}
