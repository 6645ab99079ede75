import { defineConfig, devices } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, ORG_NAME, ORG_PREFIX, PORT } from './e2e/support/env.js';

/**
 * Browser tests against the real server serving the built web app
 * (`npm run build -w apps/web` first). Each run starts from a fresh data
 * directory; Debian's Chromium is used, never a downloaded browser.
 */
// Set once in the runner; its workers inherit it (a spec runs the CLI on the same data).
process.env.SENDA_E2E_DATA_DIR ??= `.test-output/e2e-data-${Date.now()}`;
const dataDir = process.env.SENDA_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  outputDir: '.test-output/playwright-artifacts',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx apps/server/src/main.ts',
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SENDA_DATA_DIR: dataDir,
      SENDA_ADMIN_EMAIL: ADMIN_EMAIL,
      SENDA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SENDA_ORG_NAME: ORG_NAME,
      SENDA_ORG_PREFIX: ORG_PREFIX,
      SENDA_LOG_LEVEL: 'warn',
    },
  },
});
