/**
 * Supervision through the API, on both databases: a coordinator approves or
 * returns the care plan and the closure (never her own request), an approved
 * closure closes the case and a reopening needs a reason; a high risk gives
 * the responsible staff a task; "My work" lists what each person has to do;
 * the privacy notice accepted at intake is on the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_QUESTION_CODES, todayInMexico, type CareView, type MyWorkView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  fullChecklist,
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
let coordinator: Session;
let admin: Session;
let colleague: Session;
let analyst: Session;
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
  await addUser(env, org, 'coordinator', 'coord@imu.test');
  await addUser(env, org, 'admin', 'admin@imu.test');
  await addUser(env, org, 'social_worker', 'colleague@imu.test');
  await addUser(env, org, 'analyst', 'analyst@imu.test');
  await addUser(env, other, 'coordinator', 'coord@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  colleague = await signIn(env, 'colleague@imu.test');
  analyst = await signIn(env, 'analyst@imu.test');
  otherOrg = await signIn(env, 'coord@ali.test');
});
afterAll(() => env.close());

function care(res: Awaited<ReturnType<typeof request>>, status = 200): CareView {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<CareView>();
}
function refusal(res: Awaited<ReturnType<typeof request>>, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  return apiError(res).fields?.map((f) => `${f.path}:${f.code}`);
}
async function myWork(who: Session): Promise<MyWorkView> {
  const res = await request(env, who, 'GET', `${API}/my-work`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyWorkView>();
}

/** A case of the lawyer with a need, a goal, one action due (hers) and her consent to services. */
async function caseWithPlan(): Promise<{ id: string; actionId: string }> {
  const created = await request(env, lawyer, 'POST', `${API}/cases`, intake());
  const id = created.json<{ id: string }>().id;
  await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, services);
  const needId = must(
    care(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
        domain: 'shelter_housing',
        identifiedOn: '2026-01-12',
      }),
      201,
    ).needs[0],
  ).id;
  const goalId = must(
    care(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/goals`, { needId, title: 'Vivienda segura' }),
      201,
    ).goals[0],
  ).id;
  const withAction = care(
    await request(env, lawyer, 'POST', `${API}/cases/${id}/actions`, {
      goalId,
      title: 'Llamar al refugio',
      responsibleId: lawyer.userId,
      dueOn: '2026-01-20',
    }),
    201,
  );
  return { id, actionId: must(must(withAction.goals[0]).actions[0]).id };
}

describe('approval of the care plan', () => {
  it('is asked by the team, decided by a coordinator, never by the one who asked', async () => {
    const { id, actionId } = await caseWithPlan();
    const submitted = care(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, { comment: 'Listo' }),
      201,
    );
    expect(submitted.plan.status).toBe('submitted');
    const pending = must(submitted.approvals[0]);
    expect(pending).toMatchObject({ kind: 'care_plan', status: 'pending', comment: 'Listo', planVersion: 2 });
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 409),
    ).toEqual(['kind:approval_pending']);
    // Only coordinators and admins decide; staff on the case get 403, other organizations 404.
    const decision = `${API}/cases/${id}/approvals/${pending.id}/decision`;
    expect((await request(env, lawyer, 'POST', decision, { decision: 'approve' })).statusCode).toBe(403);
    expect((await request(env, otherOrg, 'POST', decision, { decision: 'approve' })).statusCode).toBe(404);
    expect(refusal(await request(env, coordinator, 'POST', decision, { decision: 'return' }), 400)).toEqual([
      'comment:comment_required',
    ]);
    // The coordinator sees it in her work.
    expect((await myWork(coordinator)).approvals.map((a) => a.approvalId)).toContain(pending.id);
    expect((await myWork(lawyer)).approvals).toEqual([]);

    const approved = care(
      await request(env, coordinator, 'POST', decision, { decision: 'approve', comment: 'Bien' }),
    );
    expect(approved.plan.status).toBe('approved');
    expect(approved.approvals[0]).toMatchObject({
      status: 'approved',
      decidedBy: expect.any(String) as string,
      decisionComment: 'Bien',
    });
    expect(refusal(await request(env, coordinator, 'POST', decision, { decision: 'approve' }), 409)).toEqual([
      'status:not_pending',
    ]);
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 409),
    ).toEqual(['kind:plan_already_approved']);

    // Changing what was approved asks for a new approval; progress does not.
    const progressed = care(
      await request(env, lawyer, 'PATCH', `${API}/cases/${id}/actions/${actionId}`, {
        status: 'in_progress',
      }),
    );
    expect(progressed.plan.status).toBe('approved');
    const moved = care(
      await request(env, lawyer, 'PATCH', `${API}/cases/${id}/actions/${actionId}`, { dueOn: '2026-03-01' }),
    );
    expect(moved.plan.status).toBe('changed_since_approval');
  });

  it('a coordinator does not approve her own request; an admin may, and a plan changed while waiting is not approved', async () => {
    const { id, actionId } = await caseWithPlan();
    const own = must(
      care(await request(env, coordinator, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 201)
        .approvals[0],
    );
    const decision = `${API}/cases/${id}/approvals/${own.id}/decision`;
    expect(refusal(await request(env, coordinator, 'POST', decision, { decision: 'approve' }), 409)).toEqual([
      'requestedBy:own_request',
    ]);
    await request(env, lawyer, 'PATCH', `${API}/cases/${id}/actions/${actionId}`, {
      title: 'Visitar el refugio',
    });
    expect(refusal(await request(env, admin, 'POST', decision, { decision: 'approve' }), 409)).toEqual([
      'planVersion:plan_changed',
    ]);
    const returned = care(
      await request(env, admin, 'POST', decision, { decision: 'return', comment: 'Revisa la fecha' }),
    );
    expect(returned.plan.status).toBe('draft');
    expect(returned.approvals[0]).toMatchObject({ status: 'returned', decisionComment: 'Revisa la fecha' });
  });

  it('the requester sees her returned request in her work until she asks again, and may withdraw a pending one', async () => {
    const { id } = await caseWithPlan();
    const first = must(
      care(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 201).approvals[0],
    );
    care(
      await request(env, coordinator, 'POST', `${API}/cases/${id}/approvals/${first.id}/decision`, {
        decision: 'return',
        comment: 'Falta una meta',
      }),
    );
    expect((await myWork(lawyer)).returned.map((r) => r.approvalId)).toContain(first.id);
    const second = must(
      care(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 201).approvals[0],
    );
    expect((await myWork(lawyer)).returned.map((r) => r.approvalId)).not.toContain(first.id);
    expect(
      (await request(env, colleague, 'POST', `${API}/cases/${id}/approvals/${second.id}/withdraw`, {}))
        .statusCode,
    ).toBe(404);
    const withdrawn = care(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/approvals/${second.id}/withdraw`, {}),
    );
    expect(withdrawn.approvals[0]).toMatchObject({ status: 'withdrawn' });
  });
});

