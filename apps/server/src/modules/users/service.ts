import { v7 as uuidv7 } from 'uuid';
import type { Role, UiLocale } from '@senda/domain';
import { nowIso } from '../../context.js';
import type { Db } from '../../db/database.js';
import { conflict, invalid } from '../../http/errors.js';
import { hashPassword, passwordProblems } from '../auth/passwords.js';

export interface NewUser {
  orgId: string;
  email: string;
  displayName: string;
  role: Role;
  locale: UiLocale;
  password: string;
  /** An admin of the whole installation (the first admin, or named with the CLI). */
  installationAdmin?: boolean;
}

/** Create a user; the caller audits. Refuses common passwords and a taken e-mail. */
export async function createUser(trx: Db, input: NewUser): Promise<string> {
  const problems = passwordProblems(input.password);
  if (problems.length) throw invalid(problems);
  const email = input.email.trim().toLowerCase();
  const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw conflict('This e-mail already has an account', [{ path: 'email', code: 'email_taken' }]);
  const id = uuidv7();
  const now = nowIso();
  await trx
    .insertInto('users')
    .values({
      id,
      org_id: input.orgId,
      email,
      display_name: input.displayName,
      role: input.role,
      locale: input.locale,
      password_hash: await hashPassword(input.password),
      active: 1,
      created_at: now,
      updated_at: now,
      last_sign_in_at: null,
      installation_admin: input.installationAdmin ? 1 : 0,
    })
    .execute();
  return id;
}

export async function setPassword(trx: Db, userId: string, password: string): Promise<void> {
  const problems = passwordProblems(password);
  if (problems.length) throw invalid(problems);
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
