import { z } from 'zod';
import { MAX_BUSINESS_DAYS, MAX_CALENDAR_DAYS, MAX_MONTHS } from '../calendar/periods.js';
import { authoritySchema } from '../calendar/schemas.js';
import { requiredText, shortText } from '../common.js';
import { CONDITION_FIELDS, RESPONSIBLE_PARTIES, procedureEventTypeSchema } from './events.js';
import type { ProcedureEventType } from './events.js';

/**
 * Deadline rules are data an administrator will edit: which event opens a
 * deadline, how long it runs in which authority's calendar, what closes it,
 * who must act. Custom field-error codes: `unknown_condition_field`,
 * `invalid_condition_value`, `duplicate_condition`, `recurring_needs_frequency`,
 * `period_too_long`, `met_and_superseded`, `duplicate_code`.
 */

export const DEADLINE_UNITS = ['business_days', 'calendar_days', 'months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

const MAX_AMOUNT: Record<DeadlineUnit, number> = {
  business_days: MAX_BUSINESS_DAYS,
  calendar_days: MAX_CALENDAR_DAYS,
  months: MAX_MONTHS,
};

/** A stable rule code, translated by the interface: `revision`, `comar_resolution`… */
export const deadlineRuleCodeSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);

const fixedPeriodSchema = z.strictObject({
  kind: z.literal('fixed'),
  amount: z.int().min(1).max(MAX_BUSINESS_DAYS),
  unit: z.enum(DEADLINE_UNITS),
});
/**
 * A recurring date at the trigger's `frequency` detail (a signing obligation):
 * weekly = 7 calendar days, fortnightly = 14, monthly = 1 month, counted from the
 * trigger's effect date; each meeting event moves the deadline to the next date.
 */
const recurringPeriodSchema = z.strictObject({ kind: z.literal('recurring') });
export const deadlinePeriodSchema = z.discriminatedUnion('kind', [fixedPeriodSchema, recurringPeriodSchema]);
export type DeadlinePeriod = z.infer<typeof deadlinePeriodSchema>;

/** The trigger's detail `field` must be one of `in` (e.g. outcome in [negative, abandonment]). */
export const ruleConditionSchema = z.strictObject({
  field: z.string().min(1).max(64),
  in: z.array(z.string().min(1).max(64)).min(1).max(20),
});

const eventTypes = z.array(procedureEventTypeSchema).max(20);

export const deadlineRuleSchema = z
  .strictObject({
    code: deadlineRuleCodeSchema,
    /** Display name for a code the interface does not know. */
    name: shortText(120).optional(),
    trigger: z.strictObject({
      eventType: procedureEventTypeSchema,
      /** All must hold (and). */
      conditions: z.array(ruleConditionSchema).max(5).default([]),
    }),
    period: deadlinePeriodSchema,
    /**
     * The calendar the period runs in (business days), the due date is rolled in
     * (`roll`), and business days left are counted in.
     */
    calendar: authoritySchema,
    /**
     * Calendar-day, month and recurring periods: keep a due date that falls on a
     * non-business day (document expiry) or move it to the next business day.
     * Business-day due dates are always business days; ignored there.
     */
    roll: z.enum(['none', 'next_business_day']).default('none'),
    /** Each event of `eventType` recorded while the deadline is open adds `amount` (at most `maxTimes`). */
    extension: z
      .strictObject({
        eventType: procedureEventTypeSchema,
        amount: z.int().min(1).max(MAX_BUSINESS_DAYS),
        maxTimes: z.int().min(1).max(10).default(1),
      })
      .optional(),
    /** Events that meet the deadline (the act done). */
    metBy: eventTypes,
    /** Events that make it moot (another path taken): status `not_applicable`. */
    supersededBy: eventTypes.default([]),
    /**
     * When a meeting event recorded before the trigger already settles it (an
     * application filed before a later re-entry): the later deadline is `not_applicable`.
     */
    earlierMeetingCloses: z.boolean().default(false),
    /** A late meeting (or an overdue deadline) needs a justification (late asylum application). */
    justificationWhenLate: z.boolean().default(false),
    responsible: z.enum(RESPONSIBLE_PARTIES),
    legalBasis: requiredText(300),
    active: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const fields = CONDITION_FIELDS[rule.trigger.eventType] ?? {};
    const used = new Set<string>();
    rule.trigger.conditions.forEach((condition, index) => {
      const path = ['trigger', 'conditions', index];
      const allowed = fields[condition.field];
      if (used.has(condition.field)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'field'], params: { code: 'duplicate_condition' } });
      }
      used.add(condition.field);
      if (!allowed) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'field'],
          params: { code: 'unknown_condition_field', allowed: Object.keys(fields) },
        });
        return;
      }
      condition.in.forEach((value, valueIndex) => {
        if (!allowed.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'in', valueIndex],
            params: { code: 'invalid_condition_value', allowed },
          });
        }
      });
    });
    if (rule.period.kind === 'recurring' && !('frequency' in fields)) {
      ctx.addIssue({ code: 'custom', path: ['period'], params: { code: 'recurring_needs_frequency' } });
    }
    if (rule.period.kind === 'fixed') {
      const extra = rule.extension ? rule.extension.amount * rule.extension.maxTimes : 0;
      const max = MAX_AMOUNT[rule.period.unit];
      if (rule.period.amount + extra > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['period', 'amount'],
          params: { code: 'period_too_long', max },
        });
      }
    }
    const met = new Set<ProcedureEventType>(rule.metBy);
    rule.supersededBy.forEach((type, index) => {
      if (met.has(type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['supersededBy', index],
          params: { code: 'met_and_superseded' },
        });
      }
    });
  });
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;
export type DeadlineRuleInput = z.input<typeof deadlineRuleSchema>;

