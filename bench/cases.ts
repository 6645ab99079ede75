/**
 * Case search and case-page latency at scale.
 *
 *   npm run bench                       # SQLite, 100,000 cases
 *   BENCH_CASES=20000 npm run bench
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *
 * Seeds realistic cases (names, nationalities weighted like COMAR's 2024
 * figures, families, assignments) straight into the database in batches,
 * then times requests through the whole HTTP stack (Fastify inject:
 * session, CSRF, validation, scope, audit) and prints percentiles.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { formatCaseCode, searchPrefixes } from '@senda/domain';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { DatabaseOptions } from '../apps/server/src/db/database.js';
import { createOrganization } from '../apps/server/src/modules/organizations/service.js';
import { createUser } from '../apps/server/src/modules/users/service.js';
import { openContext } from '../apps/server/src/startup.js';

const N = Number(process.env.BENCH_CASES ?? 100_000);
const ITER = Number(process.env.BENCH_ITERATIONS ?? 300);
const PG = process.env.BENCH_DATABASE_URL;
const PASSWORD = 'bench password that is long';

const GIVEN = [
  'María',
  'José',
  'Ana',
  'Rosa',
  'Guadalupe',
  'Sofía',
  'Daniela',
  'Lucía',
  'Marie',
  'Jeanne',
  'Nadège',
  'Fabiola',
  'Yolanda',
  'Karla',
  'Wendy',
  'Dayana',
  'Yesenia',
  'Mirlande',
  'Esther',
  'Raquel',
  'Andrea',
  'Carmen',
  'Lourdes',
  'Ingrid',
  'Nathalie',
  'Rose-Marie',
  'Fernanda',
  'Paola',
  'Gabriela',
  'Génesis',
];
const FAMILY = [
  'Pérez',
  'López',
  'Hernández',
  'García',
  'Martínez',
  'Rodríguez',
  'Núñez',
  'Joseph',
  'Jean-Baptiste',
  'Pierre',
  'Louis',
  'Castillo',
  'Mejía',
  'Reyes',
  'Flores',
  'Ramírez',
  'Cruz',
  'Morales',
  'Ortiz',
  'Gutiérrez',
  'Díaz',
  'Vásquez',
  'Álvarez',
  'Romero',
  'Saint-Fleur',
  'Charles',
  'Castro',
  'Rivera',
  'Sánchez',
  'Zelaya',
];
// COMAR 2024 applications by nationality (thousands): HN 27.9, CU 17.9, HT 10.9, SV 5.5, VE 5.4, GT 3.7, CO 2.3.
const NATIONALITIES: [string, number][] = [
  ['HN', 279],
  ['CU', 179],
  ['HT', 109],
  ['SV', 55],
  ['VE', 54],
  ['GT', 37],
  ['CO', 23],
  ['NI', 15],
  ['EC', 10],
];
const STATES = ['07', '09', '02', '08', '21', '30', '19', '26', '28', '23'];

let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
function weighted(): string {
  const total = NATIONALITIES.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [code, w] of NATIONALITIES) if ((r -= w) < 0) return code;
  return 'HN';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const config = loadConfig({
    SENDA_DATA_DIR: path.join(os.tmpdir(), `senda-bench-${crypto.randomUUID()}`),
    SENDA_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    SENDA_LOG_LEVEL: 'silent',
  });
  let schema: string | null = null;
  let options: DatabaseOptions = { kind: 'sqlite', file: path.join(config.dataDir, 'bench.db') };
  if (PG) {
    schema = `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    options = { kind: 'postgres', url: PG, schema };
  }
  const ctx = await openContext(config, options);
  const orgId = await ctx.db.transaction().execute((t) => createOrganization(ctx, t, 'Bench', 'BEN'));
  const lawyers: string[] = [];
  await ctx.db.transaction().execute(async (t) => {
    await createUser(t, {
      orgId,
      email: 'coord@bench.test',
      displayName: 'Coord',
      role: 'coordinator',
      locale: 'es',
      password: PASSWORD,
    });
    for (let i = 0; i < 20; i++) {
      lawyers.push(
        await createUser(t, {
          orgId,
          email: `lawyer${i}@bench.test`,
          displayName: `Lawyer ${i}`,
          role: 'lawyer',
          locale: 'es',
          password: PASSWORD,
        }),
      );
    }
  });

  const t0 = performance.now();
  const BATCH = 400;
  const codes: string[] = [];
  const ids: string[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let offset = 0; offset < N; offset += BATCH) {
    await ctx.db.transaction().execute(async (t) => {
      const cases = [];
      const tokens = [];
      const nats = [];
      const members = [];
      const assigns = [];
      for (let i = offset; i < Math.min(N, offset + BATCH); i++) {
        const id = uuidv7();
        const given = `${pick(GIVEN)}${rand() < 0.4 ? ' ' + pick(GIVEN) : ''}`;
        const family = `${pick(FAMILY)} ${pick(FAMILY)}`;
        const nat = weighted();
        const at = new Date(start + Math.floor(rand() * 700 * 86_400_000)).toISOString();
        const code = formatCaseCode('BEN', 2024 + Math.floor(i / 60_000), (i % 60_000) + 1);
        ids.push(id);
        codes.push(code);
        cases.push({
          id,
          org_id: orgId,
          code,
          status: rand() < 0.8 ? 'open' : 'closed',
          closure_reason: null,
          step: 'assessment',
          given_names: given,
          family_names: family,
          preferred_name: '',
          birth_date: '1990-05-01',
          estimated_age: null,
          gender_identity: 'woman',
          nationalities: JSON.stringify([nat]),
          languages: JSON.stringify([nat === 'HT' ? 'ht' : 'es']),
          needs_interpreter: nat === 'HT' ? 1 : 0,
          entry_date: '2024-02-01',
          entry_place: 'Ciudad Hidalgo',
          state: pick(STATES),
          municipality: 'Tapachula',
          contact_method: 'whatsapp',
          contact_details_enc: null,
          may_leave_message: 0,
          pregnant: 0,
          disability: 0,
          indigenous: 0,
          lgbtiq: 0,
          vulnerabilities: '[]',
          documents: '[]',
          referral_source: 'walk_in',
          created_by: null,
          created_at: at,
          updated_at: at,
          last_activity_at: at,
          version: 1,
          care_plan_version: 0,
        });
        for (const token of searchPrefixes(given, family)) tokens.push({ case_id: id, org_id: orgId, token });
        nats.push({ case_id: id, country: nat });
        const children = Math.floor(rand() * 3);
        for (let c = 0; c < children; c++) {
          members.push({
            id: uuidv7(),
            case_id: id,
            relationship: 'daughter',
            given_names: pick(GIVEN),
            family_names: family,
            birth_date: null,
            estimated_age: 5,
            sex: 'female',
            created_at: at,
            updated_at: at,
          });
        }
        assigns.push({ case_id: id, user_id: pick(lawyers), role_on_case: 'lawyer', created_at: at });
      }
      await t.insertInto('cases').values(cases).execute();
      for (let k = 0; k < tokens.length; k += 2000)
        await t
          .insertInto('case_name_tokens')
          .values(tokens.slice(k, k + 2000))
          .execute();
      await t.insertInto('case_nationalities').values(nats).execute();
      if (members.length) await t.insertInto('case_members').values(members).execute();
      await t.insertInto('case_assignments').values(assigns).execute();
    });
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  await sql`analyze`.execute(ctx.db);

  const app = await buildApp(ctx, { logger: false });
  async function session(email: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'senda_session')?.value ?? '';
    return { cookie: `senda_session=${cookie}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
  }
  const coord = await session('coord@bench.test');
  const lawyer = await session('lawyer3@bench.test');

  type Req = { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
  const scenarios: [string, typeof coord, () => Req][] = [
    ['list, first page (coordinator)', coord, () => ({ method: 'GET', url: '/api/v1/cases' })],
    [
      'search one name word',
      coord,
      () => ({
        method: 'POST',
        url: '/api/v1/cases/search',
        payload: { q: pick(GIVEN).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') },
      }),
    ],
    [
      'search two words, accents dropped',
      coord,
      () => ({
        method: 'POST',
        url: '/api/v1/cases/search',
        payload: { q: `${pick(GIVEN)} ${pick(FAMILY)}`.normalize('NFD').replace(/\p{M}/gu, '') },
      }),
    ],
    [
      'search name prefix "gua"',
      coord,
      () => ({ method: 'POST', url: '/api/v1/cases/search', payload: { q: 'gua' } }),
    ],
    [
      'search by case code',
      coord,
      () => ({ method: 'POST', url: '/api/v1/cases/search', payload: { q: pick(codes) } }),
    ],
    [
      'filter nationality HT + state 07',
      coord,
      () => ({ method: 'GET', url: '/api/v1/cases?nationality=HT&state=07' }),
    ],
    ['lawyer: assigned cases only', lawyer, () => ({ method: 'GET', url: '/api/v1/cases' })],
    ['case page (with audit write)', coord, () => ({ method: 'GET', url: `/api/v1/cases/${pick(ids)}` })],
  ];

  console.log(
    `\nSenda case benchmark — ${ctx.dialect}, ${N.toLocaleString('en')} cases, ${ITER} requests per scenario`,
  );
  console.log(`seeded in ${seedSeconds.toFixed(1)} s; node ${process.version}; ${os.cpus().length} cores\n`);
  console.log(
    'scenario'.padEnd(40) +
      'p50 ms'.padStart(9) +
      'p95 ms'.padStart(9) +
      'p99 ms'.padStart(9) +
      'req/s'.padStart(9),
  );
  for (const [name, who, make] of scenarios) {
    const times: number[] = [];
    const began = performance.now();
    for (let i = 0; i < ITER; i++) {
      const r = make();
      const s = performance.now();
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
        ...(r.payload ? { payload: r.payload } : {}),
      });
      times.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    }
    const total = (performance.now() - began) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      name.padEnd(40) +
        percentile(times, 50).toFixed(2).padStart(9) +
        percentile(times, 95).toFixed(2).padStart(9) +
        percentile(times, 99).toFixed(2).padStart(9) +
        (ITER / total).toFixed(0).padStart(9),
    );
  }
  const mem = process.memoryUsage();
  console.log(
    `\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  await app.close();
  await ctx.close();
  if (schema && PG) {
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
