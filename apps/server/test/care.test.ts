/**
 * Needs and the care plan through the API, on both databases: the rules of a
 * need, goals and actions linked to needs, follow-ups, texts sealed at rest,
 * and what her consent to receive services allows from the day it is given
 * until the day it is withdrawn or expires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexico, type CareView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
let env: TestEnv;
let lawyer: Session;
let psychologist: Session;
let outsider: Session;
let otherOrg: Session;

const today = todayInMexico();
const services = {
  purpose: 'services',
  scope: ['identity'],
  method: 'electronic_signature',
  givenOn: '2026-01-12',
};

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'psychologist', 'psy@imu.test');
  await addUser(env, org, 'lawyer', 'outsider@imu.test');
  await addUser(env, other, 'coordinator', 'coord@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  psychologist = await signIn(env, 'psy@imu.test');
  outsider = await signIn(env, 'outsider@imu.test');
  otherOrg = await signIn(env, 'coord@ali.test');
});
afterAll(() => env.close());

async function newCase(): Promise<string> {
  const res = await request(env, lawyer, 'POST', `${API}/cases`, intake());
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

async function ok(res: Awaited<ReturnType<typeof request>>, status = 200): Promise<CareView> {
  expect(res.statusCode, res.body).toBe(status);
  return Promise.resolve(res.json<CareView>());
}

function refusal(res: Awaited<ReturnType<typeof request>>, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  return apiError(res).fields?.map((f) => `${f.path}:${f.code}`);
}

describe('needs', () => {
  it('records needs across domains with priority and status; unmet only with a reason', async () => {
    const id = await newCase();
    const empty = await ok(await request(env, lawyer, 'GET', `${API}/cases/${id}/care`));
    expect(empty).toMatchObject({
      needs: [],
      goals: [],
      plan: { status: 'empty', version: 0 },
      caseStatus: 'open',
    });

    const care = await ok(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
        domain: 'legal',
        detail: 'asylum',
        priority: 'urgent',
        description: 'Presentar solicitud ante la COMAR',
        identifiedOn: '2026-01-12',
      }),
      201,
    );
    const need = must(care.needs[0]);
    expect(need).toMatchObject({
      domain: 'legal',
      detail: 'asylum',
      priority: 'urgent',
      status: 'identified',
      unmetReason: null,
      description: 'Presentar solicitud ante la COMAR',
      recordedBy: expect.any(String) as string,
    });

    expect(
      refusal(
        await request(env, lawyer, 'PATCH', `${API}/cases/${id}/needs/${need.id}`, { status: 'unmet' }),
        400,
      ),
    ).toEqual(['unmetReason:unmet_reason_required']);
    expect(
      refusal(
        await request(env, lawyer, 'PATCH', `${API}/cases/${id}/needs/${need.id}`, { detail: 'curp' }),
        400,
      ),
    ).toEqual(['detail:detail_not_in_domain']);
    const unmet = await ok(
      await request(env, lawyer, 'PATCH', `${API}/cases/${id}/needs/${need.id}`, {
        status: 'unmet',
        unmetReason: 'no_service_available',
      }),
    );
    expect(unmet.needs[0]).toMatchObject({ status: 'unmet', unmetReason: 'no_service_available' });
    // Leaving "unmet" drops the reason.
    const met = await ok(
      await request(env, lawyer, 'PATCH', `${API}/cases/${id}/needs/${need.id}`, { status: 'met' }),
    );
    expect(met.needs[0]).toMatchObject({ status: 'met', unmetReason: null });
  });

  it('seals what she needs at rest', async () => {
    const id = await newCase();
    await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
      domain: 'shelter_housing',
      description: 'Refugio lejos de Tapachula',
      identifiedOn: '2026-01-12',
    });
    const rows = await env.ctx.db.selectFrom('case_needs').selectAll().where('case_id', '=', id).execute();
    expect(JSON.stringify(rows)).not.toContain('Tapachula');
    expect(rows[0]?.domain).toBe('shelter_housing');
  });

  it('a need with a goal is not deleted; one without is', async () => {
    const id = await newCase();
    const a = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
            domain: 'education',
            detail: 'children',
            identifiedOn: '2026-01-12',
          }),
          201,
        )
      ).needs[0],
    );
    const b = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
            domain: 'other',
            identifiedOn: '2026-01-12',
          }),
          201,
        )
      ).needs[1],
    );
    await ok(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/goals`, {
        needId: a.id,
        title: 'Inscribir a su hija',
      }),
      201,
    );
    expect(refusal(await request(env, lawyer, 'DELETE', `${API}/cases/${id}/needs/${a.id}`), 409)).toEqual([
      'needId:need_has_goals',
    ]);
    const after = await ok(await request(env, lawyer, 'DELETE', `${API}/cases/${id}/needs/${b.id}`));
    expect(after.needs.map((n) => n.id)).toEqual([a.id]);
  });

  it('is out of reach for staff not on the case and for another organization (404)', async () => {
    const id = await newCase();
    const need = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
            domain: 'other',
            identifiedOn: '2026-01-12',
          }),
          201,
        )
      ).needs[0],
    );
    for (const who of [outsider, otherOrg]) {
      expect((await request(env, who, 'GET', `${API}/cases/${id}/care`)).statusCode).toBe(404);
      expect(
        (await request(env, who, 'PATCH', `${API}/cases/${id}/needs/${need.id}`, { status: 'met' }))
          .statusCode,
      ).toBe(404);
      expect((await request(env, who, 'DELETE', `${API}/cases/${id}/needs/${need.id}`)).statusCode).toBe(404);
    }
  });
});

describe('the care plan', () => {
  let id: string;
  let needId: string;
  let goalId: string;
  beforeAll(async () => {
    id = await newCase();
    needId = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
            domain: 'mental_health',
            identifiedOn: '2026-01-12',
          }),
          201,
        )
      ).needs[0],
    ).id;
    const care = await ok(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/goals`, {
        needId,
        title: 'Atención psicológica semanal',
      }),
      201,
    );
    goalId = must(care.goals[0]).id;
    expect(care.plan).toEqual({ status: 'draft', version: 1 });
  });

  it('links a goal only to a need of the same case', async () => {
    const other = await newCase();
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${other}/goals`, { needId, title: 'X' }), 400),
    ).toEqual(['needId:need_not_found']);
  });

  it('adds no action before she consents to receive services', async () => {
    const care = await ok(await request(env, lawyer, 'GET', `${API}/cases/${id}/care`));
    expect(care.servicesConsent).toBe(false);
    expect(
      refusal(
        await request(env, lawyer, 'POST', `${API}/cases/${id}/actions`, { goalId, title: 'Primera sesión' }),
        409,
      ),
    ).toEqual(['consent:consent_required']);
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 409),
    ).toEqual(['consent:consent_required']);
  });

  it('with her consent: actions with a responsible person on the case, a due date and follow-ups', async () => {
    expect((await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, services)).statusCode).toBe(
      201,
    );
    expect(
      refusal(
        await request(env, lawyer, 'POST', `${API}/cases/${id}/actions`, {
          goalId,
          title: 'Primera sesión',
          responsibleId: psychologist.userId,
        }),
        400,
      ),
    ).toEqual(['responsibleId:responsible_not_on_case']);
    await request(env, lawyer, 'PUT', `${API}/cases/${id}/staff/${psychologist.userId}`, {
      roleOnCase: 'psychologist',
    });
    const care = await ok(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/actions`, {
        goalId,
        title: 'Primera sesión',
        responsibleId: psychologist.userId,
        dueOn: '2026-02-01',
      }),
      201,
    );
    const action = must(must(care.goals[0]).actions[0]);
    expect(action).toMatchObject({
      title: 'Primera sesión',
      responsibleName: expect.any(String) as string,
      dueOn: '2026-02-01',
      status: 'pending',
    });
    expect(care.plan.version).toBe(2);

    // Progress is not a change of plan: status and follow-ups keep the version.
    const followed = await ok(
      await request(env, psychologist, 'POST', `${API}/cases/${id}/actions/${action.id}/follow-ups`, {
        on: '2026-02-01',
        note: 'Asistió; refiere insomnio',
        status: 'in_progress',
        nextFollowUpOn: '2026-02-08',
      }),
      201,
    );
    const updated = must(must(followed.goals[0]).actions[0]);
    expect(updated).toMatchObject({ status: 'in_progress', nextFollowUpOn: '2026-02-08' });
    expect(updated.followUps).toMatchObject([{ on: '2026-02-01', note: 'Asistió; refiere insomnio' }]);
    expect(followed.plan.version).toBe(2);
    expect(updated.followUps[0]).toMatchObject({ status: 'in_progress', nextFollowUpOn: '2026-02-08' });
    // A follow-up that sets no date keeps the one the action has; one cannot come before its own day.
    const second = await ok(
      await request(env, psychologist, 'POST', `${API}/cases/${id}/actions/${action.id}/follow-ups`, {
        on: '2026-02-03',
        note: 'Llamada breve',
      }),
      201,
    );
    expect(must(must(second.goals[0]).actions[0])).toMatchObject({
      nextFollowUpOn: '2026-02-08',
      status: 'in_progress',
    });
    expect(must(must(second.goals[0]).actions[0]).followUps[0]).toMatchObject({
      on: '2026-02-03',
      status: null,
      nextFollowUpOn: null,
    });
    expect(
      refusal(
        await request(env, psychologist, 'POST', `${API}/cases/${id}/actions/${action.id}/follow-ups`, {
          on: '2026-02-03',
          note: 'X',
          nextFollowUpOn: '2026-02-01',
        }),
        400,
      ),
    ).toEqual(['nextFollowUpOn:range_reversed']);
    const sealed = await env.ctx.db
      .selectFrom('case_follow_ups')
      .selectAll()
      .where('case_id', '=', id)
      .execute();
    expect(JSON.stringify(sealed)).not.toContain('insomnio');

    // An action with follow-ups is cancelled, not deleted; a goal with actions stays.
    expect(
      refusal(await request(env, lawyer, 'DELETE', `${API}/cases/${id}/actions/${action.id}`), 409),
    ).toEqual(['actionId:action_has_follow_ups']);
    expect(refusal(await request(env, lawyer, 'DELETE', `${API}/cases/${id}/goals/${goalId}`), 409)).toEqual([
      'goalId:goal_has_actions',
    ]);
    const retitled = await ok(
      await request(env, lawyer, 'PATCH', `${API}/cases/${id}/actions/${action.id}`, {
        title: 'Sesión inicial',
      }),
    );
    expect(retitled.plan.version).toBe(3);
  });

  it('a withdrawn consent stops new actions and the plan from that day on; what was done stays', async () => {
    const list = await request(env, lawyer, 'GET', `${API}/cases/${id}/consents`);
    const consentId = must(list.json<{ items: { id: string }[] }>().items[0]).id;
    const withdrawn = await request(
      env,
      lawyer,
      'POST',
      `${API}/cases/${id}/consents/${consentId}/withdraw`,
      {
        withdrawnOn: today,
        withdrawnBy: 'herself',
      },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const care = await ok(await request(env, lawyer, 'GET', `${API}/cases/${id}/care`));
    expect(care.servicesConsent).toBe(false);
    expect(must(care.goals[0]).actions).toHaveLength(1);
    expect(
      refusal(
        await request(env, lawyer, 'POST', `${API}/cases/${id}/actions`, { goalId, title: 'Otra sesión' }),
        409,
      ),
    ).toEqual(['consent:consent_required']);
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 409),
    ).toEqual(['consent:consent_required']);
  });

  it('an expired consent stops them too, from its expiry day', async () => {
    const other = await newCase();
    const need = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${other}/needs`, {
            domain: 'other',
            identifiedOn: '2026-01-12',
          }),
          201,
        )
      ).needs[0],
    );
    const goal = must(
      (
        await ok(
          await request(env, lawyer, 'POST', `${API}/cases/${other}/goals`, {
            needId: need.id,
            title: 'Meta',
          }),
          201,
        )
      ).goals[0],
    );
    const expiring = await request(env, lawyer, 'POST', `${API}/cases/${other}/consents`, {
      ...services,
      expiresOn: today,
    });
    expect(expiring.statusCode, expiring.body).toBe(201);
    expect(
      refusal(
        await request(env, lawyer, 'POST', `${API}/cases/${other}/actions`, {
          goalId: goal.id,
          title: 'Acción',
        }),
        409,
      ),
    ).toEqual(['consent:consent_required']);
  });
});
