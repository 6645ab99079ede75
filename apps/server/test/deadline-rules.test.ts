/**
 * Deadline rules as data, edited by an admin without a release: a changed
 * period moves every open deadline of that organization at once (and no other
 * organization's), a reset brings the default back, every change is audited,
 * and a rule that cannot work is refused with field codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface RuleView {
  rule: { code: string; period: { kind: string; amount?: number }; legalBasis: string; active: boolean };
  origin: 'default' | 'modified' | 'custom';
  defaultRule: { period: { amount?: number } } | null;
  updatedBy: string | null;
}
interface Deadline {
  ruleCode: string;
  dueDate: string;
  responsible: string;
  responsibleStaff: { userId: string; displayName: string }[];
}

let env: TestEnv;
let admin: Session;
let coordinator: Session;
let lawyer: Session;
let analyst: Session;
let otherAdmin: Session;
let otherLawyer: Session;
const cases: Record<'own' | 'other', { caseId: string; procedureId: string }> = {
  own: { caseId: '', procedureId: '' },
  other: { caseId: '', procedureId: '' },
};

async function negativeDecision(session: Session): Promise<{ caseId: string; procedureId: string }> {
  const caseId = (await request(env, session, 'POST', '/api/v1/cases', intake())).json<{ id: string }>().id;
  const procedureId = (
    await request(env, session, 'POST', `/api/v1/cases/${caseId}/procedures`, { label: 'Solicitud' })
  ).json<{ id: string }>().id;
  const res = await request(
    env,
    session,
    'POST',
    `/api/v1/cases/${caseId}/procedures/${procedureId}/events`,
    {
      type: 'decision_notified',
      date: '2026-04-01',
      details: { outcome: 'negative' },
    },
  );
  expect(res.statusCode).toBe(201);
  return { caseId, procedureId };
}

async function deadlines(session: Session, which: 'own' | 'other'): Promise<Deadline[]> {
  const res = await request(env, session, 'GET', `/api/v1/cases/${cases[which].caseId}/procedures`);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { deadlines: Deadline[] }[] }>().items.flatMap((p) => p.deadlines);
}
const revisionDue = async (session: Session, which: 'own' | 'other') =>
  (await deadlines(session, which)).find((d) => d.ruleCode === 'revision')?.dueDate;

async function rules(session: Session): Promise<RuleView[]> {
  const res = await request(env, session, 'GET', '/api/v1/deadline-rules');
  expect(res.statusCode).toBe(200);
  return res.json<{ items: RuleView[] }>().items;
}
async function rule(session: Session, code: string): Promise<Record<string, unknown>> {
  const found = (await rules(session)).find((r) => r.rule.code === code);
  if (!found) throw new Error(`no rule ${code}`);
  return found.rule;
}

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'admin', 'admin@imu.test');
  await addUser(env, org, 'coordinator', 'coord@imu.test');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'analyst', 'analyst@imu.test');
  await addUser(env, other, 'admin', 'admin@ali.test');
  await addUser(env, other, 'lawyer', 'lawyer@ali.test');
  admin = await signIn(env, 'admin@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  analyst = await signIn(env, 'analyst@imu.test');
  otherAdmin = await signIn(env, 'admin@ali.test');
  otherLawyer = await signIn(env, 'lawyer@ali.test');
  cases.own = await negativeDecision(lawyer);
  cases.other = await negativeDecision(otherLawyer);
});
afterAll(() => env.close());

describe('reading the rules', () => {
  it('shows every case worker the defaults with their legal basis; analysts and strangers get nothing', async () => {
    const list = await rules(lawyer);
    expect(list.map((r) => r.rule.code)).toEqual(
      expect.arrayContaining(['revision', 'comar_resolution', 'amparo']),
    );
    expect(list.every((r) => r.origin === 'default' && r.rule.legalBasis.length > 0)).toBe(true);
    expect((await request(env, analyst, 'GET', '/api/v1/deadline-rules')).statusCode).toBe(403);
    expect((await request(env, null, 'GET', '/api/v1/deadline-rules')).statusCode).toBe(401);
  });
});

describe('changing a rule', () => {
  it('moves the open deadlines of this organization only, and is audited by rule code', async () => {
    expect(await revisionDue(lawyer, 'own')).toBe('2026-04-22');
    const changed = {
      ...(await rule(admin, 'revision')),
      period: { kind: 'fixed', amount: 10, unit: 'business_days' },
    };
    const res = await request(env, admin, 'PUT', '/api/v1/deadline-rules/revision', changed);
    expect(res.statusCode).toBe(200);
    const view = res.json<RuleView>();
    expect(view.origin).toBe('modified');
    expect(view.rule.period.amount).toBe(10);
    expect(view.defaultRule?.period.amount).toBe(15);
    expect(view.updatedBy).toBe('admin admin');

    expect(await revisionDue(lawyer, 'own')).toBe('2026-04-15');
    expect(await revisionDue(otherLawyer, 'other')).toBe('2026-04-22');
    expect((await rules(otherAdmin)).find((r) => r.rule.code === 'revision')?.origin).toBe('default');

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'fields'])
      .where('entity_type', '=', 'deadline_rule')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'deadline_rule.update', entity_id: 'revision' }),
    ]);
  });

  it('lets only an admin change or reset a rule', async () => {
    const body = await rule(admin, 'amparo');
    for (const session of [coordinator, lawyer, analyst]) {
      expect(apiError(await request(env, session, 'PUT', '/api/v1/deadline-rules/amparo', body)).code).toBe(
        'forbidden',
      );
      expect(apiError(await request(env, session, 'DELETE', '/api/v1/deadline-rules/revision')).code).toBe(
        'forbidden',
      );
    }
    expect((await request(env, null, 'PUT', '/api/v1/deadline-rules/amparo', body)).statusCode).toBe(401);
  });

  it('deactivates a rule: its deadlines are no longer computed', async () => {
    const body = { ...(await rule(admin, 'amparo')), active: false };
    expect((await request(env, admin, 'PUT', '/api/v1/deadline-rules/amparo', body)).statusCode).toBe(200);
    expect((await deadlines(lawyer, 'own')).map((d) => d.ruleCode)).not.toContain('amparo');
    expect((await deadlines(otherLawyer, 'other')).map((d) => d.ruleCode)).toContain('amparo');
  });

  it('resets a changed rule to the default; a default never changed has nothing to reset', async () => {
    expect((await request(env, admin, 'DELETE', '/api/v1/deadline-rules/revision')).statusCode).toBe(204);
    expect(await revisionDue(lawyer, 'own')).toBe('2026-04-22');
    expect((await request(env, admin, 'DELETE', '/api/v1/deadline-rules/revision')).statusCode).toBe(404);
    expect((await request(env, otherAdmin, 'DELETE', '/api/v1/deadline-rules/amparo')).statusCode).toBe(404);
    expect((await request(env, admin, 'DELETE', '/api/v1/deadline-rules/amparo')).statusCode).toBe(204);
    expect((await deadlines(lawyer, 'own')).map((d) => d.ruleCode)).toContain('amparo');
  });

  it('adds a rule of the organization’s own and removes it', async () => {
    const custom = {
      ...(await rule(admin, 'revision')),
      code: 'queja_cndh',
      name: 'Queja ante la CNDH',
      period: { kind: 'fixed', amount: 1, unit: 'months' },
      metBy: [],
      supersededBy: [],
      legalBasis: 'Ley de la CNDH art. 26',
    };
    const res = await request(env, admin, 'PUT', '/api/v1/deadline-rules/queja_cndh', custom);
    expect(res.statusCode).toBe(200);
    expect(res.json<RuleView>().origin).toBe('custom');
    const due = (await deadlines(lawyer, 'own')).find((d) => d.ruleCode === 'queja_cndh');
    expect(due?.dueDate).toBe('2026-05-01');
    expect((await request(env, admin, 'DELETE', '/api/v1/deadline-rules/queja_cndh')).statusCode).toBe(204);
    expect((await rules(admin)).map((r) => r.rule.code)).not.toContain('queja_cndh');
  });
});

describe('a rule that cannot work', () => {
  it('is refused with stable field codes, and nothing changes', async () => {
    const revision = await rule(admin, 'revision');
    const cases400 = [
      [{ ...revision, code: 'amparo' }, 'code', 'code_mismatch'],
      [{ ...revision, period: { kind: 'recurring' } }, 'period', 'recurring_needs_frequency'],
      [{ ...revision, supersededBy: ['revision_filed'] }, 'supersededBy.0', 'met_and_superseded'],
      [
        {
          ...revision,
          trigger: { eventType: 'decision_notified', conditions: [{ field: 'office', in: ['x'] }] },
        },
        'trigger.conditions.0.field',
        'unknown_condition_field',
      ],
      [{ ...revision, legalBasis: '' }, 'legalBasis', 'required'],
      [{ ...revision, extra: true }, 'extra', 'unknown_field'],
    ] as const;
    for (const [body, path, code] of cases400) {
      const res = await request(env, admin, 'PUT', '/api/v1/deadline-rules/revision', body);
      expect(res.statusCode, path).toBe(400);
      expect(apiError(res).fields).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    }
    expect((await request(env, admin, 'PUT', '/api/v1/deadline-rules/Bad-Code', revision)).statusCode).toBe(
      400,
    );
    const malformed = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/deadline-rules/revision',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(malformed.statusCode).toBe(400);
    expect((await rules(admin)).find((r) => r.rule.code === 'revision')?.origin).toBe('default');
  });
});

describe('who is responsible for a deadline', () => {
  it('names the staff assigned to the case in the rule’s role, and filters the Deadlines page by it', async () => {
    const own = await deadlines(lawyer, 'own');
    const revision = own.find((d) => d.ruleCode === 'revision');
    expect(revision?.responsible).toBe('lawyer');
    expect(revision?.responsibleStaff).toEqual([{ userId: lawyer.userId, displayName: 'lawyer lawyer' }]);

    const mine = await request(env, lawyer, 'GET', '/api/v1/deadlines?responsibleOnly=true');
    expect(
      mine
        .json<{ items: Deadline[] }>()
        .items.map((d) => d.ruleCode)
        .sort(),
    ).toEqual(['amparo', 'nulidad', 'revision']);
    // Reassigned as "lead": she still sees the case, but is no longer the lawyer responsible.
    const res = await request(env, admin, 'PUT', `/api/v1/cases/${cases.own.caseId}/staff/${lawyer.userId}`, {
      roleOnCase: 'lead',
    });
    expect(res.statusCode).toBe(200);
    const after = await request(env, lawyer, 'GET', '/api/v1/deadlines?responsibleOnly=true');
    expect(after.json<{ items: Deadline[] }>().items).toEqual([]);
    const all = await request(env, lawyer, 'GET', '/api/v1/deadlines');
    expect(all.json<{ items: Deadline[] }>().items.length).toBe(3);
  });
});
