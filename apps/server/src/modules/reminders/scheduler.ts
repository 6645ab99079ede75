/**
 * The reminder job inside the server: every 15 minutes it creates due
 * reminders; every day at the digest hour (Mexico City) it e-mails digests
 * when SMTP is configured. Restarts are harmless: both steps are idempotent.
 */
import { Cron } from 'croner';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../context.js';
import { referralSweep } from '../referrals/sweep.js';
import { buildCube, staleCubes } from '../statistics/cube.js';
import { refreshFacts } from '../statistics/refresh.js';
import { createReminders, sendDigests, type Mailer } from './run.js';

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}

export function startReminderJobs(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const { smtpUrl, mailFrom, digestHour } = ctx.config.reminders;
  const mailer = smtpUrl ? smtpMailer(smtpUrl, mailFrom) : null;
  const remind = async () => {
    try {
      const created = await createReminders(ctx);
      if (created) log.info({ created }, 'deadline reminders created');
      const referrals = await referralSweep(ctx, undefined, log);
      if (referrals.revoked || referrals.expired || referrals.reminded)
        log.info(referrals, 'referrals swept');
      // Statistics count what changed since the last run (a page request counts at most a few thousand itself).
      const facts = await refreshFacts(ctx.db);
      if (facts.refreshed) log.info({ refreshed: facts.refreshed }, 'statistics facts refreshed');
      for (const orgId of await staleCubes(ctx.db)) await buildCube(ctx.db, orgId);
    } catch (error) {
      log.error({ err: error instanceof Error ? { message: error.message } : {} }, 'reminder job failed');
    }
  };
  const digest = async () => {
    if (!mailer) return;
    try {
      await createReminders(ctx);
      const sent = await sendDigests(ctx, mailer);
      if (sent) log.info({ sent }, 'reminder digests sent');
    } catch (error) {
      log.error({ err: error instanceof Error ? { message: error.message } : {} }, 'digest job failed');
    }
  };
  const jobs = [
    new Cron('*/15 * * * *', { protect: true, timezone: 'America/Mexico_City' }, remind),
    new Cron(`0 ${digestHour} * * *`, { protect: true, timezone: 'America/Mexico_City' }, digest),
  ];
  void remind();
  return () => {
    for (const job of jobs) job.stop();
  };
}
