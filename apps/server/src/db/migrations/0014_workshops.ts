import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Workshops and community activities of an organization, the count of the
 * people who came (by gender, age band and nationality: one row per
 * combination, never a name), and the files kept with them (programme,
 * presentation). Nothing here is personal data; the statistics read these
 * tables directly, so their names and columns are part of that contract.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    /** workshop or outreach. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('other_topic', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    /** JSON array of the names of the other organizations that facilitated it. */
    .addColumn('co_facilitators', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  // The list (newest first, by period) and the statistics (by period) walk this index.
  await db.schema
    .createIndex('workshops_org_held_idx')
    .on('workshops')
    .columns(['org_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('workshop_participants')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_participants_pk', ['workshop_id', 'gender', 'age_band', 'nationality'])
    .execute();

  await db.schema
    .createTable('workshop_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workshop_materials_workshop_idx')
    .on('workshop_materials')
    .columns(['workshop_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workshop_materials').execute();
  await db.schema.dropTable('workshop_participants').execute();
  await db.schema.dropTable('workshops').execute();
}
