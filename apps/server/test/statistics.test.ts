/**
 * Statistics on both databases: who may read them, that only women with a
 * statistics consent in force are counted (exactly: the published universe is
 * the perturbed count of their record keys), that no published cell is under
 * k, that a filter selecting too few women shows nothing, that periods are
 * whole months, and that the exports hold the same published figures only.
 */
import ExcelJS from 'exceljs';
import { workshop } from './workshop-fixtures.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTo, emptyCell, perturbed, todayInMexico, type Role, type StatisticsView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

/** The item at an index, or a failed test. */
const at = <T>(xs: readonly T[] | undefined, i: number): T => {
  const v = xs?.[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
};

const API = '/api/v1';
const YEAR = new Date().getUTCFullYear();
const PERIOD = `from=${YEAR}-01&to=${YEAR}-12`;
const STAFF: Role[] = [
  'admin',
  'coordinator',
  'analyst',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
  'partner',
];

let env: TestEnv;
const clinic: Partial<Record<Role, Session>> = {};
let otherAdmin: Session;
const consented: string[] = [];
const notConsented: string[] = [];

const get = (who: Session | null, path: string) => request(env, who, 'GET', `${API}${path}`);
const as = (role: Role) => must(clinic[role], role);
const stats = async (who: Session, query = PERIOD) => {
  const res = await get(who, `/statistics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsView>();
};

async function registerWoman(
  lawyer: Session,
  overrides: Record<string, unknown>,
  consent: boolean,
): Promise<string> {
  const created = await request(env, lawyer, 'POST', `${API}/cases`, intake(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  if (consent) {
    const given = await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, {
      purpose: 'statistics',
      scope: ['identity', 'violence_history', 'migration_status'],
      method: 'signed_form',
      givenOn: `${YEAR}-01-05`,
      documentId: null,
      witnessName: '',
    });
    if (given.statusCode !== 201) {
      // A signed form needs its document; a witnessed verbal consent does not.
      const verbal = await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, {
        purpose: 'statistics',
        scope: ['identity', 'violence_history', 'migration_status'],
        method: 'verbal_witnessed',
        witnessName: 'Testigo',
        givenOn: `${YEAR}-01-05`,
      });
      expect(verbal.statusCode, verbal.body).toBe(201);
    }
  }
  return id;
}

/** The published value of a cell counting these cases, computed from their record keys. */
async function expectedCount(caseIds: readonly string[]): Promise<number> {
  const rows = await env.ctx.db
    .selectFrom('stat_facts')
    .select('record_key')
    .where('case_id', 'in', caseIds)
    .execute();
  expect(rows).toHaveLength(caseIds.length);
  const cell = emptyCell();
  for (const row of rows) addTo(cell, row.record_key);
  return perturbed(cell);
}

beforeAll(async () => {
  env = await createTestEnv();
  const orgId = await addOrganization(env, 'Clínica Estadística', 'EST');
  for (const role of STAFF) {
    await addUser(env, orgId, role, `${role}@est.example`);
    clinic[role] = await signIn(env, `${role}@est.example`);
  }
  const otherOrg = await addOrganization(env, 'Otra organización', 'OTR');
  await addUser(env, otherOrg, 'admin', 'admin@otra.example');
  otherAdmin = await signIn(env, 'admin@otra.example');
  const lawyer = as('lawyer');
  // 26 women with a statistics consent: Honduras and Guatemala in Chiapas, two from Eritrea; 8 without one.
  for (let i = 0; i < 26; i++) {
    const nationality = i < 16 ? 'HN' : i < 24 ? 'GT' : 'ER';
    consented.push(
      await registerWoman(
        lawyer,
        { nationalities: [nationality], state: i % 3 === 0 ? '09' : '07', givenNames: `Consentida${i}` },
        true,
      ),
    );
  }
  for (let i = 0; i < 8; i++)
    notConsented.push(
      await registerWoman(lawyer, { nationalities: ['HN'], givenNames: `SinConsentimiento${i}` }, false),
    );
  // Violence history for some of them.
  for (const id of consented.slice(0, 14)) {
    const res = await request(env, lawyer, 'POST', `${API}/cases/${id}/incidents`, {
      from: `${YEAR - 1}-11`,
      phase: 'transit',
      country: 'GT',
      types: ['physical'],
      gbvType: 'physical_assault',
      perpetrator: 'gang_organized_crime',
      reported: 'no',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => env.close());

describe('who reads statistics', () => {
  it('admins, coordinators and analysts of the organization; no one else; 401 without a session', async () => {
    for (const role of STAFF) {
      const res = await get(as(role), `/statistics?${PERIOD}`);
      const allowed = role === 'admin' || role === 'coordinator' || role === 'analyst';
      expect(res.statusCode, role).toBe(allowed ? 200 : 403);
      expect((await get(as(role), `/statistics/export.csv?${PERIOD}`)).statusCode, role).toBe(
        allowed ? 200 : 403,
      );
    }
    expect((await get(null, `/statistics?${PERIOD}`)).statusCode).toBe(401);
    expect((await get(null, `/statistics/export.xlsx?${PERIOD}`)).statusCode).toBe(401);
  });

  it('another organization counts only its own cases', async () => {
    const view = await stats(otherAdmin);
    expect(view.universe.value).toBe(0);
    expect(view.tooFew).toBe(true);
    expect(view.tables).toEqual([]);
  });

  it('records every query in the audit log with the names of its filters, not their values', async () => {
    await stats(as('analyst'), `${PERIOD}&state=07`);
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'fields', 'actor_id'])
      .where('action', '=', 'statistics.read')
      .where('actor_id', '=', as('analyst').userId)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)?.fields).toContain('state');
    expect(rows.at(-1)?.fields).not.toContain('07');
  });
});

describe('consent and disclosure', () => {
  it('counts exactly the women whose statistics consent is in force and says how many were left out', async () => {
    const view = await stats(as('coordinator'));
    expect(view.universe).toEqual({ value: await expectedCount(consented), suppressed: null });
    expect(view.leftOut).toEqual({ value: await expectedCount(notConsented), suppressed: null });
    expect(view.tooFew).toBe(false);
  });

  it('stops counting a woman the moment she withdraws her statistics consent', async () => {
    const [withdrawn] = consented.splice(25, 1);
    const list = await get(as('lawyer'), `/cases/${withdrawn}/consents`);
    const consent = list
      .json<{ items: { id: string; purpose: string }[] }>()
      .items.find((c) => c.purpose === 'statistics');
    const res = await request(
      env,
      as('lawyer'),
      'POST',
      `${API}/cases/${withdrawn}/consents/${consent?.id}/withdraw`,
      {
        withdrawnOn: todayInMexico(),
        withdrawnBy: 'herself',
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = await stats(as('coordinator'));
    expect(view.universe.value).toBe(await expectedCount(consented));
    expect(view.leftOut.value).toBe(await expectedCount([...notConsented, must(withdrawn)]));
  });

  it('publishes no cell under k, keeps totals equal to the sum of shown cells, and never names a small nationality', async () => {
    const view = await stats(as('analyst'));
    expect(view.k).toBe(5);
    for (const table of view.tables) {
      const all = [
        ...table.cells.flat(),
        ...(table.rowTotals ?? []),
        ...(table.colTotals ?? []),
        ...(table.total ? [table.total] : []),
      ];
      for (const cell of all) {
        if (cell.value === null) expect(cell.suppressed).not.toBeNull();
        else expect(cell.value === 0 || cell.value >= view.k, `${table.id} ${cell.value}`).toBe(true);
      }
      if (table.colTotals && table.cells.every((row) => row.every((c) => c.value !== null))) {
        table.colTotals.forEach((total, j) => {
          if (total.value !== null)
            expect(table.cells.reduce((s, row) => s + (at(row, j).value ?? NaN), 0)).toBe(total.value);
        });
      }
    }
    const nationality = must(view.tables.find((t) => t.id === 'by_nationality'));
    expect(nationality.rows).not.toContain('ER');
    expect(nationality.rows).toContain('other');
    // The two Eritrean women are a small cell: hidden, with at least one other cell so the total does not give them away.
    const other = at(at(nationality.cells, nationality.rows.indexOf('other')), 0);
    expect(other).toEqual({ value: null, suppressed: 'small' });
    const hidden =
      nationality.cells.filter((row) => at(row, 0).value === null).length +
      (at(nationality.colTotals ?? [], 0).value === null ? 1 : 0);
    expect(hidden).toBeGreaterThanOrEqual(2);
  });

  it('shows nothing but the counts when the filters select fewer women than the minimum', async () => {
    const view = await stats(as('analyst'), `${PERIOD}&nationality=GT`);
    expect(view.minUniverse).toBe(20);
    expect(view.tooFew).toBe(true);
    expect(view.tables).toEqual([]);
    expect(view.decisionTime.median).toBeNull();
  });

  it('refuses days, reversed and over-long periods, and unknown filters, with field codes', async () => {
    const codes = async (query: string) => {
      const res = await get(as('analyst'), `/statistics?${query}`);
      expect(res.statusCode, query).toBe(400);
      return apiError(res).fields?.map((f) => `${f.path}:${f.code}`);
    };
    expect(await codes(`from=${YEAR}-01-02&to=${YEAR}-03`)).toEqual(['from:whole_months_only']);
    expect(await codes(`from=${YEAR}-05&to=${YEAR}-03`)).toEqual(['to:range_reversed']);
    expect(await codes(`from=2000-01&to=${YEAR}-03`)).toEqual(['to:range_too_long']);
    expect(await codes(`from=${YEAR}-01&to=${YEAR}-03&caseId=1`)).toEqual(['caseId:unknown_field']);
    expect(await codes(`from=${YEAR}-01&to=${YEAR}-03&state=99`)).toEqual(['state:invalid_choice']);
  });
});

describe('combined filters and workshops', () => {
  it('counts a combination of filters from the cases themselves, with the same consent rule', async () => {
    // Honduran women in Chiapas with a consent: those of the first sixteen not registered in Mexico City.
    const chosen = consented.filter((_, i) => i < 16 && i % 3 !== 0);
    const view = await stats(as('coordinator'), `${PERIOD}&state=07&nationality=HN`);
    expect(view.universe).toEqual({ value: await expectedCount(chosen), suppressed: null });
    expect(view.tooFew).toBe(true);
  });

  it('counts workshops held and people reached in the period, hiding small groups', async () => {
    const big = workshop({
      heldOn: `${YEAR}-02-14`,
      participants: [
        { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 40 },
        { gender: 'woman', ageBand: 'age_30_44', nationality: 'HT', count: 2 },
      ],
    });
    for (let i = 0; i < 6; i++) {
      const res = await request(env, as('social_worker'), 'POST', `${API}/workshops`, {
        ...big,
        title: `Taller ${i}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const view = await stats(as('analyst'));
    const table = (id: string) =>
      must(
        view.tables.find((t) => t.id === id),
        id,
      );
    const measures = table('workshops');
    const held = at(at(measures.cells, measures.rows.indexOf('held')), 0);
    const reached = at(at(measures.cells, measures.rows.indexOf('participants')), 0);
    expect(Math.abs(must(held.value) - 6)).toBeLessThanOrEqual(2);
    expect(Math.abs(must(reached.value) - 252)).toBeLessThanOrEqual(2);
    // Twelve Haitian participants are named; outside the period nothing is counted.
    const nationality = table('workshop_nationality');
    expect(nationality.rows).toEqual(expect.arrayContaining(['HN', 'HT']));
    const before = await stats(as('analyst'), `from=${YEAR - 1}-01&to=${YEAR - 1}-12`);
    expect(before.tables).toEqual([]);
  });
});

