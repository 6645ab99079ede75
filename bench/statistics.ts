/**
 * The statistics page at network scale: 1,000,000 cases by default.
 *
 *   node --import tsx bench/statistics.ts                       # SQLite
 *   BENCH_STAT_CASES=200000 node --import tsx bench/statistics.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/statistics.ts
 *
 * Seeds the clinic's cases (bench/seed.ts, ages and states varied) and their
 * incidents, procedures, needs, consents and closures (bench/stat-seed.ts);
 * builds every case's statistical facts and the monthly sums as the job does
 * (timed); then times, through the whole HTTP stack, the full statistics
 * page for two years, for one state and one year, for one nationality, for
 * two filters combined (read from the facts, not the sums), the CSV and
 * workbook exports, and the PDF brief.
 */
import { buildCube } from '../apps/server/src/modules/statistics/cube.js';
import { refreshFacts } from '../apps/server/src/modules/statistics/refresh.js';
import { seedStatistics, varyCase } from './stat-seed.js';
import { report, run, seedCases, session, startApp, type Scenario } from './seed.js';

const CASES = Number(process.env.BENCH_STAT_CASES ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_STAT_ITERATIONS ?? 10);

/** Progress on stderr: a run at a million cases takes an hour or more. */
const began = performance.now();
const progress = (what: string) =>
  console.error(`[${((performance.now() - began) / 1000).toFixed(0)} s] ${what}`);

async function main() {
  progress(`seeding ${CASES.toLocaleString('en')} cases`);
  const seeded = await seedCases(CASES, varyCase);
  progress('seeding incidents, procedures, needs, consents and closures');
  const t0 = performance.now();
  const { rows } = await seedStatistics(seeded);
  const extraSeconds = (performance.now() - t0) / 1000;
  progress('building the facts of every case');
  const t1 = performance.now();
  const { refreshed } = await refreshFacts(seeded.ctx.db);
  const factSeconds = (performance.now() - t1) / 1000;
  progress('building the monthly sums');
  const t2 = performance.now();
  await buildCube(seeded.ctx.db, seeded.orgId);
  const cubeSeconds = (performance.now() - t2) / 1000;

  progress('timing requests');
  const app = await startApp(seeded.ctx);
  const coord = await session(app, 'coord@bench.test');
  const get = (query: string) => () => ({ method: 'GET' as const, url: `/api/v1/statistics${query}` });
  const scenarios: Scenario[] = [
    ['statistics page, 2024–2025, all', coord, get('?from=2024-01&to=2025-12')],
    ['statistics page, 2025, Chiapas', coord, get('?from=2025-01&to=2025-12&state=07')],
    ['statistics page, 2024–2025, Haiti', coord, get('?from=2024-01&to=2025-12&nationality=HT')],
    [
      'page, 2025, Chiapas and Haiti (no sums)',
      coord,
      get('?from=2025-01&to=2025-12&state=07&nationality=HT'),
    ],
    ['CSV export, 2024–2025', coord, get('/export.csv?from=2024-01&to=2025-12')],
    ['workbook export, 2024–2025', coord, get('/export.xlsx?from=2024-01&to=2025-12')],
    ['PDF report, 2024–2025', coord, get('/report.pdf?from=2024-01&to=2025-12')],
  ];
  const dialect = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  await report(
    app,
    seeded,
    {
      title: `Statistics (${dialect}, ${CASES.toLocaleString('en')} cases)`,
      seeded:
        `seeded ${CASES.toLocaleString('en')} cases in ${seeded.seedSeconds.toFixed(0)} s and ` +
        `${rows.toLocaleString('en')} incidents, procedure events, needs, consents and closures in ${extraSeconds.toFixed(0)} s; ` +
        `facts of ${refreshed.toLocaleString('en')} cases built in ${factSeconds.toFixed(0)} s ` +
        `(${(refreshed / factSeconds).toFixed(0)} cases/s); monthly sums built in ${cubeSeconds.toFixed(1)} s`,
    },
    scenarios,
    ITERATIONS,
  );
}

run(main);
