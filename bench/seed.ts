/**
 * What the benchmarks share: a fresh database (SQLite in a temporary folder,
 * or a throw-away schema of the PostgreSQL at BENCH_DATABASE_URL), one clinic
 * with a coordinator and 20 lawyers, N realistic cases (names, nationalities
 * weighted like COMAR's 2024 figures, families, assignments) written straight
 * into the database in batches, signing in through the API, and timing
 * requests through the whole HTTP stack (Fastify inject: session, CSRF,
 * validation, scope, audit) into a table of percentiles.
 *
 *   BENCH_CASES           cases to seed (100,000)
 *   BENCH_ITERATIONS      requests per scenario (300)
 *   BENCH_DATABASE_URL    postgres://… to run on PostgreSQL
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { formatCaseCode, searchPrefixes } from '@senda/domain';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { AppContext } from '../apps/server/src/context.js';
import type { DatabaseOptions } from '../apps/server/src/db/database.js';
import { createOrganization } from '../apps/server/src/modules/organizations/service.js';
import { createUser } from '../apps/server/src/modules/users/service.js';
import { openContext } from '../apps/server/src/startup.js';

export const N = Number(process.env.BENCH_CASES ?? 100_000);
export const ITER = Number(process.env.BENCH_ITERATIONS ?? 300);
const PG = process.env.BENCH_DATABASE_URL;
export const PASSWORD = 'bench password that is long';

export const GIVEN = [
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
export const FAMILY = [
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
/** The states cases live in (Chiapas, Mexico City, Baja California, Chihuahua, Puebla, Veracruz, Nuevo León, Sonora, Tamaulipas, Quintana Roo). */
export const STATES = ['07', '09', '02', '08', '21', '30', '19', '26', '28', '23'] as const;

