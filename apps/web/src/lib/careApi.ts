/**
 * The care endpoints: needs, the care plan, approvals, closure and "My work".
 * Every write answers with the whole care section (`CareView`), so a page
 * shows the plan's new status at once.
 */
import type { z } from 'zod';
import {
  careView,
  myWorkView,
  type ActionInput,
  type ActionUpdateInput,
  type ApprovalDecisionInput,
  type CarePlanSubmitInput,
  type ClosureRequestInput,
  type FollowUpInput,
  type GoalInput,
  type GoalUpdateInput,
  type NeedInput,
  type NeedUpdateInput,
  type ReopenInput,
} from '@senda/domain';
import { read, request } from './http';

export type CareView = z.infer<typeof careView>;
export type CareNeed = CareView['needs'][number];
export type CareGoal = CareView['goals'][number];
export type CareAction = CareGoal['actions'][number];
export type CareApproval = CareView['approvals'][number];
export type MyWork = z.infer<typeof myWorkView>;

const enc = encodeURIComponent;
const base = (caseId: string) => `/cases/${enc(caseId)}`;
const write = async (path: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) =>
  read(careView, await request(path, { method, ...(body === undefined ? {} : { body }) }));

export const careApi = {
  async getCare(caseId: string, signal?: AbortSignal): Promise<CareView> {
    return read(careView, await request(`${base(caseId)}/care`, { signal }));
  },
  addNeed: (caseId: string, input: NeedInput) => write(`${base(caseId)}/needs`, 'POST', input),
  updateNeed: (caseId: string, needId: string, input: NeedUpdateInput) =>
    write(`${base(caseId)}/needs/${enc(needId)}`, 'PATCH', input),
  deleteNeed: (caseId: string, needId: string) => write(`${base(caseId)}/needs/${enc(needId)}`, 'DELETE'),
  addGoal: (caseId: string, input: GoalInput) => write(`${base(caseId)}/goals`, 'POST', input),
  updateGoal: (caseId: string, goalId: string, input: GoalUpdateInput) =>
    write(`${base(caseId)}/goals/${enc(goalId)}`, 'PATCH', input),
  deleteGoal: (caseId: string, goalId: string) => write(`${base(caseId)}/goals/${enc(goalId)}`, 'DELETE'),
  addAction: (caseId: string, input: ActionInput) => write(`${base(caseId)}/actions`, 'POST', input),
  updateAction: (caseId: string, actionId: string, input: ActionUpdateInput) =>
    write(`${base(caseId)}/actions/${enc(actionId)}`, 'PATCH', input),
  deleteAction: (caseId: string, actionId: string) =>
    write(`${base(caseId)}/actions/${enc(actionId)}`, 'DELETE'),
  addFollowUp: (caseId: string, actionId: string, input: FollowUpInput) =>
    write(`${base(caseId)}/actions/${enc(actionId)}/follow-ups`, 'POST', input),
  submitPlan: (caseId: string, input: CarePlanSubmitInput) =>
    write(`${base(caseId)}/care-plan/submit`, 'POST', input),
  requestClosure: (caseId: string, input: ClosureRequestInput) =>
    write(`${base(caseId)}/closure`, 'POST', input),
  decide: (caseId: string, approvalId: string, input: ApprovalDecisionInput) =>
    write(`${base(caseId)}/approvals/${enc(approvalId)}/decision`, 'POST', input),
  withdraw: (caseId: string, approvalId: string) =>
    write(`${base(caseId)}/approvals/${enc(approvalId)}/withdraw`, 'POST', {}),
  reopen: (caseId: string, input: ReopenInput) => write(`${base(caseId)}/reopen`, 'POST', input),

  async getMyWork(signal?: AbortSignal): Promise<MyWork> {
    return read(myWorkView, await request('/my-work', { signal }));
  },
  async markTaskDone(taskId: string): Promise<void> {
    await request(`/tasks/${enc(taskId)}/done`, { method: 'POST', body: {} });
  },
};
