import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  addOrganization,
  addUser,
  createTestEnv,
  intake,
  request,
  signIn,
  type Session,
  type TestEnv,
  must,
} from './harness.js';

const API = '/api/v1';
let env: TestEnv;
let orgId: string;
let admin: Session;
let coordinator: Session;
let lawyer: Session;
let caseId: string;
let memberId: string;
let psyId: string;

/** Values that must never reach the audit log. */
const PERSONAL = {
  givenNames: 'Guadalupe Itzel',
  familyNames: 'Ramírez Núñez',
  birthDate: '1991-07-23',
  municipality: 'Huixtla',
  contactDetails: '+52 962 555 0199',
  familyMembers: [
    {
      relationship: 'daughter',
      givenNames: 'Xochitl',
      familyNames: 'Ramírez',
      estimatedAge: 7,
      sex: 'female',
    },
  ],
};
const SECRETS = [
  'Guadalupe',
  'Itzel',
  'Ramírez',
  'Núñez',
  '1991-07-23',
  'Huixtla',
  '555 0199',
  'Xochitl',
  'Marisol',
  'Citlali',
  'nueva.persona',
  'Pesadillas',
  PASSWORD,
];

const rowsAfter = (seq: number) =>
  env.ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').execute();
const lastSeq = async () =>
  (await env.ctx.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())
    ?.seq ?? 0;

beforeAll(async () => {
  env = await createTestEnv();
  orgId = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, orgId, 'admin', 'admin@imu.test');
  await addUser(env, orgId, 'coordinator', 'coord@imu.test');
  await addUser(env, orgId, 'lawyer', 'lawyer@imu.test');
  psyId = await addUser(env, orgId, 'psychologist', 'psy@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
});
afterAll(() => env.close());

interface Act {
  name: string;
  run: () => Promise<{ statusCode: number; body: string }>;
  actor: () => Session | null;
  action: string;
  entityType: string;
  entityId?: () => string | null;
  caseId?: () => string | null;
  fields?: string[];
  status?: number;
}

