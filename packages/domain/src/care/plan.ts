/**
 * The care plan: goals, each answering one need, and actions towards each
 * goal, with the staff member responsible, a due date and a status, and the
 * follow-up entries recorded as the work goes on.
 *
 * The plan is approved as a whole by a coordinator (see approvals.ts). The
 * plan's `version` counts changes to what was approved — a goal or action
 * added, removed, or its title, responsible person or due date changed — so
 * an approval holds for the version it saw. Progress (an action's status, a
 * follow-up) is the plan being carried out and does not need a new approval.
 *
 * Actions are services: they need her consent to receive services in force
 * (`consent_required`), like the plan's submission.
 */
import { z } from 'zod';
import { isoDate, notInFuture, requiredText, text } from '../common.js';

export const ACTION_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Actions someone still has to do: "My work" lists them. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['pending', 'in_progress'];

const pastDate = isoDate.refine(notInFuture, { params: { code: 'future_date' } });

export const goalInput = z.strictObject({
  needId: z.uuid(),
  /** What she wants to reach, e.g. "Safe housing for her and her children". Sealed at rest. */
  title: requiredText(300),
});
export type GoalInput = z.input<typeof goalInput>;
export const goalUpdateInput = goalInput.partial();
export type GoalUpdateInput = z.input<typeof goalUpdateInput>;

export const actionInput = z.strictObject({
  goalId: z.uuid(),
  /** What will be done, e.g. "Accompany her to the COMAR office". Sealed at rest. */
  title: requiredText(300),
  /** A staff member assigned to the case. */
  responsibleId: z.uuid().nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('pending'),
});
export type ActionInput = z.input<typeof actionInput>;
export const actionUpdateInput = z
  .strictObject({
    title: requiredText(300),
    responsibleId: z.uuid().nullable(),
    dueOn: isoDate.nullable(),
    status: z.enum(ACTION_STATUSES),
  })
  .partial();
export type ActionUpdateInput = z.input<typeof actionUpdateInput>;

/** The fields of an action whose change needs the plan approved again. */
export const PLAN_ACTION_FIELDS = ['title', 'responsibleId', 'dueOn'] as const;

export const followUpInput = z
  .strictObject({
    on: pastDate,
    /** What happened; sealed at rest. */
    note: text().trim().min(1).max(4000),
    /** The action's status after this follow-up, when it changed. */
    status: z.enum(ACTION_STATUSES).nullable().default(null),
    /**
     * When to look at it again ("My work" lists it from then on): a date sets
     * it, null clears it, left out keeps the action's current one.
     */
    nextFollowUpOn: isoDate.nullable().optional(),
  })
  .refine((f) => !f.nextFollowUpOn || f.nextFollowUpOn >= f.on, {
    path: ['nextFollowUpOn'],
    params: { code: 'range_reversed' },
  });
export type FollowUpInput = z.input<typeof followUpInput>;

export const followUpView = z.object({
  id: z.string(),
  on: z.string(),
  note: z.string(),
  /** The status the action was given with this follow-up, if it changed. */
  status: z.enum(ACTION_STATUSES).nullable(),
  /** The next follow-up date set with it, if any. */
  nextFollowUpOn: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const actionView = z.object({
  id: z.string(),
  goalId: z.string(),
  title: z.string(),
  responsibleId: z.string().nullable(),
  responsibleName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  nextFollowUpOn: z.string().nullable(),
  followUps: z.array(followUpView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionView = z.infer<typeof actionView>;

export const goalView = z.object({
  id: z.string(),
  needId: z.string(),
  title: z.string(),
  actions: z.array(actionView),
  createdAt: z.string(),
});
export type GoalView = z.infer<typeof goalView>;
