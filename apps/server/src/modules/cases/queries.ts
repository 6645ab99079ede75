import {
  consentHolds,
  todayInMexico,
  type ConsentRecordState,
  type PrivacyNoticeView,
  type SurvivorAge,
} from '@senda/domain';
import type { Actor, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { caseAbilities, visibleCases } from './policy.js';
import { jsonList, presentCaseDetail } from './presenter.js';

/** Load a case within the caller's reach, or answer 404. */
export async function findVisibleCase(trx: Db, actor: Actor, caseId: string): Promise<CasesTable> {
  const row = await visibleCases(trx, actor).selectAll('c').where('c.id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function isAssigned(trx: Db, caseId: string, userId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function loadStaff(trx: Db, caseId: string) {
  return trx
    .selectFrom('case_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.user_id', 'u.display_name', 'u.role', 'a.role_on_case', 'a.created_at'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.created_at')
    .execute();
}

/** The full case page: profile, family, staff and the caller's abilities. */
export async function caseDetail(ctx: AppContext, trx: Db, actor: Actor, row: CasesTable) {
  const [members, staff, notice, consents] = await Promise.all([
    trx.selectFrom('case_members').selectAll().where('case_id', '=', row.id).orderBy('created_at').execute(),
    loadStaff(trx, row.id),
    trx
      .selectFrom('case_privacy_notices as n')
      .leftJoin('users as u', 'u.id', 'n.recorded_by')
      .select(['n.version', 'n.language', 'n.presented_how', 'n.accepted_on', 'u.display_name'])
      .where('n.case_id', '=', row.id)
      .orderBy('n.created_at', 'desc')
      .executeTakeFirst(),
    consentStates(trx, row.id),
  ]);
  const assigned = staff.some((s) => s.user_id === actor.userId);
  return presentCaseDetail(row, members, staff, caseAbilities(actor, assigned), ctx.cipher, {
    privacyNotice: notice
      ? {
          version: notice.version,
          language: notice.language as PrivacyNoticeView['language'],
          presentedHow: notice.presented_how as PrivacyNoticeView['presentedHow'],
          acceptedOn: notice.accepted_on,
          recordedBy: notice.display_name,
        }
      : null,
    contactConsent: consentHolds(consents, 'contact', todayInMexico()),
  });
}

/** Her consent records, as the domain's consent rules read them. */
export async function consentStates(
  trx: Db,
  caseId: string,
): Promise<(ConsentRecordState & { scope: string[] })[]> {
  const rows = await trx
    .selectFrom('case_consents')
    .select(['purpose', 'recipient', 'scope', 'given_on', 'expires_on', 'withdrawn_on'])
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => ({
    purpose: r.purpose as ConsentRecordState['purpose'],
    recipient: r.recipient,
    givenOn: r.given_on,
    expiresOn: r.expires_on,
    withdrawnOn: r.withdrawn_on,
    scope: jsonList<string>(r.scope),
  }));
}

export async function touchCase(trx: Db, caseId: string, at: string): Promise<void> {
  await trx.updateTable('cases').set({ last_activity_at: at }).where('id', '=', caseId).execute();
}

/** What the case records about her age (for age-dependent rules: consent bands, a girl survivor). */
export function survivorAgeOf(
  row: Pick<CasesTable, 'birth_date' | 'estimated_age' | 'created_at'>,
): SurvivorAge {
  return {
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    registeredOn: row.created_at.slice(0, 10),
  };
}
