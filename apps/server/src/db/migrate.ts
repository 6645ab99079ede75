import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_procedures.js';
import * as m0003 from './migrations/0003_calendar_feeds.js';
import * as m0004 from './migrations/0004_notifications.js';
import * as m0005 from './migrations/0005_deadline_rules.js';
import * as m0006 from './migrations/0006_incidents.js';
import * as m0007 from './migrations/0007_documents.js';
import * as m0008 from './migrations/0008_consents.js';
import * as m0009 from './migrations/0009_risk.js';
import * as m0010 from './migrations/0010_care.js';
import * as m0011 from './migrations/0011_directory.js';
import * as m0012 from './migrations/0012_referrals.js';
import * as m0013 from './migrations/0013_statistics.js';
import * as m0014 from './migrations/0014_workshops.js';
import * as m0015 from './migrations/0015_releases.js';
import * as m0016 from './migrations/0016_statistics_indexes.js';
import * as m0017 from './migrations/0017_networks.js';

/** One migration history for both dialects, compiled into the server (no file-system lookup). */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_procedures': m0002,
  '0003_calendar_feeds': m0003,
  '0004_notifications': m0004,
  '0005_deadline_rules': m0005,
  '0006_incidents': m0006,
  '0007_documents': m0007,
  '0008_consents': m0008,
  '0009_risk': m0009,
  '0010_care': m0010,
  '0011_directory': m0011,
  '0012_referrals': m0012,
  '0013_statistics': m0013,
  '0014_workshops': m0014,
  '0015_releases': m0015,
  '0016_statistics_indexes': m0016,
  '0017_networks': m0017,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
