/**
 * A woman's violence history through the API: she tells it once; the facts
 * are seen by everyone on her case, the narrative only by coordination,
 * lawyers and psychologists, and never stored in clear.
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

interface Incident {
  id: string;
  country: string | null;
  contextFlags: string[];
  narrative: { present: boolean; readable: boolean; text: string | null; unreadable: boolean };
}
interface List {
  items: Incident[];
  summary: {
    incidents: number;
    phases: { value: string; count: number }[];
    contextFlags: { value: string }[];
  };
}

const NARRATIVE = 'Nos detuvieron en el retén de Huixtla y el agente me amenazó con deportarme.';
const transit = {
  from: '2025-11',
  phase: 'transit',
  country: 'GT',
  types: ['physical', 'sexual'],
  gbvType: 'rape',
  perpetrator: 'gang_organized_crime',
  perpetratorCount: 3,
  reported: 'no',
};
const inMexico = {
  from: '2026-02-10',
  phase: 'mexico',
  state: '07',
  types: ['psychological'],
  modality: 'institutional',
  gbvType: 'psychological_abuse',
  perpetrator: 'migration_authority',
  reported: 'yes',
  reportedTo: ['human_rights_commission'],
  narrative: NARRATIVE,
};

let env: TestEnv;
let lawyer: Session;
let psychologist: Session;
let socialWorker: Session;
let admin: Session;
let outsider: Session;
let otherOrgLawyer: Session;
let caseId: string;
const url = () => `/api/v1/cases/${caseId}/incidents`;

async function list(session: Session): Promise<List> {
  const res = await request(env, session, 'GET', url());
  expect(res.statusCode, res.body).toBe(200);
  return res.json<List>();
}

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'psychologist', 'psy@imu.test');
  await addUser(env, org, 'social_worker', 'social@imu.test');
  await addUser(env, org, 'admin', 'admin@imu.test');
  await addUser(env, org, 'lawyer', 'outsider@imu.test');
  await addUser(env, other, 'lawyer', 'lawyer@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  psychologist = await signIn(env, 'psy@imu.test');
  socialWorker = await signIn(env, 'social@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  outsider = await signIn(env, 'outsider@imu.test');
  otherOrgLawyer = await signIn(env, 'lawyer@ali.test');
  // She was 17 in November 2025.
  const created = await request(env, lawyer, 'POST', '/api/v1/cases', intake({ birthDate: '2008-06-15' }));
  caseId = created.json<{ id: string }>().id;
  for (const [who, role] of [
    [psychologist, 'psychologist'],
    [socialWorker, 'social_worker'],
  ] as const) {
    const res = await request(env, lawyer, 'PUT', `/api/v1/cases/${caseId}/staff/${who.userId}`, {
      roleOnCase: role,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => env.close());

describe('recording incidents', () => {
  it('records two incidents and derives what they imply', async () => {
    const first = await request(env, lawyer, 'POST', url(), transit);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Incident>().contextFlags).toEqual([
      'organized_crime',
      'child_survivor',
      'child_sexual_abuse',
    ]);
    const second = await request(env, socialWorker, 'POST', url(), inMexico);
    expect(second.statusCode, second.body).toBe(201);
    const created = second.json<Incident>();
    expect(created.country).toBe('MX');
    // Still 17 in February 2026.
    expect(created.contextFlags).toEqual(['state_actor', 'child_survivor']);
    // She wrote it, but her role does not read narratives: she is told one exists.
    expect(created.narrative).toEqual({ present: true, readable: false, text: null, unreadable: false });
  });

  it('keeps the narrative sealed at rest', async () => {
    const rows = await env.ctx.db.selectFrom('case_incidents').select(['narrative_enc', 'types']).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.narrative_enc ?? '').not.toContain('Huixtla');
    expect(rows.filter((r) => r.narrative_enc !== null)).toHaveLength(1);
  });

  it('refuses what cannot be true, with field codes, and stores nothing', async () => {
    for (const [body, path, code] of [
      [{ ...transit, from: '2025-13' }, 'from', 'invalid_partial_date'],
      [{ ...transit, state: '07' }, 'state', 'state_outside_mexico'],
      [{ ...transit, reportedTo: ['police'] }, 'reportedTo', 'reported_to_without_report'],
      [{ ...transit, types: ['kicking'] }, 'types.0', 'invalid_choice'],
    ] as const) {
      const res = await request(env, lawyer, 'POST', url(), body);
      expect(res.statusCode).toBe(400);
      expect(apiError(res).fields).toEqual([expect.objectContaining({ path, code })]);
    }
    expect((await list(lawyer)).items).toHaveLength(2);
  });
});

describe('who reads what', () => {
  it('gives the narrative to the lawyer and the psychologist, the facts only to the social worker and the admin', async () => {
    for (const session of [lawyer, psychologist]) {
      const mexico = (await list(session)).items.find((i) => i.narrative.present);
      expect(mexico?.narrative).toEqual({
        present: true,
        readable: true,
        text: NARRATIVE,
        unreadable: false,
      });
    }
    for (const session of [socialWorker, admin]) {
      const res = await request(env, session, 'GET', url());
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Huixtla');
      expect(res.json<List>().items.find((i) => i.narrative.present)?.narrative.text).toBeNull();
    }
  });

  it('gives a one-glance summary without narratives or dates', async () => {
    const { summary } = await list(socialWorker);
    expect(summary.incidents).toBe(2);
    expect(summary.phases).toEqual([
      { value: 'transit', count: 1 },
      { value: 'mexico', count: 1 },
    ]);
    expect(summary.contextFlags.map((f) => f.value)).toEqual([
      'state_actor',
      'organized_crime',
      'child_survivor',
      'child_sexual_abuse',
    ]);
  });

  it('answers 404 outside the case’s reach, for reads and writes alike', async () => {
    const incident = (await list(lawyer)).items[0];
    for (const session of [outsider, otherOrgLawyer]) {
      expect((await request(env, session, 'GET', url())).statusCode).toBe(404);
      expect((await request(env, session, 'POST', url(), transit)).statusCode).toBe(404);
      expect(
        (await request(env, session, 'PATCH', `${url()}/${incident?.id}`, { reported: 'no' })).statusCode,
      ).toBe(404);
      expect((await request(env, session, 'DELETE', `${url()}/${incident?.id}`)).statusCode).toBe(404);
    }
    expect((await request(env, null, 'GET', url())).statusCode).toBe(401);
  });
});

describe('changing and removing', () => {
  it('keeps the narrative and every other field when a change leaves them out, and checks the result as a whole', async () => {
    const mexico = (await list(lawyer)).items.find((i) => i.narrative.present);
    const path = `${url()}/${mexico?.id}`;
    const changed = await request(env, socialWorker, 'PATCH', path, { perpetratorCount: 2 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      perpetratorCount: 2,
      reported: 'yes',
      reportedTo: ['human_rights_commission'],
      modality: 'institutional',
      state: '07',
    });
    const again = (await list(lawyer)).items.find((i) => i.id === mexico?.id);
    expect(again?.narrative.text).toBe(NARRATIVE);

    const bad = await request(env, lawyer, 'PATCH', path, { reported: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).fields).toEqual([{ path: 'reportedTo', code: 'reported_to_without_report' }]);
    const unknownIncident = await request(env, lawyer, 'PATCH', `${url()}/${crypto.randomUUID()}`, {
      reported: 'no',
    });
    expect(unknownIncident.statusCode).toBe(404);

    const cleared = await request(env, lawyer, 'PATCH', path, { narrative: '' });
    expect(cleared.json<Incident>().narrative).toEqual({
      present: false,
      readable: true,
      text: '',
      unreadable: false,
    });
  });

  it('audits every read and change by field names, never the narrative', async () => {
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'fields'])
      .where('action', 'like', 'case.incident%')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    expect([...actions].sort()).toEqual([
      'case.incident.create',
      'case.incident.update',
      'case.incidents.read',
    ]);
    expect(JSON.stringify(rows)).not.toContain('Huixtla');
    const id = (await list(lawyer)).items[0]?.id;
    expect((await request(env, lawyer, 'DELETE', `${url()}/${id}`)).statusCode).toBe(204);
    expect((await list(lawyer)).items).toHaveLength(1);
    const deleted = await env.ctx.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'case.incident.delete')
      .execute();
    expect(deleted).toEqual([{ entity_id: id }]);
  });
});
