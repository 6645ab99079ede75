import path from 'node:path';
import { defineConfig } from 'vitest/config';

const domainSource = path.resolve(import.meta.dirname, 'packages/domain/src/index.ts');
const alias = { '@senda/domain': domainSource };

/**
 * Projects: `unit` (domain, web catalogues, server units), and the same API
 * suite twice, on SQLite and on PostgreSQL.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/domain/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api-sqlite',
          environment: 'node',
          include: ['apps/server/test/**/*.test.ts'],
          exclude: ['apps/server/test/**/*.pg.test.ts'],
          env: { SENDA_TEST_DB: 'sqlite' },
          setupFiles: ['apps/server/test/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api-postgres',
          environment: 'node',
          include: ['apps/server/test/**/*.test.ts'],
          env: { SENDA_TEST_DB: 'postgres' },
          setupFiles: ['apps/server/test/setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
