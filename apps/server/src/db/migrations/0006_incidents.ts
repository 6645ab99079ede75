import type { Kysely } from 'kysely';

/**
 * A case's violence history. Structured facts in columns (the statistics
 * will count them); the two lists as JSON arrays of enumeration codes; the
 * narrative sealed (AES-256-GCM, the incident id as associated data).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('state', 'text')
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('modality', 'text')
    .addColumn('gbv_type', 'text', (c) => c.notNull())
    .addColumn('perpetrator', 'text', (c) => c.notNull())
    .addColumn('perpetrator_count', 'integer')
    .addColumn('reported', 'text', (c) => c.notNull())
    .addColumn('reported_to', 'text', (c) => c.notNull())
    .addColumn('reported_to_detail', 'text', (c) => c.notNull())
    .addColumn('narrative_enc', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_incidents_case_idx')
    .on('case_incidents')
    .columns(['case_id', 'from_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_incidents').execute();
}
