import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { bootstrapIfEmpty } from './modules/organizations/service.js';
import { startReminderJobs } from './modules/reminders/scheduler.js';
import { openContext } from './startup.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const ctx = await openContext(config);
  const first = await bootstrapIfEmpty(ctx);
  if (first) {
    const lines = [
      '',
      '  Senda is set up. First administrator account:',
      `    e-mail:   ${first.email}`,
      first.generated ? `    password: ${first.password}` : '    password: the one in SENDA_ADMIN_PASSWORD',
      first.generated
        ? '  This password is shown only once: write it down, then change it after signing in.'
        : '',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  const app = await buildApp(ctx);
  const stopJobs = config.reminders.jobs ? startReminderJobs(ctx, app.log) : () => undefined;
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  process.stdout.write(`Senda is running on http://${shown}:${config.port} (database: ${ctx.dialect})\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
