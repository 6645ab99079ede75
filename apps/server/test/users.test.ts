import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userView } from '@senda/domain';
import {
  PASSWORD,
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  request,
  signIn,
  unknownId,
  type Session,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
let env: TestEnv;
let orgA: string;
let orgB: string;
let admin: Session;
let adminB: Session;

beforeAll(async () => {
  env = await createTestEnv();
  orgA = await addOrganization(env, 'Clínica A', 'IMU');
  orgB = await addOrganization(env, 'Clínica B', 'FMB');
  await addUser(env, orgA, 'admin', 'admin@a.test');
  await addUser(env, orgB, 'admin', 'admin@b.test');
  await addUser(env, orgB, 'lawyer', 'lawyer@b.test');
  admin = await signIn(env, 'admin@a.test');
  adminB = await signIn(env, 'admin@b.test');
});
afterAll(() => env.close());

const signInStatus = async (email: string, password = PASSWORD) =>
  (await env.app.inject({ method: 'POST', url: `${API}/session`, payload: { email, password } })).statusCode;

async function create(session: Session, body: Record<string, unknown>) {
  return request(env, session, 'POST', `${API}/users`, {
    displayName: 'Persona',
    role: 'lawyer',
    password: PASSWORD,
    ...body,
  });
}

describe('creating users', () => {
  it('creates a user in her own organization, who can then sign in', async () => {
    const res = await create(admin, {
      email: 'Rosa.Perez@A.test',
      displayName: 'Rosa Pérez',
      role: 'psychologist',
      locale: 'ht',
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = userView.strict().parse(res.json());
    expect(user).toMatchObject({
      email: 'rosa.perez@a.test',
      displayName: 'Rosa Pérez',
      role: 'psychologist',
      locale: 'ht',
      active: true,
      lastSignInAt: null,
    });
    expect(res.body).not.toMatch(/password|hash|argon/i);
    const s = await signIn(env, 'rosa.perez@a.test');
    expect((await request(env, s, 'GET', `${API}/session`)).json()).toMatchObject({
      organization: { casePrefix: 'IMU' },
      user: { locale: 'ht' },
    });
  });

  it('stores an e-mail typed with surrounding spaces trimmed and in lower case, as sign-in does', async () => {
    const res = await create(admin, { email: '  Pasted.Address@A.test ' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'pasted.address@a.test' });
    expect(await signInStatus(' pasted.address@a.test')).toBe(200);
  });

  it('uses Spanish when no language is given', async () => {
    const res = await create(admin, { email: 'defaults@a.test' });
    expect(res.json()).toMatchObject({ locale: 'es', active: true });
  });

  it('answers 409 email_taken for an e-mail already used, in any letter case and in any organization', async () => {
    await addUser(env, orgA, 'lawyer', 'taken@a.test');
    for (const [session, email] of [
      [admin, 'taken@a.test'],
      [admin, 'TAKEN@a.test'],
      [admin, 'lawyer@b.test'],
      [adminB, 'taken@a.test'],
    ] as const) {
      const res = await create(session, { email });
      expect(res.statusCode, email).toBe(409);
      const error = apiError(res);
      expect(error.code).toBe('conflict');
      expect(error.fields).toEqual([{ path: 'email', code: 'email_taken' }]);
    }
  });

  it('answers 400 with field codes for a bad e-mail, role or missing name', async () => {
    const res = await request(env, admin, 'POST', `${API}/users`, {
      email: 'not-an-email',
      role: 'superuser',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(apiError(res).fields).toEqual(
      expect.arrayContaining([
        { path: 'email', code: 'invalid_email' },
        { path: 'role', code: 'invalid_choice' },
        { path: 'displayName', code: 'required' },
      ]),
    );
  });
});

describe('listing users', () => {
  it('lists the users of her organization only, active or not, without secrets', async () => {
    const id = await addUser(env, orgA, 'intake', 'inactive@a.test');
    expect((await request(env, admin, 'PATCH', `${API}/users/${id}`, { active: false })).statusCode).toBe(
      200,
    );
    const res = await request(env, admin, 'GET', `${API}/users`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    for (const item of items) userView.strict().parse(item);
    const emails = items.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@a.test', 'inactive@a.test']));
    expect(emails).not.toContain('admin@b.test');
    expect(emails).not.toContain('lawyer@b.test');
    expect(items.find((u) => u.email === 'inactive@a.test')).toMatchObject({ active: false });
  });
});

describe('updating users', () => {
  it('changes name, role and language; a change of role ends her sessions', async () => {
    const id = await addUser(env, orgA, 'lawyer', 'demoted@a.test');
    const s = await signIn(env, 'demoted@a.test');
    expect((await request(env, s, 'GET', `${API}/cases`)).statusCode).toBe(200);
    const res = await request(env, admin, 'PATCH', `${API}/users/${id}`, {
      displayName: 'Ana Analista',
      role: 'analyst',
      locale: 'en',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      displayName: 'Ana Analista',
      role: 'analyst',
      locale: 'en',
      active: true,
    });
    expect((await request(env, s, 'GET', `${API}/cases`)).statusCode).toBe(401);
    const again = await signIn(env, 'demoted@a.test');
    expect((await request(env, again, 'GET', `${API}/cases`)).statusCode).toBe(403);
  });

  it('a name change alone keeps her signed in', async () => {
    const id = await addUser(env, orgA, 'lawyer', 'renamed@a.test');
    const s = await signIn(env, 'renamed@a.test');
    expect(
      (await request(env, admin, 'PATCH', `${API}/users/${id}`, { displayName: 'Otro nombre' })).statusCode,
    ).toBe(200);
    expect((await request(env, s, 'GET', `${API}/session`)).json()).toMatchObject({
      user: { displayName: 'Otro nombre' },
    });
  });

  it('deactivates and reactivates a user: a deactivated user cannot sign in', async () => {
    const id = await addUser(env, orgA, 'social_worker', 'leaving@a.test');
    expect(
      (await request(env, admin, 'PATCH', `${API}/users/${id}`, { active: false })).json(),
    ).toMatchObject({ active: false });
    expect(await signInStatus('leaving@a.test')).toBe(401);
    expect((await request(env, admin, 'PATCH', `${API}/users/${id}`, { active: true })).json()).toMatchObject(
      { active: true },
    );
    expect(await signInStatus('leaving@a.test')).toBe(200);
  });

  it('refuses unknown fields; the e-mail cannot be changed', async () => {
    const id = await addUser(env, orgA, 'lawyer', 'fixed@a.test');
    const res = await request(env, admin, 'PATCH', `${API}/users/${id}`, { email: 'other@a.test' });
    expect(res.statusCode).toBe(400);
    expect(apiError(res).fields).toEqual([{ path: 'email', code: 'unknown_field' }]);
  });

  it("answers 404 for another organization's user or an unknown id, and changes nothing", async () => {
    const lawyerB = await env.ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'lawyer@b.test')
      .executeTakeFirstOrThrow();
    for (const id of [lawyerB.id, unknownId()]) {
      for (const [method, path, body] of [
        ['PATCH', `/users/${id}`, { active: false }],
        ['POST', `/users/${id}/password`, { password: 'hijacked account 99' }],
      ] as const) {
        const res = await request(env, admin, method, API + path, body);
        expect(res.statusCode).toBe(404);
        expect(apiError(res).code).toBe('not_found');
      }
    }
    expect(await signInStatus('lawyer@b.test')).toBe(200);
  });

  it('an admin cannot deactivate or demote herself; another admin can', async () => {
    for (const [body, path] of [
      [{ active: false }, 'active'],
      [{ role: 'coordinator' }, 'role'],
    ] as const) {
      const res = await request(env, admin, 'PATCH', `${API}/users/${admin.userId}`, body);
      expect(res.statusCode).toBe(400);
      expect(apiError(res).fields).toEqual([{ path, code: 'invalid' }]);
    }
    expect((await request(env, admin, 'GET', `${API}/session`)).json()).toMatchObject({
      user: { role: 'admin', active: true },
    });
    expect(
      (await request(env, admin, 'PATCH', `${API}/users/${admin.userId}`, { displayName: 'Directora' }))
        .statusCode,
    ).toBe(200);

    await addUser(env, orgA, 'admin', 'second-admin@a.test');
    const second = await signIn(env, 'second-admin@a.test');
    const res = await request(env, second, 'PATCH', `${API}/users/${admin.userId}`, { role: 'coordinator' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'coordinator' });
    expect((await request(env, admin, 'GET', `${API}/users`)).statusCode).toBe(401);
    admin = second;
  });
});

describe('GET /staff', () => {
  it('lists the active case workers of her organization, with no contact data', async () => {
    const org = await addOrganization(env, 'Clínica C', 'CCC');
    const ids: Record<string, string> = {};
    for (const role of [
      'admin',
      'coordinator',
      'lawyer',
      'psychologist',
      'social_worker',
      'intake',
      'analyst',
      'partner',
    ] as const) {
      ids[role] = await addUser(env, org, role, `${role}@c.test`);
    }
    ids.gone = await addUser(env, org, 'lawyer', 'gone@c.test');
    const adminC = await signIn(env, 'admin@c.test');
    expect(
      (await request(env, adminC, 'PATCH', `${API}/users/${ids.gone}`, { active: false })).statusCode,
    ).toBe(200);
    const lawyer = await signIn(env, 'lawyer@c.test');
    const res = await request(env, lawyer, 'GET', `${API}/staff`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.map((i) => i.id).sort()).toEqual(
      [ids.admin, ids.coordinator, ids.lawyer, ids.psychologist, ids.social_worker, ids.intake].sort(),
    );
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'role']);
  });
});
