import type { BusinessCalendar } from '../calendar/calendar.js';
import { fromDayNumber, isLegalDate, partsOf, toDayNumber } from '../calendar/dates.js';
import type { LegalDate } from '../calendar/dates.js';
import { addBusinessDays, addCalendarDays, addMonths, businessDaysBetween } from '../calendar/periods.js';
import type {
  CalendarPeriodExplanation,
  Deadline,
  DeadlineExplanation,
  RollOptions,
  Trigger,
} from '../calendar/periods.js';
import type { Authority } from '../calendar/schemas.js';
import { ProcedureError, describeIssues } from './errors.js';
import { detailOf, effectDateOf, procedureEventsSchema, timeline } from './events.js';
import type {
  ProcedureEvent,
  ProcedureEventInput,
  ProcedureEventType,
  ResponsibleParty,
  SigningFrequency,
} from './events.js';
import { DEFAULT_DEADLINE_RULES, deadlineRulesSchema } from './rules.js';
import type { DeadlineRule, DeadlineRuleInput, DeadlineUnit } from './rules.js';

export const DEADLINE_STATUSES = [
  'upcoming',
  /** At most `dueSoonDays` business days left (the due date not yet reached). */
  'due_soon',
  'due_today',
  /** Passed and not met; the responsible party is not the authority. */
  'overdue',
  /** Passed and not met, and the authority is responsible (COMAR has not decided in time). */
  'comar_overdue',
  /** A meeting event was recorded (see `met.late`). */
  'met',
  /** Closed without being met: see `closedBy`. */
  'not_applicable',
] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Why a deadline is `not_applicable`. */
export const DEADLINE_CLOSURE_REASONS = [
  /** An event of the rule's `supersededBy` came first (another remedy filed, a withdrawal). */
  'superseded',
  /** A later event triggered the same rule before this deadline was met (a new entry, a new obligation). */
  'replaced',
  /** A meeting event was already recorded before the trigger (`earlierMeetingCloses`). */
  'met_earlier',
] as const;
export type DeadlineClosureReason = (typeof DEADLINE_CLOSURE_REASONS)[number];

export const DEFAULT_DUE_SOON_DAYS = 5;
export const MAX_DUE_SOON_DAYS = 250;

export interface DeadlineMet {
  readonly eventId: string;
  readonly date: LegalDate;
  /** Met after the due date. */
  readonly late: boolean;
  /** Business days in the rule's calendar after the due date up to the meeting date (0 when on time). */
  readonly businessDaysLate: number;
}

export interface DeadlineClosure {
  readonly reason: DeadlineClosureReason;
  /** The event that closed it. */
  readonly eventId: string;
}

/** For a recurring rule (signing): which scheduled date this is and what it was counted after. */
export interface DeadlineRecurrence {
  readonly frequency: SigningFrequency;
  /** 1 for the first scheduled date after the trigger. */
  readonly occurrence: number;
  /** The last meeting event (signing done) before this date, or null. */
  readonly lastEventId: string | null;
}

export interface ProcedureDeadline {
  readonly ruleCode: string;
  /** The rule's own name (a rule an organization added), or null. */
  readonly ruleName: string | null;
  readonly triggerEventId: string;
  readonly triggerEventType: ProcedureEventType;
  /** The date the period runs from (`effectiveOn ?? date` of the trigger). */
  readonly effectDate: LegalDate;
  readonly dueDate: LegalDate;
  /**
   * Business days in the rule's calendar after today up to the due date: 0 on the due
   * date, negative once passed. Null when the deadline is met or not applicable.
   */
  readonly businessDaysLeft: number | null;
  readonly status: DeadlineStatus;
  readonly responsible: ResponsibleParty;
  readonly calendar: Authority;
  readonly legalBasis: string;
  readonly met: DeadlineMet | null;
  readonly closedBy: DeadlineClosure | null;
  /** The rule asks for a justification when late, and it was met late or is overdue (late asylum application). */
  readonly justificationNeeded: boolean;
  /** Extension events applied (COMAR +45), in order. */
  readonly extensionEventIds: readonly string[];
  readonly recurrence: DeadlineRecurrence | null;
  /** From the calendar engine: render it with `renderExplanation`. */
  readonly explanation: DeadlineExplanation;
}

export interface ComputeDeadlinesInput {
  /** One procedure's events, in any order (validated with `procedureEventsSchema`). */
  readonly events: readonly ProcedureEventInput[];
  /** Defaults to DEFAULT_DEADLINE_RULES (validated with `deadlineRulesSchema`). */
  readonly rules?: readonly DeadlineRuleInput[];
  /** A calendar per authority used by an active rule, with its dated entries (Holy Week, suspensions…). */
  readonly calendars: Readonly<Partial<Record<Authority, BusinessCalendar>>>;
  readonly today: LegalDate;
  /** `due_soon` at this many business days left or fewer (default 5). */
  readonly dueSoonDays?: number;
}

