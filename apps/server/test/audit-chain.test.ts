/**
 * The audit log is a hash chain: `verifyAudit` finds the first entry that was
 * altered, deleted or moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEntry, verifyAudit } from '../src/audit/audit.js';
import { addOrganization, addUser, createTestEnv, intake, request, signIn, type TestEnv } from './harness.js';

const API = '/api/v1';
let env: TestEnv;

const lastSeq = async () =>
  (await env.ctx.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())
    ?.seq ?? 0;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  const lawyer = await signIn(env, 'lawyer@imu.test');
  for (let i = 0; i < 8; i++) {
    const res = await request(env, lawyer, 'POST', `${API}/cases`, intake());
    const id = res.json<{ id: string }>().id;
    await request(env, lawyer, 'GET', `${API}/cases/${id}`);
    await request(env, lawyer, 'PATCH', `${API}/cases/${id}`, { municipality: `Tuxtla ${i}` });
  }
});
afterAll(() => env.close());

describe('verifyAudit', () => {
  type Row = Awaited<ReturnType<typeof rowAt>>;
  const rowAt = (seq: number) =>
    env.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const restore = async (row: Row) => {
    await env.ctx.db.deleteFrom('audit_log').where('seq', '=', row.seq).execute();
    await env.ctx.db.insertInto('audit_log').values(row).execute();
  };
  const setSeq = (from: number, to: number) =>
    env.ctx.db.updateTable('audit_log').set({ seq: to }).where('seq', '=', from).execute();

  it('passes on an intact log and checks every entry', async () => {
    const count = await lastSeq();
    expect(count).toBeGreaterThan(20);
    expect(await verifyAudit(env.ctx.db)).toEqual({ ok: true, checked: count });
    expect(await verifyAudit(env.ctx.db, 7)).toEqual({ ok: true, checked: count });
  });

  it('reports the first altered entry', async () => {
    const original = await rowAt(5);
    await env.ctx.db.updateTable('audit_log').set({ fields: '["nothing"]' }).where('seq', '=', 5).execute();
    expect(await verifyAudit(env.ctx.db)).toMatchObject({ ok: false, checked: 4, firstBad: { seq: 5 } });
    // Rewriting its hash too moves the break to the next entry, which names the old hash.
    const altered = { ...original, actor_id: null };
    await env.ctx.db
      .updateTable('audit_log')
      .set({ actor_id: null, fields: original.fields, hash: hashEntry(altered) })
      .where('seq', '=', 5)
      .execute();
    expect(await verifyAudit(env.ctx.db)).toMatchObject({ ok: false, firstBad: { seq: 6 } });
    await restore(original);
    expect((await verifyAudit(env.ctx.db)).ok).toBe(true);
  });

  it('reports a deleted entry', async () => {
    const original = await rowAt(8);
    await env.ctx.db.deleteFrom('audit_log').where('seq', '=', 8).execute();
    expect(await verifyAudit(env.ctx.db, 3)).toMatchObject({ ok: false, checked: 7, firstBad: { seq: 8 } });
    await restore(original);
    expect((await verifyAudit(env.ctx.db)).ok).toBe(true);
  });

  it('reports two swapped entries', async () => {
    await setSeq(10, -10);
    await setSeq(11, 10);
    await setSeq(-10, 11);
    expect(await verifyAudit(env.ctx.db)).toMatchObject({ ok: false, checked: 9, firstBad: { seq: 10 } });
    await setSeq(10, -10);
    await setSeq(11, 10);
    await setSeq(-10, 11);
    expect((await verifyAudit(env.ctx.db)).ok).toBe(true);
  });
});
