/**
 * Risk and safety through the API: the level follows the written rule, the
 * assessor may set another with her reason, the newest assessment is the
 * case's level on the case list, and the safety plan is sealed at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_QUESTION_CODES } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

interface Assessment {
  id: string;
  level: string;
  computedLevel: string;
  redFlags: string[];
  overrideReason: string;
  safetyPlan: { codeWords: string[] } | null;
}

const no = Object.fromEntries(RISK_QUESTION_CODES.map((q) => [q, 'no']));
let env: TestEnv;
let lawyer: Session;
let outsider: Session;
let otherOrg: Session;
let caseId: string;
const base = () => `/api/v1/cases/${caseId}/risk`;

async function listedLevel(): Promise<string | null | undefined> {
  const res = await request(env, lawyer, 'GET', '/api/v1/cases?limit=50');
  return res.json<{ items: { id: string; riskLevel: string | null }[] }>().items.find((c) => c.id === caseId)
    ?.riskLevel;
}

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'lawyer', 'outsider@imu.test');
  await addUser(env, other, 'admin', 'admin@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  outsider = await signIn(env, 'outsider@imu.test');
  otherOrg = await signIn(env, 'admin@ali.test');
  caseId = (await request(env, lawyer, 'POST', '/api/v1/cases', intake())).json<{ id: string }>().id;
});
afterAll(() => env.close());

describe('risk assessments', () => {
  it('shows no level before the first assessment', async () => {
    expect(await listedLevel()).toBeNull();
    expect((await request(env, lawyer, 'GET', base())).json()).toEqual({ items: [], current: null });
  });

  it('gives high for threats to kill, and the case list shows it', async () => {
    const res = await request(env, lawyer, 'POST', base(), {
      assessedOn: '2026-02-02',
      answers: { ...no, threats_to_kill: 'yes', children_at_risk: 'yes' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Assessment>()).toMatchObject({
      computedLevel: 'high',
      level: 'high',
      redFlags: ['threats_to_kill'],
    });
    expect(await listedLevel()).toBe('high');
  });

  it('takes the assessor’s level with her reason (sealed), and the newest assessment is the case’s level', async () => {
    const res = await request(env, lawyer, 'POST', base(), {
      assessedOn: '2026-03-02',
      answers: { ...no, no_support_network: 'yes' },
      overrideLevel: 'critical',
      overrideReason: 'El agresor la encontró en el albergue de Tapachula',
    });
    expect(res.json<Assessment>()).toMatchObject({ computedLevel: 'low', level: 'critical' });
    expect(await listedLevel()).toBe('critical');
    const stored = await env.ctx.db
      .selectFrom('case_risk_assessments')
      .select('override_reason_enc')
      .execute();
    expect(JSON.stringify(stored)).not.toContain('albergue');
    // An older assessment recorded later does not replace the newest one.
    await request(env, lawyer, 'POST', base(), { assessedOn: '2026-01-05', answers: no });
    expect(await listedLevel()).toBe('critical');
    const list = (await request(env, lawyer, 'GET', base())).json<{ items: Assessment[]; current: string }>();
    expect(list.current).toBe('critical');
    expect(list.items.map((a) => a.level)).toEqual(['critical', 'high', 'low']);
  });

  it('refuses unanswered questions and an override without its reason', async () => {
    const { weapon: _weapon, ...rest } = no;
    const missing = await request(env, lawyer, 'POST', base(), { assessedOn: '2026-03-03', answers: rest });
    expect(apiError(missing).fields).toEqual([{ path: 'answers.weapon', code: 'invalid_choice' }]);
    const noReason = await request(env, lawyer, 'POST', base(), {
      assessedOn: '2026-03-03',
      answers: no,
      overrideLevel: 'high',
    });
    expect(apiError(noReason).fields).toEqual([{ path: 'overrideReason', code: 'override_reason_required' }]);
  });
});

describe('the safety plan', () => {
  it('is linked to an assessment and sealed at rest', async () => {
    const [newest] = (await request(env, lawyer, 'GET', base())).json<{ items: Assessment[] }>().items;
    const res = await request(env, lawyer, 'PUT', `${base()}/${newest?.id}/safety-plan`, {
      risks: ['El agresor conoce el albergue'],
      measures: ['Traslado a otro albergue', 'Cambiar de número'],
      safeContacts: [{ name: 'Hermana Marta', phone: '+52 962 111 2233', note: 'Llamar de noche' }],
      safePlaces: ['Parroquia de San Agustín'],
      codeWords: ['mango verde'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Assessment>().safetyPlan?.codeWords).toEqual(['mango verde']);
    const stored = await env.ctx.db.selectFrom('case_risk_assessments').select('safety_plan_enc').execute();
    expect(JSON.stringify(stored)).not.toContain('mango');
    expect(JSON.stringify(stored)).not.toContain('Marta');
    const unknown = await request(env, lawyer, 'PUT', `${base()}/${crypto.randomUUID()}/safety-plan`, {});
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 404 outside the case', async () => {
    for (const session of [outsider, otherOrg]) {
      expect((await request(env, session, 'GET', base())).statusCode).toBe(404);
      expect(
        (await request(env, session, 'POST', base(), { assessedOn: '2026-03-03', answers: no })).statusCode,
      ).toBe(404);
    }
  });
});
