/**
 * Who may reach what: every role of two organizations against every case
 * endpoint, on a case she is assigned to and on one she is not. The rule and
 * the endpoint tables live in access-rules.ts; every check is generated from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@senda/domain';
import {
  PASSWORD,
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  request,
  signIn,
  unknownId,
  type Session,
  type TestEnv,
  must,
} from './harness.js';
import {
  API,
  CASE_ENDPOINTS,
  CASE_KEYS,
  LIST_ENDPOINTS,
  NAMES,
  ORGS,
  ROLES,
  ORG_ENDPOINTS,
  USER_ENDPOINTS,
  caseWorker,
  expectedStatus,
  visible,
  type CaseEndpoint,
  type CaseKey,
  type Method,
  type Org,
} from './access-rules.js';
import { prepareFresh, restoreAfter } from './access-fixtures.js';

let env: TestEnv;
const sessions = {} as Record<Org, Record<Role, Session>>;
const caseIds = {} as Record<CaseKey, string>;
const codes = {} as Record<CaseKey, string>;
const memberIds = {} as Record<CaseKey, string>;
/** An extra social worker of org A: the one assigned and unassigned by the staff endpoints. */
let spareId: string;
let notFoundBody: unknown;

const url = (path: string, params: Record<string, string>) =>
  API + path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `missing-${name}`);

