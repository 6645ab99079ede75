/**
 * Failed sign-ins counted per account and per client address in the
 * database, so the limit holds across several server instances. The account
 * key is a hash of the typed e-mail, whether or not the account exists: the
 * answer never tells them apart.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { sha256 } from '../../crypto/keys.js';

export function throttleKeys(email: string, ip: string) {
  return { account: `acct:${sha256(email.trim().toLowerCase())}`, address: `ip:${ip}` };
}

export async function isLocked(ctx: AppContext, keys: string[]): Promise<boolean> {
  const now = new Date().toISOString();
  const row = await ctx.db
    .selectFrom('auth_throttle')
    .select('key')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordFailure(ctx: AppContext, key: string, max: number): Promise<void> {
  const now = new Date();
  const windowMs = ctx.config.login.lockMinutes * 60_000;
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  // Forget failures older than the window, then count this one atomically.
  await ctx.db
    .deleteFrom('auth_throttle')
    .where('key', '=', key)
    .where('window_started_at', '<', windowStart)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();
  await ctx.db
    .insertInto('auth_throttle')
    .values({ key, failures: 1, window_started_at: now.toISOString(), locked_until: null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: sql<number>`auth_throttle.failures + 1` }))
    .execute();
  await ctx.db
    .updateTable('auth_throttle')
    .set({ locked_until: new Date(now.getTime() + windowMs).toISOString() })
    .where('key', '=', key)
    .where('failures', '>=', max)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute();
}

export async function clearFailures(ctx: AppContext, key: string): Promise<void> {
  await ctx.db.deleteFrom('auth_throttle').where('key', '=', key).execute();
}
