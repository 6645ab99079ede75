import {
  computeDeadlines,
  renderExplanation,
  validateProcedure,
  type DeadlineView,
  type ProcedureDeadline,
  type ProcedureEventInput,
  type ProcedureView,
  type PROCEDURE_EVENT_TYPES,
} from '@senda/domain';
import type { ProcedureEventsTable, ProceduresTable } from '../../db/schema.js';
import type { DeadlineSetup } from './calendars.js';

/** A staff member assigned to the case, in her role on it. */
export interface CaseStaff {
  readonly userId: string;
  readonly displayName: string;
  readonly roleOnCase: string;
}

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

/**
 * The person responsible for a deadline: whoever is assigned to the case in the
 * rule's role (the lawyer for an appeal). Nobody for the applicant or the authority,
 * or when no one holds that role on the case yet.
 */
export function presentDeadline(d: ProcedureDeadline, staff: readonly CaseStaff[]): DeadlineView {
  return {
    ruleCode: d.ruleCode,
    ruleName: d.ruleName,
    triggerEventId: d.triggerEventId,
    effectDate: d.effectDate,
    dueDate: d.dueDate,
    businessDaysLeft: d.businessDaysLeft,
    status: d.status,
    responsible: d.responsible,
    responsibleStaff: staff
      .filter((s) => s.roleOnCase === d.responsible)
      .map((s) => ({ userId: s.userId, displayName: s.displayName })),
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
  setup: DeadlineSetup,
  today: string,
): ProcedureDeadline[] {
  return computeDeadlines({ events: rows.map(eventInputOf), ...setup, today });
}

export function presentProcedure(
  procedure: ProceduresTable,
  events: EventRow[],
  setup: DeadlineSetup,
  staff: readonly CaseStaff[],
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
    deadlines: computeDeadlines({ events: inputs, ...setup, today }).map((d) => presentDeadline(d, staff)),
    warnings: validateProcedure(inputs, { today }).map((w) => ({
      code: w.code,
      eventId: w.eventId,
      ...(w.relatedEventId ? { relatedEventId: w.relatedEventId } : {}),
    })),
  };
}
