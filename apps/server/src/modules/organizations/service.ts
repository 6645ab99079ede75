import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { ORG_PREFIX_PATTERN } from '@senda/domain';
import { writeAudit } from '../../audit/audit.js';
import { nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { conflict, invalid } from '../../http/errors.js';
import { createUser } from '../users/service.js';

export async function createOrganization(
  ctx: AppContext,
  trx: Db,
  name: string,
  prefix: string,
): Promise<string> {
  if (!ORG_PREFIX_PATTERN.test(prefix)) throw invalid([{ path: 'casePrefix', code: 'invalid' }]);
  const taken = await trx
    .selectFrom('organizations')
    .select('id')
    .where('case_prefix', '=', prefix)
    .executeTakeFirst();
  if (taken) throw conflict('This case prefix is already used');
  const id = uuidv7();
  await trx
    .insertInto('organizations')
    .values({ id, name, case_prefix: prefix, created_at: nowIso() })
    .execute();
  await writeAudit(trx, ctx.dialect, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: id,
    actorId: null,
    orgId: id,
    fields: ['name', 'casePrefix'],
  });
  return id;
}

/** A password of 20 characters from an unambiguous alphabet (~115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * On the very first start, create the first organization and its admin.
 * Returns the credentials to print once, or null when already set up.
 */
export async function bootstrapIfEmpty(
  ctx: AppContext,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
    if (any) return null;
    const b = ctx.config.bootstrap;
    const orgId = await createOrganization(ctx, trx, b.orgName, b.orgPrefix);
    const email = (b.adminEmail ?? 'admin@senda.local').toLowerCase();
    const password = b.adminPassword ?? generatePassword();
    const userId = await createUser(trx, {
      orgId,
      email,
      displayName: b.adminName,
      role: 'admin',
      locale: 'es',
      password,
      installationAdmin: true,
    });
    await writeAudit(trx, ctx.dialect, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      actorId: null,
      orgId,
      fields: ['email', 'displayName', 'role', 'locale', 'password'],
    });
    return { email, password, generated: b.adminPassword === undefined };
  });
}