describe('exports', () => {
  it('gives the same published figures as CSV and as a workbook, with no name in them', async () => {
    const view = await stats(as('analyst'));
    const csv = await get(as('analyst'), `/statistics/export.csv?${PERIOD}&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="senda-estadisticas-/);
    expect(csv.body).not.toMatch(/Consentida|SinConsentimiento|Pérez/);
    expect(csv.body).toContain('Women counted');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('section,table,row,row_label,column,column_label,value,suppressed');
    const universe = must(lines.find((l) => l.startsWith('summary,summary,universe,')));
    expect(universe.split(',').at(-2)).toBe(String(view.universe.value));
    // Every value in the file is empty (hidden), zero or at least k.
    for (const line of lines.slice(1)) {
      const value = line.split(',').at(-2) ?? '';
      if (value !== '' && !line.includes('decision_days') && !line.includes('acceptance_days')) {
        expect(Number(value) === 0 || Number(value) >= view.k, line).toBe(true);
      }
    }
    const xlsx = await env.app.inject({
      method: 'GET',
      url: `${API}/statistics/export.xlsx?${PERIOD}`,
      headers: { cookie: as('analyst').cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => values.push(JSON.stringify(row.values))));
    expect(values.join('\n')).not.toMatch(/Consentida|SinConsentimiento/);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the threshold', () => {
  it('admins set k (never below 3); others cannot; the figures follow it', async () => {
    expect(
      (await request(env, as('coordinator'), 'PUT', `${API}/statistics/settings`, { k: 4 })).statusCode,
    ).toBe(403);
    const low = await request(env, as('admin'), 'PUT', `${API}/statistics/settings`, { k: 2 });
    expect(apiError(low).fields?.map((f) => `${f.path}:${f.code}`)).toEqual(['k:too_small']);
    const set = await request(env, as('admin'), 'PUT', `${API}/statistics/settings`, { k: 3 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await get(as('analyst'), '/statistics/settings')).json()).toEqual({ k: 3, defaultK: 5, minK: 3 });
    const view = await stats(as('analyst'), `${PERIOD}&nationality=GT`);
    expect(view.k).toBe(3);
    expect(view.minUniverse).toBe(12);
    expect((await stats(otherAdmin)).k).toBe(5);
    await request(env, as('admin'), 'PUT', `${API}/statistics/settings`, { k: 5 });
  });
});
