/**
 * Test harness: every test file gets its own fresh database — an in-memory
 * SQLite database, or a new schema in PostgreSQL (SENDA_TEST_DB=postgres,
 * SENDA_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect } from 'vitest';
import { z } from 'zod';
import { CLOSURE_CHECKLIST, ERROR_CODES, FIELD_ERROR_CODES, type Role } from '@senda/domain';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { AppContext } from '../src/context.js';
import type { DatabaseOptions } from '../src/db/database.js';
import { createOrganization } from '../src/modules/organizations/service.js';
import { createUser } from '../src/modules/users/service.js';
import { openContext } from '../src/startup.js';

export const TEST_DB = process.env.SENDA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const PG_URL = process.env.SENDA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PASSWORD = 'correct horse battery staple';

export interface TestEnv {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  /** How to open the same database again (a second server instance on PostgreSQL). */
  dbOptions: DatabaseOptions;
  close(): Promise<void>;
}

export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  const base = loadConfig({
    SENDA_DATA_DIR: path.join(os.tmpdir(), `senda-test-${crypto.randomUUID()}`),
    SENDA_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    SENDA_LOG_LEVEL: 'silent',
    SENDA_WEB_DIR: path.join(os.tmpdir(), 'senda-no-web'),
  });
  const config = { ...base, ...overrides };
  let schema: string | null = null;
  let dbOptions: DatabaseOptions;
  if (TEST_DB === 'postgres') {
    schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    dbOptions = { kind: 'postgres', url: PG_URL, schema, poolSize: 4 };
  } else {
    dbOptions = { kind: 'sqlite', file: ':memory:' };
  }
  const dropSchema = async () => {
    if (!schema) return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  };
  let ctx: Awaited<ReturnType<typeof openContext>>;
  try {
    ctx = await openContext(config, dbOptions);
  } catch (error) {
    await dropSchema();
    throw error;
  }
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    config,
    dbOptions,
    close: async () => {
      await app.close();
      await ctx.close();
      await dropSchema();
    },
  };
}

export async function addOrganization(env: TestEnv, name: string, prefix: string): Promise<string> {
  return env.ctx.db.transaction().execute((trx) => createOrganization(env.ctx, trx, name, prefix));
}

export async function addUser(
  env: TestEnv,
  orgId: string,
  role: Role,
  email: string,
  password = PASSWORD,
): Promise<string> {
  return env.ctx.db.transaction().execute((trx) =>
    createUser(trx, {
      orgId,
      email,
      displayName: `${role} ${email.split('@')[0] ?? ''}`,
      role,
      locale: 'es',
      password,
    }),
  );
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

/** Sign in through the API, as the web app does. */
export async function signIn(env: TestEnv, email: string, password = PASSWORD): Promise<Session> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'senda_session');
  if (!setCookie) throw new Error('no session cookie');
  const body = res.json<{ csrfToken: string; user: { id: string } }>();
  return { cookie: `senda_session=${setCookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as a signed-in person (or anonymous with `null`), with the CSRF header on writes. */
export function request(
  env: TestEnv,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return env.app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A multipart/form-data body, as a browser sends it (fields, then at most one file named `file`). */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = `----senda${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A minimal valid intake. */
export function intake(overrides: Record<string, unknown> = {}) {
  return {
    givenNames: 'María José',
    familyNames: 'Pérez López',
    birthDate: '1994-03-12',
    nationalities: ['HN'],
    languages: ['es'],
    state: '07',
    municipality: 'Tapachula',
    contactMethod: 'whatsapp',
    contactDetails: '+52 962 000 0000',
    mayLeaveMessage: false,
    familyMembers: [
      { relationship: 'daughter', givenNames: 'Ana', familyNames: 'Pérez', estimatedAge: 6, sex: 'female' },
    ],
    privacyNotice: { language: 'es', presentedHow: 'read_to_her', accepted: true, acceptedOn: '2026-01-10' },
    ...overrides,
  };
}

/** The one error shape of the API: `{ error: { code, message, fields? } }` and nothing else. */
const errorShape = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z
      .array(
        z.strictObject({
          path: z.string(),
          code: z.enum(FIELD_ERROR_CODES),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof errorShape>['error'];

/** Parse an error answer, failing when it has any other shape, an unknown code, or a stack trace. */
export function apiError(res: LightMyRequestResponse): ApiError {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).not.toMatch(/\bat .+\.[jt]s:\d+|node_modules|"stack"/);
  const parsed = errorShape.safeParse(JSON.parse(res.body));
  if (!parsed.success) throw new Error(`not the API error shape: ${res.statusCode} ${res.body}`);
  return parsed.data.error;
}

/** A UUID that names nothing. */
export const unknownId = () => crypto.randomUUID();

/** The value, or a failed test when it is missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** Every closure checklist item confirmed. */
export const fullChecklist = Object.fromEntries(CLOSURE_CHECKLIST.map((item) => [item, true]));

/** Close a case the way the clinic does: one person asks, a coordinator (or admin) approves. */
export async function closeCase(
  env: TestEnv,
  requester: Session,
  decider: Session,
  caseId: string,
  reason = 'moved_away',
): Promise<void> {
  const asked = await request(env, requester, 'POST', `/api/v1/cases/${caseId}/closure`, {
    reason,
    checklist: fullChecklist,
  });
  if (asked.statusCode !== 201) throw new Error(`closure request: ${asked.statusCode} ${asked.body}`);
  const pending = asked.json<{ approvals: { id: string; status: string }[] }>().approvals[0];
  const decided = await request(
    env,
    decider,
    'POST',
    `/api/v1/cases/${caseId}/approvals/${pending?.id}/decision`,
    {
      decision: 'approve',
    },
  );
  if (decided.statusCode !== 200) throw new Error(`closure decision: ${decided.statusCode} ${decided.body}`);
}
