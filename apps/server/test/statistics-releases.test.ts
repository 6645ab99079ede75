/**
 * Releases of statistics on both databases: a coordinator prepares one (the
 * figures are computed and frozen), another approves or returns it, the
 * preparer may withdraw it while pending; approved figures never change;
 * differential-privacy releases record ε and the organization's spent ε;
 * who may see what; validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseListView, ReleaseView, Role, StatCellView, StatisticsView } from '@senda/domain';
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
const YEAR = new Date().getUTCFullYear();
const FILTERS = { from: `${YEAR}-01`, to: `${YEAR}-12` };
const STAFF: Role[] = ['admin', 'coordinator', 'analyst', 'lawyer', 'partner'];

let env: TestEnv;
const clinic: Partial<Record<Role, Session>> = {};
let coordinator2: Session;
let otherAdmin: Session;

const as = (role: Role) => must(clinic[role], role);
const get = (who: Session | null, path: string) => request(env, who, 'GET', `${API}${path}`);
const post = (who: Session | null, path: string, body?: unknown) =>
  request(env, who, 'POST', `${API}${path}`, body);

async function registerWoman(lawyer: Session, i: number): Promise<void> {
  const nationality = i < 16 ? 'HN' : i < 24 ? 'GT' : 'SV';
  const created = await post(
    lawyer,
    '/cases',
    intake({ nationalities: [nationality], givenNames: `Mujer${i}` }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const given = await post(lawyer, `/cases/${id}/consents`, {
    purpose: 'statistics',
    scope: ['identity', 'violence_history', 'migration_status'],
    method: 'verbal_witnessed',
    witnessName: 'Testigo',
    givenOn: `${YEAR}-01-05`,
  });
  expect(given.statusCode, given.body).toBe(201);
}

async function prepare(who: Session, body: Record<string, unknown>): Promise<ReleaseView> {
  const res = await post(who, '/statistics/releases', { title: 'Informe anual', filters: FILTERS, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ReleaseView>();
}

const cellsOf = (view: StatisticsView): StatCellView[] => [
  view.universe,
  view.leftOut,
  ...view.tables.flatMap((t) => [
    ...t.cells.flat(),
    ...(t.rowTotals ?? []),
    ...(t.colTotals ?? []),
    ...(t.total ? [t.total] : []),
  ]),
];

beforeAll(async () => {
  env = await createTestEnv();
  const orgId = await addOrganization(env, 'Clínica Publicaciones', 'PUB');
  for (const role of STAFF) {
    await addUser(env, orgId, role, `${role}@pub.example`);
    clinic[role] = await signIn(env, `${role}@pub.example`);
  }
  await addUser(env, orgId, 'coordinator', 'coordinator2@pub.example');
  coordinator2 = await signIn(env, 'coordinator2@pub.example');
  const otherOrg = await addOrganization(env, 'Otra organización', 'OTP');
  await addUser(env, otherOrg, 'admin', 'admin@otp.example');
  otherAdmin = await signIn(env, 'admin@otp.example');
  // A lawyer registers 26 women with a statistics consent.
  await addUser(env, orgId, 'lawyer', 'lawyer2@pub.example');
  const lawyer = await signIn(env, 'lawyer2@pub.example');
  for (let i = 0; i < 26; i++) await registerWoman(lawyer, i);
});
afterAll(() => env.close());

describe('the release workflow', () => {
  it('prepares a pending release with frozen figures; the preparer cannot approve; another coordinator does', async () => {
    const page = await get(as('coordinator'), `/statistics?from=${FILTERS.from}&to=${FILTERS.to}`);
    expect(page.statusCode, page.body).toBe(200);
    const live = page.json<StatisticsView>();
    const release = await prepare(as('coordinator'), { mode: 'standard' });
    expect(release.status).toBe('pending');
    expect(release.mode).toBe('standard');
    expect(release.epsilon).toBeNull();
    expect(release.budget).toBeNull();
    expect(release.figures.tooFew).toBe(false);
    expect(release.figures.universe).toEqual(live.universe);
    expect(release.figures.tables).toEqual(live.tables);
    expect(release.can).toEqual({ approve: false, return: false, withdraw: true, export: false });

    const own = await post(as('coordinator'), `/statistics/releases/${release.id}/approve`, { comment: '' });
    expect(own.statusCode).toBe(409);
    expect(apiError(own).fields).toEqual([{ path: 'preparedBy', code: 'own_request' }]);
    const early = await get(as('coordinator'), `/statistics/releases/${release.id}/export.csv`);
    expect(early.statusCode).toBe(409);
    expect(apiError(early).fields?.[0]?.code).toBe('not_approved');

    const seen = await get(coordinator2, `/statistics/releases/${release.id}`);
    expect(seen.json<ReleaseView>().can.approve).toBe(true);
    const approved = await post(coordinator2, `/statistics/releases/${release.id}/approve`, {
      comment: 'Revisado',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const decided = approved.json<ReleaseView>();
    expect(decided.status).toBe('approved');
    expect(decided.decidedBy).toBe(coordinator2.userId);
    expect(decided.decisionComment).toBe('Revisado');
    const again = await post(as('admin'), `/statistics/releases/${release.id}/return`, { comment: '' });
    expect(again.statusCode).toBe(409);
    expect(apiError(again).fields?.[0]?.code).toBe('not_pending');
    expect((await post(as('coordinator'), `/statistics/releases/${release.id}/withdraw`)).statusCode).toBe(
      409,
    );

    // More women: the approved figures stay as they were.
    const lawyer = as('lawyer');
    for (let i = 26; i < 32; i++) await registerWoman(lawyer, i);
    const later = await get(as('analyst'), `/statistics/releases/${release.id}`);
    expect(later.statusCode).toBe(200);
    expect(later.json<ReleaseView>().figures).toEqual(release.figures);
    const fresh = await prepare(as('admin'), { mode: 'standard' });
    expect(fresh.figures).not.toEqual(release.figures);
    expect((await post(as('admin'), `/statistics/releases/${fresh.id}/withdraw`)).statusCode).toBe(200);

    const csv = await get(as('analyst'), `/statistics/releases/${release.id}/export.csv?lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('universe');
    const xlsx = await get(as('coordinator'), `/statistics/releases/${release.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const pdf = await get(as('analyst'), `/statistics/releases/${release.id}/report.pdf?lang=en`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', release.id)
      .execute();
    const actions = audit.map((a) => a.action);
    for (const action of ['create', 'read', 'approve', 'export'])
      expect(actions).toContain(`statistics.release.${action}`);
  });

  it('returns with a comment, and the preparer withdraws only her own pending release', async () => {
    const release = await prepare(as('admin'), { mode: 'standard', title: 'Borrador' });
    expect((await post(coordinator2, `/statistics/releases/${release.id}/withdraw`)).statusCode).toBe(403);
    const returned = await post(coordinator2, `/statistics/releases/${release.id}/return`, {
      comment: 'Falta el periodo',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json<ReleaseView>().status).toBe('returned');
    expect((await post(as('admin'), `/statistics/releases/${release.id}/withdraw`)).statusCode).toBe(409);
  });
});

describe('differential privacy', () => {
  it('records ε and its split, publishes no cell under k, differs from the standard figures, and sums the budget', async () => {
    const before = (await get(as('coordinator'), '/statistics/releases')).json<ReleaseListView>();
    const standard = await prepare(as('coordinator'), { mode: 'standard' });
    const dp = await prepare(as('coordinator'), { mode: 'differential_privacy', epsilon: 1 });
    expect(dp.mode).toBe('differential_privacy');
    expect(dp.epsilon).toBe(1);
    const budget = must(dp.budget, 'budget');
    expect(budget.slice(0, 2).map((b) => b.table)).toEqual(['universe', 'left_out']);
    expect(budget.reduce((sum, b) => sum + b.epsilon, 0)).toBeCloseTo(1, 9);
    expect(budget.find((b) => b.table === 'by_nationality')?.sensitivity).toBe(1);
    expect(must(budget.find((b) => b.table === 'vulnerabilities')).sensitivity).toBeGreaterThan(1);
    const k = dp.figures.k;
    for (const cell of cellsOf(dp.figures))
      if (cell.value !== null) expect(cell.value === 0 || cell.value >= k).toBe(true);
    expect(dp.figures.decisionTime.median).toBeNull();
    const people = must(dp.figures.tables.find((t) => t.id === 'people_summary'));
    expect(people.rows).not.toContain('children');
    expect(budget.find((b) => b.table === 'people_summary')?.sensitivity).toBe(people.rows.length);
    expect(dp.figures.tables.some((t) => t.section === 'workshops')).toBe(false);
    expect(JSON.stringify(cellsOf(dp.figures))).not.toEqual(
      JSON.stringify(cellsOf(standard.figures).slice(0, cellsOf(dp.figures).length)),
    );

    // Only approved differential-privacy releases spend the organization's budget.
    expect(before.epsilonSpent).toBe(0);
    const other = await prepare(as('admin'), { mode: 'differential_privacy', epsilon: 0.5 });
    const pendingList = (await get(as('coordinator'), '/statistics/releases')).json<ReleaseListView>();
    expect(pendingList.epsilonSpent).toBe(0);
    for (const id of [dp.id, other.id, standard.id]) {
      const decider = id === other.id ? as('coordinator') : coordinator2;
      expect((await post(decider, `/statistics/releases/${id}/approve`, { comment: '' })).statusCode).toBe(
        200,
      );
    }
    const list = (await get(as('coordinator'), '/statistics/releases')).json<ReleaseListView>();
    expect(list.epsilonSpent).toBeCloseTo(1.5, 9);
    expect(list.releases[0]?.id).toBe(other.id);
    const frozen = (await get(as('admin'), `/statistics/releases/${dp.id}`)).json<ReleaseView>();
    expect(frozen.figures).toEqual(dp.figures);
  });
});

describe('who sees releases', () => {
  it('analysts read approved releases only; lawyers and partners nothing; another organization never finds one', async () => {
    const pending = await prepare(as('coordinator'), { mode: 'standard', title: 'Pendiente' });
    const analyst = (await get(as('analyst'), '/statistics/releases')).json<ReleaseListView>();
    expect(analyst.canPrepare).toBe(false);
    expect(analyst.releases.length).toBeGreaterThan(0);
    expect(analyst.releases.every((r) => r.status === 'approved')).toBe(true);
    expect((await get(as('analyst'), `/statistics/releases/${pending.id}`)).statusCode).toBe(404);
    expect(
      (await post(as('analyst'), '/statistics/releases', { title: 'x', filters: FILTERS, mode: 'standard' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(as('analyst'), `/statistics/releases/${pending.id}/approve`, { comment: '' })).statusCode,
    ).toBe(404);
    for (const role of ['lawyer', 'partner'] as const) {
      expect((await get(as(role), '/statistics/releases')).statusCode, role).toBe(403);
      expect((await get(as(role), `/statistics/releases/${pending.id}`)).statusCode, role).toBe(403);
    }
    expect((await get(otherAdmin, `/statistics/releases/${pending.id}`)).statusCode).toBe(404);
    expect(
      (await post(otherAdmin, `/statistics/releases/${pending.id}/approve`, { comment: '' })).statusCode,
    ).toBe(404);
    expect((await get(otherAdmin, `/statistics/releases/${pending.id}/export.csv`)).statusCode).toBe(404);
    expect((await get(otherAdmin, '/statistics/releases')).json<ReleaseListView>().releases).toEqual([]);
    expect((await get(as('admin'), `/statistics/releases/${unknownId()}`)).statusCode).toBe(404);
    expect((await get(null, '/statistics/releases')).statusCode).toBe(401);
    expect((await get(null, `/statistics/releases/${pending.id}`)).statusCode).toBe(401);
    expect(
      (await post(null, '/statistics/releases', { title: 'x', filters: FILTERS, mode: 'standard' }))
        .statusCode,
    ).toBe(401);
  });
});

describe('validation', () => {
  it('answers 400 with field codes, never 500', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ filters: FILTERS, mode: 'standard' }, 'title', 'required'],
      [{ title: '  ', filters: FILTERS, mode: 'standard' }, 'title', 'required'],
      [{ title: 'x', filters: FILTERS, mode: 'differential_privacy' }, 'epsilon', 'required'],
      [{ title: 'x', filters: FILTERS, mode: 'differential_privacy', epsilon: 20 }, 'epsilon', 'too_big'],
      [{ title: 'x', filters: FILTERS, mode: 'differential_privacy', epsilon: 0 }, 'epsilon', 'too_small'],
      [
        { title: 'x', filters: { from: `${YEAR}-01-01`, to: `${YEAR}-12` }, mode: 'standard' },
        'filters.from',
        'whole_months_only',
      ],
      [
        { title: 'x', filters: { from: `${YEAR}-12`, to: `${YEAR}-01` }, mode: 'standard' },
        'filters.to',
        'range_reversed',
      ],
      [{ title: 'x', filters: FILTERS, mode: 'public' }, 'mode', 'invalid_choice'],
      [{ title: 'x', filters: FILTERS, mode: 'standard', extra: 1 }, 'extra', 'unknown_field'],
    ];
    for (const [body, path, code] of cases) {
      const res = await post(as('coordinator'), '/statistics/releases', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(apiError(res).fields, JSON.stringify(body)).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
    const noBody = await post(as('coordinator'), '/statistics/releases');
    expect(noBody.statusCode).toBe(400);
    const release = await prepare(as('coordinator'), { mode: 'standard' });
    const long = await post(coordinator2, `/statistics/releases/${release.id}/return`, {
      comment: 'x'.repeat(501),
    });
    expect(long.statusCode).toBe(400);
    expect(apiError(long).fields?.[0]).toMatchObject({ path: 'comment', code: 'too_long' });
    const lang = await get(as('coordinator'), `/statistics/releases/${release.id}/export.csv?lang=xx`);
    expect(lang.statusCode).toBe(400);
    const pdfLang = await get(as('coordinator'), `/statistics/releases/${release.id}/report.pdf?lang=fr`);
    expect(pdfLang.statusCode).toBe(400);
  });
});
