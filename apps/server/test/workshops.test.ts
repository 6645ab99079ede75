/**
 * Workshops and community activities, on both databases: recorded, read,
 * changed (a stale change answers 409) and removed, every write audited with
 * field names only; people are counted, never named; invalid input answers
 * 400 with field codes, never 500; the list filters by period and topic and
 * totals the people reached. Materials and who may reach workshops:
 * workshop-access.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopListView, WorkshopView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';
import {
  API,
  auditEntries,
  buildWorld,
  codes,
  createWorkshop,
  uploadMaterial,
  workshop,
  PDF,
  type UploadFile,
  type WorkshopWorld,
} from './workshop-fixtures.js';

let env: TestEnv;
let staff: WorkshopWorld['staff'];
let otherAdmin: Session;
const create = (who: Session, overrides: Record<string, unknown> = {}) => createWorkshop(env, who, overrides);
const upload = (
  who: Session | null,
  workshopId: string,
  fields: Record<string, string>,
  file?: UploadFile,
  csrf?: boolean,
) => uploadMaterial(env, who, workshopId, fields, file, csrf);

beforeAll(async () => {
  ({ env, staff, otherAdmin } = await buildWorld());
});
afterAll(() => env.close());

const auditOf = (action: string, id: string) => auditEntries(env, action, id);

describe('recording a workshop', () => {
  it('keeps what the clinic records, counts the people reached, and audits field names only', async () => {
    const created = await create(staff.intake);
    expect(created).toMatchObject({
      kind: 'workshop',
      title: 'Tus derechos en el asilo',
      heldOn: '2026-02-14',
      state: '07',
      municipality: 'Tapachula',
      topic: 'asylum_rights',
      otherTopic: '',
      language: 'es',
      coFacilitators: ['Casa Refugio'],
      participantTotal: 19,
      materials: [],
      version: 1,
      createdBy: 'intake intake',
    });
    expect(created.participants).toEqual([
      { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 12 },
      { gender: 'woman', ageBand: 'age_30_44', nationality: 'HT', count: 5 },
      { gender: 'man', ageBand: 'age_18_29', nationality: 'unknown', count: 2 },
    ]);
    // The statistics read these tables directly.
    const rows = await env.ctx.db
      .selectFrom('workshop_participants')
      .select(['gender', 'age_band', 'nationality', 'count'])
      .where('workshop_id', '=', created.id)
      .orderBy('count', 'desc')
      .execute();
    expect(rows.map((r) => r.count)).toEqual([12, 5, 2]);
    const stored = await env.ctx.db
      .selectFrom('workshops')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      held_on: '2026-02-14',
      topic: 'asylum_rights',
      co_facilitators: '["Casa Refugio"]',
    });
    const [audit] = await auditOf('workshop.create', created.id);
    expect(audit).toMatchObject({ actor_id: staff.intake.userId, entity_type: 'workshop' });
    expect(must(audit).fields).toContain('participants');
    expect(must(audit).fields).not.toContain('Tapachula');
  });

  it('answers invalid input with field codes, never a 500', async () => {
    const post = (body: unknown) => request(env, staff.lawyer, 'POST', `${API}/workshops`, body);
    expect(codes(await post(workshop({ topic: 'other' })))).toEqual(['otherTopic:other_topic_required']);
    const row = { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 3 };
    expect(codes(await post(workshop({ participants: [row, { ...row, count: 1 }] })))).toEqual([
      'participants.1:duplicate_participant_row',
    ]);
    expect(codes(await post(workshop({ participants: [] })))).toEqual(['participants:required']);
    expect(codes(await post(workshop({ heldOn: '2999-01-01' })))).toEqual(['heldOn:future_date']);
    expect(codes(await post(workshop({ participants: [{ ...row, count: 0 }] })))).toEqual([
      'participants.0.count:too_small',
    ]);
    expect(codes(await post(workshop({ participants: [{ ...row, name: 'Ana' }] })))).toEqual([
      'participants.0.name:unknown_field',
    ]);
    expect(codes(await post(workshop({ notes: 'Vino Ana' })))).toEqual(['notes:unknown_field']);
    expect(codes(await post(workshop({ state: 'XX', language: 'xx' })))).toEqual([
      'state:invalid_choice',
      'language:invalid_choice',
    ]);
    for (const body of ['{"title": "Taller",', '[]', 'null', '42']) {
      const res = await env.app.inject({
        method: 'POST',
        url: `${API}/workshops`,
        headers: {
          cookie: staff.lawyer.cookie,
          'x-csrf-token': staff.lawyer.csrf,
          'content-type': 'application/json',
        },
        payload: body,
      });
      expect(res.statusCode, body).toBe(400);
      expect(['malformed_json', 'validation_failed']).toContain(apiError(res).code);
    }
    expect((await request(env, staff.lawyer, 'GET', `${API}/workshops/not-a-uuid`)).statusCode).toBe(400);
  });
});

describe('changing and removing a workshop', () => {
  it('changes it with the version read, answers 409 to a stale change, and audits what changed', async () => {
    const created = await create(staff.lawyer);
    const url = `${API}/workshops/${created.id}`;
    const change = workshop({
      version: 1,
      title: 'Prevención de violencia',
      topic: 'other',
      otherTopic: 'Autocuidado',
      participants: [{ gender: 'non_binary', ageBand: 'age_15_17', nationality: 'GT', count: 4 }],
    });
    const changed = await request(env, staff.psychologist, 'PUT', url, change);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<WorkshopView>()).toMatchObject({
      title: 'Prevención de violencia',
      topic: 'other',
      otherTopic: 'Autocuidado',
      participantTotal: 4,
      version: 2,
    });
    const [audit] = await auditOf('workshop.update', created.id);
    expect(JSON.parse(must(audit).fields)).toEqual(['otherTopic', 'participants', 'title', 'topic']);

    // Someone else's change went first: refused, and nothing is written.
    const stale = await request(env, staff.social_worker, 'PUT', url, {
      ...change,
      version: 1,
      title: 'Otro',
    });
    expect(stale.statusCode).toBe(409);
    expect(apiError(stale).code).toBe('conflict');
    // The same workshop again changes nothing (no new version, no audit entry).
    const same = await request(env, staff.coordinator, 'PUT', url, { ...change, version: 2 });
    expect(same.json<WorkshopView>().version).toBe(2);
    expect(await auditOf('workshop.update', created.id)).toHaveLength(1);
    // Another topic drops the "other" topic's words.
    const back = await request(env, staff.coordinator, 'PUT', url, {
      ...change,
      version: 2,
      topic: 'health_access',
    });
    expect(back.json<WorkshopView>()).toMatchObject({ topic: 'health_access', otherTopic: '', version: 3 });
    expect(codes(await request(env, staff.coordinator, 'PUT', url, workshop()))).toEqual([
      'version:required',
    ]);
  });

  it('removes it with its participants and materials, audited', async () => {
    const created = await create(staff.social_worker);
    expect(
      (
        await upload(
          staff.social_worker,
          created.id,
          {},
          { name: 'a.pdf', type: 'application/pdf', data: PDF },
        )
      ).statusCode,
    ).toBe(201);
    const url = `${API}/workshops/${created.id}`;
    expect((await request(env, staff.intake, 'DELETE', url)).statusCode).toBe(204);
    expect((await request(env, staff.intake, 'GET', url)).statusCode).toBe(404);
    expect((await request(env, staff.intake, 'DELETE', url)).statusCode).toBe(404);
    for (const table of ['workshop_participants', 'workshop_materials'] as const) {
      const left = await env.ctx.db
        .selectFrom(table)
        .select('workshop_id')
        .where('workshop_id', '=', created.id)
        .execute();
      expect(left, table).toEqual([]);
    }
    expect(await auditOf('workshop.delete', created.id)).toHaveLength(1);
  });
});

describe('the list', () => {
  it('filters by period and topic, totals the people reached, newest first, a page at a time', async () => {
    const org = await addOrganization(env, 'Clínica del listado', 'LST');
    await addUser(env, org, 'coordinator', 'coord@lst.test');
    const coord = await signIn(env, 'coord@lst.test');
    const one = (count: number) => [{ gender: 'woman', ageBand: 'unknown', nationality: 'unknown', count }];
    await create(coord, { heldOn: '2026-01-10', topic: 'gbv_prevention', participants: one(10) });
    await create(coord, { heldOn: '2026-02-10', topic: 'gbv_prevention', participants: one(20) });
    await create(coord, {
      heldOn: '2026-03-10',
      topic: 'work_rights',
      kind: 'outreach',
      participants: one(30),
    });
    const list = async (query: string) => {
      const res = await request(env, coord, 'GET', `${API}/workshops${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<WorkshopListView>();
    };
    const all = await list('');
    expect(all.items.map((w) => w.heldOn)).toEqual(['2026-03-10', '2026-02-10', '2026-01-10']);
    expect(all.items.map((w) => w.participantTotal)).toEqual([30, 20, 10]);
    expect(all.totals).toEqual({ workshops: 3, participants: 60 });
    expect(all.nextCursor).toBeNull();
    expect((await list('?topic=gbv_prevention')).totals).toEqual({ workshops: 2, participants: 30 });
    expect((await list('?from=2026-02-01&to=2026-03-31')).totals).toEqual({ workshops: 2, participants: 50 });
    expect((await list('?from=2026-02-01&topic=work_rights')).items.map((w) => w.kind)).toEqual(['outreach']);
    expect((await list('?to=2025-12-31')).totals).toEqual({ workshops: 0, participants: 0 });

    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.totals).toEqual({ workshops: 3, participants: 60 });
    const second = await list(`?limit=2&cursor=${must(first.nextCursor)}`);
    expect(second.items.map((w) => w.heldOn)).toEqual(['2026-01-10']);
    expect(second.nextCursor).toBeNull();

    const bad = (query: string) => request(env, coord, 'GET', `${API}/workshops${query}`);
    expect(codes(await bad('?cursor=nonsense'))).toEqual(['cursor:invalid']);
    expect(codes(await bad('?from=2026-03-01&to=2026-01-01'))).toEqual(['to:range_reversed']);
    expect(codes(await bad('?topic=cooking'))).toEqual(['topic:invalid_choice']);
    expect(codes(await bad('?limit=500'))).toEqual(['limit:too_big']);
    // Only its own organization's workshops.
    expect((await list('')).items.every((w) => w.title === 'Tus derechos en el asilo')).toBe(true);
    const mine = await request(env, otherAdmin, 'GET', `${API}/workshops`);
    expect(mine.json<WorkshopListView>().totals.workshops).toBe(0);
  });
});
