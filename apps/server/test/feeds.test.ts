/** The personal iCalendar feed: secret, revocable, case codes only, valid RFC 5545. */
import ICAL from 'ical.js';
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
let admin: Session;
let lawyerId: string;
let caseCode: string;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  lawyerId = await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'admin', 'admin@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  admin = await signIn(env, 'admin@imu.test');
  const created = await request(env, lawyer, 'POST', '/api/v1/cases', intake());
  const caseId = created.json<{ id: string }>().id;
  caseCode = created.json<{ code: string }>().code;
  const procedure = await request(env, lawyer, 'POST', `/api/v1/cases/${caseId}/procedures`, {});
  const procedureId = procedure.json<{ id: string }>().id;
  await request(env, lawyer, 'POST', `/api/v1/cases/${caseId}/procedures/${procedureId}/events`, {
    type: 'decision_notified',
    date: '2026-04-01',
    details: { outcome: 'negative' },
  });
});
afterAll(() => env.close());

function feedPath(url: string): string {
  return new URL(url).pathname;
}

describe('calendar feed', () => {
  let url = '';

  it('is created by its owner and answers 401 to nobody', async () => {
    expect((await request(env, null, 'POST', '/api/v1/session/calendar-feed')).statusCode).toBe(401);
    const before = await request(env, lawyer, 'GET', '/api/v1/session/calendar-feed');
    expect(before.json()).toEqual({ active: false, createdAt: null });
    const res = await request(env, lawyer, 'POST', '/api/v1/session/calendar-feed');
    expect(res.statusCode).toBe(201);
    url = res.json<{ url: string }>().url;
    expect(url).toMatch(/\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await env.ctx.db
      .selectFrom('calendar_feeds')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(url).not.toContain(stored.token_hash);
  });

  it('serves valid iCalendar with one all-day event per open deadline, case code only', async () => {
    const res = await env.app.inject({ method: 'GET', url: feedPath(url) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).not.toMatch(/María|Pérez|Tapachula/);
    const component = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // A negative decision opens the revisión, the juicio de nulidad and the amparo.
    expect(events.length).toBe(3);
    const revision = events.find((e) => e.summary.includes('Recurso de revisión'));
    expect(revision?.summary).toBe(`${caseCode} · Recurso de revisión`);
    expect(revision?.startDate.isDate).toBe(true);
    expect(revision?.startDate.toString()).toBe('2026-04-22');
    expect(events.every((e) => e.uid.endsWith('@senda'))).toBe(true);
  });

  it('stops working when revoked or replaced, and for a deactivated user', async () => {
    const replaced = await request(env, lawyer, 'POST', '/api/v1/session/calendar-feed');
    const newUrl = replaced.json<{ url: string }>().url;
    expect((await env.app.inject({ method: 'GET', url: feedPath(url) })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: feedPath(newUrl) })).statusCode).toBe(200);

    await request(env, admin, 'PATCH', `/api/v1/users/${lawyerId}`, { active: false });
    expect((await env.app.inject({ method: 'GET', url: feedPath(newUrl) })).statusCode).toBe(404);
    await request(env, admin, 'PATCH', `/api/v1/users/${lawyerId}`, { active: true });
    lawyer = await signIn(env, 'lawyer@imu.test');

    expect((await request(env, lawyer, 'DELETE', '/api/v1/session/calendar-feed')).statusCode).toBe(204);
    expect((await env.app.inject({ method: 'GET', url: feedPath(newUrl) })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/feeds/not-a-token.ics' })).statusCode).toBe(
      400,
    );
  });

  it('audits each read of the feed', async () => {
    const reads = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'calendar_feed.read')
      .execute();
    expect(reads.length).toBe(2);
  });
});
