/**
 * Reading a case's care: needs, the plan (goals → actions → follow-ups), its
 * approval requests, and what the closure checklist shows. Every text a
 * person wrote is sealed; a text that cannot be opened is shown empty and
 * logged by id only.
 */
import type { FastifyBaseLogger } from 'fastify';
import {
  CLOSURE_CHECKLIST,
  OPEN_ACTION_STATUSES,
  OPEN_NEED_STATUSES,
  carePlanStatus,
  consentHolds,
  todayInMexico,
  type ActionView,
  type ApprovalStatus,
  type ApprovalView,
  type CareView,
  type GoalView,
  type NeedView,
  type RiskLevel,
} from '@senda/domain';
import type { Actor, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CaseApprovalsTable, CasesTable } from '../../db/schema.js';
import { consentStates } from '../cases/queries.js';

export const aad = (table: string, id: string, column: string) => `${table}:${column}:${id}`;

/** Open sealed texts of one table, logging (by id only) any that cannot be opened. */
export function opener(ctx: AppContext, log: FastifyBaseLogger, table: string) {
  return async (id: string, column: string, value: string | null): Promise<string> => {
    if (value === null) return '';
    try {
      return await ctx.cipher.decrypt(value, aad(table, id, column));
    } catch {
      log.error({ table, id }, 'a sealed care text could not be decrypted');
      return '';
    }
  };
}

export function seal(ctx: AppContext, table: string, id: string, column: string, value: string): string {
  return ctx.cipher.encrypt(value, aad(table, id, column));
}

