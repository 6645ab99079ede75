/** Deadline reminders: in-app notifications at lead times, and one daily e-mail digest per person. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminders, reachedLead, sendDigests, type Mailer } from '../src/modules/reminders/run.js';
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
let caseCode: string;
const sent: { to: string; subject: string; text: string }[] = [];
const mailer: Mailer = {
  send: (message) => {
    sent.push(message);
    return Promise.resolve();
  },
};

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  const created = await request(env, lawyer, 'POST', '/api/v1/cases', intake());
  const caseId = created.json<{ id: string }>().id;
  caseCode = created.json<{ code: string }>().code;
  const procedure = await request(env, lawyer, 'POST', `/api/v1/cases/${caseId}/procedures`, {});
  await request(
    env,
    lawyer,
    'POST',
    `/api/v1/cases/${caseId}/procedures/${procedure.json<{ id: string }>().id}/events`,
    {
      type: 'decision_notified',
      date: '2026-04-01',
      details: { outcome: 'negative' },
    },
  );
});
afterAll(() => env.close());

type Note = {
  caseCode: string;
  ruleCode: string;
  leadDays: number;
  dueDate: string;
  id: string;
  read: boolean;
};
async function notifications() {
  return (await request(env, lawyer, 'GET', '/api/v1/notifications')).json<{
    items: Note[];
    unread: number;
  }>();
}

describe('reachedLead', () => {
  it('picks the smallest lead time at or above the business days left', () => {
    expect(reachedLead(7, [0, 2, 5])).toBeNull();
    expect(reachedLead(5, [0, 2, 5])).toBe(5);
    expect(reachedLead(3, [0, 2, 5])).toBe(5);
    expect(reachedLead(2, [0, 2, 5])).toBe(2);
    expect(reachedLead(0, [0, 2, 5])).toBe(0);
  });
});

describe('reminders', () => {
  it('reminds 5 business days before, once however often the job runs', async () => {
    // The revisión is due Wed 2026-04-22; on Wed 2026-04-15 five business days are left (16, 17, 20, 21, 22).
    expect(await createReminders(env.ctx, '2026-04-10')).toBe(0);
    const first = await createReminders(env.ctx, '2026-04-15');
    expect(first).toBeGreaterThan(0);
    expect(await createReminders(env.ctx, '2026-04-15')).toBe(0);
    expect(await createReminders(env.ctx, '2026-04-16')).toBe(0);
    const { items, unread } = await notifications();
    expect(unread).toBe(first);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseCode, ruleCode: 'revision', leadDays: 5, dueDate: '2026-04-22' }),
      ]),
    );
  });

  it('reminds again at 2 days and on the day, and lets her mark a reminder read', async () => {
    expect(await createReminders(env.ctx, '2026-04-20')).toBeGreaterThan(0);
    expect(await createReminders(env.ctx, '2026-04-22')).toBeGreaterThan(0);
    const { items } = await notifications();
    const revision = items.filter((n) => n.ruleCode === 'revision').map((n) => n.leadDays);
    expect(revision.sort()).toEqual([0, 2, 5]);
    const target = items[0];
    expect(
      (await request(env, lawyer, 'POST', `/api/v1/notifications/${String(target?.id)}/read`)).statusCode,
    ).toBe(204);
    expect((await notifications()).items.find((n) => n.id === target?.id)?.read).toBe(true);
  });

  it('sends one digest per person and day, with case codes and no names', async () => {
    expect(await sendDigests(env.ctx, mailer, '2026-04-22')).toBe(1);
    expect(await sendDigests(env.ctx, mailer, '2026-04-22')).toBe(0);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.to).toBe('lawyer@imu.test');
    expect(mail?.subject).not.toMatch(/María|Pérez/);
    expect(mail?.text).toContain(caseCode);
    expect(mail?.text).toContain('Recurso de revisión');
    expect(mail?.text).not.toMatch(/María|Pérez|Tapachula/);
    // Nothing new the next day: no empty e-mail.
    expect(await sendDigests(env.ctx, mailer, '2026-04-23')).toBe(0);
  });
});
