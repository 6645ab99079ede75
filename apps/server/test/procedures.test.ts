/**
 * The asylum procedure through the API: events in, deadlines out, computed in
 * Mexican business days with the organization's dated calendar entries.
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

interface Deadline {
  ruleCode: string;
  dueDate: string;
  status: string;
  calendar: string;
  explanationText: { es: string; en: string };
}
interface Procedure {
  id: string;
  events: { id: string; type: string }[];
  deadlines: Deadline[];
}

let env: TestEnv;
let lawyer: Session;
let psychologist: Session;
let admin: Session;
let otherAdmin: Session;
let caseId: string;
let caseCode: string;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'psychologist', 'psy@imu.test');
  await addUser(env, org, 'admin', 'admin@imu.test');
  await addUser(env, other, 'admin', 'admin@ali.test');
  await addUser(env, org, 'analyst', 'analyst@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  psychologist = await signIn(env, 'psy@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  otherAdmin = await signIn(env, 'admin@ali.test');
  const created = await request(env, lawyer, 'POST', '/api/v1/cases', intake());
  caseId = created.json<{ id: string }>().id;
  caseCode = created.json<{ code: string }>().code;
});
afterAll(() => env.close());

const due = (p: Procedure, rule: string) => p.deadlines.find((d) => d.ruleCode === rule);

describe('procedures and their deadlines', () => {
  let procedure: Procedure;

  it('refuses without a session, outside the scope, and on a bad event', async () => {
    expect((await request(env, null, 'GET', `/api/v1/cases/${caseId}/procedures`)).statusCode).toBe(401);
    expect(apiError(await request(env, psychologist, 'GET', `/api/v1/cases/${caseId}/procedures`)).code).toBe(
      'not_found',
    );
    expect(
      apiError(await request(env, otherAdmin, 'POST', `/api/v1/cases/${caseId}/procedures`, {})).code,
    ).toBe('not_found');
    const created = await request(env, lawyer, 'POST', `/api/v1/cases/${caseId}/procedures`, {
      label: 'Solicitud inicial',
    });
    expect(created.statusCode).toBe(201);
    procedure = created.json<Procedure>();
    const bad = await request(
      env,
      lawyer,
      'POST',
      `/api/v1/cases/${caseId}/procedures/${procedure.id}/events`,
      {
        type: 'decision_notified',
        date: '2026-02-30',
        details: { outcome: 'maybe' },
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining(['date', 'details.outcome']),
    );
  });

  it('computes the COMAR 45-business-day period from the filing', async () => {
    const res = await request(
      env,
      lawyer,
      'POST',
      `/api/v1/cases/${caseId}/procedures/${procedure.id}/events`,
      {
        type: 'application_filed',
        date: '2025-03-03',
        details: { filedBy: 'applicant', office: 'COMAR Tapachula', state: '07' },
      },
    );
    expect(res.statusCode).toBe(201);
    procedure = res.json<Procedure>();
    // Hand-checked in the domain tests: 45 COMAR business days after Mon 2025-03-03 is 2025-05-12 when
    // Holy Thursday and Friday (17–18 April) are declared; this organization has not declared them,
    // so two business days earlier: Thu 2025-05-08 (skipping 17 March, 1 May and 5 May).
    expect(due(procedure, 'comar_resolution')).toMatchObject({
      dueDate: '2025-05-08',
      calendar: 'comar_inm',
      status: 'comar_overdue',
    });
  });

  it('opens the 15-business-day revisión on a negative decision, and follows the calendar entries', async () => {
    const res = await request(
      env,
      lawyer,
      'POST',
      `/api/v1/cases/${caseId}/procedures/${procedure.id}/events`,
      {
        type: 'decision_notified',
        date: '2026-04-01',
        details: { outcome: 'negative' },
      },
    );
    procedure = res.json<Procedure>();
    // Without Holy Week declared: Thu 2 … Wed 22 April 2026 are 15 business days.
    expect(due(procedure, 'revision')?.dueDate).toBe('2026-04-22');

    // A lawyer cannot declare non-business days; the admin can, with the DOF source.
    const entry = {
      authority: 'comar_inm',
      kind: 'suspension',
      from: '2026-04-02',
      to: '2026-04-03',
      source: 'Acuerdo COMAR, DOF 2026-03-20',
      note: 'Semana santa',
    };
    expect(apiError(await request(env, lawyer, 'POST', '/api/v1/calendar/entries', entry)).code).toBe(
      'forbidden',
    );
    const added = await request(env, admin, 'POST', '/api/v1/calendar/entries', entry);
    expect(added.statusCode).toBe(201);

    const again = await request(env, lawyer, 'GET', `/api/v1/cases/${caseId}/procedures`);
    const updated = again.json<{ items: Procedure[] }>().items[0];
    // Skipping Holy Thursday and Good Friday moves it two business days: 2026-04-24.
    expect(updated && due(updated, 'revision')).toMatchObject({ dueDate: '2026-04-24', status: 'overdue' });
    expect(updated && due(updated, 'revision')?.explanationText.es).toContain(
      'Acuerdo COMAR, DOF 2026-03-20',
    );

    // The year view lists the law's holidays (third Monday of November 2026 is the 16th) and the entry.
    const year = await request(env, lawyer, 'GET', '/api/v1/calendar/comar_inm/2026');
    expect(year.statusCode).toBe(200);
    const yearBody = year.json<{
      holidays: { date: string }[];
      entries: { from: string; source: string }[];
    }>();
    expect(yearBody.holidays.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-11-16', '2026-12-25']),
    );
    expect(yearBody.entries).toEqual([
      expect.objectContaining({ from: '2026-04-02', source: 'Acuerdo COMAR, DOF 2026-03-20' }),
    ]);
    expect((await request(env, lawyer, 'GET', '/api/v1/calendar/comar_inm/20x6')).statusCode).toBe(400);

    // Another organization's admin cannot remove it.
    const entryId = added.json<{ id: string }>().id;
    expect(
      apiError(await request(env, otherAdmin, 'DELETE', `/api/v1/calendar/entries/${entryId}`)).code,
    ).toBe('not_found');
  });

  it('closes the revisión when it is filed, late, and lists open deadlines on the Deadlines page by case code', async () => {
    const res = await request(
      env,
      lawyer,
      'POST',
      `/api/v1/cases/${caseId}/procedures/${procedure.id}/events`,
      {
        type: 'revision_filed',
        date: '2026-04-27',
      },
    );
    procedure = res.json<Procedure>();
    expect(due(procedure, 'revision')).toMatchObject({ status: 'met', met: { late: true } });

    const mine = await request(env, lawyer, 'GET', '/api/v1/deadlines');
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{ items: (Deadline & { caseCode: string })[] }>().items;
    expect(items.every((d) => d.caseCode === caseCode)).toBe(true);
    expect(items.map((d) => d.ruleCode)).not.toContain('revision');
    expect(mine.body).not.toContain('María');
    // The psychologist is not assigned: none of this case's deadlines are hers.
    expect(
      (await request(env, psychologist, 'GET', '/api/v1/deadlines')).json<{ items: unknown[] }>().items,
    ).toEqual([]);
  });

  it('removes a wrongly recorded event and audits every step', async () => {
    const eventId = procedure.events.find((e) => e.type === 'revision_filed')?.id;
    const res = await request(
      env,
      lawyer,
      'DELETE',
      `/api/v1/cases/${caseId}/procedures/${procedure.id}/events/${String(eventId)}`,
    );
    expect(res.statusCode).toBe(204);
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('case_id', '=', caseId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'procedure.create',
        'procedure.event.create',
        'procedure.event.delete',
        'procedure.read',
      ]),
    );
  });
});
