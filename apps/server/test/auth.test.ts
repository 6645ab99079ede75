import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  request,
  signIn,
  type TestEnv,
  must,
} from './harness.js';

const API = '/api/v1';
const sha256 = (v: string) => crypto.createHash('sha256').update(v).digest('hex');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function attempt(
  env: TestEnv,
  email: string,
  password: string,
  extra: { ip?: string; headers?: Record<string, string> } = {},
) {
  return env.app.inject({
    method: 'POST',
    url: `${API}/session`,
    payload: { email, password },
    headers: extra.headers ?? {},
    ...(extra.ip ? { remoteAddress: extra.ip } : {}),
  });
}

describe('sessions', () => {
  let env: TestEnv;
  let orgId: string;
  beforeAll(async () => {
    env = await createTestEnv({ sessionIdleMinutes: 5 });
    orgId = await addOrganization(env, 'Clínica', 'IMU');
    await addUser(env, orgId, 'admin', 'admin@imu.test');
    await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
  });
  afterAll(() => env.close());

  it('signs in, reads the session, signs out; the old cookie then answers 401', async () => {
    const s = await signIn(env, 'Lawyer@IMU.test ');
    const view = await request(env, s, 'GET', `${API}/session`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      user: { email: 'lawyer@imu.test', role: 'lawyer' },
      organization: { casePrefix: 'IMU' },
      csrfToken: s.csrf,
      idleTimeoutMinutes: 5,
    });
    const out = await request(env, s, 'DELETE', `${API}/session`);
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'senda_session');
    expect(cleared?.value ?? '').toBe('');
    expect((await request(env, s, 'GET', `${API}/session`)).statusCode).toBe(401);
    const rows = await env.ctx.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', s.userId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers a wrong password, an unknown account and a deactivated account identically', async () => {
    await addUser(env, orgId, 'intake', 'gone@imu.test');
    const admin = await signIn(env, 'admin@imu.test');
    const gone = await env.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'gone@imu.test')
      .executeTakeFirstOrThrow();
    expect(
      (await request(env, admin, 'PATCH', `${API}/users/${gone.id}`, { active: false })).statusCode,
    ).toBe(200);
    const answers = [
      await attempt(env, 'lawyer@imu.test', 'not the right password'),
      await attempt(env, 'nobody@imu.test', 'not the right password'),
      await attempt(env, 'gone@imu.test', PASSWORD),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(must(answers[0]).body);
      expect(res.cookies).toEqual([]);
    }
    expect(apiError(must(answers[0])).code).toBe('invalid_credentials');
  });

  it('sets an HttpOnly, SameSite=Lax cookie for the whole site, not Secure over http', async () => {
    const res = await attempt(env, 'lawyer@imu.test', PASSWORD);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/^senda_session=[^;]+;/);
    expect(raw).toMatch(/; HttpOnly/i);
    expect(raw).toMatch(/; SameSite=Lax/i);
    expect(raw).toMatch(/; Path=\/(;|$)/);
    expect(raw).not.toMatch(/Secure/i);
  });

  it('stores only a hash of the session id, and issues a new one at every sign-in', async () => {
    const first = await signIn(env, 'lawyer@imu.test');
    const second = await signIn(env, 'lawyer@imu.test');
    const token = (s: typeof first) => s.cookie.slice('senda_session='.length);
    expect(token(first)).not.toBe(token(second));
    expect(first.csrf).not.toBe(second.csrf);
    const rows = await env.ctx.db.selectFrom('sessions').selectAll().execute();
    const dump = JSON.stringify(rows);
    for (const s of [first, second]) {
      expect(dump).not.toContain(token(s));
      expect(rows.map((r) => r.id_hash)).toContain(sha256(token(s)));
    }
  });

  it('signing in again with a session cookie ends that session (no fixation)', async () => {
    const old = await signIn(env, 'lawyer@imu.test');
    const res = await attempt(env, 'lawyer@imu.test', PASSWORD, { headers: { cookie: old.cookie } });
    expect(res.statusCode).toBe(200);
    expect((await request(env, old, 'GET', `${API}/session`)).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout, and keeps an active one alive', async () => {
    const idle = await signIn(env, 'lawyer@imu.test');
    const active = await signIn(env, 'lawyer@imu.test');
    const hash = (s: typeof idle) => sha256(s.cookie.slice('senda_session='.length));
    await env.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: minutesAgo(6) })
      .where('id_hash', '=', hash(idle))
      .execute();
    await env.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: minutesAgo(4) })
      .where('id_hash', '=', hash(active))
      .execute();
    expect((await request(env, idle, 'GET', `${API}/session`)).statusCode).toBe(401);
    expect(
      await env.ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('id_hash', '=', hash(idle))
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await request(env, active, 'GET', `${API}/session`)).statusCode).toBe(200);
    // The request counted as activity: the idle clock restarted.
    const row = await env.ctx.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id_hash', '=', hash(active))
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.last_seen_at)).toBeGreaterThan(Date.parse(minutesAgo(1)));
  });

  it('does not count the app’s own polling as activity: the idle timeout still ends the session', async () => {
    const s = await signIn(env, 'lawyer@imu.test');
    const hash = sha256(s.cookie.slice('senda_session='.length));
    const setSeen = (at: string) =>
      env.ctx.db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', hash).execute();
    const seen = async () =>
      (
        await env.ctx.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', hash)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const poll = () =>
      env.app.inject({
        method: 'GET',
        url: `${API}/notifications`,
        headers: { cookie: s.cookie, 'x-senda-background': '1' },
      });
    const fourMinutesAgo = minutesAgo(4);
    await setSeen(fourMinutesAgo);
    expect((await poll()).statusCode).toBe(200);
    expect(await seen()).toBe(fourMinutesAgo);
    await setSeen(minutesAgo(6));
    expect((await poll()).statusCode).toBe(401);
  });

  it('ends a session after its absolute lifetime even when active', async () => {
    const s = await signIn(env, 'lawyer@imu.test');
    const hash = sha256(s.cookie.slice('senda_session='.length));
    await env.ctx.db
      .updateTable('sessions')
      .set({ created_at: minutesAgo(11 * 60 + 50) })
      .where('id_hash', '=', hash)
      .execute();
    expect((await request(env, s, 'GET', `${API}/session`)).statusCode).toBe(200);
    await env.ctx.db
      .updateTable('sessions')
      .set({ created_at: minutesAgo(12 * 60 + 1) })
      .where('id_hash', '=', hash)
      .execute();
    const res = await request(env, s, 'GET', `${API}/session`);
    expect(res.statusCode).toBe(401);
    expect(apiError(res).code).toBe('unauthenticated');
  });

  it("ends a deactivated person's sessions at once", async () => {
    const id = await addUser(env, orgId, 'psychologist', 'psy@imu.test');
    const psy = await signIn(env, 'psy@imu.test');
    const admin = await signIn(env, 'admin@imu.test');
    expect((await request(env, psy, 'GET', `${API}/cases`)).statusCode).toBe(200);
    expect((await request(env, admin, 'PATCH', `${API}/users/${id}`, { active: false })).statusCode).toBe(
      200,
    );
    expect((await request(env, psy, 'GET', `${API}/cases`)).statusCode).toBe(401);
    expect(
      await env.ctx.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute(),
    ).toEqual([]);
  });

  it("a password change ends the person's other sessions but not this one", async () => {
    await addUser(env, orgId, 'social_worker', 'sw@imu.test');
    const here = await signIn(env, 'sw@imu.test');
    const elsewhere = await signIn(env, 'sw@imu.test');
    const wrong = await request(env, here, 'POST', `${API}/session/password`, {
      currentPassword: 'not my password',
      newPassword: 'un nuevo camino 2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(apiError(wrong).fields).toEqual([{ path: 'currentPassword', code: 'invalid' }]);
    const res = await request(env, here, 'POST', `${API}/session/password`, {
      currentPassword: PASSWORD,
      newPassword: 'un nuevo camino 2026',
    });
    expect(res.statusCode).toBe(204);
    expect((await request(env, here, 'GET', `${API}/session`)).statusCode).toBe(200);
    expect((await request(env, elsewhere, 'GET', `${API}/session`)).statusCode).toBe(401);
    expect((await attempt(env, 'sw@imu.test', PASSWORD)).statusCode).toBe(401);
    expect((await attempt(env, 'sw@imu.test', 'un nuevo camino 2026')).statusCode).toBe(200);
  });

  it("an admin's password reset ends all the person's sessions", async () => {
    const id = await addUser(env, orgId, 'intake', 'reset@imu.test');
    const s = await signIn(env, 'reset@imu.test');
    const admin = await signIn(env, 'admin@imu.test');
    expect(
      (await request(env, admin, 'POST', `${API}/users/${id}/password`, { password: 'temporal para ti 31' }))
        .statusCode,
    ).toBe(204);
    expect((await request(env, s, 'GET', `${API}/session`)).statusCode).toBe(401);
    expect((await attempt(env, 'reset@imu.test', 'temporal para ti 31')).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  let env: TestEnv;
  let orgId: string;
  let admin: Awaited<ReturnType<typeof signIn>>;
  let targetId: string;
  beforeAll(async () => {
    env = await createTestEnv();
    orgId = await addOrganization(env, 'Clínica', 'IMU');
    await addUser(env, orgId, 'admin', 'admin@imu.test');
    targetId = await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
    admin = await signIn(env, 'admin@imu.test');
  });
  afterAll(() => env.close());

  const newUser = (password: string) => ({
    email: `u${crypto.randomUUID().slice(0, 8)}@imu.test`,
    displayName: 'Nueva',
    role: 'lawyer',
    password,
  });

  it.each(['qwerty123456', 'password1234', 'Password2024!', 'aaaaaaaaaaaaaaaa', 'abcabcabcabcabc'])(
    'refuses the common password %j everywhere',
    async (pw) => {
      const lawyer = await signIn(env, 'lawyer@imu.test');
      const answers = [
        await request(env, admin, 'POST', `${API}/users`, newUser(pw)),
        await request(env, admin, 'POST', `${API}/users/${targetId}/password`, { password: pw }),
        await request(env, lawyer, 'POST', `${API}/session/password`, {
          currentPassword: PASSWORD,
          newPassword: pw,
        }),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(400);
        expect(apiError(res).fields).toEqual([
          { path: expect.stringMatching(/^(password|newPassword)$/) as string, code: 'password_common' },
        ]);
      }
      expect((await attempt(env, 'lawyer@imu.test', PASSWORD)).statusCode).toBe(200);
    },
  );

  it('requires 12 characters', async () => {
    const res = await request(env, admin, 'POST', `${API}/users`, newUser('tlacuache9x'));
    expect(res.statusCode).toBe(400);
    expect(apiError(res).fields).toEqual([
      { path: 'password', code: expect.stringMatching(/too_short$/) as string, params: { min: 12 } },
    ]);
    expect((await request(env, admin, 'POST', `${API}/users`, newUser('tlacuache9xz'))).statusCode).toBe(201);
  });

  it('accepts long passphrases (128 characters and more) and signs in with them', async () => {
    for (const length of [128, 200, 256]) {
      const pw = crypto.randomBytes(length).toString('base64url').slice(0, length);
      const body = newUser(pw);
      expect((await request(env, admin, 'POST', `${API}/users`, body)).statusCode).toBe(201);
      expect((await attempt(env, body.email, pw)).statusCode).toBe(200);
    }
    const tooLong = await request(env, admin, 'POST', `${API}/users`, newUser('x1'.repeat(129)));
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('cross-site requests', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
    const orgId = await addOrganization(env, 'Clínica', 'IMU');
    await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
  });
  afterAll(() => env.close());

  const host = { host: 'senda.example.org' };

  it('refuses a sign-in from another site, and sets no cookie', async () => {
    for (const headers of [
      { ...host, origin: 'https://evil.example' },
      { ...host, origin: 'null' },
      { ...host, 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await attempt(env, 'lawyer@imu.test', PASSWORD, { headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(apiError(res).code).toBe('csrf_invalid');
      expect(res.cookies).toEqual([]);
    }
    expect(
      (
        await attempt(env, 'lawyer@imu.test', PASSWORD, {
          headers: { ...host, origin: 'https://senda.example.org' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a form-encoded sign-in (a cross-site form cannot send JSON)', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `${API}/session`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=lawyer%40imu.test&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(res.statusCode).toBe(415);
    expect(res.cookies).toEqual([]);
  });

  it('refuses a signed-in write from another site even with the right token', async () => {
    const s = await signIn(env, 'lawyer@imu.test');
    const res = await env.app.inject({
      method: 'PUT',
      url: `${API}/session/locale`,
      headers: { ...host, cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' },
      payload: { locale: 'fr' },
    });
    expect(res.statusCode).toBe(403);
    expect(apiError(res).code).toBe('csrf_invalid');
  });
});

describe('behind an https proxy', () => {
  it('marks the cookie Secure', async () => {
    const env = await createTestEnv({ trustProxy: true });
    try {
      const orgId = await addOrganization(env, 'Clínica', 'IMU');
      await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
      const res = await attempt(env, 'lawyer@imu.test', PASSWORD, {
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/i);
    } finally {
      await env.close();
    }
  });
});