const TRIGGER_WORDS: Partial<Record<ProcedureEventType, Trigger>> = {
  entry: 'entry',
  application_filed: 'filing',
  withdrawal_filed: 'filing',
  revision_filed: 'filing',
  nulidad_filed: 'filing',
  amparo_filed: 'filing',
  constancia_issued: 'issuance',
  curp_issued: 'issuance',
  curp_renewed: 'issuance',
  residence_issued: 'issuance',
  decision_notified: 'notification',
  revision_decision_notified: 'notification',
};

const FREQUENCY_DAYS: Record<Exclude<SigningFrequency, 'monthly'>, number> = { weekly: 7, fortnightly: 14 };

function matchesTrigger(rule: DeadlineRule, event: ProcedureEvent): boolean {
  return (
    event.type === rule.trigger.eventType &&
    rule.trigger.conditions.every((condition) => {
      const value = detailOf(event, condition.field);
      return value !== undefined && condition.in.includes(value);
    })
  );
}

function parseInput(input: ComputeDeadlinesInput) {
  const events = procedureEventsSchema.safeParse(input.events);
  if (!events.success) {
    throw new ProcedureError('invalid_events', `invalid procedure events: ${describeIssues(events.error)}`);
  }
  const rules = deadlineRulesSchema.safeParse(input.rules ?? DEFAULT_DEADLINE_RULES);
  if (!rules.success) {
    throw new ProcedureError('invalid_rules', `invalid deadline rules: ${describeIssues(rules.error)}`);
  }
  if (!isLegalDate(input.today)) {
    throw new ProcedureError('invalid_today', 'today must be an existing date written YYYY-MM-DD');
  }
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0 || dueSoonDays > MAX_DUE_SOON_DAYS) {
    throw new ProcedureError(
      'invalid_option',
      `dueSoonDays must be an integer from 0 to ${MAX_DUE_SOON_DAYS}`,
    );
  }
  return { events: timeline(events.data), rules: rules.data, dueSoonDays };
}

function calendarFor(input: ComputeDeadlinesInput, authority: Authority): BusinessCalendar {
  const calendar = input.calendars[authority];
  if (!calendar) {
    throw new ProcedureError('missing_calendar', `no calendar given for ${authority}`);
  }
  if (calendar.authority !== authority) {
    throw new ProcedureError(
      'missing_calendar',
      `the calendar given for ${authority} is the ${calendar.authority} calendar`,
    );
  }
  return calendar;
}

interface Context {
  readonly calendar: BusinessCalendar;
  readonly effect: LegalDate;
  readonly roll: RollOptions;
  readonly word: Trigger;
}

/** The due date of a fixed period of `amount` units from the trigger's effect date. */
function fixedDeadline(context: Context, amount: number, unit: DeadlineUnit): Deadline {
  const { calendar, effect, roll, word } = context;
  if (unit === 'business_days') return addBusinessDays(calendar, effect, amount, { trigger: word });
  if (unit === 'calendar_days') return addCalendarDays(effect, amount, { ...roll, trigger: word });
  return addMonths(effect, amount, { ...roll, trigger: word });
}

/**
 * The first scheduled date of a recurring obligation after the last meeting
 * event. Weekly and fortnightly dates are counted from the previous scheduled
 * (nominal) date, so a date rolled past a holiday does not shift the ones after
 * it; monthly dates from the trigger, date to date (at most MAX_MONTHS).
 */
function recurringDeadline(
  context: Context,
  frequency: SigningFrequency,
  last: ProcedureEvent | undefined,
): { deadline: Deadline<CalendarPeriodExplanation>; occurrence: number } {
  const { effect, roll, word } = context;
  const start = toDayNumber(effect);
  const at = (k: number): Deadline<CalendarPeriodExplanation> => {
    if (frequency === 'monthly') return addMonths(effect, k, { ...roll, trigger: word });
    const step = FREQUENCY_DAYS[frequency];
    if (k === 1) return addCalendarDays(effect, step, { ...roll, trigger: word });
    return addCalendarDays(fromDayNumber(start + (k - 1) * step), step, { ...roll, trigger: 'act' });
  };
  if (!last) return { deadline: at(1), occurrence: 1 };
  const lastDay = toDayNumber(last.date);
  let k: number;
  if (frequency === 'monthly') {
    const from = partsOf(start);
    const to = partsOf(lastDay);
    k = (to.year - from.year) * 12 + (to.month - from.month);
  } else {
    k = Math.floor((lastDay - start) / FREQUENCY_DAYS[frequency]);
  }
  k = Math.max(1, k);
  while (k > 1 && at(k - 1).dueDate > last.date) k--;
  let deadline = at(k);
  while (deadline.dueDate <= last.date) deadline = at(++k);
  return { deadline, occurrence: k };
}

function statusOf(
  dueDate: LegalDate,
  today: LegalDate,
  left: number,
  dueSoonDays: number,
  responsible: ResponsibleParty,
): DeadlineStatus {
  if (today > dueDate) return responsible === 'authority' ? 'comar_overdue' : 'overdue';
  if (today === dueDate) return 'due_today';
  return left <= dueSoonDays ? 'due_soon' : 'upcoming';
}

