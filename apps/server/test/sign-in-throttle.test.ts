/** Failed sign-ins lock an account and a client address; the counters live in the database. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  PASSWORD,
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  must,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
const sha256 = (v: string) => crypto.createHash('sha256').update(v).digest('hex');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function attempt(env: TestEnv, email: string, password: string, ip: string) {
  return env.app.inject({
    method: 'POST',
    url: `${API}/session`,
    payload: { email, password },
    remoteAddress: ip,
  });
}

describe('sign-in throttling', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ login: { maxFailuresAccount: 3, maxFailuresAddress: 6, lockMinutes: 15 } });
    const orgId = await addOrganization(env, 'Clínica', 'IMU');
    await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
    await addUser(env, orgId, 'intake', 'intake@imu.test');
    await addUser(env, orgId, 'coordinator', 'coord@imu.test');
  });
  afterAll(() => env.close());

  it('locks an account after N failures, even for the right password, and says the same for an unknown account', async () => {
    for (let i = 0; i < 3; i++)
      expect((await attempt(env, 'lawyer@imu.test', 'wrong guess', '10.0.0.1')).statusCode).toBe(401);
    const locked = await attempt(env, 'LAWYER@imu.test', PASSWORD, '10.0.0.2');
    expect(locked.statusCode).toBe(429);
    expect(apiError(locked).code).toBe('too_many_attempts');
    expect(locked.cookies).toEqual([]);

    for (let i = 0; i < 3; i++)
      expect((await attempt(env, 'ghost@imu.test', 'wrong guess', '10.0.0.3')).statusCode).toBe(401);
    const ghost = await attempt(env, 'ghost@imu.test', 'wrong guess', '10.0.0.4');
    expect(ghost.statusCode).toBe(429);
    expect(ghost.body).toBe(locked.body);

    // Another account is not affected.
    expect((await attempt(env, 'intake@imu.test', PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('keeps the counters in the auth_throttle table, keyed by a hash of the e-mail, shared by every app instance', async () => {
    const rows = await env.ctx.db.selectFrom('auth_throttle').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('lawyer@imu.test');
    const account = rows.find((r) => r.key.includes(sha256('lawyer@imu.test')));
    expect(account).toMatchObject({ failures: 3 });
    expect(Date.parse(must(must(account).locked_until))).toBeGreaterThan(Date.now());
    expect(rows.find((r) => r.key.includes('10.0.0.1'))).toMatchObject({ failures: 3 });

    const second = await buildApp(env.ctx, { logger: false });
    try {
      const res = await second.inject({
        method: 'POST',
        url: `${API}/session`,
        payload: { email: 'lawyer@imu.test', password: PASSWORD },
        remoteAddress: '10.0.0.9',
      });
      expect(res.statusCode).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('lets the person in once the lock has expired, and forgets her failures', async () => {
    const key = must(
      (await env.ctx.db.selectFrom('auth_throttle').select('key').execute()).find((r) =>
        r.key.includes(sha256('lawyer@imu.test')),
      ),
      'throttle row',
    ).key;
    await env.ctx.db
      .updateTable('auth_throttle')
      .set({ window_started_at: minutesAgo(31), locked_until: minutesAgo(1) })
      .where('key', '=', key)
      .execute();
    expect((await attempt(env, 'lawyer@imu.test', PASSWORD, '10.0.0.6')).statusCode).toBe(200);
    expect(
      await env.ctx.db.selectFrom('auth_throttle').select('key').where('key', '=', key).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('locks a client address after N failures across accounts; other addresses still sign in', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await attempt(env, `guess${i}@imu.test`, 'wrong guess', '192.0.2.7')).statusCode).toBe(401);
    }
    const res = await attempt(env, 'coord@imu.test', PASSWORD, '192.0.2.7');
    expect(res.statusCode).toBe(429);
    expect(apiError(res).code).toBe('too_many_attempts');
    expect((await attempt(env, 'coord@imu.test', PASSWORD, '192.0.2.8')).statusCode).toBe(200);
  });
});

describe('behind one reverse proxy (SENDA_TRUST_PROXY)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({
      trustProxy: true,
      login: { maxFailuresAccount: 100, maxFailuresAddress: 3, lockMinutes: 15 },
    });
    const orgId = await addOrganization(env, 'Clínica', 'IMU');
    await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
  });
  afterAll(() => env.close());

  /** The proxy appends the address it saw to whatever X-Forwarded-For the client sent. */
  const viaProxy = (email: string, password: string, forged: string, client: string) =>
    env.app.inject({
      method: 'POST',
      url: `${API}/session`,
      payload: { email, password },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `${forged}, ${client}` },
    });

  it('counts failures against the address the proxy saw; a forged X-Forwarded-For does not escape the lock', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await viaProxy(`guess${i}@imu.test`, 'wrong guess', `6.6.6.${i}`, '203.0.113.9')).statusCode,
      ).toBe(401);
    }
    const res = await viaProxy('lawyer@imu.test', PASSWORD, '6.6.6.99', '203.0.113.9');
    expect(res.statusCode).toBe(429);
    expect((await viaProxy('lawyer@imu.test', PASSWORD, '6.6.6.99', '203.0.113.10')).statusCode).toBe(200);
  });
});