const ACTS: Act[] = [
  {
    name: 'registering a case',
    run: async () => {
      const res = await request(env, lawyer, 'POST', `${API}/cases`, intake(PERSONAL));
      caseId = res.json<{ id: string }>().id;
      memberId = must(res.json<{ familyMembers: { id: string }[] }>().familyMembers[0], 'family member').id;
      return res;
    },
    actor: () => lawyer,
    action: 'case.create',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
  },
  {
    name: 'opening the case page',
    run: () => request(env, lawyer, 'GET', `${API}/cases/${caseId}`),
    actor: () => lawyer,
    action: 'case.read',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
    fields: [],
  },
  {
    name: 'changing the case',
    run: () =>
      request(env, coordinator, 'PATCH', `${API}/cases/${caseId}`, {
        givenNames: 'Marisol',
        contactDetails: '+52 962 000 1234',
        municipality: PERSONAL.municipality,
      }),
    actor: () => coordinator,
    action: 'case.update',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
    fields: ['contactDetails', 'givenNames'],
  },
  {
    name: 'adding a family member',
    run: () =>
      request(env, lawyer, 'POST', `${API}/cases/${caseId}/members`, {
        relationship: 'son',
        givenNames: 'Citlali',
        sex: 'male',
      }),
    actor: () => lawyer,
    action: 'case.member.create',
    entityType: 'case_member',
    caseId: () => caseId,
  },
  {
    name: 'changing a family member',
    run: () =>
      request(env, lawyer, 'PATCH', `${API}/cases/${caseId}/members/${memberId}`, {
        givenNames: 'Citlali',
        estimatedAge: 8,
      }),
    actor: () => lawyer,
    action: 'case.member.update',
    entityType: 'case_member',
    entityId: () => memberId,
    caseId: () => caseId,
    fields: ['estimatedAge', 'givenNames'],
  },
  {
    name: 'removing a family member',
    run: () => request(env, lawyer, 'DELETE', `${API}/cases/${caseId}/members/${memberId}`),
    actor: () => lawyer,
    action: 'case.member.delete',
    entityType: 'case_member',
    entityId: () => memberId,
    caseId: () => caseId,
    fields: [],
  },
  {
    name: 'assigning staff',
    run: () =>
      request(env, coordinator, 'PUT', `${API}/cases/${caseId}/staff/${admin.userId}`, {
        roleOnCase: 'support',
      }),
    actor: () => coordinator,
    action: 'case.staff.assign',
    entityType: 'case_assignment',
    entityId: () => admin.userId,
    caseId: () => caseId,
    fields: ['roleOnCase'],
  },
  {
    name: 'unassigning staff',
    run: () => request(env, coordinator, 'DELETE', `${API}/cases/${caseId}/staff/${admin.userId}`),
    actor: () => coordinator,
    action: 'case.staff.unassign',
    entityType: 'case_assignment',
    entityId: () => admin.userId,
    caseId: () => caseId,
    fields: [],
  },
  {
    name: 'writing a note',
    run: () =>
      request(env, lawyer, 'POST', `${API}/cases/${caseId}/notes`, {
        noteClass: 'legal',
        body: 'Pesadillas y miedo a volver',
      }),
    actor: () => lawyer,
    action: 'case.note.create',
    entityType: 'case_note',
    caseId: () => caseId,
    fields: ['body', 'noteClass'],
  },
  {
    name: 'reading the notes',
    run: () => request(env, lawyer, 'GET', `${API}/cases/${caseId}/notes`),
    actor: () => lawyer,
    action: 'case.notes.read',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
    fields: ['general', 'legal'],
  },
  {
    name: 'reading the audit trail',
    run: () => request(env, coordinator, 'GET', `${API}/cases/${caseId}/audit`),
    actor: () => coordinator,
    action: 'case.audit.read',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
  },
  {
    name: 'reading the field history',
    run: () => request(env, coordinator, 'GET', `${API}/cases/${caseId}/history`),
    actor: () => coordinator,
    action: 'case.history.read',
    entityType: 'case',
    entityId: () => caseId,
    caseId: () => caseId,
  },
  {
    name: 'creating a user',
    run: () =>
      request(env, admin, 'POST', `${API}/users`, {
        email: 'nueva.persona@imu.test',
        displayName: 'Nueva Persona',
        role: 'intake',
        password: PASSWORD,
      }),
    actor: () => admin,
    action: 'user.create',
    entityType: 'user',
  },
  {
    name: 'changing a user',
    run: () =>
      request(env, admin, 'PATCH', `${API}/users/${lawyer.userId}`, { displayName: 'Abogada', locale: 'fr' }),
    actor: () => admin,
    action: 'user.update',
    entityType: 'user',
    entityId: () => lawyer.userId,
    fields: ['displayName', 'locale'],
  },
  {
    name: "resetting a user's password",
    run: () =>
      request(env, admin, 'POST', `${API}/users/${coordinator.userId}/password`, {
        password: 'reinicio seguro 2026',
      }),
    actor: () => admin,
    action: 'user.password_reset',
    entityType: 'user',
    entityId: () => coordinator.userId,
    fields: ['password'],
  },
  {
    name: 'changing the own language',
    run: () => request(env, lawyer, 'PUT', `${API}/session/locale`, { locale: 'en' }),
    actor: () => lawyer,
    action: 'user.update',
    entityType: 'user',
    entityId: () => lawyer.userId,
    fields: ['locale'],
  },
  {
    name: 'a failed sign-in',
    run: () =>
      env.app.inject({
        method: 'POST',
        url: `${API}/session`,
        payload: { email: 'psy@imu.test', password: 'wrong one' },
      }),
    actor: () => ({ userId: psyId }) as Session,
    action: 'session.sign_in_failed',
    entityType: 'session',
    status: 401,
  },
  {
    name: 'signing out',
    run: () => request(env, admin, 'DELETE', `${API}/session`),
    actor: () => admin,
    action: 'session.sign_out',
    entityType: 'session',
  },
];

