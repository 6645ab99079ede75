/**
 * Tasks the system gives a person. A high or critical risk level on a case
 * (its newest assessment) gives the staff responsible for the case — those
 * assigned as its lead, or else whoever assessed — a task to review her safety
 * with her. One open task per case and person: a new assessment updates it.
 */
import { v7 as uuidv7 } from 'uuid';
import type { RiskLevel } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';

export const TASK_RISK_LEVELS: readonly RiskLevel[] = ['high', 'critical'];

export async function raiseRiskTask(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  survivor: Pick<CasesTable, 'id' | 'org_id'>,
  level: RiskLevel | null,
): Promise<void> {
  if (!level || !TASK_RISK_LEVELS.includes(level)) return;
  const leads = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', survivor.id)
    .where('role_on_case', '=', 'lead')
    .execute();
  const people = leads.length ? leads.map((l) => l.user_id) : [actor.userId];
  for (const userId of people) {
    const open = await trx
      .selectFrom('tasks')
      .select('id')
      .where('case_id', '=', survivor.id)
      .where('kind', '=', 'high_risk_review')
      .where('assigned_to', '=', userId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) {
      await trx.updateTable('tasks').set({ risk_level: level }).where('id', '=', open.id).execute();
      continue;
    }
    const id = uuidv7();
    await trx
      .insertInto('tasks')
      .values({
        id,
        org_id: survivor.org_id,
        case_id: survivor.id,
        kind: 'high_risk_review',
        assigned_to: userId,
        status: 'open',
        risk_level: level,
        created_at: nowIso(),
        done_at: null,
        done_by: null,
      })
      .execute();
    await auditAct(trx, ctx.dialect, actor, {
      action: 'task.create',
      entityType: 'task',
      entityId: id,
      caseId: survivor.id,
      fields: ['kind', 'assignedTo', 'riskLevel'],
    });
  }
}
