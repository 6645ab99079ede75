import type { Kysely } from 'kysely';

/**
 * Releases of figures that leave the organization: prepared by one
 * coordinator or admin, approved or returned by another, frozen once
 * computed. `figures` holds the published figures (JSON of the statistics
 * view, with the ε spent per table in differential-privacy mode): aggregates
 * only, never a case. A decision's comment is a short reason, not personal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    /** JSON of the statistics filters. */
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    /** standard or differential_privacy. */
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('epsilon', 'real')
    /** pending, approved, returned or withdrawn. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('figures_at', 'text', (c) => c.notNull())
    .addColumn('prepared_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stat_releases_org_prepared_idx')
    .on('stat_releases')
    .columns(['org_id', 'prepared_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_releases').execute();
}
