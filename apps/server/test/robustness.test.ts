/**
 * Whatever a client sends, the answer is a 4xx in the one error shape
 * `{ error: { code, message, fields? } }`, with no stack trace — never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
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

const API = '/api/v1';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
let env: TestEnv;
let admin: Session;
let caseId: string;
let memberId: string;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, org, 'admin', 'admin@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  const created = await request(env, admin, 'POST', `${API}/cases`, intake());
  caseId = created.json<{ id: string }>().id;
  memberId = must(created.json<{ familyMembers: { id: string }[] }>().familyMembers[0]).id;
});
afterAll(() => env.close());

function raw(
  method: Method,
  url: string,
  body?: string,
  contentType: string | null = 'application/json',
  session: Session | null = admin,
) {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (contentType) headers['content-type'] = contentType;
  return env.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
}

/** A 4xx in the one shape; returns the error. */
function refused(res: LightMyRequestResponse, status?: number) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (status) expect(res.statusCode, res.body).toBe(status);
  return apiError(res);
}

/** Every endpoint that reads a JSON body, with a valid body. */
const writes = (): { method: Method; url: string; body: object; session?: null }[] => [
  {
    method: 'POST',
    url: `${API}/session`,
    body: { email: 'admin@imu.test', password: PASSWORD },
    session: null,
  },
  { method: 'PUT', url: `${API}/session/locale`, body: { locale: 'es' } },
  {
    method: 'POST',
    url: `${API}/session/password`,
    body: { currentPassword: PASSWORD, newPassword: PASSWORD },
  },
  {
    method: 'POST',
    url: `${API}/users`,
    body: { email: 'x@imu.test', displayName: 'X', role: 'lawyer', password: PASSWORD },
  },
  { method: 'PATCH', url: `${API}/users/${admin.userId}`, body: { displayName: 'Admin' } },
  { method: 'POST', url: `${API}/users/${admin.userId}/password`, body: { password: PASSWORD } },
  { method: 'POST', url: `${API}/cases`, body: intake() },
  { method: 'POST', url: `${API}/cases/search`, body: { q: 'maria' } },
  { method: 'PATCH', url: `${API}/cases/${caseId}`, body: { municipality: 'Tapachula' } },
  {
    method: 'POST',
    url: `${API}/cases/${caseId}/members`,
    body: { relationship: 'son', givenNames: 'Luis', sex: 'male' },
  },
  { method: 'PATCH', url: `${API}/cases/${caseId}/members/${memberId}`, body: { givenNames: 'Ana' } },
  { method: 'PUT', url: `${API}/cases/${caseId}/staff/${admin.userId}`, body: { roleOnCase: 'lead' } },
  { method: 'POST', url: `${API}/cases/${caseId}/notes`, body: { noteClass: 'general', body: 'Nota' } },
  // Needs, the care plan and supervision.
  {
    method: 'POST',
    url: `${API}/cases/${caseId}/needs`,
    body: { domain: 'other', identifiedOn: '2026-01-12' },
  },
  { method: 'PATCH', url: `${API}/cases/${caseId}/needs/${unknownId()}`, body: { status: 'met' } },
  { method: 'POST', url: `${API}/cases/${caseId}/goals`, body: { needId: unknownId(), title: 'Meta' } },
  { method: 'PATCH', url: `${API}/cases/${caseId}/goals/${unknownId()}`, body: { title: 'Meta' } },
  { method: 'POST', url: `${API}/cases/${caseId}/actions`, body: { goalId: unknownId(), title: 'Acción' } },
  { method: 'PATCH', url: `${API}/cases/${caseId}/actions/${unknownId()}`, body: { status: 'done' } },
  {
    method: 'POST',
    url: `${API}/cases/${caseId}/actions/${unknownId()}/follow-ups`,
    body: { on: '2026-02-01', note: 'Seguimiento' },
  },
  { method: 'POST', url: `${API}/cases/${caseId}/care-plan/submit`, body: {} },
  { method: 'POST', url: `${API}/cases/${caseId}/closure`, body: { reason: 'other', checklist: {} } },
  {
    method: 'POST',
    url: `${API}/cases/${caseId}/approvals/${unknownId()}/decision`,
    body: { decision: 'approve' },
  },
  { method: 'POST', url: `${API}/cases/${caseId}/approvals/${unknownId()}/withdraw`, body: {} },
  { method: 'POST', url: `${API}/cases/${caseId}/reopen`, body: { reason: 'Volvió' } },
  { method: 'POST', url: `${API}/tasks/${unknownId()}/done`, body: {} },
  // The directory.
  { method: 'PUT', url: `${API}/directory/own-organization`, body: { name: 'Clínica' } },
  { method: 'POST', url: `${API}/directory/organizations`, body: { name: 'Centro' } },
  { method: 'PATCH', url: `${API}/directory/organizations/${unknownId()}`, body: { name: 'Centro' } },
  {
    method: 'POST',
    url: `${API}/directory/organizations/${unknownId()}/services`,
    body: { name: 'Servicio', categories: ['legal'], referral_method: 'senda' },
  },
  { method: 'PATCH', url: `${API}/directory/services/${unknownId()}`, body: { name: 'Servicio' } },
  { method: 'POST', url: `${API}/directory/organizations/${unknownId()}/locations`, body: { name: 'Sede' } },
  { method: 'PUT', url: `${API}/directory/locations/${unknownId()}`, body: { name: 'Sede' } },
  { method: 'POST', url: `${API}/directory/locations/${unknownId()}/access`, body: { email: 'a@b.test' } },
  { method: 'POST', url: `${API}/directory/hsds/import`, body: { contents: [{}] } },
  // Referrals.
  {
    method: 'POST',
    url: `${API}/cases/${caseId}/referrals`,
    body: { needId: unknownId(), serviceId: unknownId(), send: false },
  },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/send`, body: {} },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/withdraw`, body: {} },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/accept`, body: {} },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/decline`, body: { reason: 'no_capacity' } },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/assign`, body: { userId: unknownId() } },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/complete`, body: { outcome: 'given' } },
  { method: 'POST', url: `${API}/referrals/${unknownId()}/messages`, body: { body: 'Hola' } },
];

