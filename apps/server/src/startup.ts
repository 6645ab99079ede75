import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { FieldCipher, loadMasterKey } from './crypto/keys.js';
import { databaseOptionsFromConfig, openDatabase, type DatabaseOptions } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Open the database, run pending migrations, load the keys. */
export async function openContext(
  config: Config,
  dbOptions: DatabaseOptions = databaseOptionsFromConfig(config),
): Promise<AppContext & { close(): Promise<void> }> {
  const handle = openDatabase(dbOptions);
  try {
    await migrateToLatest(handle.db, handle.schema);
    const cipher = new FieldCipher(handle.db, loadMasterKey(config));
    await cipher.init();
    return { config, db: handle.db, dialect: handle.dialect, cipher, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
