/**
 * Networks that share aggregates, on both databases: who creates, joins and
 * leaves; that only staff of statistics of a current member read the
 * combined figures (404 for anyone else); that the figures are the members'
 * combined for the months each shares, never per organization; that a cell
 * one member makes alone is hidden (the p% rule) with enough others that the
 * total does not give it away; that joining or leaving never changes a
 * figure already seen; that every act and read is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTo,
  dominated,
  emptyCell,
  perturbed,
  shiftMonth,
  todayInMexico,
  type NetworkListView,
  type NetworkStatisticsView,
  type NetworkView,
} from '@senda/domain';
import { bootstrapIfEmpty } from '../src/modules/organizations/service.js';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  must,
  request,
  signIn,
  unknownId,
  type Session,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
const THIS_MONTH = todayInMexico().slice(0, 7);
const LAST = shiftMonth(THIS_MONTH, -1);
const PERIOD = `from=${shiftMonth(LAST, -2)}&to=${LAST}`;

interface Member {
  name: string;
  admin: Session;
  coordinator: Session;
  analyst: Session;
  lawyer: Session;
  cases: string[];
}

let env: TestEnv;
let installationAdmin: Session;
const orgs: Record<'a' | 'b' | 'c' | 'd' | 'e', Member> = {} as never;
let network: NetworkView;

const call = (who: Session | null, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  request(env, who, method, `${API}${path}`, body);
const figures = async (who: Session, query = PERIOD) => {
  const res = await call(who, 'GET', `/statistics/networks/${network.id}/figures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NetworkStatisticsView>();
};

/** Women registered last month with a statistics consent, by nationality. */
async function register(member: Member, nationalities: Record<string, number>): Promise<void> {
  for (const [nationality, count] of Object.entries(nationalities)) {
    for (let i = 0; i < count; i++) {
      const created = await call(
        member.lawyer,
        'POST',
        '/cases',
        intake({ nationalities: [nationality], givenNames: `Red${member.name}${nationality}${i}` }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const consent = await call(member.lawyer, 'POST', `/cases/${id}/consents`, {
        purpose: 'statistics',
        scope: ['identity', 'violence_history', 'migration_status'],
        method: 'verbal_witnessed',
        witnessName: 'Testigo',
        givenOn: `${LAST}-15`,
      });
      expect(consent.statusCode, consent.body).toBe(201);
      member.cases.push(id);
    }
  }
  // Registered last month (the statistics count a case from the month it was opened).
  await env.ctx.db
    .updateTable('cases')
    .set({ created_at: `${LAST}-15T17:00:00.000Z`, last_activity_at: new Date().toISOString() })
    .where('id', 'in', member.cases)
    .execute();
}

/** The published count of these cases, from their record keys. */
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

/** As if the organization had joined some months ago (joining shares from the month it joins). */
async function backdate(orgKey: keyof typeof orgs, since: string) {
  const org = await env.ctx.db
    .selectFrom('users')
    .select('org_id')
    .where('id', '=', orgs[orgKey].admin.userId)
    .executeTakeFirstOrThrow();
  await env.ctx.db
    .updateTable('stat_network_members')
    .set({ since_month: since })
    .where('network_id', '=', network.id)
    .where('org_id', '=', org.org_id)
    .execute();
}

beforeAll(async () => {
  env = await createTestEnv();
  const first = must(await bootstrapIfEmpty(env.ctx));
  installationAdmin = await signIn(env, first.email, first.password);
  for (const key of ['a', 'b', 'c', 'd', 'e'] as const) {
    const name = `Organización ${key.toUpperCase()}`;
    const orgId = await addOrganization(env, name, `NR${key.toUpperCase()}`);
    const sessions: Partial<Member> = { name, cases: [] };
    for (const role of ['admin', 'coordinator', 'analyst', 'lawyer'] as const) {
      await addUser(env, orgId, role, `${role}@${key}.red.test`);
      sessions[role] = await signIn(env, `${role}@${key}.red.test`);
    }
    orgs[key] = sessions as Member;
  }
  // Honduras from three organizations; Guatemala only from B; Cuba from A and C (two organizations).
  await register(orgs.a, { HN: 12, CU: 6 });
  await register(orgs.b, { HN: 10, GT: 7 });
  await register(orgs.c, { HN: 9, CU: 6 });
  await register(orgs.e, { HN: 10 });
}, 120_000);
afterAll(() => env.close());

describe('making a network', () => {
  it('only the installation’s admins create and rename one; names are unique whatever their case', async () => {
    const body = { name: 'Red Frontera Sur', description: 'Organizaciones de Chiapas y Tabasco' };
    expect((await call(orgs.a.admin, 'POST', '/statistics/networks', body)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/statistics/networks', body)).statusCode).toBe(401);
    const bad = await call(installationAdmin, 'POST', '/statistics/networks', { name: ' ', description: '' });
    expect(bad.statusCode).toBe(400);
    expect(apiError(bad).fields?.[0]?.path).toBe('name');
    const created = await call(installationAdmin, 'POST', '/statistics/networks', body);
    expect(created.statusCode, created.body).toBe(201);
    network = created.json<NetworkView>();
    expect(network).toMatchObject({ name: 'Red Frontera Sur', members: [], membership: null });
    const twice = await call(installationAdmin, 'POST', '/statistics/networks', {
      name: 'red frontera SUR',
      description: '',
    });
    expect(twice.statusCode).toBe(409);
    expect(apiError(twice).fields).toEqual([{ path: 'name', code: 'name_taken' }]);
    const renamed = await call(installationAdmin, 'PUT', `/statistics/networks/${network.id}`, {
      ...body,
      description: 'Chiapas, Tabasco y Veracruz',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await call(orgs.a.admin, 'PUT', `/statistics/networks/${network.id}`, body)).statusCode).toBe(
      403,
    );
    expect(
      (await call(installationAdmin, 'PUT', `/statistics/networks/${unknownId()}`, body)).statusCode,
    ).toBe(404);
  });

  it('admins, coordinators and analysts see the networks and who is in them; others are refused', async () => {
    for (const role of ['admin', 'coordinator', 'analyst'] as const) {
      const res = await call(orgs.a[role], 'GET', '/statistics/networks');
      expect(res.statusCode, role).toBe(200);
      const list = res.json<NetworkListView>();
      expect(list.canCreate).toBe(false);
      expect(list.networks.map((n) => n.name)).toEqual(['Red Frontera Sur']);
      expect(list.networks[0]?.can.join).toBe(role === 'admin');
    }
    expect((await call(orgs.a.lawyer, 'GET', '/statistics/networks')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/statistics/networks')).statusCode).toBe(401);
    expect(
      (await call(installationAdmin, 'GET', '/statistics/networks')).json<NetworkListView>().canCreate,
    ).toBe(true);
  });
});

describe('opting in', () => {
  it('an organization’s admin joins, from this month on; nobody else joins for it', async () => {
    expect(
      (await call(orgs.a.coordinator, 'POST', `/statistics/networks/${network.id}/join`)).statusCode,
    ).toBe(403);
    expect((await call(orgs.a.admin, 'POST', `/statistics/networks/${unknownId()}/join`)).statusCode).toBe(
      404,
    );
    for (const key of ['a', 'b', 'c'] as const) {
      const res = await call(orgs[key].admin, 'POST', `/statistics/networks/${network.id}/join`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<NetworkView>().membership).toMatchObject({ since: THIS_MONTH, until: null });
    }
    const again = await call(orgs.a.admin, 'POST', `/statistics/networks/${network.id}/join`);
    expect(again.statusCode).toBe(409);
    expect(apiError(again).fields).toEqual([{ path: 'membership', code: 'already_member' }]);
  });

  it('a month joined in is not over, so the members share nothing yet of past months', async () => {
    const view = await figures(orgs.a.analyst);
    expect(view.organizations).toBe(0);
    expect(view.tooFewOrganizations).toBe(true);
    expect(view.tables).toEqual([]);
    expect(view.universe.value).toBeNull();
  });
});

describe('the combined figures', () => {
  beforeAll(async () => {
    for (const key of ['a', 'b', 'c'] as const) await backdate(key, shiftMonth(LAST, -6));
  });

  it('only staff of statistics of a current member read them: others 404, other roles 403', async () => {
    for (const role of ['admin', 'coordinator', 'analyst'] as const) await figures(orgs.c[role]);
    const path = `/statistics/networks/${network.id}/figures?${PERIOD}`;
    expect((await call(orgs.e.analyst, 'GET', path)).statusCode).toBe(404);
    expect((await call(orgs.e.admin, 'GET', path)).statusCode).toBe(404);
    expect((await call(installationAdmin, 'GET', path)).statusCode).toBe(404);
    expect((await call(orgs.a.lawyer, 'GET', path)).statusCode).toBe(403);
    expect((await call(null, 'GET', path)).statusCode).toBe(401);
    for (const file of ['export.csv', 'export.xlsx', 'report.pdf'])
      expect(
        (await call(orgs.e.analyst, 'GET', `/statistics/networks/${network.id}/${file}?${PERIOD}`))
          .statusCode,
      ).toBe(404);
    expect(
      (await call(orgs.a.analyst, 'GET', `/statistics/networks/${unknownId()}/figures?${PERIOD}`)).statusCode,
    ).toBe(404);
  });

  it('reach only months that are over', async () => {
    const res = await call(
      orgs.a.analyst,
      'GET',
      `/statistics/networks/${network.id}/figures?from=${LAST}&to=${THIS_MONTH}`,
    );
    expect(res.statusCode).toBe(400);
    expect(apiError(res).fields).toEqual([{ path: 'to', code: 'month_not_over' }]);
    const day = await call(
      orgs.a.analyst,
      'GET',
      `/statistics/networks/${network.id}/figures?from=${LAST}-01&to=${LAST}`,
    );
    expect(day.statusCode).toBe(400);
  });

  it('count every consenting woman of the members, and no one of an organization outside', async () => {
    const view = await figures(orgs.a.analyst);
    expect(view).toMatchObject({ organizations: 3, tooFewOrganizations: false, tooFew: false, k: 5 });
    expect(view.universe.value).toBe(
      await expectedCount([...orgs.a.cases, ...orgs.b.cases, ...orgs.c.cases]),
    );
    const text = JSON.stringify(view);
    for (const key of ['a', 'b', 'c', 'e'] as const) expect(text).not.toContain(orgs[key].name);
    expect(text).not.toContain('RedOrganización');
  });

  it('hide a cell one or two members make, and another beside it, so no member learns another’s part', async () => {
    const view = await figures(orgs.b.analyst);
    const table = must(view.tables.find((t) => t.id === 'by_nationality'));
    const row = (code: string) => table.cells[table.rows.indexOf(code)]?.[0];
    // Guatemala: only B (7 women). Cuba: A and C, 6 each — either would read the other's part.
    expect(row('GT')?.suppressed).toBe('dominance');
    expect(row('CU')?.suppressed).toBe('dominance');
    // Honduras: 12, 10 and 9 — no member can estimate another's part to within 10 %.
    expect(dominated([12, 10, 9])).toBe(false);
    expect(row('HN')?.value).toBe(
      await expectedCount([
        ...orgs.a.cases.slice(0, 12),
        ...orgs.b.cases.slice(0, 10),
        ...orgs.c.cases.slice(0, 9),
      ]),
    );
    // The total, less what is shown, is the sum of the hidden cells: with two or more, it gives none away.
    expect(table.colTotals?.[0]?.value).not.toBeNull();
    expect(table.cells.filter(([cell]) => cell?.value === null).length).toBeGreaterThanOrEqual(2);
  });

  it('export as CSV, workbook and PDF, with no name of a woman or an organization', async () => {
    const csv = await call(
      orgs.a.analyst,
      'GET',
      `/statistics/networks/${network.id}/export.csv?${PERIOD}&lang=es`,
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['cache-control']).toContain('no-store');
    expect(csv.body).toContain('dominance');
    for (const key of ['a', 'b', 'c'] as const) expect(csv.body).not.toContain(orgs[key].name);
    expect(csv.body).not.toContain('RedOrganización');
    const xlsx = await call(
      orgs.a.coordinator,
      'GET',
      `/statistics/networks/${network.id}/export.xlsx?${PERIOD}`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await call(
      orgs.a.admin,
      'GET',
      `/statistics/networks/${network.id}/report.pdf?${PERIOD}&lang=en`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('joining and leaving never change a figure already seen', () => {
  it('a new member shares from the month it joins: past months stay as they were', async () => {
    const before = await figures(orgs.a.analyst);
    const joined = await call(orgs.e.admin, 'POST', `/statistics/networks/${network.id}/join`);
    expect(joined.statusCode, joined.body).toBe(200);
    const after = await figures(orgs.a.analyst);
    expect(after.organizations).toBe(3);
    expect({ ...after, refreshedAt: null }).toEqual({ ...before, refreshedAt: null });
  });

  it('a member that leaves keeps the months it shared, loses the figures, and cannot come back', async () => {
    const before = await figures(orgs.a.analyst);
    const left = await call(orgs.b.admin, 'POST', `/statistics/networks/${network.id}/leave`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json<NetworkView>()).toMatchObject({
      membership: { until: LAST },
      can: { join: false, leave: false, figures: false },
    });
    const after = await figures(orgs.a.analyst);
    expect({ ...after, refreshedAt: null }).toEqual({ ...before, refreshedAt: null });
    expect(
      (await call(orgs.b.analyst, 'GET', `/statistics/networks/${network.id}/figures?${PERIOD}`)).statusCode,
    ).toBe(404);
    const back = await call(orgs.b.admin, 'POST', `/statistics/networks/${network.id}/join`);
    expect(back.statusCode).toBe(409);
    expect(apiError(back).fields).toEqual([{ path: 'membership', code: 'left_network' }]);
    const twice = await call(orgs.b.admin, 'POST', `/statistics/networks/${network.id}/leave`);
    expect(apiError(twice).fields).toEqual([{ path: 'membership', code: 'not_member' }]);
    // Everyone sees who shares which months.
    const list = (await call(orgs.a.analyst, 'GET', '/statistics/networks')).json<NetworkListView>();
    expect(list.networks[0]?.members.map((m) => [m.name, m.until])).toEqual([
      ['Organización A', null],
      ['Organización B', LAST],
      ['Organización C', null],
      ['Organización E', null],
    ]);
  });
});

describe('bad input', () => {
  it('gets a 4xx in the one error shape, never a 500', async () => {
    const base = `/statistics/networks/${network.id}`;
    const cases: [Session, 'GET' | 'POST' | 'PUT', string, unknown?][] = [
      [orgs.a.analyst, 'GET', `${base}/figures?from=abc&to=${LAST}`],
      [orgs.a.analyst, 'GET', `${base}/figures?from=${LAST}&to=${LAST}&state=99`],
      [orgs.a.analyst, 'GET', `${base}/figures?from=${LAST}&to=${LAST}&colour=red`],
      [orgs.a.analyst, 'GET', `${base}/figures`],
      [orgs.a.analyst, 'GET', `${base}/export.csv?from=${LAST}&to=${LAST}&lang=xx`],
      [orgs.a.analyst, 'GET', `/statistics/networks/${'x'.repeat(200)}/figures?${PERIOD}`],
      [installationAdmin, 'POST', '/statistics/networks', { name: 42 }],
      [installationAdmin, 'POST', '/statistics/networks', { name: 'Red', description: '', extra: 1 }],
      [installationAdmin, 'POST', '/statistics/networks', { name: 'x'.repeat(500) }],
      [installationAdmin, 'PUT', base, []],
    ];
    for (const [who, method, path, body] of cases) {
      const res = await call(who, method, path, body);
      expect(res.statusCode, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${path}`).toBeLessThan(500);
      expect(apiError(res).code).toBeTruthy();
    }
  });
});

describe('the audit log', () => {
  it('records creating, joining, leaving and every read and export, with the names of the filters', async () => {
    await figures(orgs.c.analyst, `${PERIOD}&nationality=HN`);
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'fields', 'entity_id'])
      .where('entity_type', '=', 'statistics_network')
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of ['create', 'update', 'join', 'leave', 'read', 'export'])
      expect(actions.has(`statistics.network.${action}`), action).toBe(true);
    const read = rows.filter((r) => r.action === 'statistics.network.read').map((r) => r.fields);
    expect(read.some((f) => f.includes('nationality') && !f.includes('HN'))).toBe(true);
    expect(rows.every((r) => r.entity_id === network.id)).toBe(true);
  });
});
