/**
 * The asylum-procedure deadline engine. Pure: no I/O, "today" passed in.
 *
 * ## Data
 * - `procedureEventSchema`: one dated act of ONE procedure `{ id, type, date,
 *   effectiveOn?, details }`, details discriminated by `type` (`filedBy`, `office`,
 *   `state`, `outcome`, `frequency`…). A case with a new application or an appeal has
 *   several procedures; the engine works on one procedure's events at a time.
 * - `deadlineRuleSchema` / `deadlineRulesSchema`, `DEFAULT_DEADLINE_RULES`: the rules
 *   as data (trigger event type and conditions on its enumerated details, period in
 *   business days / calendar days / months or recurring, authority calendar,
 *   extension, meeting and superseding event types, responsible party, legal basis,
 *   active flag).
 *
 * ## Functions
 * - `computeDeadlines({ events, rules?, calendars, today, dueSoonDays? })`: one
 *   `ProcedureDeadline` per active rule and matching trigger event, sorted by due date.
 * - `validateProcedure(events, { today? })`: soft warnings, never blocking.
 * - `timeline(events)`: by date, then natural procedural order (PROCEDURE_EVENT_TYPES).
 *
 * ## Counting
 * Periods run from the trigger's effect date (`effectiveOn ?? date`) through the
 * calendar engine: business days start on the business day after it
 * (`addBusinessDays`), calendar days and months with `addCalendarDays` / `addMonths`,
 * rolled to a business day or not per rule. The explanation is the engine's.
 * Extensions (COMAR +45) add to the period when recorded while the deadline is open.
 *
 * ## Status
 * For each trigger, the deadline's window is the events after it in the timeline
 * up to the next event that triggers the same rule. In that window:
 * - the first meeting or superseding event closes it: `met` (with `met.late` when
 *   dated after the due date and `businessDaysLate`) or `not_applicable`
 *   (`closedBy.reason = 'superseded'`);
 * - with none, a later trigger of the same rule `replaces` it (`not_applicable`):
 *   a new entry, a new signing obligation, a re-notification;
 * - with `earlierMeetingCloses` (application window), a meeting event already
 *   recorded before the trigger makes it `not_applicable` (`met_earlier`): the 30-day
 *   window after a re-entry once an application was filed.
 * Otherwise, against `today`: `overdue` after the due date (`comar_overdue` when the
 * responsible party is `authority`), `due_today`, `due_soon` at `dueSoonDays` (5)
 * business days left or fewer, else `upcoming`. A date after today still counts:
 * events are facts recorded by staff (see the `future_date` warning).
 * `justificationNeeded` (application window): met late, or overdue and not yet met.
 * A late filing is never blocked.
 *
 * ## Which deadlines an outcome opens (default rules)
 * - `negative`, `complementary_protection` (refugee status denied) and `abandonment`
 *   open revisión (15, COMAR calendar), juicio de nulidad (30, TFJA) and amparo
 *   (15, amparo calendar). They are alternatives: filing one supersedes the others.
 * - A revisión resolved `confirmed` or `complementary_protection` opens nulidad and
 *   amparo again from its notification; `refugee_status` and `remanded` open nothing.
 * - `refugee_status` and `withdrawal` open nothing; every decision meets
 *   `comar_resolution` (late when after its 45/90 business days).
 * - CURP temporal: `curp_issued` opens `curp_temporal_renewal` (180 calendar days,
 *   fixed date, met by `curp_renewed`); `curp_renewed` opens `curp_temporal_expiry`
 *   (180 more, nothing meets it: no third renewal).
 * - Signing: `signing_obligation_set` opens `next_signing`, the first scheduled date
 *   (obligation + k × frequency, rolled to a COMAR business day) after the last
 *   `signing_done`; overdue when a signing is missed.
 */
export { PROCEDURE_ERROR_CODES, ProcedureError } from './errors.js';
export type { ProcedureErrorCode } from './errors.js';
export {
  CONDITION_FIELDS,
  FILED_BY,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_OUTCOMES,
  RESPONSIBLE_PARTIES,
  REVISION_OUTCOMES,
  SIGNING_AUTHORITIES,
  SIGNING_FREQUENCIES,
  effectDateOf,
  procedureEventSchema,
  procedureEventTypeSchema,
  procedureEventsSchema,
  timeline,
} from './events.js';
export type {
  FiledBy,
  ProcedureEvent,
  ProcedureEventInput,
  ProcedureEventType,
  ProcedureOutcome,
  ResponsibleParty,
  RevisionOutcome,
  SigningFrequency,
} from './events.js';
export {
  DEADLINE_UNITS,
  DEFAULT_DEADLINE_RULES,
  deadlinePeriodSchema,
  deadlineRuleCodeSchema,
  deadlineRuleSchema,
  deadlineRulesSchema,
  ruleConditionSchema,
} from './rules.js';
export type { DeadlinePeriod, DeadlineRule, DeadlineRuleInput, DeadlineUnit } from './rules.js';
export {
  DEADLINE_CLOSURE_REASONS,
  DEADLINE_STATUSES,
  DEFAULT_DUE_SOON_DAYS,
  MAX_DUE_SOON_DAYS,
  computeDeadlines,
} from './deadlines.js';
export type {
  ComputeDeadlinesInput,
  DeadlineClosure,
  DeadlineClosureReason,
  DeadlineMet,
  DeadlineRecurrence,
  DeadlineStatus,
  ProcedureDeadline,
} from './deadlines.js';
export { PREREQUISITES, PROCEDURE_WARNING_CODES, validateProcedure } from './validate.js';
export type { ProcedureWarning, ProcedureWarningCode } from './validate.js';
export {
  DEADLINE_RULE_ORIGINS,
  deadlineRuleCodeParams,
  deadlineRuleView,
  defaultRule,
  isDefaultRuleCode,
  mergeDeadlineRules,
  validateRuleChange,
} from './rule-set.js';
export type { DeadlineRuleOrigin, DeadlineRuleView } from './rule-set.js';
export * from './api.js';
