/**
 * In-app notices of referrals: the receiving organization's answering staff
 * (and the person assigned) hear of what the sender does, the sender (who
 * made the referral, and the case's lead) of what the other side does. A
 * notice carries the referral code and what happened, never a name.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ReferralNoticeEvent } from '@senda/domain';
import { nowIso } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ReferralsTable } from '../../db/schema.js';
import { ANSWERING_ROLES, type Side } from './access.js';

type Row = Pick<ReferralsTable, 'id' | 'code' | 'case_id' | 'to_org_id' | 'assigned_to' | 'created_by'>;

async function peopleOf(trx: Db, row: Row, side: Side): Promise<string[]> {
  if (side === 'recipient') {
    if (!row.to_org_id) return [];
    const users = await trx
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', row.to_org_id)
      .where('active', '=', 1)
      .where((eb) =>
        eb.or([
          eb('role', 'in', [...ANSWERING_ROLES]),
          ...(row.assigned_to ? [eb('id', '=', row.assigned_to)] : []),
        ]),
      )
      .execute();
    return users.map((u) => u.id);
  }
  const leads = await trx
    .selectFrom('case_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select('u.id')
    .where('a.case_id', '=', row.case_id)
    .where('a.role_on_case', '=', 'lead')
    .where('u.active', '=', 1)
    .execute();
  const ids = new Set(leads.map((u) => u.id));
  if (row.created_by) {
    const creator = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', row.created_by)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (creator) ids.add(creator.id);
  }
  return [...ids];
}

/**
 * Tell one side of a referral that something happened. `key` makes the notice
 * unique per person (an event id, or the day for a recurring reminder), so that
 * running twice — or on two server instances — creates it once.
 */
export async function notify(
  trx: Db,
  row: Row,
  side: Side,
  event: ReferralNoticeEvent,
  key: string,
  except?: string,
): Promise<number> {
  let created = 0;
  for (const userId of await peopleOf(trx, row, side)) {
    if (userId === except) continue;
    const result = await trx
      .insertInto('referral_notices')
      .values({
        id: uuidv7(),
        dedupe_key: [row.id, event, key, userId].join(':'),
        user_id: userId,
        referral_id: row.id,
        referral_code: row.code,
        event,
        created_at: nowIso(),
        read_at: null,
        digest_day: null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    created += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return created;
}
