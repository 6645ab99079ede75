/**
 * Sessions live in our database. The cookie holds a random token; the table
 * holds only its SHA-256, so a copy of the database does not let anyone in.
 * Each sign-in issues a new token; sessions end after the idle timeout or the
 * absolute lifetime, at sign-out, and at once when the user is deactivated.
 */
import { ROLES, type Role } from '@senda/domain';
import type { Actor, AppContext } from '../../context.js';
import { randomToken, sha256 } from '../../crypto/keys.js';
import type { Db } from '../../db/database.js';

export const SESSION_COOKIE = 'senda_session';
/** Only touch last_seen_at once a minute, to spare a write per request. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(trx: Db, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(32);
  const now = new Date().toISOString();
  await trx
    .insertInto('sessions')
    .values({
      id_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken };
}

export async function destroySession(trx: Db, sessionHash: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id_hash', '=', sessionHash).execute();
}

export async function destroyUserSessions(trx: Db, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Resolve a cookie token to the signed-in person, or null when missing, expired
 * or deactivated. `touch: false` for a request the app makes on its own
 * (polling for reminders): it does not count as activity, so an unattended
 * screen still reaches the idle timeout.
 */
export async function resolveSession(
  ctx: AppContext,
  token: string,
  ip: string,
  options: { touch: boolean } = { touch: true },
): Promise<Actor | null> {
  const idHash = sha256(token);
  const row = await ctx.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id_hash',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.org_id',
      'u.role',
      'u.display_name',
      'u.active',
      'u.installation_admin',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = Date.parse(row.last_seen_at) + ctx.config.sessionIdleMinutes * 60_000;
  const absoluteLimit = Date.parse(row.created_at) + ctx.config.sessionMaxHours * 3_600_000;
  if (!row.active || now > idleLimit || now > absoluteLimit || !isRole(row.role)) {
    await destroySession(ctx.db, idHash);
    return null;
  }
  if (options.touch && now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return {
    userId: row.user_id,
    orgId: row.org_id,
    role: row.role,
    installationAdmin: row.role === 'admin' && row.installation_admin === 1,
    displayName: row.display_name,
    sessionHash: idHash,
    csrfToken: row.csrf_token,
    ip,
  };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
