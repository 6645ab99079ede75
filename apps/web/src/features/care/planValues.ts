/**
 * The care plan's values: goals grouped under the need they answer (in the
 * needs' order), what the plan's status allows, the action and follow-up
 * forms' values and their conversion to what the API takes (only what changed
 * for an action's change), and the hint that goes with a refusal.
 */
import type {
  ActionInput,
  ActionStatus,
  ActionUpdateInput,
  CarePlanStatus,
  FollowUpInput,
} from '@senda/domain';
import type { MessageKey } from '../../i18n/catalogues';
import type { CareAction, CareGoal, CareNeed, CareView } from '../../lib/careApi';
import { isOpenNeed, orderNeeds } from './needValues';

/**
 * Each need with its goals: every need that has a goal, and every open need
 * (to add its first goal), open needs first by priority. Met or unmet needs
 * without a goal are left out.
 */
export function goalsByNeed(
  needs: readonly CareNeed[],
  goals: readonly CareGoal[],
): { need: CareNeed; goals: CareGoal[] }[] {
  const { open, closed } = orderNeeds(needs);
  return [...open, ...closed]
    .map((need) => ({ need, goals: goals.filter((g) => g.needId === need.id) }))
    .filter((group) => group.goals.length > 0 || isOpenNeed(group.need));
}

/** How many goals answer each need. */
export function goalCounts(goals: readonly CareGoal[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const goal of goals) counts.set(goal.needId, (counts.get(goal.needId) ?? 0) + 1);
  return counts;
}

const SENDABLE: readonly CarePlanStatus[] = ['draft', 'returned', 'changed_since_approval'];

/** The plan may be sent for approval: it has goals and no request is pending or approved for this version. */
export function canSendPlan(status: CarePlanStatus): boolean {
  return SENDABLE.includes(status);
}

/** The newest care plan request (approvals come newest first). */
export function latestPlanRequest(care: Pick<CareView, 'approvals'>): CareView['approvals'][number] | null {
  return care.approvals.find((a) => a.kind === 'care_plan') ?? null;
}

/** The plan changed after it was sent: the pending request cannot be approved as it is. */
export function sentPlanChanged(care: Pick<CareView, 'approvals' | 'plan'>): boolean {
  const latest = latestPlanRequest(care);
  return (
    care.plan.status === 'submitted' &&
    latest?.status === 'pending' &&
    latest.planVersion !== null &&
    latest.planVersion !== care.plan.version
  );
}

const OPEN_ACTIONS: readonly ActionStatus[] = ['pending', 'in_progress'];

export function isOpenAction(action: Pick<CareAction, 'status'>): boolean {
  return OPEN_ACTIONS.includes(action.status);
}

/** An open action whose due date has passed. */
export function isOverdue(action: Pick<CareAction, 'status' | 'dueOn'>, today: string): boolean {
  return isOpenAction(action) && action.dueOn !== null && action.dueOn < today;
}

/** An open action whose next follow-up is today or has passed. */
export function followUpDue(action: Pick<CareAction, 'status' | 'nextFollowUpOn'>, today: string): boolean {
  return isOpenAction(action) && action.nextFollowUpOn !== null && action.nextFollowUpOn <= today;
}

/** Follow-ups newest first (by their day, then by when they were written). */
export function newestFirst<T extends { on: string; createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));
}

export interface GoalFormValues {
  /** '' until chosen. */
  needId: string;
  title: string;
}

export interface ActionFormValues {
  title: string;
  /** '' for nobody yet. */
  responsibleId: string;
  /** '' for no due date. */
  dueOn: string;
  status: ActionStatus;
}

export const EMPTY_ACTION: ActionFormValues = { title: '', responsibleId: '', dueOn: '', status: 'pending' };
export const ACTION_FIELDS = new Set(Object.keys(EMPTY_ACTION));

export function valuesOfAction(action: CareAction): ActionFormValues {
  return {
    title: action.title,
    responsibleId: action.responsibleId ?? '',
    dueOn: action.dueOn ?? '',
    status: action.status,
  };
}

export function toActionInput(goalId: string, values: ActionFormValues): ActionInput {
  return {
    goalId,
    title: values.title.trim(),
    responsibleId: values.responsibleId || null,
    dueOn: values.dueOn || null,
    status: values.status,
  };
}

/**
 * Only what changed: an unchanged person responsible is not sent again (she
 * may have left the case since, and the server would refuse her).
 */
export function actionChanges(action: CareAction, values: ActionFormValues): ActionUpdateInput {
  const next = toActionInput(action.goalId, values);
  const change: ActionUpdateInput = {};
  if (next.title !== action.title) change.title = next.title;
  if (next.responsibleId !== action.responsibleId) change.responsibleId = next.responsibleId ?? null;
  if (next.dueOn !== action.dueOn) change.dueOn = next.dueOn ?? null;
  if (next.status !== action.status) change.status = next.status;
  return change;
}

/** Staff on the case to choose from, and the person now responsible if she is no longer on it. */
export function responsibleOptions(
  staff: readonly { userId: string; displayName: string }[],
  action?: Pick<CareAction, 'responsibleId' | 'responsibleName'>,
): { value: string; label: string }[] {
  const options = staff.map((s) => ({ value: s.userId, label: s.displayName }));
  if (action?.responsibleId && !staff.some((s) => s.userId === action.responsibleId))
    options.push({ value: action.responsibleId, label: action.responsibleName ?? '—' });
  return options;
}

export interface FollowUpFormValues {
  on: string;
  note: string;
  /** '' for "no change". */
  status: ActionStatus | '';
  /** '' for none. */
  nextFollowUpOn: string;
}

/** A new follow-up, today; a next follow-up still to come is kept unless she changes it. */
export function emptyFollowUp(today: string, nextFollowUpOn: string | null = null): FollowUpFormValues {
  return {
    on: today,
    note: '',
    status: '',
    nextFollowUpOn: nextFollowUpOn && nextFollowUpOn > today ? nextFollowUpOn : '',
  };
}

export const FOLLOW_UP_FIELDS = new Set(Object.keys(emptyFollowUp('')));

export function toFollowUpInput(values: FollowUpFormValues, current: ActionStatus): FollowUpInput {
  return {
    on: values.on,
    note: values.note.trim(),
    // Choosing the status it already has is no change.
    status: values.status && values.status !== current ? values.status : null,
    nextFollowUpOn: values.nextFollowUpOn || null,
  };
}

/**
 * What to add when the server refuses (its field messages already say most:
 * close the need, cancel the action, record her consent, reopen the case).
 */
export const REFUSAL_HINTS: Partial<Record<string, MessageKey>> = {
  goal_has_actions: 'care.hint.goalHasActions',
};
