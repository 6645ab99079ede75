/**
 * Case search and case-page latency at scale.
 *
 *   npm run bench                       # SQLite, 100,000 cases (then bench/referrals.ts)
 *   BENCH_CASES=20000 node --import tsx bench/cases.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench
 *
 * Seeds realistic cases straight into the database in batches (bench/seed.ts),
 * then times requests through the whole HTTP stack (Fastify inject:
 * session, CSRF, validation, scope, audit) and prints percentiles.
 */
import {
  FAMILY,
  GIVEN,
  ITER,
  N,
  pick,
  report,
  run,
  seedCases,
  session,
  startApp,
  type Scenario,
} from './seed.js';

async function main() {
  const seeded = await seedCases();
  const { ctx, codes, ids } = seeded;
  const app = await startApp(ctx);
  const coord = await session(app, 'coord@bench.test');
  const lawyer = await session(app, 'lawyer3@bench.test');

  const scenarios: Scenario[] = [
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

  await report(
    app,
    seeded,
    {
      title: `Senda case benchmark — ${ctx.dialect}, ${N.toLocaleString('en')} cases, ${ITER} requests per scenario`,
      seeded: `seeded in ${seeded.seedSeconds.toFixed(1)} s`,
    },
    scenarios,
  );
}

run(main);
