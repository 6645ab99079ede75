#!/usr/bin/env node
/**
 * `npm start`: install dependencies when needed, build when sources changed,
 * then start Senda (SQLite in ./data unless DATABASE_URL is set).
 * Uses only Node's standard library, so it runs on a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
function newest(dir) {
  let max = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return max;
}

const marker = path.join(root, 'node_modules', '.package-lock.json');
if (mtime(marker) < mtime(path.join(root, 'package-lock.json'))) {
  console.log('Installing dependencies (the first time takes a few minutes)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
const builtAt = Math.min(
  mtime(path.join(root, 'apps/server/dist/main.js')),
  mtime(path.join(root, 'apps/web/dist/index.html')),
);
const sourcesAt = Math.max(newest(path.join(root, 'apps')), newest(path.join(root, 'packages')));
if (builtAt < sourcesAt) {
  console.log('Building…');
  run('npm', ['run', '--silent', 'build']);
}
const server = spawnSync(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(server.status ?? 0);
