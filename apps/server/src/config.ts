import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  SENDA_DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  SENDA_MASTER_KEY: z.string().optional(),
  SENDA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SENDA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SENDA_TRUST_PROXY: bool.default(false),
  SENDA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SENDA_WEB_DIR: z.string().optional(),
  SENDA_ORG_NAME: z.string().min(1).max(200).default('Mi organización'),
  SENDA_ORG_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,6}$/)
    .default('ORG'),
  SENDA_ADMIN_EMAIL: z.email().optional(),
  SENDA_ADMIN_PASSWORD: z.string().min(12).optional(),
  SENDA_ADMIN_NAME: z.string().min(1).max(100).default('Admin'),
  SENDA_LOGIN_MAX_FAILURES_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SENDA_LOGIN_MAX_FAILURES_ADDRESS: z.coerce.number().int().min(1).default(30),
  SENDA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SENDA_REMINDER_LEAD_DAYS: z
    .string()
    .regex(/^\d{1,2}(,\d{1,2})*$/)
    .default('5,2,0'),
  SENDA_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  SENDA_SMTP_URL: z.string().startsWith('smtp').optional(),
  SENDA_MAIL_FROM: z.string().default('Senda <no-reply@localhost>'),
  SENDA_JOBS: bool.default(true),
  /** The largest document that may be uploaded, in MB. */
  SENDA_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  logLevel: string;
  webDir: string | undefined;
  /** Documents: the largest upload, in bytes. */
  maxUploadBytes: number;
  bootstrap: {
    orgName: string;
    orgPrefix: string;
    adminEmail: string | undefined;
    adminPassword: string | undefined;
    adminName: string;
  };
  login: { maxFailuresAccount: number; maxFailuresAddress: number; lockMinutes: number };
  reminders: {
    leadDays: number[];
    digestHour: number;
    smtpUrl: string | undefined;
    mailFrom: string;
    jobs: boolean;
  };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.SENDA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    masterKey: e.SENDA_MASTER_KEY,
    sessionIdleMinutes: e.SENDA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SENDA_SESSION_MAX_HOURS,
    trustProxy: e.SENDA_TRUST_PROXY,
    logLevel: e.SENDA_LOG_LEVEL,
    webDir: e.SENDA_WEB_DIR,
    bootstrap: {
      orgName: e.SENDA_ORG_NAME,
      orgPrefix: e.SENDA_ORG_PREFIX,
      adminEmail: e.SENDA_ADMIN_EMAIL,
      adminPassword: e.SENDA_ADMIN_PASSWORD,
      adminName: e.SENDA_ADMIN_NAME,
    },
    login: {
      maxFailuresAccount: e.SENDA_LOGIN_MAX_FAILURES_ACCOUNT,
      maxFailuresAddress: e.SENDA_LOGIN_MAX_FAILURES_ADDRESS,
      lockMinutes: e.SENDA_LOGIN_LOCK_MINUTES,
    },
    maxUploadBytes: e.SENDA_MAX_UPLOAD_MB * 1024 * 1024,
    reminders: {
      leadDays: [...new Set(e.SENDA_REMINDER_LEAD_DAYS.split(',').map(Number))].sort((a, b) => a - b),
      digestHour: e.SENDA_DIGEST_HOUR,
      smtpUrl: e.SENDA_SMTP_URL,
      mailFrom: e.SENDA_MAIL_FROM,
      jobs: e.SENDA_JOBS,
    },
  };
}