describe('bodies', () => {
  it('malformed JSON → 400 malformed_json on every endpoint with a body', async () => {
    for (const w of writes()) {
      for (const body of ['{"givenNames": "Ana",', "{'a': 1}", '{"a": undefined}', '']) {
        const res = await raw(w.method, w.url, body, 'application/json', w.session === null ? null : admin);
        expect(refused(res, 400).code, `${w.method} ${w.url} ${body}`).toBe('malformed_json');
      }
    }
  });

  it('a JSON array, null, a string or a number as body → 400 validation_failed', async () => {
    for (const w of writes()) {
      for (const body of ['[]', `[${JSON.stringify(w.body)}]`, 'null', '"text"', '42', 'true']) {
        const res = await raw(w.method, w.url, body, 'application/json', w.session === null ? null : admin);
        expect(refused(res, 400).code, `${w.method} ${w.url} ${body}`).toBe('validation_failed');
      }
    }
  });

  it('an unknown field → 400 unknown_field, naming the field', async () => {
    for (const w of writes()) {
      const res = await raw(
        w.method,
        w.url,
        JSON.stringify({ ...w.body, isAdmin: true }),
        'application/json',
        w.session === null ? null : admin,
      );
      expect(refused(res, 400).fields, `${w.method} ${w.url}`).toContainEqual({
        path: 'isAdmin',
        code: 'unknown_field',
      });
    }
  });

  it('wrong types → 400 with a field code per field, and no value echoed', async () => {
    const res = await request(
      env,
      admin,
      'POST',
      `${API}/cases`,
      intake({
        givenNames: 42,
        needsInterpreter: 'yes',
        nationalities: 'HN',
        estimatedAge: -1,
        birthDate: '2099-01-01',
        familyMembers: [{ relationship: 'son', givenNames: 'Luis', sex: 'male', estimatedAge: 3.5 }],
      }),
    );
    const error = refused(res, 400);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'givenNames', code: 'invalid_type' },
        { path: 'needsInterpreter', code: 'invalid_type' },
        { path: 'nationalities', code: 'invalid_type' },
        { path: 'estimatedAge', code: 'too_small', params: { min: 0 } },
        { path: 'birthDate', code: 'future_date' },
        { path: 'familyMembers.0.estimatedAge', code: 'invalid_type' },
      ]),
    );
    expect(res.body).not.toContain('2099');
  });

  it('prototype keys, deep nesting and huge numbers are refused', async () => {
    for (const body of [
      '{"givenNames":"A","__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"givenNames":"A","estimatedAge":1e400}',
    ]) {
      refused(await raw('POST', `${API}/cases`, body), 400);
    }
  });

  it('a 1 MB body → 413 payload_too_large, also before sign-in', async () => {
    const big = JSON.stringify({ noteClass: 'general', body: 'x'.repeat(1024 * 1024) });
    expect(refused(await raw('POST', `${API}/cases/${caseId}/notes`, big), 413).code).toBe(
      'payload_too_large',
    );
    const bigSignIn = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024) });
    expect(refused(await raw('POST', `${API}/session`, bigSignIn, 'application/json', null), 413).code).toBe(
      'payload_too_large',
    );
  });

  it('a body that is not JSON → 415 unsupported_media_type', async () => {
    for (const [type, body] of [
      ['text/plain', JSON.stringify(intake())],
      ['application/x-www-form-urlencoded', 'givenNames=Ana'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="givenNames"\r\n\r\nAna\r\n--x--',
      ],
      ['application/xml', '<case/>'],
      [null, JSON.stringify(intake())],
    ] as const) {
      const res = await raw('POST', `${API}/cases`, body, type);
      expect(refused(res, 415).code, String(type)).toBe('unsupported_media_type');
    }
  });

  it('text with NUL characters is refused or stored, never a server error', async () => {
    const nul = '\u0000';
    const answers = [
      await request(env, admin, 'POST', `${API}/cases`, intake({ givenNames: `Ana${nul}` })),
      await request(env, admin, 'POST', `${API}/cases/${caseId}/notes`, {
        noteClass: 'general',
        body: `Nota${nul}`,
      }),
      await env.app.inject({
        method: 'POST',
        url: `${API}/session`,
        payload: { email: `admin${nul}@imu.test`, password: PASSWORD },
      }),
      await request(env, admin, 'POST', `${API}/cases/search`, { q: `Ana${nul}` }),
      await request(
        env,
        admin,
        'GET',
        `${API}/cases?cursor=${Buffer.from(JSON.stringify([`2026${nul}`, 'x'])).toString('base64url')}`,
      ),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode >= 400) apiError(res);
    }
  });
});

