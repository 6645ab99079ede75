/** Rules shared by every care write: the case must be within reach and open. */
import type { FastifyBaseLogger } from 'fastify';
import type { CareView } from '@senda/domain';
import { auditAct, type AuditEvent } from '../../audit/audit.js';
import { nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { conflict } from '../../http/errors.js';
import { findVisibleCase, touchCase } from '../cases/queries.js';
import { loadCare, servicesConsent } from './store.js';

/** A case she may see and that is open: a closed case is reopened before its care changes. */
export async function findOpenCase(trx: Db, actor: Actor, caseId: string): Promise<CasesTable> {
  const survivor = await findVisibleCase(trx, actor, caseId);
  if (survivor.status !== 'open')
    throw conflict('The case is closed', [{ path: 'status', code: 'case_closed' }]);
  return survivor;
}

/** Services (actions, the plan) need her consent to receive services, in force today. */
export async function requireServicesConsent(trx: Db, caseId: string): Promise<void> {
  if (!(await servicesConsent(trx, caseId)))
    throw conflict('No consent to receive services is in force', [
      { path: 'consent', code: 'consent_required' },
    ]);
}

/** A change to what a plan approval covers: the plan's version moves on. */
export async function bumpPlanVersion(trx: Db, survivor: CasesTable): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ care_plan_version: survivor.care_plan_version + 1 })
    .where('id', '=', survivor.id)
    .execute();
}

/** Finish a care write: touch the case, audit the act, answer with the care section as it now is. */
export async function finishCareWrite(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  log: FastifyBaseLogger,
  caseId: string,
  audit: Pick<AuditEvent, 'action' | 'entityType' | 'entityId' | 'fields'>,
): Promise<CareView> {
  await touchCase(trx, caseId, nowIso());
  await auditAct(trx, ctx.dialect, actor, { ...audit, caseId });
  const fresh = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  return loadCare(ctx, log, trx, actor, fresh);
}
