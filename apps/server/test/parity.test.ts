/**
 * The same answers on SQLite and PostgreSQL: this file runs unchanged on both,
 * so each exact expectation below holds on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganization,
  addUser,
  closeCase,
  createTestEnv,
  intake,
  request,
  signIn,
  type Session,
  type TestEnv,
  must,
} from './harness.js';

const API = '/api/v1';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
let env: TestEnv;
let lawyer: Session;
let coordinator: Session;

interface Summary {
  id: string;
  code: string;
  givenNames: string;
  familySize: number;
  lastActivityAt: string;
}
type Page = { items: Summary[]; nextCursor: string | null };

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'coordinator', 'coord@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
});
afterAll(() => env.close());

async function create(session: Session, overrides: Record<string, unknown>) {
  const res = await request(env, session, 'POST', `${API}/cases`, intake(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string; familyMembers: { id: string }[] } & Record<string, unknown>>();
}

describe('value types', () => {
  it('a full intake comes back with the same types and values', async () => {
    const full = {
      givenNames: 'Wislande',
      familyNames: 'Jean-Baptiste',
      preferredName: 'Wis',
      birthDate: '1990-01-31',
      estimatedAge: 35,
      genderIdentity: 'woman',
      nationalities: ['HT', 'CL'],
      languages: ['ht', 'fr', 'es'],
      needsInterpreter: true,
      entryDate: '2025-11-02',
      entryPlace: 'Ciudad Hidalgo',
      state: '07',
      municipality: 'Tapachula',
      contactMethod: 'signal',
      contactDetails: '+52 962 111 2233',
      mayLeaveMessage: true,
      pregnant: true,
      disability: false,
      indigenous: false,
      lgbtiq: true,
      vulnerabilities: ['single_mother', 'homeless'],
      documents: ['passport', 'comar_constancia'],
      referralSource: 'shelter',
      familyMembers: [
        {
          relationship: 'son',
          givenNames: 'Jean',
          familyNames: 'Baptiste',
          birthDate: '2019-05-05',
          estimatedAge: null,
          sex: 'male',
        },
        {
          relationship: 'daughter',
          givenNames: 'Marie',
          familyNames: '',
          birthDate: null,
          estimatedAge: 2,
          sex: 'female',
        },
      ],
    };
    const created = await create(lawyer, full);
    const read = (await request(env, lawyer, 'GET', `${API}/cases/${created.id}`)).json<
      Record<string, unknown>
    >();
    for (const body of [created, read]) {
      const { familyMembers, ...profile } = full;
      expect(body).toMatchObject({ ...profile, status: 'open', closureReason: null, step: 'engagement' });
      expect(body.familyMembers).toEqual(
        familyMembers.map((m) => ({ ...m, id: expect.any(String) as string })),
      );
      for (const key of ['createdAt', 'updatedAt', 'lastActivityAt']) expect(body[key]).toMatch(INSTANT);
    }
    const list = await request(env, lawyer, 'POST', `${API}/cases/search`, { q: created.code });
    expect(list.json<Page>().items).toEqual([
      {
        id: created.id,
        code: created.code,
        givenNames: 'Wislande',
        familyNames: 'Jean-Baptiste',
        preferredName: 'Wis',
        nationalities: ['HT', 'CL'],
        state: '07',
        status: 'open',
        step: 'engagement',
        familySize: 3,
        riskLevel: null,
        lastActivityAt: read.lastActivityAt,
        createdAt: read.createdAt,
      },
    ]);
  });

  it('omitted fields come back as null, empty text, empty lists or false — never undefined or 0', async () => {
    const res = await request(env, lawyer, 'POST', `${API}/cases`, {
      givenNames: 'Sola',
      privacyNotice: intake().privacyNotice,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      familyNames: '',
      preferredName: '',
      birthDate: null,
      estimatedAge: null,
      nationalities: [],
      languages: [],
      needsInterpreter: false,
      entryDate: null,
      state: null,
      contactMethod: null,
      contactDetails: '',
      pregnant: false,
      referralSource: null,
      closureReason: null,
      familyMembers: [],
    });
    const list = await request(env, lawyer, 'GET', `${API}/cases?limit=100`);
    const item = list.json<Page>().items.find((c) => c.givenNames === 'Sola') as unknown as Record<
      string,
      unknown
    >;
    expect(item).toMatchObject({ familySize: 1, state: null, nationalities: [] });
  });

  it('closing (asked, then approved) and reopening keep the closure reason consistent', async () => {
    const c = await create(lawyer, { givenNames: 'Cierre' });
    // The profile form no longer closes a case.
    const direct = await request(env, lawyer, 'PATCH', `${API}/cases/${c.id}`, { status: 'closed' });
    expect(direct.statusCode).toBe(400);
    await closeCase(env, lawyer, coordinator, c.id, 'moved_away');
    const closed = await request(env, lawyer, 'GET', `${API}/cases/${c.id}`);
    expect(closed.json()).toMatchObject({ status: 'closed', closureReason: 'moved_away', step: 'closure' });
    const reopened = await request(env, lawyer, 'POST', `${API}/cases/${c.id}/reopen`, { reason: 'Volvió' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const read = await request(env, lawyer, 'GET', `${API}/cases/${c.id}`);
    expect(read.json()).toMatchObject({ status: 'open', closureReason: null });
  });

  it('trail and history numbers are numbers; users have booleans and ISO instants', async () => {
    const c = await create(lawyer, { givenNames: 'Versión' });
    await request(env, lawyer, 'PATCH', `${API}/cases/${c.id}`, { estimatedAge: 40 });
    const audit = (await request(env, coordinator, 'GET', `${API}/cases/${c.id}/audit`)).json<{
      items: { seq: unknown; at: unknown }[];
    }>();
    for (const e of audit.items) {
      expect(typeof e.seq).toBe('number');
      expect(e.at).toMatch(INSTANT);
    }
    const history = (await request(env, coordinator, 'GET', `${API}/cases/${c.id}/history`)).json<{
      items: unknown[];
    }>();
    expect(history.items).toEqual([
      {
        version: 1,
        changedAt: expect.stringMatching(INSTANT) as string,
        changedBy: expect.any(String) as string,
        fields: ['estimatedAge'],
        before: { estimatedAge: null },
      },
    ]);
    const session = (await request(env, lawyer, 'GET', `${API}/session`)).json<{
      user: Record<string, unknown>;
      idleTimeoutMinutes: unknown;
    }>();
    expect(session.user).toMatchObject({
      active: true,
      lastSignInAt: expect.stringMatching(INSTANT) as string,
      createdAt: expect.stringMatching(INSTANT) as string,
    });
    expect(session.idleTimeoutMinutes).toBe(30);
  });
});

describe('search', () => {
  let s: Session;
  let mine: Session;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    const org = await addOrganization(env, 'Búsqueda', 'BUS');
    await addUser(env, org, 'coordinator', 'coord@bus.test');
    await addUser(env, org, 'lawyer', 'lawyer@bus.test');
    s = await signIn(env, 'coord@bus.test');
    mine = await signIn(env, 'lawyer@bus.test');
    const cases: [string, Session, Record<string, unknown>][] = [
      [
        'jose',
        mine,
        { givenNames: 'José', familyNames: 'Hernández Núñez', nationalities: ['HN'], state: '07' },
      ],
      [
        'josefina',
        mine,
        { givenNames: 'Josefina', familyNames: 'Pérez', nationalities: ['GT', 'SV'], state: '09' },
      ],
      ['rosa', mine, { givenNames: 'Rosa', familyNames: 'NUNEZ Ortiz', nationalities: ['HT'], state: '07' }],
      [
        'ana',
        s,
        {
          givenNames: 'Ana',
          familyNames: 'López',
          preferredName: 'Anita',
          nationalities: ['VE'],
          state: '02',
        },
      ],
    ];
    for (const [key, session, overrides] of cases) {
      const c = await create(session, { familyMembers: [], ...overrides });
      ids[key] = c.id;
      codes[key] = c.code;
    }
    await closeCase(env, mine, s, must(ids.rosa), 'needs_met');
    await request(env, s, 'PATCH', `${API}/cases/${ids.ana}`, { step: 'assessment' });
  });

  const found = async (session: Session, body: Record<string, unknown>) => {
    const res = await request(env, session, 'POST', `${API}/cases/search`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<Page>()
      .items.map((c) => Object.keys(ids).find((k) => ids[k] === c.id) ?? c.id)
      .sort();
  };

  it.each([
    ['jose', ['jose', 'josefina']],
    ['José', ['jose', 'josefina']],
    ['JOSÉ hernandez', ['jose']],
    ['NUÑEZ', ['jose', 'rosa']],
    ['nunez', ['jose', 'rosa']],
    ['Núñez', ['jose', 'rosa']],
    ['anita', ['ana']],
    ['lopez', ['ana']],
    ['perez jose', ['josefina']],
    ['María', []],
  ])('a name typed %j finds %j, ignoring accents and letter case', async (q, expected) => {
    expect(await found(s, { q })).toEqual(expected);
  });

  it('finds a case by its code, in any letter case, or by its number', async () => {
    expect(await found(s, { q: codes.rosa })).toEqual(['rosa']);
    expect(await found(s, { q: must(codes.rosa).toLowerCase() })).toEqual(['rosa']);
    expect(await found(s, { q: must(codes.rosa).slice(-5) })).toEqual(['rosa']);
  });

  it('filters by nationality, state, status, step and "assigned to me", alone or combined with a name', async () => {
    expect(await found(s, { nationality: 'GT' })).toEqual(['josefina']);
    expect(await found(s, { nationality: 'SV' })).toEqual(['josefina']);
    expect(await found(s, { state: '07' })).toEqual(['jose', 'rosa']);
    expect(await found(s, { status: 'closed' })).toEqual(['rosa']);
    expect(await found(s, { status: 'open' })).toEqual(['ana', 'jose', 'josefina']);
    expect(await found(s, { step: 'assessment' })).toEqual(['ana']);
    expect(await found(s, { assignedToMe: true })).toEqual(['ana']);
    expect(await found(mine, { assignedToMe: true })).toEqual(['jose', 'josefina', 'rosa']);
    expect(await found(s, { q: 'nunez', state: '07', status: 'open' })).toEqual(['jose']);
    const list = await request(env, s, 'GET', `${API}/cases?state=07&status=closed`);
    expect(list.json<Page>().items.map((c) => c.id)).toEqual([ids.rosa]);
    const assigned = await request(env, mine, 'GET', `${API}/cases?assignedToMe=true&nationality=HN`);
    expect(assigned.json<Page>().items.map((c) => c.id)).toEqual([ids.jose]);
  });

  it('a renamed case is found by its new name only', async () => {
    await request(env, s, 'PATCH', `${API}/cases/${ids.ana}`, { givenNames: 'Ámbar' });
    expect(await found(s, { q: 'ambar' })).toEqual(['ana']);
    expect(await found(s, { q: 'ana' })).toEqual([]);
    expect(await found(s, { q: 'anita' })).toEqual(['ana']);
  });
});

describe('cursor pagination', () => {
  let s: Session;
  let all: string[];
  beforeAll(async () => {
    const org = await addOrganization(env, 'Paginación', 'PAG');
    await addUser(env, org, 'coordinator', 'coord@pag.test');
    s = await signIn(env, 'coord@pag.test');
    all = [];
    for (let i = 0; i < 30; i++)
      all.push((await create(s, { givenNames: `Caso ${i}`, familyMembers: [] })).id);
    // Ten cases with the very same last activity: the order must still be total.
    const same = new Date(Date.now() - 60_000).toISOString();
    await env.ctx.db
      .updateTable('cases')
      .set({ last_activity_at: same })
      .where('id', 'in', all.slice(5, 15))
      .execute();
    // Activity on an old case brings it to the top.
    await request(env, s, 'POST', `${API}/cases/${all[0]}/notes`, {
      noteClass: 'general',
      body: 'Nueva actividad',
    });
  });

  async function walk(next: (cursor: string | null) => Promise<Page>) {
    const pages: Summary[][] = [];
    let cursor: string | null = null;
    do {
      const page = await next(cursor);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it.each([
    ['GET /cases', (cursor: string | null) => `${API}/cases?limit=7${cursor ? `&cursor=${cursor}` : ''}`],
    ['POST /cases/search', null],
  ] as const)('%s returns every case once, most recent activity first', async (_name, getUrl) => {
    const pages = await walk(async (cursor) => {
      const res = getUrl
        ? await request(env, s, 'GET', getUrl(cursor))
        : await request(env, s, 'POST', `${API}/cases/search`, { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Page>();
    });
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
    const items = pages.flat();
    expect(items.map((c) => c.id).sort()).toEqual([...all].sort());
    expect(must(items[0]).id).toBe(all[0]);
    const expected = [...items].sort((a, b) =>
      a.lastActivityAt === b.lastActivityAt
        ? a.id < b.id
          ? 1
          : -1
        : a.lastActivityAt < b.lastActivityAt
          ? 1
          : -1,
    );
    expect(items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });
});
