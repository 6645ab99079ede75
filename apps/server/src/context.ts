import type { Role } from '@senda/domain';
import type { Config } from './config.js';
import type { FieldCipher } from './crypto/keys.js';
import type { Db, DialectName } from './db/database.js';

/** What every endpoint and service receives: configuration, database, cipher. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: DialectName;
  cipher: FieldCipher;
}

/** The signed-in person making the request. */
export interface Actor {
  userId: string;
  orgId: string;
  role: Role;
  /** An admin of the whole installation: manages every organization's directory entries. */
  installationAdmin: boolean;
  displayName: string;
  sessionHash: string;
  csrfToken: string;
  ip: string;
}

/** Run `fn` in one transaction: the act and its audit entry commit together. */
export function inTransaction<T>(ctx: AppContext, fn: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}

export const nowIso = () => new Date().toISOString();