export async function loadNeeds(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  caseId: string,
  needId?: string,
) {
  let q = trx
    .selectFrom('case_needs as n')
    .leftJoin('users as u', 'u.id', 'n.created_by')
    .selectAll('n')
    .select('u.display_name as recorder')
    .where('n.case_id', '=', caseId);
  if (needId) q = q.where('n.id', '=', needId);
  const rows = await q.orderBy('n.created_at').orderBy('n.id').execute();
  const open = opener(ctx, log, 'case_needs');
  return Promise.all(
    rows.map(async (r): Promise<NeedView> => ({
      id: r.id,
      domain: r.domain as NeedView['domain'],
      detail: r.detail as NeedView['detail'],
      priority: r.priority as NeedView['priority'],
      status: r.status as NeedView['status'],
      unmetReason: r.unmet_reason as NeedView['unmetReason'],
      description: await open(r.id, 'description', r.description_enc),
      identifiedOn: r.identified_on,
      recordedBy: r.recorder,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  );
}

export async function loadGoals(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  caseId: string,
): Promise<GoalView[]> {
  const [goals, actions, followUps] = await Promise.all([
    trx
      .selectFrom('case_goals')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('case_actions as a')
      .leftJoin('users as u', 'u.id', 'a.responsible_id')
      .selectAll('a')
      .select('u.display_name as responsible')
      .where('a.case_id', '=', caseId)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
    trx
      .selectFrom('case_follow_ups as f')
      .leftJoin('users as u', 'u.id', 'f.created_by')
      .selectAll('f')
      .select('u.display_name as recorder')
      .where('f.case_id', '=', caseId)
      .orderBy('f.on_date', 'desc')
      .orderBy('f.created_at', 'desc')
      .execute(),
  ]);
  const openGoal = opener(ctx, log, 'case_goals');
  const openAction = opener(ctx, log, 'case_actions');
  const openFollowUp = opener(ctx, log, 'case_follow_ups');
  const actionViews = await Promise.all(
    actions.map(async (a): Promise<ActionView> => ({
      id: a.id,
      goalId: a.goal_id,
      title: await openAction(a.id, 'title', a.title_enc),
      responsibleId: a.responsible_id,
      responsibleName: a.responsible,
      dueOn: a.due_on,
      status: a.status as ActionView['status'],
      nextFollowUpOn: a.next_follow_up_on,
      followUps: await Promise.all(
        followUps
          .filter((f) => f.action_id === a.id)
          .map(async (f) => ({
            id: f.id,
            on: f.on_date,
            note: await openFollowUp(f.id, 'note', f.note_enc),
            status: f.status as ActionView['status'] | null,
            nextFollowUpOn: f.next_follow_up_on,
            recordedBy: f.recorder,
            createdAt: f.created_at,
          })),
      ),
      createdAt: a.created_at,
      updatedAt: a.updated_at,
    })),
  );
  return Promise.all(
    goals.map(async (g) => ({
      id: g.id,
      needId: g.need_id,
      title: await openGoal(g.id, 'title', g.title_enc),
      actions: actionViews.filter((a) => a.goalId === g.id),
      createdAt: g.created_at,
    })),
  );
}

type ApprovalRow = CaseApprovalsTable & {
  requester: string | null;
  decider: string | null;
  reopener: string | null;
};

export function approvalRows(trx: Db, caseId: string) {
  return trx
    .selectFrom('case_approvals as a')
    .leftJoin('users as r', 'r.id', 'a.requested_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .leftJoin('users as o', 'o.id', 'a.reopened_by')
    .selectAll('a')
    .select(['r.display_name as requester', 'd.display_name as decider', 'o.display_name as reopener'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.requested_at', 'desc')
    .orderBy('a.id', 'desc');
}

export async function presentApproval(
  ctx: AppContext,
  log: FastifyBaseLogger,
  row: ApprovalRow,
): Promise<ApprovalView> {
  const open = opener(ctx, log, 'case_approvals');
  const checklist = JSON.parse(row.checklist) as string[];
  return {
    id: row.id,
    kind: row.kind as ApprovalView['kind'],
    status: row.status as ApprovalView['status'],
    requestedBy: row.requester,
    requestedById: row.requested_by,
    requestedAt: row.requested_at,
    comment: await open(row.id, 'comment', row.comment_enc),
    planVersion: row.plan_version,
    closureReason: row.closure_reason as ApprovalView['closureReason'],
    checklist: CLOSURE_CHECKLIST.filter((item) => checklist.includes(item)),
    decidedBy: row.decider,
    decidedAt: row.decided_at,
    decisionComment: await open(row.id, 'decision_comment', row.decision_comment_enc),
    reopened: row.reopened_at
      ? {
          by: row.reopener,
          at: row.reopened_at,
          reason: await open(row.id, 'reopen_reason', row.reopen_reason_enc),
        }
      : null,
  };
}

/** Needs still to act on and actions still to do (the closure checklist's counts). */
export async function openWork(trx: Db, caseId: string) {
  const [needs, actions] = await Promise.all([
    trx
      .selectFrom('case_needs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('status', 'in', OPEN_NEED_STATUSES)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('case_actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('status', 'in', OPEN_ACTION_STATUSES)
      .executeTakeFirstOrThrow(),
  ]);
  return { openNeeds: needs.n, openActions: actions.n };
}

/** Whether her consent to receive services is in force today. */
export async function servicesConsent(trx: Db, caseId: string): Promise<boolean> {
  return consentHolds(await consentStates(trx, caseId), 'services', todayInMexico());
}

/** The newest request of a kind, for the plan's status and the "one pending at a time" rule. */
export async function latestApproval(trx: Db, caseId: string, kind: string) {
  return trx
    .selectFrom('case_approvals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function loadCare(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  actor: Actor,
  survivor: CasesTable,
): Promise<CareView> {
  const [needs, goals, approvals, work, consent] = await Promise.all([
    loadNeeds(ctx, log, trx, survivor.id),
    loadGoals(ctx, log, trx, survivor.id),
    approvalRows(trx, survivor.id).execute(),
    openWork(trx, survivor.id),
    servicesConsent(trx, survivor.id),
  ]);
  const latestPlan = approvals.find((a) => a.kind === 'care_plan') ?? null;
  return {
    caseStatus: survivor.status as CareView['caseStatus'],
    needs,
    goals,
    plan: {
      status: carePlanStatus(
        goals.length,
        survivor.care_plan_version,
        latestPlan && { status: latestPlan.status as ApprovalStatus, planVersion: latestPlan.plan_version },
      ),
      version: survivor.care_plan_version,
    },
    approvals: await Promise.all(approvals.map((a) => presentApproval(ctx, log, a))),
    closureChecks: { ...work, riskLevel: survivor.risk_level as RiskLevel | null },
    servicesConsent: consent,
    canDecide: canDecide(actor),
  };
}

export function canDecide(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}
