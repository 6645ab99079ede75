import {
  computeDeadlines,
  renderExplanation,
  validateProcedure,
  type Authority,
  type BusinessCalendar,
  type DeadlineView,
  type ProcedureDeadline,
  type ProcedureEventInput,
  type ProcedureView,
  type PROCEDURE_EVENT_TYPES,
} from '@senda/domain';
import type { ProcedureEventsTable, ProceduresTable } from '../../db/schema.js';

type EventRow = ProcedureEventsTable & { recorded_by: string | null };

export function eventInputOf(row: ProcedureEventsTable): ProcedureEventInput {
  return {
    id: row.id,
    type: row.type,
    date: row.date,
    ...(row.effective_on ? { effectiveOn: row.effective_on } : {}),
    details: JSON.parse(row.details) as Record<string, unknown>,
  } as ProcedureEventInput;
}

export function presentDeadline(d: ProcedureDeadline): DeadlineView {
  return {
    ruleCode: d.ruleCode,
    triggerEventId: d.triggerEventId,
    effectDate: d.effectDate,
    dueDate: d.dueDate,
    businessDaysLeft: d.businessDaysLeft,
    status: d.status,
    responsible: d.responsible,
    calendar: d.calendar,
    legalBasis: d.legalBasis,
    met: d.met ? { ...d.met } : null,
    justificationNeeded: d.justificationNeeded,
    explanation: { ...d.explanation },
    explanationText: {
      es: renderExplanation(d.explanation, 'es'),
      en: renderExplanation(d.explanation, 'en'),
    },
  };
}

export function deadlinesOf(
  rows: ProcedureEventsTable[],
  calendars: Record<Authority, BusinessCalendar>,
  today: string,
): ProcedureDeadline[] {
  return computeDeadlines({ events: rows.map(eventInputOf), calendars, today });
}

export function presentProcedure(
  procedure: ProceduresTable,
  events: EventRow[],
  calendars: Record<Authority, BusinessCalendar>,
  today: string,
): ProcedureView {
  const inputs = events.map(eventInputOf);
  return {
    id: procedure.id,
    label: procedure.label,
    createdAt: procedure.created_at,
    events: events.map((e) => ({
      id: e.id,
      type: e.type as (typeof PROCEDURE_EVENT_TYPES)[number],
      date: e.date,
      effectiveOn: e.effective_on,
      details: JSON.parse(e.details) as Record<string, unknown>,
      recordedBy: e.recorded_by,
      recordedAt: e.created_at,
    })),
    deadlines: computeDeadlines({ events: inputs, calendars, today }).map(presentDeadline),
    warnings: validateProcedure(inputs, { today }).map((w) => ({
      code: w.code,
      eventId: w.eventId,
      ...(w.relatedEventId ? { relatedEventId: w.relatedEventId } : {}),
    })),
  };
}
