/** Shared fixtures of the hand-checked deadline tests (test code only). */
import { expect } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import type { DatedEntryInput } from '../calendar/schemas.js';
import { computeDeadlines } from './deadlines.js';
import type { ProcedureDeadline } from './deadlines.js';
import type { ProcedureEventInput } from './events.js';
import type { DeadlineRuleInput } from './rules.js';
export const SOURCE = 'Acuerdo de prueba (no es un acuerdo real)';
export function comarDays(...dates: string[]): DatedEntryInput[] {
  return dates.map((date) => ({
    kind: 'non_business_day',
    authority: 'comar_inm',
    date,
    source: SOURCE,
    note: 'Semana Santa',
  }));
}
/** Holy Thursday and Good Friday as COMAR dated entries (Easter 2025-04-20, 2026-04-05). */
export const HOLY_WEEK = [...comarDays('2025-04-17', '2025-04-18'), ...comarDays('2026-04-02', '2026-04-03')];
export const CALENDARS = {
  comar_inm: defaultCalendar('comar_inm', HOLY_WEEK),
  tfja: defaultCalendar('tfja'),
  amparo: defaultCalendar('amparo'),
};

export function compute(
  events: ProcedureEventInput[],
  today: string,
  options: { dueSoonDays?: number; rules?: readonly DeadlineRuleInput[] } = {},
): ProcedureDeadline[] {
  return computeDeadlines({ events, calendars: CALENDARS, today, ...options });
}
/** The one deadline of a rule (fails when there is none or several). */
export function one(list: ProcedureDeadline[], ruleCode: string): ProcedureDeadline {
  const found = list.filter((d) => d.ruleCode === ruleCode);
  expect(found, ruleCode).toHaveLength(1);
  return found[0] as ProcedureDeadline;
}
export function codes(list: ProcedureDeadline[]): string[] {
  return list.map((d) => d.ruleCode).sort();
}
export function specialSkipped(deadline: ProcedureDeadline): string[] {
  return deadline.explanation.skipped
    .filter((day) => day.reasons.some((r) => r.kind !== 'weekend'))
    .map((day) => day.date);
}

export const ENTRY: ProcedureEventInput = { id: 'entry', type: 'entry', date: '2025-01-06' };
export const FILED_0303: ProcedureEventInput = {
  id: 'filed',
  type: 'application_filed',
  date: '2025-03-03',
  details: { filedBy: 'applicant', office: 'COMAR Ciudad de México', state: '09' },
};
export const NEGATIVE_0401: ProcedureEventInput = {
  id: 'decision',
  type: 'decision_notified',
  date: '2026-04-01',
  details: { outcome: 'negative' },
};
export function filed(
  id: string,
  date: string,
  filedBy: 'applicant' | 'representative',
): ProcedureEventInput {
  return { id, type: 'application_filed', date, details: { filedBy } };
}
