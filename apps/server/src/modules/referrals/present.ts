/** Referral rows as the API shows them, to either side. */
import type { FastifyBaseLogger } from 'fastify';
import {
  UI_LOCALES,
  referralFlags,
  todayInMexico,
  type ReferralState,
  type ReferralSummaryView,
  type ReferralView,
} from '@senda/domain';
import type { Actor, AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { ReferralsTable } from '../../db/schema.js';
import { jsonList } from '../cases/presenter.js';
import {
  ANSWERING_ROLES,
  answersFor,
  canReadAccessLog,
  consentCovers,
  referralRows,
  scopeOf,
  type Reach,
  type Side,
} from './access.js';
import { sharedData } from './shared.js';

export const referralAad = (table: string, id: string, column: string) => `${table}:${column}:${id}`;

export function sealText(ctx: AppContext, table: string, id: string, column: string, value: string): string {
  return ctx.cipher.encrypt(value, referralAad(table, id, column));
}

export async function openText(
  ctx: AppContext,
  log: FastifyBaseLogger,
  table: string,
  id: string,
  column: string,
  value: string,
): Promise<string> {
  try {
    return await ctx.cipher.decrypt(value, referralAad(table, id, column));
  } catch {
    log.error({ table, id }, 'a sealed referral text could not be decrypted');
    return '';
  }
}

type Row = ReferralsTable & { from_name: string; case_code: string | null; assignee: string | null };

export function presentSummary(row: Row, side: Side, today: string = todayInMexico()): ReferralSummaryView {
  return {
    id: row.id,
    code: row.code,
    state: row.state as ReferralState,
    mode: row.mode as ReferralSummaryView['mode'],
    urgency: row.urgency as ReferralSummaryView['urgency'],
    needDomain: row.need_domain as ReferralSummaryView['needDomain'],
    service: { id: row.service_id, name: row.service_name },
    from: { name: row.from_name },
    to: { name: row.to_name },
    side,
    // The receiving side never learns the case's id or code.
    caseId: side === 'sender' ? row.case_id : null,
    caseCode: side === 'sender' ? row.case_code : null,
    sentOn: row.sent_on,
    answerDue: row.answer_due,
    flags: referralFlags(
      {
        state: row.state as ReferralState,
        sentOn: row.sent_on,
        answerDue: row.answer_due,
        lastNewsOn: row.last_news_on,
      },
      today,
    ),
    assignedTo: row.assigned_to && row.assignee ? { id: row.assigned_to, name: row.assignee } : null,
    updatedAt: row.updated_at,
  };
}

async function events(ctx: AppContext, log: FastifyBaseLogger, trx: Db, referralId: string) {
  const rows = await trx
    .selectFrom('referral_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('organizations as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select(['u.display_name as by', 'o.name as organization'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  const out: ReferralView['events'] = [];
  for (const e of rows)
    out.push({
      id: e.id,
      kind: e.kind as ReferralView['events'][number]['kind'],
      state: e.state as ReferralState | null,
      body: e.body_enc ? await openText(ctx, log, 'referral_events', e.id, 'body', e.body_enc) : '',
      side: e.side as ReferralView['events'][number]['side'],
      by: e.by,
      organization: e.organization,
      at: e.created_at,
    });
  return out;
}

async function assignable(trx: Db, orgId: string) {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('active', '=', 1)
    .where('role', '!=', 'analyst')
    .orderBy('display_name')
    .execute();
  return users.map((u) => ({ id: u.id, name: u.display_name }));
}

const SPOKEN = new Set<string>(UI_LOCALES);

/** The whole referral for one caller: shared data only while open and consented. */
export async function presentReferral(
  ctx: AppContext,
  log: FastifyBaseLogger,
  trx: Db,
  actor: Actor,
  reach: Reach,
): Promise<ReferralView> {
  const row = await referralRows(trx).where('r.id', '=', reach.row.id).executeTakeFirstOrThrow();
  const state = row.state as ReferralState;
  const open = state === 'draft' || state === 'sent' || state === 'accepted';
  const holds = await consentCovers(trx, row);
  const survivor = await trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', row.case_id)
    .executeTakeFirstOrThrow();
  const scope = scopeOf(row);
  const shared =
    open && holds ? await sharedData(ctx, log, trx, survivor, scope, jsonList(row.document_ids)) : null;
  const sender = reach.side === 'sender';
  const answering = answersFor(reach, actor);
  const languages = sender ? jsonList<string>(survivor.languages) : [];
  return {
    ...presentSummary(row, reach.side),
    scope,
    message: await openText(ctx, log, 'referrals', row.id, 'message', row.message_enc),
    declineReason: row.decline_reason as ReferralView['declineReason'],
    outcome: row.outcome as ReferralView['outcome'],
    notGivenReason: row.not_given_reason as ReferralView['notGivenReason'],
    shared,
    consentHolds: holds,
    events: await events(ctx, log, trx, row.id),
    can: {
      send: sender && state === 'draft',
      withdraw: sender && (state === 'draft' || state === 'sent' || state === 'accepted'),
      accept: answering && state === 'sent',
      decline: answering && state === 'sent',
      assign:
        reach.side === 'recipient' &&
        ANSWERING_ROLES.includes(actor.role) &&
        (state === 'sent' || state === 'accepted'),
      complete: answering && state === 'accepted',
      message: state === 'sent' || state === 'accepted',
      viewAccessLog: canReadAccessLog(reach, actor),
      letter: sender && row.mode === 'outside',
    },
    herLanguage: languages.find((l) => SPOKEN.has(l)) ?? null,
    assignable: reach.side === 'recipient' && row.to_org_id ? await assignable(trx, row.to_org_id) : [],
    createdAt: row.created_at,
  };
}
