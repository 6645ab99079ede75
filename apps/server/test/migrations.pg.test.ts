/**
 * PostgreSQL only (run by the api-postgres project; SQLite has no schemas): Senda migrates its own schema even when another schema of
 * the same database (another Senda instance, a benchmark, another app using
 * Kysely) already holds migration tables.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/startup.js';
import { PG_URL } from './harness.js';

const schemas: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function newSchema(): Promise<string> {
  const name = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await admin((c) => c.query(`create schema ${name}`));
  schemas.push(name);
  return name;
}

const config = loadConfig({
  SENDA_DATA_DIR: path.join(os.tmpdir(), `senda-test-${crypto.randomUUID()}`),
  SENDA_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
  SENDA_LOG_LEVEL: 'silent',
});

afterAll(async () => {
  for (const s of schemas) await admin((c) => c.query(`drop schema if exists ${s} cascade`));
});

describe('migrations on PostgreSQL (PostgreSQL-specific: SQLite has no schemas)', () => {
  it('migrates a schema next to another schema that already has migration tables', async () => {
    const other = await newSchema();
    await admin(async (c) => {
      await c.query(
        `create table ${other}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`,
      );
      await c.query(
        `create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`,
      );
    });
    const mine = await newSchema();
    const ctx = await openContext(config, { kind: 'postgres', url: PG_URL, schema: mine, poolSize: 2 });
    try {
      const tables = await admin((c) =>
        c.query<{ table_name: string }>(
          `select table_name from information_schema.tables where table_schema = $1`,
          [mine],
        ),
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['cases', 'audit_log', 'kysely_migration']),
      );
    } finally {
      await ctx.close();
    }
  });
});
