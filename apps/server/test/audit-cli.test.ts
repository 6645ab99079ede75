/**
 * `senda audit verify` on a SQLite database file, as an operator runs it.
 * This file makes its own database, whatever the project (SQLite or
 * PostgreSQL), so it runs the same way in both.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createOrganization } from '../src/modules/organizations/service.js';
import { createUser } from '../src/modules/users/service.js';
import { openContext } from '../src/startup.js';
import { PASSWORD, intake } from './harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'senda-audit-cli-'));
const dbFile = path.join(dataDir, 'senda.db');
const masterKey = crypto.randomBytes(32).toString('base64');

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SENDA_DATA_DIR: dataDir,
    SENDA_MASTER_KEY: masterKey,
    SENDA_LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: root,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Change the file directly, as someone with access to the disk could. */
function tamper(statement: string): void {
  const db = new SQLite(dbFile);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}

let entries = 0;

beforeAll(async () => {
  const config = loadConfig({
    SENDA_DATA_DIR: dataDir,
    SENDA_MASTER_KEY: masterKey,
    SENDA_LOG_LEVEL: 'silent',
  });
  const ctx = await openContext(config, { kind: 'sqlite', file: dbFile });
  try {
    const orgId = await ctx.db.transaction().execute((trx) => createOrganization(ctx, trx, 'Clínica', 'IMU'));
    await ctx.db.transaction().execute((trx) =>
      createUser(trx, {
        orgId,
        email: 'lawyer@imu.test',
        displayName: 'Abogada',
        role: 'lawyer',
        locale: 'es',
        password: PASSWORD,
      }),
    );
    const app = await buildApp(ctx, { logger: false });
    try {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'lawyer@imu.test', password: PASSWORD },
      });
      const cookie = `senda_session=${signIn.cookies.find((c) => c.name === 'senda_session')?.value ?? ''}`;
      const headers = { cookie, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
      for (let i = 0; i < 3; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: intake() });
        expect(res.statusCode).toBe(201);
        await app.inject({ method: 'GET', url: `/api/v1/cases/${res.json<{ id: string }>().id}`, headers });
      }
    } finally {
      await app.close();
    }
    entries = (
      await ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  } finally {
    await ctx.close();
  }
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('senda audit verify', () => {
  it('exits 0 and counts the entries of an intact log', async () => {
    expect(entries).toBeGreaterThanOrEqual(8);
    const res = await cli('audit', 'verify');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`${entries} entries`);
  });

  it('exits 1 and names the first altered entry', async () => {
    tamper(`update audit_log set fields = '[]', action = 'case.export' where seq = 4`);
    const res = await cli('audit', 'verify');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/\bentry 4\b/);
  });

  it('exits 1 and names a deleted entry, before a later altered one', async () => {
    tamper(`delete from audit_log where seq = 2`);
    const res = await cli('audit', 'verify');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/\bentry 2\b/);
  });
});