describe('every act writes one audit entry, in the same request', () => {
  it.each(ACTS.map((a) => [a.name, a] as const))('%s', async (_name, act) => {
    const before = await lastSeq();
    const res = await act.run();
    if (act.status) expect(res.statusCode, res.body).toBe(act.status);
    else expect(res.statusCode, res.body).toBeLessThan(300);
    const rows = await rowsAfter(before);
    expect(rows.map((r) => r.action)).toEqual([act.action]);
    const row = must(rows[0], 'audit entry');
    const actor = act.actor();
    expect(row).toMatchObject({
      actor_id: actor?.userId ?? null,
      org_id: orgId,
      entity_type: act.entityType,
    });
    if (act.entityId) expect(row.entity_id).toBe(act.entityId());
    if (act.caseId) expect(row.case_id).toBe(act.caseId());
    const fields = JSON.parse(row.fields) as string[];
    if (act.fields) expect(fields).toEqual(act.fields);
    for (const f of fields) expect(f).toMatch(/^[a-z][A-Za-z]*$/);
    if (act.name === "resetting a user's password")
      coordinator = await signIn(env, 'coord@imu.test', 'reinicio seguro 2026');
    if (act.name === 'signing out') admin = await signIn(env, 'admin@imu.test');
  });

  it('signing in writes an entry for the person', async () => {
    const before = await lastSeq();
    const s = await signIn(env, 'psy@imu.test');
    const rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.actor_id, r.org_id])).toEqual([['session.sign_in', s.userId, orgId]]);
  });

  it('registering a case lists the names of the fields written, never their values', async () => {
    const row = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.create')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.fields)).toEqual(
      expect.arrayContaining(['givenNames', 'familyNames', 'birthDate', 'contactDetails', 'familyMembers']),
    );
  });

  it('no audit entry, in the table or through the API, holds a personal value', async () => {
    const dump = JSON.stringify(await env.ctx.db.selectFrom('audit_log').selectAll().execute());
    const view = (await request(env, coordinator, 'GET', `${API}/cases/${caseId}/audit`)).body;
    for (const secret of SECRETS) {
      expect(dump, secret).not.toContain(secret);
      expect(view, secret).not.toContain(secret);
    }
  });

  it("the case's trail shows its entries newest first, with who did them", async () => {
    const res = await request(env, coordinator, 'GET', `${API}/cases/${caseId}/audit`);
    const items = res.json<{
      items: { seq: number; action: string; actorName: string | null; fields: string[] }[];
    }>().items;
    expect(items.map((i) => i.seq)).toEqual([...items.map((i) => i.seq)].sort((a, b) => b - a));
    expect(items.at(-1)).toMatchObject({ action: 'case.create', actorName: 'Abogada' });
    expect(items.map((i) => i.action)).not.toContain('user.create');
  });
});

describe('field history', () => {
  it('keeps the changed field names and previous values, for coordinators and admins only', async () => {
    const created = await request(env, lawyer, 'POST', `${API}/cases`, intake({ givenNames: 'Rosa Elena' }));
    const id = created.json<{ id: string }>().id;
    expect(
      (await request(env, lawyer, 'PATCH', `${API}/cases/${id}`, { givenNames: 'Rosa' })).statusCode,
    ).toBe(200);
    expect(
      (await request(env, lawyer, 'PATCH', `${API}/cases/${id}`, { givenNames: 'Rosa', state: '09' }))
        .statusCode,
    ).toBe(200);
    // Sending the same value again changes nothing and writes nothing.
    const before = await lastSeq();
    expect((await request(env, lawyer, 'PATCH', `${API}/cases/${id}`, { state: '09' })).statusCode).toBe(200);
    expect(await rowsAfter(before)).toEqual([]);

    const res = await request(env, coordinator, 'GET', `${API}/cases/${id}/history`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      items: [
        { version: 2, fields: ['state'], before: { state: '07' } },
        {
          version: 1,
          fields: ['givenNames'],
          before: { givenNames: 'Rosa Elena' },
          changedBy: expect.any(String) as string,
        },
      ],
    });
    expect(res.json<{ items: unknown[] }>().items).toHaveLength(2);
    expect((await request(env, admin, 'GET', `${API}/cases/${id}/history`)).statusCode).toBe(200);
    expect((await request(env, lawyer, 'GET', `${API}/cases/${id}/history`)).statusCode).toBe(403);
    const stored = JSON.stringify(
      await env.ctx.db.selectFrom('case_versions').selectAll().where('case_id', '=', id).execute(),
    );
    expect(stored).not.toContain('Rosa Elena');
  });
});
