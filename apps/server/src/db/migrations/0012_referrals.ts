import type { Kysely } from 'kysely';

/**
 * The installation's admins (a flag on users), and referrals from a case need to a directory service, their thread of state
 * changes and messages (bodies sealed), and the in-app notices each side gets
 * (referral code only, one per person and event, unique so that several
 * server instances create each once).
 *
 * A referral keeps copies of the need's domain, the service's and the
 * organization's names: the directory may change or lose them later, the
 * record of what was sent stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // An admin of the installation manages every organization's directory entries.
  await db.schema
    .alterTable('users')
    .addColumn('installation_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('need_domain', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('to_dir_org_id', 'text', (c) => c.notNull().references('dir_organizations.id'))
    /** The receiving Senda organization; null for a referral outside Senda. */
    .addColumn('to_org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    /** JSON array of REFERRAL_SHARES. */
    .addColumn('scope', 'text', (c) => c.notNull())
    /** JSON array of the case documents shared. */
    .addColumn('document_ids', 'text', (c) => c.notNull())
    .addColumn('message_enc', 'text', (c) => c.notNull())
    .addColumn('response_days', 'integer', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('answer_due', 'text')
    .addColumn('last_news_on', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text', (c) => c.references('users.id'))
    .addColumn('decline_reason', 'text')
    .addColumn('outcome', 'text')
    .addColumn('not_given_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_case_idx').on('referrals').column('case_id').execute();
  await db.schema.createIndex('referrals_to_idx').on('referrals').columns(['to_org_id', 'state']).execute();
  await db.schema
    .createIndex('referrals_from_idx')
    .on('referrals')
    .columns(['from_org_id', 'state'])
    .execute();
  // Inbox and dashboard pages, newest first: walked in order and stopped at the page's end.
  await db.schema
    .createIndex('referrals_to_updated_idx')
    .on('referrals')
    .columns(['to_org_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('referrals_from_updated_idx')
    .on('referrals')
    .columns(['from_org_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    /** state, message or assigned. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referral_events_referral_idx')
    .on('referral_events')
    .columns(['referral_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('referral_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('referral_code', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    /** The day it went out in the e-mail digest (null: not yet). */
    .addColumn('digest_day', 'text')
    .execute();
  await db.schema
    .createIndex('referral_notices_user_idx')
    .on('referral_notices')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('referral_notices').execute();
  await db.schema.dropTable('referral_events').execute();
  await db.schema.dropTable('referrals').execute();
  await db.schema.alterTable('users').dropColumn('installation_admin').execute();
}