describe('closure', () => {
  it('asks for a reason and the whole checklist; needs met only when no need is open', async () => {
    const { id } = await caseWithPlan();
    const closure = `${API}/cases/${id}/closure`;
    expect(
      refusal(await request(env, lawyer, 'POST', closure, { reason: 'needs_met', checklist: {} }), 400),
    ).toHaveLength(5);
    expect(
      refusal(
        await request(env, lawyer, 'POST', closure, { reason: 'needs_met', checklist: fullChecklist }),
        409,
      ),
    ).toEqual(['reason:needs_not_met']);
    const asked = care(
      await request(env, lawyer, 'POST', closure, {
        reason: 'lost_contact',
        comment: 'Sin respuesta en 3 meses',
        checklist: fullChecklist,
      }),
      201,
    );
    expect(asked.closureChecks).toEqual({ openNeeds: 1, openActions: 1, riskLevel: null });
    const pending = must(asked.approvals[0]);
    expect(pending).toMatchObject({
      kind: 'closure',
      status: 'pending',
      closureReason: 'lost_contact',
      checklist: Object.keys(fullChecklist),
    });
    expect(
      refusal(
        await request(env, lawyer, 'POST', closure, { reason: 'other', checklist: fullChecklist }),
        409,
      ),
    ).toEqual(['kind:approval_pending']);
    const detailBefore = await request(env, lawyer, 'GET', `${API}/cases/${id}`);
    expect(detailBefore.json()).toMatchObject({ status: 'open' });

    // A plan still waiting when the case closes is withdrawn with it.
    care(await request(env, lawyer, 'POST', `${API}/cases/${id}/care-plan/submit`, {}), 201);
    const closed = care(
      await request(env, coordinator, 'POST', `${API}/cases/${id}/approvals/${pending.id}/decision`, {
        decision: 'approve',
      }),
    );
    expect(closed.caseStatus).toBe('closed');
    expect(closed.approvals.filter((a) => a.status === 'pending')).toEqual([]);
    expect(closed.approvals.find((a) => a.kind === 'care_plan')).toMatchObject({ status: 'withdrawn' });
    expect((await request(env, lawyer, 'GET', `${API}/cases/${id}`)).json()).toMatchObject({
      status: 'closed',
      closureReason: 'lost_contact',
      step: 'closure',
    });
    // A closed case's care does not change until it is reopened.
    expect(
      refusal(
        await request(env, lawyer, 'POST', `${API}/cases/${id}/needs`, {
          domain: 'other',
          identifiedOn: '2026-01-12',
        }),
        409,
      ),
    ).toEqual(['status:case_closed']);
    // Its actions leave everyone's work.
    expect((await myWork(lawyer)).actions.map((a) => a.caseId)).not.toContain(id);

    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/reopen`, { reason: ' ' }), 400),
    ).toEqual(['reason:required']);
    const reopened = care(
      await request(env, lawyer, 'POST', `${API}/cases/${id}/reopen`, { reason: 'Volvió a la clínica' }),
    );
    expect(reopened.caseStatus).toBe('open');
    expect(reopened.approvals.find((a) => a.kind === 'closure')).toMatchObject({
      kind: 'closure',
      status: 'approved',
      reopened: { reason: 'Volvió a la clínica', by: expect.any(String) as string },
    });
    expect((await request(env, lawyer, 'GET', `${API}/cases/${id}`)).json()).toMatchObject({
      status: 'open',
      closureReason: null,
    });
    expect(
      refusal(await request(env, lawyer, 'POST', `${API}/cases/${id}/reopen`, { reason: 'Otra vez' }), 409),
    ).toEqual(['status:case_not_closed']);
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.approval.request', 'case.close', 'case.reopen']),
    );
  });
});

describe('tasks and my work', () => {
  const high = { ...Object.fromEntries(RISK_QUESTION_CODES.map((q) => [q, 'no'])), weapon: 'yes' };

  it('a high risk gives the case lead a task; she or a coordinator marks it done; nobody else reaches it', async () => {
    const { id } = await caseWithPlan();
    const assessed = await request(env, lawyer, 'POST', `${API}/cases/${id}/risk`, {
      assessedOn: today,
      answers: high,
    });
    expect(assessed.json()).toMatchObject({ level: 'high' });
    const work = await myWork(lawyer);
    const task = must(work.tasks.find((t) => t.caseId === id));
    expect(task).toMatchObject({ kind: 'high_risk_review', riskLevel: 'high' });
    expect(work.highRiskCases.map((c) => c.caseId)).toContain(id);
    expect(JSON.stringify(work)).not.toContain('María');
    // A second assessment updates the open task instead of adding another.
    await request(env, lawyer, 'POST', `${API}/cases/${id}/risk`, {
      assessedOn: today,
      answers: { ...high, threats_to_kill: 'yes' },
    });
    const again = (await myWork(lawyer)).tasks.filter((t) => t.caseId === id);
    expect(again).toMatchObject([{ id: task.id, riskLevel: 'critical' }]);

    for (const who of [colleague, otherOrg, analyst])
      expect((await request(env, who, 'POST', `${API}/tasks/${task.id}/done`, {})).statusCode).toBe(404);
    expect((await request(env, coordinator, 'POST', `${API}/tasks/${task.id}/done`, {})).statusCode).toBe(
      204,
    );
    expect((await myWork(lawyer)).tasks.map((t) => t.id)).not.toContain(task.id);
  });

  it('lists her open actions soonest first, overdue flagged, and follow-ups of the coming week', async () => {
    const { id, actionId } = await caseWithPlan();
    await request(env, lawyer, 'POST', `${API}/cases/${id}/actions/${actionId}/follow-ups`, {
      on: today,
      note: 'Refugio sin cupo',
      nextFollowUpOn: today,
    });
    const work = await myWork(lawyer);
    const mine = must(work.actions.find((a) => a.actionId === actionId));
    expect(mine).toMatchObject({
      caseId: id,
      title: 'Llamar al refugio',
      dueOn: '2026-01-20',
      overdue: true,
    });
    expect(work.followUps.map((f) => f.actionId)).toContain(actionId);
    expect((await myWork(colleague)).actions).toEqual([]);
    expect((await request(env, analyst, 'GET', `${API}/my-work`)).statusCode).toBe(403);
  });
});

describe('intake records the privacy notice; the case shows consent to contact', () => {
  it('refuses an intake without an accepted notice and shows the accepted one', async () => {
    const { privacyNotice: _omitted, ...without } = intake();
    expect(refusal(await request(env, lawyer, 'POST', `${API}/cases`, without), 400)).toEqual([
      'privacyNotice:required',
    ]);
    const created = await request(
      env,
      lawyer,
      'POST',
      `${API}/cases`,
      intake({
        privacyNotice: { language: 'ht', presentedHow: 'interpreted', accepted: true, acceptedOn: today },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      privacyNotice: {
        version: '2026-12',
        language: 'ht',
        presentedHow: 'interpreted',
        acceptedOn: today,
        recordedBy: expect.any(String) as string,
      },
      contactConsent: false,
    });
    const id = created.json<{ id: string }>().id;
    const consent = await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, {
      ...services,
      purpose: 'contact',
    });
    expect((await request(env, lawyer, 'GET', `${API}/cases/${id}`)).json()).toMatchObject({
      contactConsent: true,
    });
    await request(
      env,
      lawyer,
      'POST',
      `${API}/cases/${id}/consents/${consent.json<{ id: string }>().id}/withdraw`,
      {
        withdrawnOn: today,
        withdrawnBy: 'herself',
      },
    );
    expect((await request(env, lawyer, 'GET', `${API}/cases/${id}`)).json()).toMatchObject({
      contactConsent: false,
    });
  });
});
