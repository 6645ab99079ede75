import type { Kysely } from 'kysely';

/**
 * Statistics (decision 0012): one row of facts per case, derived from the
 * case and its incidents, procedure, needs, family and consents, with the
 * case's permanent random record key for the cell-key noise; the place the
 * refresh has reached; and each organization's disclosure threshold.
 *
 * Facts hold codes, dates and bit masks only: no name, no text she or staff
 * wrote. Bit i of a mask is the i-th code of the domain list named in
 * modules/statistics/facts.ts; FACTS_VERSION there rebuilds every row when a
 * list changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_facts')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('record_key', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** Null: no statistics consent; else the first day one is in force. */
    .addColumn('consent_from', 'text')
    /** The last day covered; null while a consent has no end. */
    .addColumn('consent_until', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('children', 'integer', (c) => c.notNull())
    .addColumn('vulnerabilities', 'integer', (c) => c.notNull())
    /** Bits: any incident, origin, transit, Mexico, institutional violence in Mexico. */
    .addColumn('violence', 'integer', (c) => c.notNull())
    /** Bit phase × 8 + type. */
    .addColumn('violence_types', 'integer', (c) => c.notNull())
    .addColumn('modalities', 'integer', (c) => c.notNull())
    .addColumn('gbv_types', 'integer', (c) => c.notNull())
    /** Bit phase × 10 + perpetrator category. */
    .addColumn('perpetrators', 'integer', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('outcome', 'text')
    /** Business days (COMAR's calendar) from filing to the decision. */
    .addColumn('decision_days', 'integer')
    .addColumn('revision_filed_on', 'text')
    .addColumn('revision_decided_on', 'text')
    .addColumn('revision_outcome', 'text')
    /** Needs as "domain:status" codes joined by commas (one per need). */
    .addColumn('needs', 'text', (c) => c.notNull())
    /** Referrals sent, "YYYY-MM:flags:days" joined by commas (flags a accepted, d declined, c completed, g service given). */
    .addColumn('referrals', 'text', (c) => c.notNull())
    .addColumn('refreshed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stat_facts_org_idx')
    .on('stat_facts')
    .columns(['org_id', 'opened_on'])
    .execute();
  await db.schema.createIndex('stat_facts_stale_idx').on('stat_facts').columns(['refreshed_at']).execute();
  // The refresh walks cases by their last activity, and referrals by their last change, across organizations.
  await db.schema.createIndex('cases_activity_idx').on('cases').columns(['last_activity_at', 'id']).execute();
  await db.schema.createIndex('referrals_updated_idx').on('referrals').columns(['updated_at']).execute();

  /**
   * The facts of an organization summed by month (decision 0012): for each
   * filter (all, one state, one nationality, one age band), month and kind —
   * cases opened that month, cases closed that month, acts of that month —
   * the count and key sum of every cell, as JSON. A period's figures are sums
   * of a few hundred rows instead of a pass over every case.
   */
  await db.schema
    .createTable('stat_cube')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('filter_key', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_cube_pk', ['org_id', 'filter_key', 'month', 'kind'])
    .execute();

  await db.schema
    .createTable('stat_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stat_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_settings').execute();
  await db.schema.dropTable('stat_cube').execute();
  await db.schema.dropIndex('referrals_updated_idx').execute();
  await db.schema.dropTable('stat_state').execute();
  await db.schema.dropIndex('cases_activity_idx').execute();
  await db.schema.dropTable('stat_facts').execute();
}
