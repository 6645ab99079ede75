import type { Kysely } from 'kysely';

/**
 * Risk assessments of a case (answers and levels in clear, so the level can be
 * counted; the assessor's reason, notes and the safety plan sealed), and the
 * case's current level (its newest assessment's) for the case list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('computed_level', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('override_level', 'text')
    .addColumn('override_reason_enc', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('notes_enc', 'text', (c) => c.notNull())
    .addColumn('safety_plan_enc', 'text')
    .addColumn('assessed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_risk_assessments_case_idx')
    .on('case_risk_assessments')
    .columns(['case_id', 'assessed_on', 'created_at'])
    .execute();
  await db.schema.alterTable('cases').addColumn('risk_level', 'text').execute();
  await db.schema.createIndex('cases_org_risk_idx').on('cases').columns(['org_id', 'risk_level']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_org_risk_idx').execute();
  await db.schema.alterTable('cases').dropColumn('risk_level').execute();
  await db.schema.dropTable('case_risk_assessments').execute();
}