function ok(res: Awaited<ReturnType<typeof request>>, status: number) {
  if (res.statusCode !== status)
    throw new Error(`setup: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json<Record<string, unknown>>();
}

beforeAll(async () => {
  env = await createTestEnv();
  const orgIds: Record<Org, string> = {
    A: await addOrganization(env, 'Clínica A', 'IMU'),
    B: await addOrganization(env, 'Clínica B', 'FMB'),
  };
  for (const org of ORGS) {
    sessions[org] = {} as Record<Role, Session>;
    for (const role of ROLES) {
      await addUser(env, orgIds[org], role, `${role}@${org.toLowerCase()}.test`);
      sessions[org][role] = await signIn(env, `${role}@${org.toLowerCase()}.test`);
    }
  }
  spareId = await addUser(env, orgIds.A, 'social_worker', 'spare@a.test');
  const A = sessions.A;
  const assigned = ok(await request(env, A.lawyer, 'POST', `${API}/cases`, intake(NAMES.assigned)), 201);
  const unassigned = ok(
    await request(env, A.coordinator, 'POST', `${API}/cases`, intake(NAMES.unassigned)),
    201,
  );
  for (const [key, body] of [
    ['assigned', assigned],
    ['unassigned', unassigned],
  ] as const) {
    caseIds[key] = body.id as string;
    codes[key] = body.code as string;
    memberIds[key] = must((body.familyMembers as { id: string }[])[0], 'family member').id;
  }
  for (const role of ['psychologist', 'social_worker', 'intake'] as const) {
    ok(
      await request(env, A.coordinator, 'PUT', `${API}/cases/${caseIds.assigned}/staff/${A[role].userId}`, {
        roleOnCase: role,
      }),
      200,
    );
  }
  const staff = (unassigned.staff as { userId: string }[]).map((s) => s.userId);
  expect(staff).toEqual([A.coordinator.userId]);
  const missing = await request(env, A.coordinator, 'GET', `${API}/cases/${unknownId()}`);
  expect(missing.statusCode).toBe(404);
  notFoundBody = missing.json();
});
afterAll(() => env.close());

async function prepare(ep: CaseEndpoint, key: CaseKey, role: Role): Promise<Record<string, string>> {
  const params: Record<string, string> = { id: caseIds[key], memberId: memberIds[key], userId: spareId };
  await prepareFresh(env, sessions.A, role, ep.fresh, params, spareId);
  return params;
}

const caseRows = ORGS.flatMap((org) =>
  ROLES.flatMap((role) =>
    CASE_KEYS.flatMap((key) =>
      CASE_ENDPOINTS.map((ep) => ({ org, role, key, ep, status: expectedStatus(org, role, key, ep) })),
    ),
  ),
);

describe('case endpoints, by role and organization', () => {
  it.each(
    caseRows.map(
      (r) =>
        [`${r.org} ${r.role} ${r.ep.method} ${r.ep.path} on the ${r.key} case → ${r.status}`, r] as const,
    ),
  )('%s', async (_name, { org, role, key, ep, status }) => {
    const params = await prepare(ep, key, role);
    const res = await request(
      env,
      sessions[org][role],
      ep.method,
      url(ep.path, params),
      ep.body?.(`${org}-${role}`, params),
    );
    await restoreAfter(env, ep.fresh, params);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 404) {
      // Out of reach looks exactly like "does not exist".
      expect(res.json()).toEqual(notFoundBody);
    } else if (status === 403) {
      expect(apiError(res).code).toBe('forbidden');
    } else if (ep.path === '/cases/:id' && ep.method === 'GET') {
      expect(res.json<{ id: string }>().id).toBe(caseIds[key]);
    }
  });
});

const listRows = ORGS.flatMap((org) =>
  ROLES.flatMap((role) =>
    LIST_ENDPOINTS.flatMap((ep) =>
      (ep.only ? CASE_KEYS : ['assigned' as const]).map((key) => ({ org, role, ep, key })),
    ),
  ),
);

describe('case lists and search', () => {
  it.each(
    listRows.map(
      (r) => [`${r.org} ${r.role} ${r.ep.name}${r.ep.only ? ` (${r.key} case)` : ''}`, r] as const,
    ),
  )('%s', async (_name, { org, role, ep, key }) => {
    const res = await request(env, sessions[org][role], ep.method, API + ep.path, ep.body?.(key, codes));
    if (!caseWorker(role)) {
      expect(res.statusCode).toBe(403);
      expect(apiError(res).code).toBe('forbidden');
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<{ items: { id: string }[] }>().items.map((c) => c.id);
    const sees = visible(org, role);
    for (const k of ep.only ? [key] : CASE_KEYS) {
      expect(ids.includes(caseIds[k]), `${k} case listed`).toBe(sees.includes(k));
    }
  });

  it.each(ORGS.flatMap((org) => ROLES.map((role) => [`${org} ${role}`, org, role] as const)))(
    'POST /cases as %s: case workers register in their own organization, others are refused',
    async (_name, org, role) => {
      const res = await request(env, sessions[org][role], 'POST', `${API}/cases`, intake());
      if (!caseWorker(role)) {
        expect(res.statusCode).toBe(403);
        expect(apiError(res).code).toBe('forbidden');
        return;
      }
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ code: string }>().code).toMatch(org === 'A' ? /^IMU-/ : /^FMB-/);
    },
  );
});

describe('user administration', () => {
  const rows = ORGS.flatMap((org) =>
    ROLES.flatMap((role) => USER_ENDPOINTS.map((ep) => ({ org, role, ep }))),
  );
  it.each(rows.map((r) => [`${r.org} ${r.role} ${r.ep.method} ${r.ep.path}`, r] as const))(
    '%s',
    async (_name, { org, role, ep }) => {
      const res = await request(
        env,
        sessions[org][role],
        ep.method,
        url(ep.path, { userId: spareId }),
        ep.body?.(`${org}-${role}`.toLowerCase()),
      );
      const status = role !== 'admin' ? 403 : org === 'B' && ep.targetsA ? 404 : ep.ok;
      expect(res.statusCode, res.body).toBe(status);
      if (status >= 400) expect(apiError(res).code).toBe(status === 403 ? 'forbidden' : 'not_found');
      if (ep.method === 'GET' && status === 200) {
        const emails = res.json<{ items: { email: string }[] }>().items.map((u) => u.email);
        expect(emails).toContain(`admin@${org.toLowerCase()}.test`);
        expect(emails.filter((e) => e.endsWith(org === 'A' ? '@b.test' : '@a.test'))).toEqual([]);
      }
    },
  );

  it.each(ORGS.flatMap((org) => ROLES.map((role) => [`${org} ${role}`, org, role] as const)))(
    'GET /staff as %s: case workers of her own organization, or 403',
    async (_name, org, role) => {
      const res = await request(env, sessions[org][role], 'GET', `${API}/staff`);
      if (!caseWorker(role)) {
        expect(res.statusCode).toBe(403);
        return;
      }
      expect(res.statusCode).toBe(200);
      const ids = res.json<{ items: { id: string }[] }>().items.map((u) => u.id);
      const own = Object.values(sessions[org]).map((s) => s.userId);
      const other = Object.values(sessions[org === 'A' ? 'B' : 'A']).map((s) => s.userId);
      expect(ids).toContain(own[0]);
      expect(ids.filter((id) => other.includes(id))).toEqual([]);
    },
  );
});

/** Every endpoint but the public ones, with real ids from org A. */
function allEndpoints(): { method: Method; url: string; body?: unknown }[] {
  const params = {
    id: caseIds.assigned,
    memberId: memberIds.assigned,
    userId: spareId,
    procedureId: unknownId(),
    eventId: unknownId(),
    entryId: unknownId(),
    incidentId: unknownId(),
    documentId: unknownId(),
    consentId: unknownId(),
    assessmentId: unknownId(),
    needId: unknownId(),
    goalId: unknownId(),
    actionId: unknownId(),
    approvalId: unknownId(),
  };
  return [
    { method: 'GET', url: `${API}/session` },
    { method: 'DELETE', url: `${API}/session` },
    { method: 'PUT', url: `${API}/session/locale`, body: { locale: 'fr' } },
    {
      method: 'POST',
      url: `${API}/session/password`,
      body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase 7' },
    },
    { method: 'GET', url: `${API}/staff` },
    ...USER_ENDPOINTS.map((ep) => ({
      method: ep.method,
      url: url(ep.path, params),
      body: ep.body?.('csrf'),
    })),
    ...LIST_ENDPOINTS.map((ep) => ({
      method: ep.method,
      url: API + ep.path,
      body: ep.body?.('assigned', codes),
    })),
    { method: 'POST', url: `${API}/cases`, body: intake() },
    ...CASE_ENDPOINTS.map((ep) => ({
      method: ep.method,
      url: url(ep.path, params),
      body: ep.body?.('csrf'),
    })),
    // Uploads and removals of documents (multipart): refused before the body is read.
    { method: 'POST', url: url('/cases/:id/documents', params), body: { kind: 'other' } },
    { method: 'DELETE', url: url('/cases/:id/documents/:documentId', params) },
    ...ORG_ENDPOINTS.map((ep) => ({
      method: ep.method,
      url: url(ep.path, params),
      body: ep.body?.('csrf'),
    })),
    // A task is its assignee's (or a coordinator's): tested by role in supervision.test.ts.
    { method: 'POST', url: `${API}/tasks/${unknownId()}/done`, body: {} },
    // The directory: who reads and who changes it is tested in directory.test.ts.
    ...directoryEndpoints(unknownId()),
  ];
}

describe('without a session', () => {
  it('every endpoint but health, sign-in and the API description answers 401', async () => {
    const endpoints = allEndpoints();
    expect(endpoints.length).toBeGreaterThan(20);
    for (const ep of endpoints) {
      for (const cookie of [undefined, 'senda_session=forged-token']) {
        const res = await env.app.inject({
          method: ep.method,
          url: ep.url,
          headers: cookie ? { cookie } : {},
          ...(ep.body ? { payload: ep.body } : {}),
        });
        expect(res.statusCode, `${ep.method} ${ep.url}`).toBe(401);
        expect(apiError(res).code).toBe('unauthenticated');
      }
    }
  });
});

describe('CSRF', () => {
  it('every write without the right X-CSRF-Token answers 403 csrf_invalid and changes nothing', async () => {
    // The admin may do every one of these writes: the token is the only reason to refuse.
    const admin = sessions.A.admin;
    const auditBefore = await env.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const writes = allEndpoints().filter((ep) => ep.method !== 'GET');
    expect(writes.length).toBeGreaterThan(12);
    for (const ep of writes) {
      for (const token of [undefined, '', sessions.A.coordinator.csrf]) {
        const headers: Record<string, string> = { cookie: admin.cookie };
        if (token !== undefined) headers['x-csrf-token'] = token;
        const res = await env.app.inject({
          method: ep.method,
          url: ep.url,
          headers,
          ...(ep.body ? { payload: ep.body } : {}),
        });
        expect(res.statusCode, `${ep.method} ${ep.url} with token ${JSON.stringify(token)}`).toBe(403);
        expect(apiError(res).code).toBe('csrf_invalid');
      }
    }
    const auditAfter = await env.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
    expect((await request(env, admin, 'GET', `${API}/session`)).statusCode).toBe(200);
  });
});

describe('references across cases and organizations', () => {
  it('a family member is reached only through her own case', async () => {
    const lawyer = sessions.A.lawyer;
    const other = `${API}/cases/${caseIds.assigned}/members/${memberIds.unassigned}`;
    for (const [method, body] of [
      ['PATCH', { givenNames: 'Cambio' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await request(env, lawyer, method, other, body);
      expect(res.json(), `${method} ${other}`).toEqual(notFoundBody);
    }
    const still = await request(env, sessions.A.coordinator, 'GET', `${API}/cases/${caseIds.unassigned}`);
    expect(still.json<{ familyMembers: { id: string }[] }>().familyMembers.map((m) => m.id)).toContain(
      memberIds.unassigned,
    );
  });

  it('only active case workers of the same organization can be assigned', async () => {
    const coordinator = sessions.A.coordinator;
    const gone = await addUser(env, must(await orgIdOf(coordinator.userId)), 'lawyer', 'gone@a.test');
    await env.ctx.db.updateTable('users').set({ active: 0 }).where('id', '=', gone).execute();
    for (const userId of [
      sessions.B.lawyer.userId,
      sessions.A.analyst.userId,
      sessions.A.partner.userId,
      gone,
      unknownId(),
    ]) {
      const res = await request(env, coordinator, 'PUT', `${API}/cases/${caseIds.assigned}/staff/${userId}`, {
        roleOnCase: 'support',
      });
      expect(res.statusCode, userId).toBe(404);
    }
    const b = await request(env, sessions.B.lawyer, 'GET', `${API}/cases/${caseIds.assigned}`);
    expect(b.statusCode).toBe(404);
  });
});

async function orgIdOf(userId: string) {
  return (await env.ctx.db.selectFrom('users').select('org_id').where('id', '=', userId).executeTakeFirst())
    ?.org_id;
}

describe('session abilities', () => {
  it.each(ROLES)('%s: what the interface is told matches the rule', async (role) => {
    const res = await request(env, sessions.A[role], 'GET', `${API}/session`);
    expect(res.json<{ abilities: unknown }>().abilities).toEqual({
      manageUsers: role === 'admin',
      readCases: caseWorker(role),
      createCases: caseWorker(role),
    });
  });
});

/** Every directory endpoint, with a valid body, naming things that do not exist. */
function directoryEndpoints(id: string): { method: Method; url: string; body?: unknown }[] {
  const org = { name: 'Organización' };
  const service = { name: 'Servicio', categories: ['legal'], referral_method: 'senda' };
  const location = { name: 'Sede' };
  return [
    { method: 'GET', url: `${API}/directory/organizations` },
    { method: 'PUT', url: `${API}/directory/own-organization`, body: org },
    { method: 'POST', url: `${API}/directory/organizations`, body: org },
    { method: 'PATCH', url: `${API}/directory/organizations/${id}`, body: org },
    { method: 'GET', url: `${API}/directory/services?need=legal` },
    { method: 'GET', url: `${API}/directory/services/${id}` },
    { method: 'POST', url: `${API}/directory/organizations/${id}/services`, body: service },
    { method: 'PATCH', url: `${API}/directory/services/${id}`, body: { name: 'Otro' } },
    { method: 'DELETE', url: `${API}/directory/services/${id}` },
    { method: 'GET', url: `${API}/directory/organizations/${id}/locations` },
    { method: 'POST', url: `${API}/directory/organizations/${id}/locations`, body: location },
    { method: 'GET', url: `${API}/directory/locations/${id}` },
    { method: 'PUT', url: `${API}/directory/locations/${id}`, body: location },
    { method: 'DELETE', url: `${API}/directory/locations/${id}` },
    { method: 'GET', url: `${API}/directory/locations/${id}/access` },
    { method: 'POST', url: `${API}/directory/locations/${id}/access`, body: { email: 'a@b.test' } },
    { method: 'DELETE', url: `${API}/directory/locations/${id}/access/${id}` },
    { method: 'GET', url: `${API}/directory/hsds/services` },
    { method: 'GET', url: `${API}/directory/hsds/tabular` },
    {
      method: 'POST',
      url: `${API}/directory/hsds/import`,
      body: { contents: [{ id, name: 'S', status: 'active' }] },
    },
  ];
}
