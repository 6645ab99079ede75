import { isLegalDate } from '../calendar/dates.js';
import type { LegalDate } from '../calendar/dates.js';
import { ProcedureError, describeIssues } from './errors.js';
import { procedureEventsSchema, timeline } from './events.js';
import type { ProcedureEvent, ProcedureEventInput, ProcedureEventType } from './events.js';

/**
 * Soft checks of an event sequence: warnings to show staff, never a reason to
 * refuse an event (records arrive late, out of order, or from another clinic).
 */
export const PROCEDURE_WARNING_CODES = [
  /** None of `expected` comes before the event (a decision before any filing). */
  'missing_prerequisite',
  /** An act that happens once per procedure recorded again (`relatedEventId`: the first). */
  'repeated_event',
  /** The CURP temporal renewed more than once since it was issued (renewable once). */
  'renewal_limit_exceeded',
  /** `effectiveOn` is before `date`. */
  'effective_before_date',
  /** Dated after `today`. */
  'future_date',
  /** Family reunification requested without refugee status (complementary protection does not give it). */
  'family_reunification_without_refugee_status',
] as const;
export type ProcedureWarningCode = (typeof PROCEDURE_WARNING_CODES)[number];

export interface ProcedureWarning {
  readonly code: ProcedureWarningCode;
  readonly eventId: string;
  readonly relatedEventId?: string;
  /** For `missing_prerequisite`: any one of these was expected earlier. */
  readonly expected?: readonly ProcedureEventType[];
}

/** Acts expected before each event type (any one of them, earlier in the timeline). */
export const PREREQUISITES: Readonly<Partial<Record<ProcedureEventType, readonly ProcedureEventType[]>>> = {
  ratified: ['application_filed'],
  constancia_issued: ['application_filed'],
  curp_issued: ['application_filed'],
  curp_renewed: ['curp_issued'],
  signing_obligation_set: ['application_filed'],
  signing_done: ['signing_obligation_set'],
  eligibility_interview: ['application_filed'],
  resolution_extended: ['application_filed'],
  withdrawal_filed: ['application_filed'],
  withdrawal_ratified: ['withdrawal_filed'],
  decision_notified: ['application_filed'],
  revision_filed: ['decision_notified'],
  revision_decision_notified: ['revision_filed'],
  nulidad_filed: ['decision_notified', 'revision_decision_notified'],
  // No prerequisite for amparo: it lies at any time against deportation or detention.
  residence_requested: ['decision_notified', 'revision_decision_notified'],
  residence_issued: ['residence_requested'],
};

/** Acts recorded at most once in one procedure (a new application is a new procedure). */
const ONCE: ReadonlySet<ProcedureEventType> = new Set<ProcedureEventType>([
  'application_filed',
  'ratified',
  'resolution_extended',
  'withdrawal_ratified',
  'revision_filed',
]);

function grantsRefugeeStatus(event: ProcedureEvent): boolean {
  return (
    (event.type === 'decision_notified' || event.type === 'revision_decision_notified') &&
    event.details.outcome === 'refugee_status'
  );
}

/**
 * Warnings about a procedure's events, in timeline order. Throws ProcedureError
 * (`invalid_events`, `invalid_today`) only for data that fails its schema.
 */
export function validateProcedure(
  input: readonly ProcedureEventInput[],
  options: { readonly today?: LegalDate } = {},
): ProcedureWarning[] {
  const parsed = procedureEventsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProcedureError('invalid_events', `invalid procedure events: ${describeIssues(parsed.error)}`);
  }
  const { today } = options;
  if (today !== undefined && !isLegalDate(today)) {
    throw new ProcedureError('invalid_today', 'today must be an existing date written YYYY-MM-DD');
  }
  const warnings: ProcedureWarning[] = [];
  const seen = new Map<ProcedureEventType, ProcedureEvent>();
  let lastDecision: ProcedureEvent | undefined;
  let remandedSinceDecision = false;
  let firstRenewal: ProcedureEvent | undefined;
  let refugeeStatus = false;

  for (const event of timeline(parsed.data)) {
    const { id: eventId } = event;
    const expected = PREREQUISITES[event.type];
    if (expected && !expected.some((type) => seen.has(type))) {
      warnings.push({ code: 'missing_prerequisite', eventId, expected });
    }
    const first = seen.get(event.type);
    if (first && ONCE.has(event.type)) {
      warnings.push({ code: 'repeated_event', eventId, relatedEventId: first.id });
    }
    if (event.type === 'decision_notified') {
      if (lastDecision && !remandedSinceDecision) {
        warnings.push({ code: 'repeated_event', eventId, relatedEventId: lastDecision.id });
      }
      lastDecision = event;
      remandedSinceDecision = false;
    }
    if (event.type === 'revision_decision_notified' && event.details.outcome === 'remanded') {
      remandedSinceDecision = true;
    }
    if (event.type === 'curp_issued') firstRenewal = undefined;
    if (event.type === 'curp_renewed') {
      if (firstRenewal) {
        warnings.push({ code: 'renewal_limit_exceeded', eventId, relatedEventId: firstRenewal.id });
      } else firstRenewal = event;
    }
    if (grantsRefugeeStatus(event)) refugeeStatus = true;
    if (event.type === 'family_reunification_requested' && !refugeeStatus) {
      warnings.push({ code: 'family_reunification_without_refugee_status', eventId });
    }
    if (event.effectiveOn !== undefined && event.effectiveOn < event.date) {
      warnings.push({ code: 'effective_before_date', eventId });
    }
    if (today !== undefined && event.date > today) warnings.push({ code: 'future_date', eventId });
    if (!first) seen.set(event.type, event);
  }
  return warnings;
}
