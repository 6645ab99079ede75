/** Request and response shapes of the procedure endpoints (server validation, OpenAPI, web types). */
import { z } from 'zod';
import { shortText } from '../common.js';
import { AUTHORITIES } from '../calendar/index.js';
import { DEADLINE_STATUSES } from './deadlines.js';
import { PROCEDURE_EVENT_TYPES, RESPONSIBLE_PARTIES, procedureEventSchema } from './events.js';
import { PROCEDURE_WARNING_CODES } from './validate.js';

/** An event as staff record it: the server assigns its id. */
export const procedureEventInput = z.discriminatedUnion(
  'type',
  procedureEventSchema.options.map((option) => option.omit({ id: true })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);
export type ProcedureEventCreateInput =
  z.input<typeof procedureEventSchema> extends infer E ? (E extends unknown ? Omit<E, 'id'> : never) : never;

export const procedureCreateInput = z.strictObject({
  /** e.g. "Solicitud inicial", "Nueva solicitud 2026". */
  label: shortText(100).default(''),
});

export const procedureEventView = z.object({
  id: z.string(),
  type: z.enum(PROCEDURE_EVENT_TYPES),
  date: z.string(),
  effectiveOn: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

export const deadlineView = z.object({
  ruleCode: z.string(),
  /** The rule's own name, for a rule the organization added (the interface translates known codes). */
  ruleName: z.string().nullable(),
  triggerEventId: z.string(),
  effectDate: z.string(),
  dueDate: z.string(),
  businessDaysLeft: z.number().nullable(),
  status: z.enum(DEADLINE_STATUSES),
  responsible: z.enum(RESPONSIBLE_PARTIES),
  /** Staff assigned to the case in the responsible role (empty for the applicant, the authority, or nobody yet). */
  responsibleStaff: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  calendar: z.enum(AUTHORITIES),
  legalBasis: z.string(),
  met: z
    .object({ eventId: z.string(), date: z.string(), late: z.boolean(), businessDaysLate: z.number() })
    .nullable(),
  justificationNeeded: z.boolean(),
  /** Structured explanation from the calendar engine (codes, skipped days and why). */
  explanation: z.record(z.string(), z.unknown()),
  /** The same explanation as a plain sentence, in Spanish and in English. */
  explanationText: z.object({ es: z.string(), en: z.string() }),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const procedureView = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  events: z.array(procedureEventView),
  deadlines: z.array(deadlineView),
  warnings: z.array(
    z.object({
      code: z.enum(PROCEDURE_WARNING_CODES),
      eventId: z.string(),
      relatedEventId: z.string().optional(),
    }),
  ),
});
export type ProcedureView = z.infer<typeof procedureView>;

/** A row of the Deadlines page: a deadline with the case it belongs to (code only, never a name). */
export const myDeadlineView = deadlineView.extend({
  caseId: z.string(),
  caseCode: z.string(),
  procedureId: z.string(),
});
export type MyDeadlineView = z.infer<typeof myDeadlineView>;

export const deadlineListQuery = z.strictObject({
  status: z.enum(DEADLINE_STATUSES).optional(),
  /** Include met and not-applicable deadlines (default: open ones only). */
  includeClosed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only the deadlines this person is responsible for (assigned in the rule's role). */
  responsibleOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** An in-app deadline reminder (case code only). */
export const notificationView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  ruleCode: z.string(),
  /** The rule's own name, for a rule the organization added. */
  ruleName: z.string().nullable(),
  dueDate: z.string(),
  leadDays: z.number(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;
