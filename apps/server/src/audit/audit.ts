/**
 * The audit log: one entry per creation, change, deletion, and per read of a
 * case or its notes, written in the same transaction as the act. Entries hold
 * names of changed fields, never their values. Each entry's hash covers the
 * previous entry's hash, so altering, removing or reordering a row breaks the
 * chain (`senda audit verify`).
 */
import crypto from 'node:crypto';
import { lockForUpdate, type Db, type DialectName } from '../db/database.js';

export type AuditAction =
  | 'organization.create'
  | 'session.sign_in'
  | 'session.sign_in_failed'
  | 'session.sign_out'
  | 'user.create'
  | 'user.update'
  | 'user.password_reset'
  | 'user.password_change'
  | 'case.create'
  | 'case.read'
  | 'case.update'
  | 'case.member.create'
  | 'case.member.update'
  | 'case.member.delete'
  | 'case.staff.assign'
  | 'case.staff.unassign'
  | 'case.notes.read'
  | 'case.note.create'
  | 'case.audit.read'
  | 'case.history.read'
  | 'procedure.create'
  | 'procedure.read'
  | 'procedure.event.create'
  | 'procedure.event.delete'
  | 'deadlines.read'
  | 'calendar.entry.create'
  | 'calendar.entry.delete'
  | 'calendar_feed.create'
  | 'calendar_feed.revoke'
  | 'calendar_feed.read'
  | 'deadline_rule.update'
  | 'deadline_rule.reset'
  | 'case.incidents.read'
  | 'case.incident.create'
  | 'case.incident.update'
  | 'case.incident.delete'
  | 'case.documents.read'
  | 'case.document.create'
  | 'case.document.download'
  | 'case.document.delete'
  | 'case.consents.read'
  | 'case.consent.create'
  | 'case.consent.withdraw'
  | 'case.risk.read'
  | 'case.risk.create'
  | 'case.safety_plan.update'
  | 'case.care.read'
  | 'case.need.create'
  | 'case.need.update'
  | 'case.need.delete'
  | 'case.goal.create'
  | 'case.goal.update'
  | 'case.goal.delete'
  | 'case.action.create'
  | 'case.action.update'
  | 'case.action.delete'
  | 'case.follow_up.create'
  | 'case.approval.request'
  | 'case.approval.decide'
  | 'case.approval.withdraw'
  | 'case.close'
  | 'case.reopen'
  | 'task.create'
  | 'task.done'
  | 'my_work.read'
  | 'directory.organization.create'
  | 'directory.organization.update'
  | 'directory.service.create'
  | 'directory.service.update'
  | 'directory.service.delete'
  | 'directory.location.create'
  | 'directory.location.update'
  | 'directory.location.delete'
  | 'directory.location.grant'
  | 'directory.location.revoke'
  | 'directory.import'
  | 'referral.create'
  | 'referral.read'
  | 'referral.send'
  | 'referral.accept'
  | 'referral.decline'
  | 'referral.complete'
  | 'referral.withdraw'
  | 'referral.revoke'
  | 'referral.expire'
  | 'referral.assign'
  | 'referral.message'
  | 'referral.document.download'
  | 'referral.access_log.read'
  | 'case.referrals.read'
  | 'case.service_matches.read'
  | 'statistics.read'
  | 'statistics.export'
  | 'statistics.settings.update'
  | 'statistics.release.create'
  | 'statistics.release.read'
  | 'statistics.release.approve'
  | 'statistics.release.return'
  | 'statistics.release.withdraw'
  | 'statistics.release.export'
  | 'statistics.network.create'
  | 'statistics.network.update'
  | 'statistics.network.join'
  | 'statistics.network.leave'
  | 'statistics.network.read'
  | 'statistics.network.export'
  | 'workshop.create'
  | 'workshop.update'
  | 'workshop.delete'
  | 'workshop.material.create'
  | 'workshop.material.delete';

export type EntityType =
  | 'organization'
  | 'session'
  | 'user'
  | 'case'
  | 'case_member'
  | 'case_note'
  | 'case_assignment'
  | 'procedure'
  | 'procedure_event'
  | 'calendar_entry'
  | 'calendar_feed'
  | 'deadline_rule'
  | 'case_incident'
  | 'case_document'
  | 'case_consent'
  | 'case_risk_assessment'
  | 'case_need'
  | 'case_goal'
  | 'case_action'
  | 'case_follow_up'
  | 'case_approval'
  | 'task'
  | 'dir_organization'
  | 'dir_service'
  | 'dir_location'
  | 'referral'
  | 'statistics'
  | 'statistics_release'
  | 'statistics_network'
  | 'workshop'
  | 'workshop_material';

export interface AuditEvent {
  action: AuditAction;
  entityType: EntityType;
  entityId: string | null;
  caseId?: string | null;
  actorId: string | null;
  orgId: string | null;
  /** Names of the fields written or read; never values. */
  fields?: readonly string[];
  ip?: string | null;
}

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 7_001;

interface ChainRow {
  seq: number;
  at: string;
  actor_id: string | null;
  org_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  case_id: string | null;
  fields: string;
  ip: string | null;
  prev_hash: string;
}

export function hashEntry(row: ChainRow): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor_id,
    row.org_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.case_id,
    row.fields,
    row.ip,
    row.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Append an entry. Call inside the transaction of the act it records. */
export async function writeAudit(trx: Db, dialect: DialectName, event: AuditEvent): Promise<void> {
  await lockForUpdate(trx, dialect, AUDIT_LOCK);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: ChainRow = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor_id: event.actorId,
    org_id: event.orgId,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    case_id: event.caseId ?? null,
    fields: JSON.stringify([...(event.fields ?? [])].sort()),
    ip: event.ip ?? null,
    prev_hash: last?.hash ?? GENESIS,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash: hashEntry(row) })
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; reason: string };
}

/** Walk the whole chain in order; report the first entry that does not fit. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const raw of rows) {
      const row = raw;
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBad: { seq: expectedSeq, reason: 'missing entry' } };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBad: { seq: row.seq, reason: 'does not follow the previous entry' },
        };
      }
      if (hashEntry(row) !== row.hash) {
        return { ok: false, checked, firstBad: { seq: row.seq, reason: 'content altered' } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

/** Audit an act of the signed-in person. */
export function auditAct(
  trx: Db,
  dialect: DialectName,
  actor: { userId: string; orgId: string; ip: string },
  event: Omit<AuditEvent, 'actorId' | 'orgId' | 'ip'>,
): Promise<void> {
  return writeAudit(trx, dialect, { ...event, actorId: actor.userId, orgId: actor.orgId, ip: actor.ip });
}
