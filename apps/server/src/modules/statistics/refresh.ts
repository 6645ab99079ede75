/**
 * Keeping the facts up to date. Every write to a case touches its
 * `last_activity_at`; the refresh walks cases from the place it last reached
 * (kept in stat_state, so several server instances share it), a little
 * earlier to catch transactions that committed late, and recomputes their
 * facts. Rows marked stale (a calendar or deadline rule changed) and rows of
 * an older FACTS_VERSION are recomputed too. Recomputing is idempotent.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { FACTS_VERSION, refreshFactsOf } from './facts.js';

const WATERMARK = 'facts_watermark';
const VERSION = 'facts_version';
const REFERRAL_WATERMARK = 'facts_referrals_watermark';
const BATCH = 500;
const OVERLAP_MS = 2 * 60 * 1000;

async function readState(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('stat_state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function writeState(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('stat_state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Mark an organization's procedure facts for recomputing (its calendar or deadline rules changed). */
export async function markProceduresStale(db: Db, orgId: string): Promise<void> {
  await db
    .updateTable('stat_facts')
    .set({ refreshed_at: '' })
    .where('org_id', '=', orgId)
    .where('filed_on', 'is not', null)
    .execute();
}

export interface RefreshResult {
  refreshed: number;
  /** Whether every change known when it started is now counted. */
  complete: boolean;
}

/** Recompute the facts of changed cases, at most `limit` of them. */
export async function refreshFacts(db: Db, limit = Number.POSITIVE_INFINITY): Promise<RefreshResult> {
  let refreshed = 0;
  if ((await readState(db, VERSION)) !== String(FACTS_VERSION)) {
    await db
      .updateTable('stat_facts')
      .set({ refreshed_at: '' })
      .where('version', '<>', FACTS_VERSION)
      .execute();
    await writeState(db, VERSION, String(FACTS_VERSION));
  }
  // Stale rows first.
  for (;;) {
    if (refreshed >= limit) return { refreshed, complete: false };
    const stale = await db
      .selectFrom('stat_facts')
      .select('case_id')
      .where('refreshed_at', '=', '')
      .limit(BATCH)
      .execute();
    if (!stale.length) break;
    refreshed += await refreshFactsOf(
      db,
      stale.map((r) => r.case_id),
      new Date().toISOString(),
    );
  }
  const mark = await readState(db, WATERMARK);
  const markAt = mark?.split('|')[0] ?? '';
  let at = markAt ? new Date(Date.parse(markAt) - OVERLAP_MS).toISOString() : '';
  let id = '';
  for (;;) {
    if (refreshed >= limit) return { refreshed, complete: false };
    const rows = await db
      .selectFrom('cases')
      .select(['id', 'last_activity_at'])
      // A row-value comparison, so both databases walk the (last_activity_at, id) index.
      .where((eb) => eb(eb.refTuple('last_activity_at', 'id'), '>', eb.tuple(at, id)))
      .orderBy('last_activity_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    refreshed += await refreshFactsOf(
      db,
      rows.map((r) => r.id),
      new Date().toISOString(),
    );
    const last = rows[rows.length - 1] ?? { last_activity_at: at, id };
    at = last.last_activity_at;
    id = last.id;
    await writeState(db, WATERMARK, `${at}|${id}`);
    if (rows.length < BATCH) break;
  }
  // Referrals change without touching their case (the other organization answers).
  const referralMark = await readState(db, REFERRAL_WATERMARK);
  let since = referralMark ? new Date(Date.parse(referralMark) - OVERLAP_MS).toISOString() : '';
  for (;;) {
    if (refreshed >= limit) return { refreshed, complete: false };
    const changed = await db
      .selectFrom('referrals')
      .select(['case_id', 'updated_at'])
      .where('updated_at', '>', since)
      .orderBy('updated_at')
      .limit(BATCH)
      .execute();
    if (!changed.length) break;
    refreshed += await refreshFactsOf(
      db,
      [...new Set(changed.map((r) => r.case_id))],
      new Date().toISOString(),
    );
    const last = changed.at(-1)?.updated_at ?? since;
    await writeState(db, REFERRAL_WATERMARK, last);
    if (changed.length < BATCH || last === since) break;
    since = last;
  }
  return { refreshed, complete: true };
}

/** What waits to be counted, and when the facts were last brought up to date. */
export async function refreshStatus(db: Db): Promise<{ refreshedAt: string | null; pending: number }> {
  const mark = await readState(db, WATERMARK);
  const markAt = mark?.split('|')[0] ?? '';
  const [changed, stale, latest] = await Promise.all([
    db
      .selectFrom('cases')
      .select(sql<number>`count(*)`.as('n'))
      .where('last_activity_at', '>', markAt)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('stat_facts')
      .select(sql<number>`count(*)`.as('n'))
      .where('refreshed_at', '=', '')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('stat_facts')
      .select(sql<string | null>`max(refreshed_at)`.as('at'))
      .executeTakeFirstOrThrow(),
  ]);
  return { refreshedAt: latest.at || null, pending: changed.n + stale.n };
}