describe('paths and query strings', () => {
  it('a malformed or overlong id in a path → 400 or 404 (414 when overlong) in the one shape, never 500', async () => {
    const bad = [
      'not-a-uuid',
      '1',
      "1' or '1'='1",
      '%20',
      '00000000-0000-0000-0000-00000000000g',
      'a'.repeat(500),
    ];
    for (const id of bad) {
      const e = encodeURIComponent(id);
      for (const [method, url] of [
        ['GET', `${API}/cases/${e}`],
        ['PATCH', `${API}/cases/${e}`],
        ['GET', `${API}/cases/${e}/notes`],
        ['GET', `${API}/cases/${e}/audit`],
        ['GET', `${API}/cases/${e}/history`],
        ['DELETE', `${API}/cases/${caseId}/members/${e}`],
        ['PUT', `${API}/cases/${caseId}/staff/${e}`],
        ['PATCH', `${API}/users/${e}`],
      ] as const) {
        const res = await request(
          env,
          admin,
          method,
          url,
          method === 'GET' || method === 'DELETE' ? undefined : { roleOnCase: 'lead' },
        );
        expect(id.length > 100 ? [400, 404, 414] : [400, 404], `${method} ${url}`).toContain(res.statusCode);
        apiError(res);
      }
    }
  });

  it('an id that names nothing → 404 not_found', async () => {
    const res = await request(env, admin, 'GET', `${API}/cases/${unknownId()}`);
    expect(refused(res, 404).code).toBe('not_found');
    const member = await request(env, admin, 'DELETE', `${API}/cases/${caseId}/members/${unknownId()}`);
    expect(refused(member, 404).code).toBe('not_found');
  });

  it('a URL with broken percent-encoding → 400 in the one shape', async () => {
    for (const url of [`${API}/cases/%E0%A4%A`, `${API}/cases/%ZZ`]) {
      refused(await request(env, admin, 'GET', url), 400);
    }
  });

  it('an unknown path or method → 404 in the one shape (401 before sign-in)', async () => {
    expect(refused(await request(env, admin, 'GET', `${API}/nothing-here`), 404).code).toBe('not_found');
    expect(refused(await request(env, admin, 'PUT', `${API}/cases`, {}), 404).code).toBe('not_found');
    expect(refused(await request(env, null, 'GET', `${API}/nothing-here`), 401).code).toBe('unauthenticated');
  });

  it('a bad cursor → 400', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of [
      'garbage',
      '%%%',
      b64({ at: 'x' }),
      b64([1, 2]),
      b64('x'),
      b64(null),
      'x'.repeat(201),
    ]) {
      const list = await request(env, admin, 'GET', `${API}/cases?cursor=${encodeURIComponent(cursor)}`);
      expect(refused(list, 400).code, cursor).toBe('validation_failed');
      const search = await request(env, admin, 'POST', `${API}/cases/search`, { cursor });
      expect(refused(search, 400).code, cursor).toBe('validation_failed');
    }
  });

  it('bad list filters → 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['state=99', 'state'],
      ['state=07&state=08', 'state'],
      ['status=archived', 'status'],
      ['assignedToMe=maybe', 'assignedToMe'],
      ['nationality=XX', 'nationality'],
      ['q=maria', 'q'],
    ] as const) {
      const res = await request(env, admin, 'GET', `${API}/cases?${query}`);
      expect(
        refused(res, 400).fields?.map((f) => f.path),
        query,
      ).toContain(path);
    }
  });

  it('a huge or empty-after-folding search → 400, never 500', async () => {
    const huge = await request(env, admin, 'POST', `${API}/cases/search`, { q: 'María '.repeat(10_000) });
    expect(refused(huge, 400).fields).toEqual([{ path: 'q', code: 'too_long', params: { max: 100 } }]);
    expect(huge.body).not.toContain('María');
    for (const q of ['!!!', '%', '_', "' or 1=1 --", '\\']) {
      const res = await request(env, admin, 'POST', `${API}/cases/search`, { q });
      expect(res.statusCode, q).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json<{ items: unknown[] }>().items).toEqual([]);
      else apiError(res);
    }
  });
});