/** A whole rule set: at most 200 rules, codes unique. */
export const deadlineRulesSchema = z
  .array(deadlineRuleSchema)
  .max(200)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.code)) {
        ctx.addIssue({ code: 'custom', path: [index, 'code'], params: { code: 'duplicate_code' } });
      }
      seen.add(rule.code);
    });
  });

/** Outcomes of a COMAR decision that can be challenged: refugee status was denied. */
const CHALLENGEABLE_OUTCOMES = ['negative', 'complementary_protection', 'abandonment'];
/** Outcomes of a revisión that leave refugee status denied. */
const CHALLENGEABLE_REVISION_OUTCOMES = ['confirmed', 'complementary_protection'];

const AMPARO_BASIS =
  'Ley de Amparo arts. 17 y 18 (15 días; en cualquier tiempo contra deportación, expulsión o incomunicación)';

/**
 * The default rule set, from the domain brief. Plain data: copy it, correct it,
 * validate it with `deadlineRulesSchema`. Order matters only for display ties.
 *
 * The three remedies against a decision that denies refugee status (revisión,
 * juicio de nulidad, amparo) are alternatives: filing one supersedes the other two.
 * After a revisión, nulidad and amparo open again from its resolution.
 */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRuleInput[] = [
  {
    code: 'application_window',
    trigger: { eventType: 'entry' },
    period: { kind: 'fixed', amount: 30, unit: 'business_days' },
    calendar: 'comar_inm',
    metBy: ['application_filed'],
    earlierMeetingCloses: true,
    justificationWhenLate: true,
    responsible: 'lawyer',
    legalBasis: 'LRPCAP art. 18',
  },
  {
    code: 'ratification',
    trigger: {
      eventType: 'application_filed',
      conditions: [{ field: 'filedBy', in: ['representative'] }],
    },
    period: { kind: 'fixed', amount: 3, unit: 'business_days' },
    calendar: 'comar_inm',
    metBy: ['ratified'],
    supersededBy: ['withdrawal_ratified'],
    responsible: 'lawyer',
    legalBasis: 'Reglamento de la LRPCAP art. 20',
  },
  {
    code: 'comar_resolution',
    trigger: { eventType: 'application_filed' },
    period: { kind: 'fixed', amount: 45, unit: 'business_days' },
    calendar: 'comar_inm',
    extension: { eventType: 'resolution_extended', amount: 45, maxTimes: 1 },
    metBy: ['decision_notified'],
    supersededBy: ['withdrawal_ratified'],
    responsible: 'authority',
    legalBasis: 'LRPCAP art. 24',
  },
  {
    code: 'withdrawal_ratification',
    trigger: { eventType: 'withdrawal_filed' },
    period: { kind: 'fixed', amount: 3, unit: 'business_days' },
    calendar: 'comar_inm',
    metBy: ['withdrawal_ratified'],
    responsible: 'lawyer',
    legalBasis: 'Reglamento de la LRPCAP (desistimiento)',
  },
  {
    code: 'curp_temporal_renewal',
    trigger: { eventType: 'curp_issued' },
    period: { kind: 'fixed', amount: 180, unit: 'calendar_days' },
    calendar: 'comar_inm',
    roll: 'none',
    metBy: ['curp_renewed'],
    supersededBy: ['residence_issued'],
    responsible: 'lawyer',
    legalBasis: 'CURP temporal: hasta 180 días naturales, renovable una vez (práctica COMAR/RENAPO)',
  },
  {
    code: 'curp_temporal_expiry',
    trigger: { eventType: 'curp_renewed' },
    period: { kind: 'fixed', amount: 180, unit: 'calendar_days' },
    calendar: 'comar_inm',
    roll: 'none',
    metBy: [],
    supersededBy: ['residence_issued'],
    responsible: 'lawyer',
    legalBasis:
      'CURP temporal renovada: vence a los 180 días naturales, sin otra renovación (práctica COMAR)',
  },
  {
    code: 'next_signing',
    trigger: { eventType: 'signing_obligation_set' },
    period: { kind: 'recurring' },
    calendar: 'comar_inm',
    roll: 'next_business_day',
    metBy: ['signing_done'],
    supersededBy: ['withdrawal_ratified', 'residence_issued'],
    responsible: 'applicant',
    legalBasis: 'Reglamento de la LRPCAP art. 24',
  },
  {
    code: 'revision',
    trigger: {
      eventType: 'decision_notified',
      conditions: [{ field: 'outcome', in: CHALLENGEABLE_OUTCOMES }],
    },
    period: { kind: 'fixed', amount: 15, unit: 'business_days' },
    calendar: 'comar_inm',
    metBy: ['revision_filed'],
    supersededBy: ['nulidad_filed', 'amparo_filed'],
    responsible: 'lawyer',
    legalBasis: 'LRPCAP art. 25; LFPA arts. 83 y 85',
  },
  {
    code: 'nulidad',
    trigger: {
      eventType: 'decision_notified',
      conditions: [{ field: 'outcome', in: CHALLENGEABLE_OUTCOMES }],
    },
    period: { kind: 'fixed', amount: 30, unit: 'business_days' },
    calendar: 'tfja',
    metBy: ['nulidad_filed'],
    supersededBy: ['revision_filed', 'amparo_filed'],
    responsible: 'lawyer',
    legalBasis: 'LFPCA art. 13',
  },
  {
    code: 'amparo',
    trigger: {
      eventType: 'decision_notified',
      conditions: [{ field: 'outcome', in: CHALLENGEABLE_OUTCOMES }],
    },
    period: { kind: 'fixed', amount: 15, unit: 'business_days' },
    calendar: 'amparo',
    metBy: ['amparo_filed'],
    supersededBy: ['revision_filed', 'nulidad_filed'],
    responsible: 'lawyer',
    legalBasis: AMPARO_BASIS,
  },
  {
    code: 'nulidad_after_revision',
    trigger: {
      eventType: 'revision_decision_notified',
      conditions: [{ field: 'outcome', in: CHALLENGEABLE_REVISION_OUTCOMES }],
    },
    period: { kind: 'fixed', amount: 30, unit: 'business_days' },
    calendar: 'tfja',
    metBy: ['nulidad_filed'],
    supersededBy: ['amparo_filed'],
    responsible: 'lawyer',
    legalBasis: 'LFPCA art. 13',
  },
  {
    code: 'amparo_after_revision',
    trigger: {
      eventType: 'revision_decision_notified',
      conditions: [{ field: 'outcome', in: CHALLENGEABLE_REVISION_OUTCOMES }],
    },
    period: { kind: 'fixed', amount: 15, unit: 'business_days' },
    calendar: 'amparo',
    metBy: ['amparo_filed'],
    supersededBy: ['nulidad_filed'],
    responsible: 'lawyer',
    legalBasis: AMPARO_BASIS,
  },
];
