#!/usr/bin/env node
/**
 * `npm test`: lint, format check, type-check, build, unit tests, the API suite on SQLite
 * and on PostgreSQL, and the browser tests. Ends with one line
 * `N passed, N failed` (checks such as lint count as one test each).
 *
 * PostgreSQL: SENDA_TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres.
 * Without it the PostgreSQL suite is skipped, loudly — except under CI=true,
 * where a missing database is a failure. Likewise for Chromium (/usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-output');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const CI = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.SENDA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.SENDA_CHROMIUM ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
const notes = [];

function step(title, command, args, env = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (step(title, command, args)) passed += 1;
  else {
    failed += 1;
    notes.push(`${title} failed`);
  }
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Build first: type-aware lint and the server's type-check read the domain package's declarations.
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) passed += 1;
else {
  failed += 1;
  notes.push('build failed');
}
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
check('type-check', 'npm', ['run', '--silent', 'typecheck']);

const projects = ['unit', 'api-sqlite'];
if (await postgresAnswers()) projects.push('api-postgres');
else if (CI) {
  failed += 1;
  notes.push(`PostgreSQL does not answer at ${pgUrl.replace(/\/\/[^@]*@/, '//…@')}: required under CI`);
} else {
  notes.push(
    'SKIPPED the PostgreSQL API suite: no PostgreSQL at 127.0.0.1:5432 (set SENDA_TEST_DATABASE_URL)',
  );
}

const vitestJson = path.join(out, 'vitest.json');
// A report left by an earlier run must never be read as this run's.
fs.rmSync(vitestJson, { force: true });
const vitestOk = step('unit and API tests', 'npx', [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed +=
    report.numFailedTests +
    (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  if (report.numPendingTests || report.numTodoTests)
    notes.push(`${report.numPendingTests + report.numTodoTests} tests skipped (not counted as passed)`);
  if (!vitestOk && report.numFailedTests === 0 && report.success !== false) {
    failed += 1;
    notes.push('vitest exited with an error');
  }
} else {
  failed += 1;
  notes.push('vitest produced no report');
}

if (!built) {
  failed += 1;
  notes.push('browser tests not run: the build failed');
} else if (!fs.existsSync(chromium)) {
  if (CI) {
    failed += 1;
    notes.push(`browser tests: ${chromium} missing (required under CI)`);
  } else notes.push(`SKIPPED the browser tests: ${chromium} is missing (apt-get install -y chromium)`);
} else {
  const pwJson = path.join(out, 'playwright.json');
  fs.rmSync(pwJson, { force: true });
  const browserOk = step('browser tests', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
  });
  if (fs.existsSync(pwJson)) {
    const stats = JSON.parse(fs.readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    if (stats.skipped) notes.push(`${stats.skipped} browser tests skipped (not counted as passed)`);
    // Playwright failing before any test (its server could not start) still fails the run.
    if (!browserOk && !stats.unexpected && !stats.flaky) {
      failed += 1;
      notes.push('playwright exited with an error');
    }
  } else {
    failed += 1;
    notes.push('playwright produced no report');
  }
}

console.log('');
for (const note of notes) console.log(`• ${note}`);
const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(out, 'summary.txt'), summary + '\n');
console.log(summary);
process.exit(failed === 0 ? 0 : 1);
