/**
 * Who reaches a referral, and from which side. Denied by default; outside
 * reach a referral is not found (404):
 * - the sending side: anyone who can see the case (the case's own scope);
 * - the receiving side: users of the receiving Senda organization — its
 *   admins, coordinators and partner users see its whole inbox, other staff
 *   the referrals assigned to them; analysts nothing. A draft never reaches
 *   it; a referral withdrawn by the sender or revoked, or whose consent no
 *   longer covers what it shares, is gone from it at once.
 *
 * The receiving side never reaches the case itself: every /cases endpoint
 * stays 404 for it. It reads what the referral shares, through the referral.
 */
import { sql } from 'kysely';
import {
  REFERRAL_OPEN_STATES,
  scopeCovered,
  sharingScopes,
  todayInMexico,
  type ReferralShare,
  type ReferralState,
  type Role,
} from '@senda/domain';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ReferralsTable } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/errors.js';
import { consentStates } from '../cases/queries.js';
import { visibleCases } from '../cases/policy.js';
import { jsonList } from '../cases/presenter.js';

export type Side = 'sender' | 'recipient';
export interface Reach {
  row: ReferralsTable;
  side: Side;
}

/** Roles that answer for the receiving organization (accept, decline, assign, complete) and see its whole inbox. */
export const ANSWERING_ROLES: readonly Role[] = ['admin', 'coordinator', 'partner'];
/** Roles of the sending side who read the access log of a referral. */
const LOG_READERS: readonly Role[] = ['admin', 'coordinator'];

/** States the receiving side sees a referral in (never a draft, a withdrawn or a revoked one). */
export const RECIPIENT_STATES: readonly ReferralState[] = [
  'sent',
  'accepted',
  'declined',
  'expired',
  'completed',
  'not_completed',
];

export const scopeOf = (row: Pick<ReferralsTable, 'scope'>) => jsonList<ReferralShare>(row.scope);

/** Whether her consent to share with the receiving organization, covering the scope, is in force on `day`. */
export async function consentCovers(
  trx: Db,
  row: Pick<ReferralsTable, 'case_id' | 'to_name' | 'scope'>,
  day: string = todayInMexico(),
): Promise<boolean> {
  const scopes = sharingScopes(await consentStates(trx, row.case_id), row.to_name, day);
  return scopes !== null && scopeCovered(scopeOf(row), scopes);
}

/** Referral rows with the names a view shows: sending organization, case code, assignee. */
export function referralRows(trx: Db) {
  return (
    trx
      .selectFrom('referrals as r')
      .innerJoin('organizations as o', 'o.id', 'r.from_org_id')
      .leftJoin('users as a', 'a.id', 'r.assigned_to')
      .selectAll('r')
      .select(['o.name as from_name', 'a.display_name as assignee'])
      // A subquery, not a join: read only for the rows a page returns (a join with every case can
      // turn a sorted page into a scan of the cases table).
      .select((eb) =>
        eb.selectFrom('cases as cc').select('cc.code').whereRef('cc.id', '=', 'r.case_id').as('case_code'),
      )
  );
}

/**
 * The referrals the caller's organization received and she may see (the inbox).
 * Conditions on the referral itself, so that a page walks the (to_org_id, updated_at) index.
 */
export function inboxScope(trx: Db, actor: Pick<Actor, 'userId' | 'orgId' | 'role'>) {
  let q = referralRows(trx)
    .where('r.to_org_id', '=', actor.orgId)
    .where('r.state', 'in', [...RECIPIENT_STATES]);
  if (actor.role === 'analyst') return q.where(sql<boolean>`1 = 0`);
  if (!ANSWERING_ROLES.includes(actor.role)) q = q.where('r.assigned_to', '=', actor.userId);
  return q;
}

/**
 * The referrals of cases the caller can see (the sender's side): the case's own
 * scope, asked per referral, so that a page walks the (from_org_id, updated_at) index.
 */
export function sentScope(trx: Db, actor: Pick<Actor, 'userId' | 'orgId' | 'role'>) {
  return referralRows(trx)
    .where('r.from_org_id', '=', actor.orgId)
    .where((eb) =>
      eb.exists(
        visibleCases(trx, actor)
          .select('c.id')
          .where(sql<boolean>`c.id = r.case_id`),
      ),
    );
}

/** The referral as the caller reaches it, or 404. */
export async function reachReferral(trx: Db, actor: Actor, referralId: string): Promise<Reach> {
  const sent = await sentScope(trx, actor).where('r.id', '=', referralId).executeTakeFirst();
  if (sent) return { row: sent, side: 'sender' };
  const received = await inboxScope(trx, actor).where('r.id', '=', referralId).executeTakeFirst();
  // Her consent is asked again on every read: once it no longer covers the scope, the referral is gone.
  if (
    received &&
    (!REFERRAL_OPEN_STATES.includes(received.state as ReferralState) || (await consentCovers(trx, received)))
  )
    return { row: received, side: 'recipient' };
  throw notFound();
}

/** Whether the receiving side's moves are made by this caller: the recipient's answering roles, or the sender for a referral outside Senda. */
export function answersFor(reach: Reach, actor: Pick<Actor, 'role' | 'userId'>): boolean {
  if (reach.row.mode === 'outside') return reach.side === 'sender';
  if (reach.side !== 'recipient') return false;
  return ANSWERING_ROLES.includes(actor.role) || reach.row.assigned_to === actor.userId;
}

export function requireAnswering(reach: Reach, actor: Pick<Actor, 'role' | 'userId'>): void {
  if (!answersFor(reach, actor)) throw forbidden();
}

export function requireSender(reach: Reach): void {
  if (reach.side !== 'sender') throw forbidden();
}

export function canReadAccessLog(reach: Reach, actor: Pick<Actor, 'role'>): boolean {
  return reach.side === 'sender' && LOG_READERS.includes(actor.role);
}
