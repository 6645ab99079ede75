/**
 * The printable brief on both databases: the statistics roles download a PDF
 * of the period (Spanish or English) as an attachment that is never cached;
 * other roles get 403, no session 401; only Spanish and English are offered,
 * and periods are whole months as for every statistics query. Each download
 * is audited as an export with the names of its filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@senda/domain';
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

const API = '/api/v1';
const YEAR = new Date().getUTCFullYear();
const PERIOD = `from=${YEAR}-01&to=${YEAR}-12`;
const STAFF: Role[] = ['admin', 'coordinator', 'analyst', 'lawyer'];

let env: TestEnv;
const clinic: Partial<Record<Role, Session>> = {};

const get = (who: Session | null, path: string) => request(env, who, 'GET', `${API}${path}`);
const as = (role: Role) => must(clinic[role], role);

async function registerWoman(lawyer: Session, overrides: Record<string, unknown>): Promise<string> {
  const created = await request(env, lawyer, 'POST', `${API}/cases`, intake(overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const consent = await request(env, lawyer, 'POST', `${API}/cases/${id}/consents`, {
    purpose: 'statistics',
    scope: ['identity', 'violence_history', 'migration_status'],
    method: 'verbal_witnessed',
    witnessName: 'Testigo',
    givenOn: `${YEAR}-01-05`,
  });
  expect(consent.statusCode, consent.body).toBe(201);
  return id;
}

beforeAll(async () => {
  env = await createTestEnv();
  const orgId = await addOrganization(env, 'Clínica del Informe', 'INF');
  for (const role of STAFF) {
    await addUser(env, orgId, role, `${role}@informe.example`);
    clinic[role] = await signIn(env, `${role}@informe.example`);
  }
  const lawyer = as('lawyer');
  // 26 women with a statistics consent, from Honduras and Guatemala; two from Eritrea (a small group).
  const women: string[] = [];
  for (let i = 0; i < 26; i++) {
    const nationality = i < 16 ? 'HN' : i < 24 ? 'GT' : 'ER';
    women.push(await registerWoman(lawyer, { nationalities: [nationality], givenNames: `Informe${i}` }));
  }
  // Violence before fleeing for some of them.
  for (const id of women.slice(0, 12)) {
    const res = await request(env, lawyer, 'POST', `${API}/cases/${id}/incidents`, {
      from: `${YEAR - 1}-11`,
      phase: 'origin',
      country: 'HN',
      types: ['physical'],
      gbvType: 'physical_assault',
      perpetrator: 'gang_organized_crime',
      reported: 'no',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => env.close());

describe('the PDF brief', () => {
  it('downloads as a PDF attachment, in Spanish by default and in English', async () => {
    for (const query of [PERIOD, `${PERIOD}&lang=en`, `${PERIOD}&lang=es&nationality=HN`]) {
      const res = await get(as('analyst'), `/statistics/report.pdf?${query}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="senda-estadisticas-${YEAR}-01-${YEAR}-12.pdf"`,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(2_000);
    }
  });

  it('prints the counts and the note when the filters select too few women', async () => {
    const res = await get(as('coordinator'), `/statistics/report.pdf?${PERIOD}&nationality=ER`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('is for the statistics roles only: 403 for a lawyer, 401 without a session', async () => {
    for (const role of STAFF) {
      const res = await get(as(role), `/statistics/report.pdf?${PERIOD}`);
      expect(res.statusCode, role).toBe(role === 'lawyer' ? 403 : 200);
    }
    expect(apiError(await get(as('lawyer'), `/statistics/report.pdf?${PERIOD}`)).code).toBe('forbidden');
    const anonymous = await get(null, `/statistics/report.pdf?${PERIOD}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/json/);
  });

  it('offers Spanish and English only, and whole months only', async () => {
    const fields = async (query: string) => {
      const res = await get(as('analyst'), `/statistics/report.pdf?${query}`);
      expect(res.statusCode, query).toBe(400);
      return apiError(res).fields?.map((f) => `${f.path}:${f.code}`) ?? [];
    };
    expect((await fields(`${PERIOD}&lang=fr`)).map((f) => f.split(':')[0])).toEqual(['lang']);
    expect(await fields(`from=${YEAR}-01-02&to=${YEAR}-03`)).toEqual(['from:whole_months_only']);
    expect(await fields(`from=${YEAR}-05&to=${YEAR}-03`)).toEqual(['to:range_reversed']);
  });

  it('is audited as an export with the names of its filters, not their values', async () => {
    const analyst = as('analyst');
    expect((await get(analyst, `/statistics/report.pdf?${PERIOD}&nationality=HN`)).statusCode).toBe(200);
    const rows = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'fields'])
      .where('action', '=', 'statistics.export')
      .where('actor_id', '=', analyst.userId)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)?.fields).toContain('nationality');
    expect(rows.at(-1)?.fields).not.toContain('HN');
    expect(rows.at(-1)?.fields).not.toContain('lang');
  });
});
