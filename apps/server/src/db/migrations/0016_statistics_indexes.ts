import type { Kysely } from 'kysely';

/**
 * Statistics that combine filters (a state and a nationality…) are counted
 * from the facts themselves: these indexes let both databases read only the
 * matching cases, in case-id order, instead of walking every case of the
 * organization (bench/statistics.ts measured 4.1 s p50 for a state and a
 * nationality over 1,000,000 cases without them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['state', 'nationality', 'age_band']) {
    await db.schema
      .createIndex(`stat_facts_${column}_idx`)
      .on('stat_facts')
      .columns(['org_id', column, 'case_id'])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['state', 'nationality', 'age_band']) {
    await db.schema.dropIndex(`stat_facts_${column}_idx`).execute();
  }
}