/**
 * The deadlines of one procedure on `today`, from its events and the deadline
 * rules: one per active rule and matching trigger event, sorted by due date
 * (then rule order, then timeline order). Pure: throws ProcedureError only for
 * input that fails its schema or a missing calendar, never for an odd sequence.
 */
export function computeDeadlines(input: ComputeDeadlinesInput): ProcedureDeadline[] {
  const { events, rules, dueSoonDays } = parseInput(input);
  const { today } = input;
  const found: { deadline: ProcedureDeadline; ruleIndex: number; position: number }[] = [];

  rules.forEach((rule, ruleIndex) => {
    if (!rule.active) return;
    const calendar = calendarFor(input, rule.calendar);
    const roll: RollOptions =
      rule.roll === 'next_business_day' ? { roll: 'next_business_day', calendar } : {};
    const met = new Set<ProcedureEventType>(rule.metBy);
    const superseding = new Set<ProcedureEventType>(rule.supersededBy);
    const triggers: number[] = [];
    events.forEach((event, position) => {
      if (matchesTrigger(rule, event)) triggers.push(position);
    });

    triggers.forEach((position, i) => {
      const trigger = events[position] as ProcedureEvent;
      const next = triggers[i + 1];
      const window = events.slice(position + 1, next ?? events.length);
      const recurring = rule.period.kind === 'recurring';
      // The first event that closes the deadline; a recurring one is only closed by superseding.
      const closingIndex = window.findIndex(
        (event) => superseding.has(event.type) || (!recurring && met.has(event.type)),
      );
      const closing = closingIndex === -1 ? undefined : window[closingIndex];
      const open = closingIndex === -1 ? window : window.slice(0, closingIndex);
      const earlier =
        rule.earlierMeetingCloses && !recurring
          ? events.slice(0, position).find((event) => met.has(event.type))
          : undefined;

      let closedBy: DeadlineClosure | null = null;
      let meeting: ProcedureEvent | undefined;
      if (earlier) closedBy = { reason: 'met_earlier', eventId: earlier.id };
      else if (closing && superseding.has(closing.type))
        closedBy = { reason: 'superseded', eventId: closing.id };
      else if (closing) meeting = closing;
      else if (next !== undefined)
        closedBy = { reason: 'replaced', eventId: (events[next] as ProcedureEvent).id };

      const context: Context = {
        calendar,
        effect: effectDateOf(trigger),
        roll,
        word: TRIGGER_WORDS[trigger.type] ?? 'act',
      };
      let deadline: Deadline;
      let extensionEventIds: string[] = [];
      let recurrence: DeadlineRecurrence | null = null;
      if (rule.period.kind === 'fixed') {
        const { extension } = rule;
        if (extension) {
          extensionEventIds = open
            .filter((event) => event.type === extension.eventType)
            .slice(0, extension.maxTimes)
            .map((event) => event.id);
        }
        const amount = rule.period.amount + extensionEventIds.length * (extension?.amount ?? 0);
        deadline = fixedDeadline(context, amount, rule.period.unit);
      } else {
        const frequency = detailOf(trigger, 'frequency') as SigningFrequency;
        const last = open.filter((event) => met.has(event.type)).at(-1);
        const result = recurringDeadline(context, frequency, last);
        deadline = result.deadline;
        recurrence = { frequency, occurrence: result.occurrence, lastEventId: last?.id ?? null };
      }

      const { dueDate } = deadline;
      const metInfo: DeadlineMet | null = meeting
        ? {
            eventId: meeting.id,
            date: meeting.date,
            late: meeting.date > dueDate,
            businessDaysLate:
              meeting.date > dueDate ? businessDaysBetween(calendar, dueDate, meeting.date) : 0,
          }
        : null;
      const isOpen = !closedBy && !metInfo;
      // `|| 0`: businessDaysBetween gives -0 when `today` is after a due date with no business day between.
      const left = isOpen ? businessDaysBetween(calendar, today, dueDate) || 0 : null;
      const status: DeadlineStatus = closedBy
        ? 'not_applicable'
        : metInfo
          ? 'met'
          : statusOf(dueDate, today, left ?? 0, dueSoonDays, rule.responsible);
      found.push({
        ruleIndex,
        position,
        deadline: {
          ruleCode: rule.code,
          ruleName: rule.name ?? null,
          triggerEventId: trigger.id,
          triggerEventType: trigger.type,
          effectDate: context.effect,
          dueDate,
          businessDaysLeft: left,
          status,
          responsible: rule.responsible,
          calendar: rule.calendar,
          legalBasis: rule.legalBasis,
          met: metInfo,
          closedBy,
          justificationNeeded:
            rule.justificationWhenLate && (metInfo ? metInfo.late : isOpen && today > dueDate),
          extensionEventIds,
          recurrence,
          explanation: deadline.explanation,
        },
      });
    });
  });

  return found
    .sort(
      (a, b) =>
        (a.deadline.dueDate < b.deadline.dueDate ? -1 : a.deadline.dueDate > b.deadline.dueDate ? 1 : 0) ||
        a.ruleIndex - b.ruleIndex ||
        a.position - b.position,
    )
    .map(({ deadline }) => deadline);
}
