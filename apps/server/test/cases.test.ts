import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganization,
  addUser,
  createTestEnv,
  intake,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

let env: TestEnv;
let lawyer: Session;
let coordinator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'coordinator', 'coord@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
});
afterAll(() => env.close());

describe('POST /api/v1/cases', () => {
  it('answers 401 without a session', async () => {
    const res = await request(env, null, 'POST', '/api/v1/cases', intake());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers 400 with field errors and no values on bad input', async () => {
    const res = await request(
      env,
      lawyer,
      'POST',
      '/api/v1/cases',
      intake({ givenNames: '', nationalities: ['ZZ'], extra: 1 }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: { path: string; code: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'givenNames', code: 'required' },
        { path: 'nationalities.0', code: 'invalid_choice' },
        { path: 'extra', code: 'unknown_field' },
      ]),
    );
  });

  it('registers a woman with her child and gives a readable case code', async () => {
    const res = await request(env, lawyer, 'POST', '/api/v1/cases', intake());
    expect(res.statusCode).toBe(201);
    const body = res.json<Record<string, unknown>>();
    expect(body.code).toMatch(/^IMU-\d{4}-00001$/);
    expect(body).toMatchObject({
      givenNames: 'María José',
      status: 'open',
      step: 'engagement',
      needsInterpreter: false,
      estimatedAge: null,
      contactDetails: '+52 962 000 0000',
      familyMembers: [{ relationship: 'daughter', givenNames: 'Ana', estimatedAge: 6, sex: 'female' }],
      staff: [{ roleOnCase: 'lawyer' }],
      abilities: { readNoteClasses: ['general', 'legal'] },
    });
    const row = await env.ctx.db
      .selectFrom('cases')
      .select('contact_details_enc')
      .where('id', '=', body.id as string)
      .executeTakeFirstOrThrow();
    expect(row.contact_details_enc).not.toContain('962');
  });
});

describe('POST /api/v1/cases/search', () => {
  it('finds a name typed without accents and in another case', async () => {
    await request(env, lawyer, 'POST', '/api/v1/cases', intake({ givenNames: 'Rosa', familyNames: 'Núñez' }));
    const res = await request(env, coordinator, 'POST', '/api/v1/cases/search', { q: 'jose PEREZ' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ items: { givenNames: string; familySize: number }[] }>();
    expect(body.items.map((c) => c.givenNames)).toEqual(['María José']);
    expect(body.items[0]?.familySize).toBe(2);
    const partial = await request(env, coordinator, 'POST', '/api/v1/cases/search', { q: 'nun' });
    expect(partial.json<{ items: { givenNames: string }[] }>().items.map((c) => c.givenNames)).toEqual([
      'Rosa',
    ]);
  });
});
