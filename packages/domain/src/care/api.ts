/** Response shapes of the care endpoints: the case's care section and each person's "My work". */
import { z } from 'zod';
import { CASE_STATUSES } from '../case.js';
import { RISK_LEVELS } from '../risk/risk.js';
import { referralSummaryView } from '../referrals/api.js';
import { APPROVAL_KINDS, CARE_PLAN_STATUSES, approvalView, closureChecksView } from './approvals.js';
import { needView } from './needs.js';
import { ACTION_STATUSES, goalView } from './plan.js';

export const careView = z.object({
  caseStatus: z.enum(CASE_STATUSES),
  needs: z.array(needView),
  goals: z.array(goalView),
  plan: z.object({ status: z.enum(CARE_PLAN_STATUSES), version: z.number() }),
  /** Care plan and closure requests, newest first. */
  approvals: z.array(approvalView),
  closureChecks: closureChecksView,
  /** Whether her consent to receive services is in force today (actions and the plan's submission need it). */
  servicesConsent: z.boolean(),
  /** Whether this person may approve or return requests on this case. */
  canDecide: z.boolean(),
});
export type CareView = z.infer<typeof careView>;

export const TASK_KINDS = ['high_risk_review'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

const onCase = { caseId: z.string(), caseCode: z.string() };

export const myWorkView = z.object({
  /** Open actions she is responsible for, soonest due first. */
  actions: z.array(
    z.object({
      ...onCase,
      actionId: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      status: z.enum(ACTION_STATUSES),
      overdue: z.boolean(),
    }),
  ),
  /** Her actions whose next follow-up falls within the coming week (or has passed). */
  followUps: z.array(
    z.object({ ...onCase, actionId: z.string(), title: z.string(), nextFollowUpOn: z.string() }),
  ),
  /** Requests she may decide (coordinators and admins), oldest first. */
  approvals: z.array(
    z.object({
      ...onCase,
      approvalId: z.string(),
      kind: z.enum(APPROVAL_KINDS),
      requestedBy: z.string().nullable(),
      requestedAt: z.string(),
    }),
  ),
  /** Her own requests that came back with a comment and were not asked again. */
  returned: z.array(
    z.object({
      ...onCase,
      approvalId: z.string(),
      kind: z.enum(APPROVAL_KINDS),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
    }),
  ),
  tasks: z.array(
    z.object({
      ...onCase,
      id: z.string(),
      kind: z.enum(TASK_KINDS),
      riskLevel: z.enum(RISK_LEVELS).nullable(),
      createdAt: z.string(),
    }),
  ),
  /** Open cases she works on whose current risk is high or critical. */
  highRiskCases: z.array(z.object({ ...onCase, riskLevel: z.enum(RISK_LEVELS), lastActivityAt: z.string() })),
  /**
   * Referrals that want her attention: received by her organization and
   * waiting for an answer (those who answer, or the person assigned), and
   * sent from her cases that are overdue or without news.
   */
  referrals: z.array(referralSummaryView),
});
export type MyWorkView = z.infer<typeof myWorkView>;