/** Draws from a generator of numbers in [0, 1): the number itself, or an item of a list. */
export function drawer(next: () => number) {
  return { rand: next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

// A fixed seed: every run writes the same cases and times the same requests. Kept as it has always
// been, so that figures stay comparable; the product exceeds 2^53, so its period is only 10,466 draws.
let seed = 42;
export const { rand, pick } = drawer(() => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
function weighted(): string {
  const total = NATIONALITIES.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [code, w] of NATIONALITIES) if ((r -= w) < 0) return code;
  return 'HN';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Write `rows` `size` at a time (a statement has a limit on its parameters). */
export async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let k = 0; k < rows.length; k += size) await write(rows.slice(k, k + size));
}

export interface SeededCases {
  ctx: AppContext;
  orgId: string;
  lawyers: string[];
  /** Per case, in the order seeded: id, code, the lawyer assigned, whether it is open, when it was opened. */
  ids: string[];
  codes: string[];
  lawyerOf: string[];
  open: boolean[];
  createdAt: string[];
  seedSeconds: number;
  /** Close the database and remove what the run created (the SQLite folder, the PostgreSQL schema). */
  close(): Promise<void>;
}

/** A fresh database with the clinic "Bench" (prefix BEN), its coordinator and lawyers, and N cases. */
export async function seedCases(
  count = N,
  /** Changes a case row before it is written (the statistics benchmark varies ages, states, vulnerabilities). */
  vary?: (row: Record<string, unknown>) => void,
): Promise<SeededCases> {
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
  const seeded = { ids: [] as string[], codes: [] as string[], lawyerOf: [] as string[] };
  const open: boolean[] = [];
  const createdAt: string[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let offset = 0; offset < count; offset += BATCH) {
    await ctx.db.transaction().execute(async (t) => {
      const cases = [];
      const tokens = [];
      const nats = [];
      const members = [];
      const assigns = [];
      for (let i = offset; i < Math.min(count, offset + BATCH); i++) {
        const id = uuidv7();
        const given = `${pick(GIVEN)}${rand() < 0.4 ? ' ' + pick(GIVEN) : ''}`;
        const family = `${pick(FAMILY)} ${pick(FAMILY)}`;
        const nat = weighted();
        const at = new Date(start + Math.floor(rand() * 700 * 86_400_000)).toISOString();
        const code = formatCaseCode('BEN', 2024 + Math.floor(i / 60_000), (i % 60_000) + 1);
        const status = rand() < 0.8 ? 'open' : 'closed';
        seeded.ids.push(id);
        seeded.codes.push(code);
        open.push(status === 'open');
        createdAt.push(at);
        cases.push({
          id,
          org_id: orgId,
          code,
          status,
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
        if (vary) vary(cases[cases.length - 1] as Record<string, unknown>);
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
        const lawyer = pick(lawyers);
        seeded.lawyerOf.push(lawyer);
        assigns.push({ case_id: id, user_id: lawyer, role_on_case: 'lawyer', created_at: at });
      }
      await t.insertInto('cases').values(cases).execute();
      await inChunks(tokens, 2000, (chunk) => t.insertInto('case_name_tokens').values(chunk).execute());
      await t.insertInto('case_nationalities').values(nats).execute();
      if (members.length) await t.insertInto('case_members').values(members).execute();
      await t.insertInto('case_assignments').values(assigns).execute();
    });
  }
  const seedSeconds = (performance.now() - t0) / 1000;

  async function close() {
    await ctx.close();
    if (schema && PG) {
      const admin = new pg.Client({ connectionString: PG });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
  return { ctx, orgId, lawyers, ...seeded, open, createdAt, seedSeconds, close };
}

/** Fresh planner statistics, then the whole application, as a request meets it. */
export async function startApp(ctx: AppContext): Promise<FastifyInstance> {
  await sql`analyze`.execute(ctx.db);
  return buildApp(ctx, { logger: false });
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Sign in through the API: the session cookie and the CSRF token every write sends. */
export async function session(app: FastifyInstance, email: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'senda_session')?.value ?? '';
  return { cookie: `senda_session=${cookie}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

export interface Req {
  method: 'GET' | 'POST';
  url: string;
  payload?: Record<string, unknown>;
  /** Who asks this one request, when not the scenario's person. */
  who?: Session | undefined;
}
/** A name, who asks, a request made afresh for each iteration, and the status it must answer (200). */
export type Scenario = [string, Session, () => Req, number?];

function printHeader(title: string, seeded: string): void {
  console.log(`\n${title}`);
  console.log(`${seeded}; node ${process.version}; ${os.cpus().length} cores\n`);
  console.log(
    'scenario'.padEnd(40) +
      'p50 ms'.padStart(9) +
      'p95 ms'.padStart(9) +
      'p99 ms'.padStart(9) +
      'req/s'.padStart(9),
  );
}

/** Time ITER requests of each scenario, one after the other, and print a row for each. */
async function runScenarios(app: FastifyInstance, scenarios: Scenario[], iterations: number): Promise<void> {
  for (const [name, who, make, status = 200] of scenarios) {
    const times: number[] = [];
    const began = performance.now();
    for (let i = 0; i < iterations; i++) {
      const r = make();
      const s = performance.now();
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers: { cookie: (r.who ?? who).cookie, 'x-csrf-token': (r.who ?? who).csrf },
        ...(r.payload ? { payload: r.payload } : {}),
      });
      times.push(performance.now() - s);
      if (res.statusCode !== status) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
    }
    const total = (performance.now() - began) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      name.padEnd(40) +
        percentile(times, 50).toFixed(2).padStart(9) +
        percentile(times, 95).toFixed(2).padStart(9) +
        percentile(times, 99).toFixed(2).padStart(9) +
        (iterations / total).toFixed(0).padStart(9),
    );
  }
}

/**
 * The report: a title, how long seeding took, a row of percentiles for each
 * scenario, the process's memory; then close everything.
 */
export async function report(
  app: FastifyInstance,
  seeded: SeededCases,
  lines: { title: string; seeded: string },
  scenarios: Scenario[],
  iterations = ITER,
): Promise<void> {
  printHeader(lines.title, lines.seeded);
  await runScenarios(app, scenarios, iterations);
  const mem = process.memoryUsage();
  console.log(
    `\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  await app.close();
  await seeded.close();
}

/** Run a benchmark's main, exiting non-zero on any failure. */
export function run(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
