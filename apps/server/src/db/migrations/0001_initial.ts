import type { Kysely } from 'kysely';

/** The foundation: organizations, users, sessions, keys, cases, notes, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('case_prefix', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').columns(['org_id', 'display_name']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_counters')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closure_reason', 'text')
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_names', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('estimated_age', 'integer')
    .addColumn('gender_identity', 'text', (c) => c.notNull())
    .addColumn('nationalities', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('needs_interpreter', 'integer', (c) => c.notNull())
    .addColumn('entry_date', 'text')
    .addColumn('entry_place', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('contact_method', 'text')
    .addColumn('contact_details_enc', 'text')
    .addColumn('may_leave_message', 'integer', (c) => c.notNull())
    .addColumn('pregnant', 'integer', (c) => c.notNull())
    .addColumn('disability', 'integer', (c) => c.notNull())
    .addColumn('indigenous', 'integer', (c) => c.notNull())
    .addColumn('lgbtiq', 'integer', (c) => c.notNull())
    .addColumn('vulnerabilities', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('referral_source', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_org_activity_idx')
    .on('cases')
    .columns(['org_id', 'last_activity_at', 'id'])
    .execute();
  await db.schema.createIndex('cases_org_state_idx').on('cases').columns(['org_id', 'state']).execute();

  await db.schema
    .createTable('case_nationalities')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_nationalities_pk', ['case_id', 'country'])
    .execute();
  await db.schema
    .createIndex('case_nationalities_country_idx')
    .on('case_nationalities')
    .columns(['country', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_name_tokens')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_name_tokens_pk', ['case_id', 'token'])
    .execute();
  await db.schema
    .createIndex('case_name_tokens_org_token_idx')
    .on('case_name_tokens')
    .columns(['org_id', 'token', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_names', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('estimated_age', 'integer')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_members_case_idx').on('case_members').column('case_id').execute();

  await db.schema
    .createTable('case_assignments')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role_on_case', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_assignments_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('case_assignments_user_idx')
    .on('case_assignments')
    .columns(['user_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('note_class', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_notes_case_idx')
    .on('case_notes')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('case_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('before_enc', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_versions_case_idx')
    .on('case_versions')
    .columns(['case_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('org_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_case_idx').on('audit_log').columns(['case_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'case_versions',
    'case_notes',
    'case_assignments',
    'case_members',
    'case_name_tokens',
    'case_nationalities',
    'cases',
    'case_counters',
    'data_keys',
    'auth_throttle',
    'sessions',
    'users',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
