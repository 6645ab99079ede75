import type { Kysely } from 'kysely';

/**
 * Networks that organizations opt in to share aggregates with (decision
 * 0013). A member shares the months from `since_month` through
 * `until_month` (null while it is a member); leaving sets `until_month` to the
 * month before it left, and a network's figures show only months that are
 * over, so a month's contributors are settled before anyone sees it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stat_networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** The name in lower case: two networks are never named alike. */
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stat_network_members')
    .addColumn('network_id', 'text', (c) => c.notNull().references('stat_networks.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    /** YYYY-MM: the first month shared. */
    .addColumn('since_month', 'text', (c) => c.notNull())
    /** YYYY-MM: the last month shared; null while a member. */
    .addColumn('until_month', 'text')
    .addColumn('joined_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_by', 'text', (c) => c.references('users.id'))
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('stat_network_members_pk', ['network_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('stat_network_members_org_idx')
    .on('stat_network_members')
    .column('org_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_network_members').execute();
  await db.schema.dropTable('stat_networks').execute();
}
