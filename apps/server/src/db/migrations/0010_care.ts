import type { Kysely } from 'kysely';

/**
 * Needs, the care plan (goals, actions, follow-ups), approval requests (care
 * plan and closure, with a closure's later reopening), tasks, and the privacy
 * notice each woman accepted at intake. Codes, dates and who in clear (they
 * are counted and listed); every text a person wrote is sealed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unmet_reason', 'text')
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('identified_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_needs_case_idx')
    .on('case_needs')
    .columns(['case_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('need_id', 'text', (c) => c.notNull().references('case_needs.id'))
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_goals_case_idx').on('case_goals').column('case_id').execute();
  await db.schema.createIndex('case_goals_need_idx').on('case_goals').column('need_id').execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('case_goals.id'))
    .addColumn('title_enc', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_follow_up_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_actions_case_idx').on('case_actions').column('case_id').execute();
  await db.schema.createIndex('case_actions_goal_idx').on('case_actions').column('goal_id').execute();
  await db.schema
    .createIndex('case_actions_responsible_idx')
    .on('case_actions')
    .columns(['responsible_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('case_actions.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('next_follow_up_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_follow_ups_action_idx')
    .on('case_follow_ups')
    .column('action_id')
    .execute();
  await db.schema.createIndex('case_follow_ups_case_idx').on('case_follow_ups').column('case_id').execute();

  await db.schema
    .createTable('case_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('comment_enc', 'text', (c) => c.notNull())
    .addColumn('plan_version', 'integer')
    .addColumn('closure_reason', 'text')
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment_enc', 'text')
    .addColumn('reopened_by', 'text', (c) => c.references('users.id'))
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason_enc', 'text')
    .execute();
  await db.schema
    .createIndex('case_approvals_case_idx')
    .on('case_approvals')
    .columns(['case_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('case_approvals_org_status_idx')
    .on('case_approvals')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assigned_to', 'status']).execute();
  await db.schema.createIndex('tasks_case_idx').on('tasks').columns(['case_id', 'kind', 'status']).execute();

  await db.schema
    .createTable('case_privacy_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('presented_how', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_privacy_notices_case_idx')
    .on('case_privacy_notices')
    .column('case_id')
    .execute();

  await db.schema
    .alterTable('cases')
    .addColumn('care_plan_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('care_plan_version').execute();
  for (const table of [
    'case_privacy_notices',
    'tasks',
    'case_approvals',
    'case_follow_ups',
    'case_actions',
    'case_goals',
    'case_needs',
  ])
    await db.schema.dropTable(table).execute();
}
