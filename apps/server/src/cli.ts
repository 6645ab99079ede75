/**
 * Administration from the command line:
 *   senda migrate
 *   senda org create --name "…" --prefix IMU
 *   senda user create --org IMU --email … --name … --role lawyer [--password …]
 *   senda user reset-password --email … [--password …]
 *   senda audit verify
 *   senda reminders run [--digest]
 */
import { Command } from 'commander';
import { ROLES, UI_LOCALES, type Role, type UiLocale } from '@senda/domain';
import { verifyAudit, writeAudit } from './audit/audit.js';
import { loadConfig } from './config.js';
import { databaseOptionsFromConfig, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { AppError } from './http/errors.js';
import { createOrganization, generatePassword } from './modules/organizations/service.js';
import { createUser, setPassword } from './modules/users/service.js';
import { openContext } from './startup.js';
import { createReminders, sendDigests } from './modules/reminders/run.js';
import { referralSweep } from './modules/referrals/sweep.js';
import { smtpMailer } from './modules/reminders/scheduler.js';

const program = new Command('senda').description('Senda administration');

async function withContext<T>(fn: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

program
  .command('migrate')
  .description('run pending database migrations')
  .action(async () => {
    const handle = openDatabase(databaseOptionsFromConfig(loadConfig()));
    try {
      const applied = await migrateToLatest(handle.db, handle.schema);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await handle.close();
    }
  });

const org = program.command('org').description('organizations');
org
  .command('create')
  .requiredOption('--name <name>', 'organization name')
  .requiredOption('--prefix <prefix>', 'case code prefix, 2 to 6 capital letters')
  .action((opts: { name: string; prefix: string }) =>
    withContext(async (ctx) => {
      const id = await ctx.db
        .transaction()
        .execute((trx) => createOrganization(ctx, trx, opts.name, opts.prefix));
      console.log(`Organization created: ${opts.prefix} (${id})`);
    }),
  );

const user = program.command('user').description('people who work in an organization');
user
  .command('create')
  .requiredOption('--org <prefix>', 'case prefix of her organization')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', ROLES.join(' | '))
  .option('--locale <locale>', UI_LOCALES.join(' | '), 'es')
  .option('--password <password>', 'initial password (generated when omitted)')
  .action(
    (opts: { org: string; email: string; name: string; role: string; locale: string; password?: string }) =>
      withContext(async (ctx) => {
        if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`Unknown role: ${opts.role}`);
        if (!(UI_LOCALES as readonly string[]).includes(opts.locale))
          throw new Error(`Unknown locale: ${opts.locale}`);
        const organization = await ctx.db
          .selectFrom('organizations')
          .select('id')
          .where('case_prefix', '=', opts.org)
          .executeTakeFirst();
        if (!organization) throw new Error(`No organization with prefix ${opts.org}`);
        const password = opts.password ?? generatePassword();
        await ctx.db.transaction().execute(async (trx) => {
          const id = await createUser(trx, {
            orgId: organization.id,
            email: opts.email,
            displayName: opts.name,
            role: opts.role as Role,
            locale: opts.locale as UiLocale,
            password,
          });
          await writeAudit(trx, ctx.dialect, {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            actorId: null,
            orgId: organization.id,
            fields: ['email', 'displayName', 'role', 'locale', 'password'],
          });
        });
        console.log(
          `User created: ${opts.email}${opts.password ? '' : `\nPassword (shown once): ${password}`}`,
        );
      }),
  );
user
  .command('installation-admin')
  .description(
    "make an admin an admin of the whole installation (manages every organization's directory entries)",
  )
  .requiredOption('--email <email>')
  .option('--revoke', 'take it away again')
  .action((opts: { email: string; revoke?: boolean }) =>
    withContext(async (ctx) => {
      const found = await ctx.db
        .selectFrom('users')
        .select(['id', 'org_id', 'role'])
        .where('email', '=', opts.email.trim().toLowerCase())
        .executeTakeFirst();
      if (!found) throw new Error(`No user with e-mail ${opts.email}`);
      if (found.role !== 'admin' && !opts.revoke)
        throw new Error('Only an admin can be an admin of the installation');
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ installation_admin: opts.revoke ? 0 : 1, updated_at: new Date().toISOString() })
          .where('id', '=', found.id)
          .execute();
        await writeAudit(trx, ctx.dialect, {
          action: 'user.update',
          entityType: 'user',
          entityId: found.id,
          actorId: null,
          orgId: found.org_id,
          fields: ['installationAdmin'],
        });
      });
      console.log(
        opts.revoke
          ? `${opts.email} is no longer an installation admin.`
          : `${opts.email} is now an installation admin.`,
      );
    }),
  );
user
  .command('reset-password')
  .requiredOption('--email <email>')
  .option('--password <password>', 'new password (generated when omitted)')
  .action((opts: { email: string; password?: string }) =>
    withContext(async (ctx) => {
      const found = await ctx.db
        .selectFrom('users')
        .select(['id', 'org_id'])
        .where('email', '=', opts.email.trim().toLowerCase())
        .executeTakeFirst();
      if (!found) throw new Error('No account with this e-mail');
      const password = opts.password ?? generatePassword();
      await ctx.db.transaction().execute(async (trx) => {
        await setPassword(trx, found.id, password);
        await writeAudit(trx, ctx.dialect, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: found.id,
          actorId: null,
          orgId: found.org_id,
          fields: ['password'],
        });
      });
      console.log(
        `Password reset; all sessions of this account ended.${opts.password ? '' : `\nNew password (shown once): ${password}`}`,
      );
    }),
  );

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('check the hash chain; exits 1 naming the first bad entry')
  .action(() =>
    withContext(async (ctx) => {
      const result = await verifyAudit(ctx.db);
      if (result.ok) {
        console.log(`Audit log intact: ${result.checked} entries checked.`);
      } else {
        console.error(
          `Audit log broken at entry ${result.firstBad?.seq}: ${result.firstBad?.reason} (${result.checked} entries before it are intact).`,
        );
        process.exitCode = 1;
      }
    }),
  );

const reminders = program.command('reminders').description('deadline reminders');
reminders
  .command('run')
  .description(
    'create the reminders due now (the server does this every 15 minutes); --digest also e-mails today’s digests',
  )
  .option('--digest', 'send the daily e-mail digests now (needs SENDA_SMTP_URL)')
  .action((opts: { digest?: boolean }) =>
    withContext(async (ctx) => {
      const created = await createReminders(ctx);
      console.log(`Reminders created: ${created}.`);
      const referrals = await referralSweep(ctx);
      console.log(
        `Referrals revoked: ${referrals.revoked}, expired: ${referrals.expired}, overdue notices: ${referrals.reminded}.`,
      );
      if (!opts.digest) return;
      const { smtpUrl, mailFrom } = ctx.config.reminders;
      if (!smtpUrl) throw new Error('SENDA_SMTP_URL is not set: no digest can be sent.');
      const sent = await sendDigests(ctx, smtpMailer(smtpUrl, mailFrom));
      console.log(`Digests sent: ${sent}.`);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(
      `${error.message}${error.fields ? ': ' + error.fields.map((f) => `${f.path} ${f.code}`).join(', ') : ''}`,
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
