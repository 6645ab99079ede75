/**
 * The deadline-rule form's values and their conversion to and from the rule
 * the API takes. The form mirrors the rule's shape so that field errors from
 * the domain schema (browser) or the server land on the same paths; only the
 * trigger's conditions (one set of checked values per detail) and the optional
 * extension (a checkbox) differ.
 */
import {
  CONDITION_FIELDS,
  type DeadlineRule,
  type DeadlineRuleInput,
  type DeadlineUnit,
  type ProcedureEventType,
  type ResponsibleParty,
} from '@senda/domain';
import type { Authority } from '../../lib/api';
import type { EnumGroup } from '../../i18n/enums';

export interface RuleFormValues {
  code: string;
  name: string;
  trigger: { eventType: ProcedureEventType; conditions: Record<string, string[]> };
  period: { kind: 'fixed' | 'recurring'; amount: string; unit: DeadlineUnit };
  calendar: Authority;
  roll: 'none' | 'next_business_day';
  extension: { enabled: boolean; eventType: ProcedureEventType; amount: string; maxTimes: string };
  metBy: string[];
  supersededBy: string[];
  earlierMeetingCloses: boolean;
  justificationWhenLate: boolean;
  responsible: ResponsibleParty;
  legalBasis: string;
  active: boolean;
}

/** The enumeration whose labels name the values of an event's detail. */
export function conditionGroup(eventType: ProcedureEventType, field: string): EnumGroup {
  if (field === 'filedBy') return 'filedBy';
  if (field === 'frequency') return 'frequency';
  if (field === 'authority') return 'signingAuthority';
  return eventType === 'revision_decision_notified' ? 'revisionOutcome' : 'outcome';
}

export function conditionFieldsOf(eventType: ProcedureEventType): [string, readonly string[]][] {
  return Object.entries(CONDITION_FIELDS[eventType] ?? {});
}

export function valuesOfRule(rule: DeadlineRule): RuleFormValues {
  return {
    code: rule.code,
    name: rule.name ?? '',
    trigger: {
      eventType: rule.trigger.eventType,
      conditions: Object.fromEntries(rule.trigger.conditions.map((c) => [c.field, [...c.in]])),
    },
    period:
      rule.period.kind === 'fixed'
        ? { kind: 'fixed', amount: String(rule.period.amount), unit: rule.period.unit }
        : { kind: 'recurring', amount: '', unit: 'business_days' },
    calendar: rule.calendar,
    roll: rule.roll,
    extension: rule.extension
      ? {
          enabled: true,
          eventType: rule.extension.eventType,
          amount: String(rule.extension.amount),
          maxTimes: String(rule.extension.maxTimes),
        }
      : { enabled: false, eventType: 'resolution_extended', amount: '', maxTimes: '1' },
    metBy: [...rule.metBy],
    supersededBy: [...rule.supersededBy],
    earlierMeetingCloses: rule.earlierMeetingCloses,
    justificationWhenLate: rule.justificationWhenLate,
    responsible: rule.responsible,
    legalBasis: rule.legalBasis,
    active: rule.active,
  };
}

/** A new rule of the clinic's own: a 15-business-day period after a notified decision, to be edited. */
export const NEW_RULE: RuleFormValues = {
  code: '',
  name: '',
  trigger: { eventType: 'decision_notified', conditions: {} },
  period: { kind: 'fixed', amount: '15', unit: 'business_days' },
  calendar: 'comar_inm',
  roll: 'none',
  extension: { enabled: false, eventType: 'resolution_extended', amount: '', maxTimes: '1' },
  metBy: [],
  supersededBy: [],
  earlierMeetingCloses: false,
  justificationWhenLate: false,
  responsible: 'lawyer',
  legalBasis: '',
  active: true,
};

/** A number typed in a text box: the number, or the text itself so the schema reports it. */
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The rule as the API takes it (the schema validates it; nothing is dropped silently). */
export function ruleOfValues(values: RuleFormValues): DeadlineRuleInput {
  const fields = new Set(conditionFieldsOf(values.trigger.eventType).map(([field]) => field));
  const conditions = Object.entries(values.trigger.conditions)
    .filter(([field, list]) => fields.has(field) && list.length > 0)
    .map(([field, list]) => ({ field, in: list }));
  const rule = {
    code: values.code.trim(),
    ...(values.name.trim() ? { name: values.name } : {}),
    trigger: { eventType: values.trigger.eventType, conditions },
    period:
      values.period.kind === 'recurring'
        ? { kind: 'recurring' }
        : { kind: 'fixed', amount: numberOf(values.period.amount), unit: values.period.unit },
    calendar: values.calendar,
    roll: values.roll,
    ...(values.extension.enabled
      ? {
          extension: {
            eventType: values.extension.eventType,
            amount: numberOf(values.extension.amount),
            maxTimes: numberOf(values.extension.maxTimes),
          },
        }
      : {}),
    metBy: values.metBy,
    supersededBy: values.supersededBy,
    earlierMeetingCloses: values.earlierMeetingCloses,
    justificationWhenLate: values.justificationWhenLate,
    responsible: values.responsible,
    legalBasis: values.legalBasis,
    active: values.active,
  };
  // Values the schema may refuse (a typed "abc") are passed on for it to report.
  return rule as DeadlineRuleInput;
}
