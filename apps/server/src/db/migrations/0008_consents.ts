import type { Kysely } from 'kysely';

/**
 * Consent records of a case. Names of third people (caregiver, witness) and
 * the withdrawal note are sealed; purpose, scope, dates and the age band that
 * applied are in clear (what depends on consent queries them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('child_assent', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('people_enc', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('case_documents.id').onDelete('set null'))
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawal_note_enc', 'text')
    .addColumn('withdrawal_recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_consents_case_idx')
    .on('case_consents')
    .columns(['case_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_consents').execute();
}
