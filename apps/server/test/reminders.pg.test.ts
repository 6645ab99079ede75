/**
 * Two server instances on one PostgreSQL database run the reminder job at the
 * same time: each reminder is created once and each digest e-mailed once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openContext } from '../src/startup.js';
import { createReminders, sendDigests, type Mailer } from '../src/modules/reminders/run.js';
import { addOrganization, addUser, createTestEnv, intake, request, signIn, type TestEnv } from './harness.js';

let env: TestEnv;
let second: Awaited<ReturnType<typeof openContext>>;

beforeAll(async () => {
  env = await createTestEnv();
  second = await openContext(env.config, env.dbOptions);
  const org = await addOrganization(env, 'Clínica', 'IMU');
  for (const name of ['ana', 'bea', 'carla']) {
    await addUser(env, org, 'lawyer', `${name}@imu.test`);
    const session = await signIn(env, `${name}@imu.test`);
    for (let i = 0; i < 3; i++) {
      const created = await request(env, session, 'POST', '/api/v1/cases', intake());
      const caseId = created.json<{ id: string }>().id;
      const procedure = await request(env, session, 'POST', `/api/v1/cases/${caseId}/procedures`, {});
      await request(
        env,
        session,
        'POST',
        `/api/v1/cases/${caseId}/procedures/${procedure.json<{ id: string }>().id}/events`,
        {
          type: 'decision_notified',
          date: '2026-04-01',
          details: { outcome: 'negative' },
        },
      );
    }
  }
});
afterAll(async () => {
  await second.close();
  await env.close();
});

it('creates each reminder and sends each digest exactly once across two instances', async () => {
  const sent: string[] = [];
  const mailer: Mailer = {
    send: async (m) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(m.to);
    },
  };
  const created = await Promise.all([
    createReminders(env.ctx, '2026-04-15'),
    createReminders(second, '2026-04-15'),
    createReminders(env.ctx, '2026-04-15'),
  ]);
  const rows = await env.ctx.db.selectFrom('notifications').select(['dedupe_key']).execute();
  expect(created.reduce((a, b) => a + b, 0)).toBe(rows.length);
  expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(rows.length);
  // Nine cases (three per lawyer) each reach the 5-day lead for the revisión and the amparo.
  expect(rows.length).toBeGreaterThanOrEqual(9);

  const digests = await Promise.all([
    sendDigests(env.ctx, mailer, '2026-04-15'),
    sendDigests(second, mailer, '2026-04-15'),
  ]);
  expect(digests.reduce((a, b) => a + b, 0)).toBe(3);
  expect(sent.sort()).toEqual(['ana@imu.test', 'bea@imu.test', 'carla@imu.test']);
});
