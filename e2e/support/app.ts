import { execFileSync } from 'node:child_process';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { anyLanguage, type Lang, type T } from './i18n.js';

/** Switch the interface language with the header's language selector. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  const current = await page.locator('html').getAttribute('lang');
  if (current === lang) return;
  await page.getByLabel(anyLanguage('layout.language')).selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

export async function signIn(page: Page, t: T, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await page.getByLabel(t('signIn.email')).fill(email);
  await page.getByLabel(t('signIn.password')).fill(password);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByRole('button', { name: t('layout.signOut') })).toBeVisible();
}

export async function signOut(page: Page, t: T): Promise<void> {
  await page.getByRole('button', { name: t('layout.signOut') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
}

/** Sign in through the API (the page shares the cookies); returns the CSRF token. */
export async function apiSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<string> {
  const response = await request.post('/api/v1/session', {
    data: { email, password },
    headers: { Origin: BASE_URL },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return body.csrfToken;
}

export async function apiCreateCase(
  request: APIRequestContext,
  csrfToken: string,
  data: Record<string, unknown>,
): Promise<{ id: string; code: string }> {
  // She accepted the privacy notice at intake (read to her in Spanish) unless the test says otherwise.
  const privacyNotice = {
    language: 'es',
    presentedHow: 'read_to_her',
    accepted: true,
    acceptedOn: '2026-01-10',
  };
  const response = await request.post('/api/v1/cases', {
    data: { privacyNotice, ...data },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; code: string };
}

/** A unique suffix for e-mails and texts of one test run. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Create an account through the API (as a signed-in admin). */
export async function apiCreateUser(
  request: APIRequestContext,
  csrfToken: string,
  user: { email: string; displayName: string; role: string; locale?: string; password: string },
): Promise<{ id: string }> {
  const response = await request.post('/api/v1/users', {
    data: user,
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}

/** Add a procedure with its events to a case through the API; returns the procedure's id. */
export async function apiAddProcedure(
  request: APIRequestContext,
  csrfToken: string,
  caseId: string,
  label: string,
  events: Record<string, unknown>[],
): Promise<string> {
  const headers = { Origin: BASE_URL, 'X-CSRF-Token': csrfToken };
  const created = await request.post(`/api/v1/cases/${caseId}/procedures`, { data: { label }, headers });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const event of events) {
    const response = await request.post(`/api/v1/cases/${caseId}/procedures/${id}/events`, {
      data: event,
      headers,
    });
    expect(response.status()).toBe(201);
  }
  return id;
}

/** Record an incident of her violence history through the API; returns its id. */
export async function apiAddIncident(
  request: APIRequestContext,
  csrfToken: string,
  caseId: string,
  incident: Record<string, unknown>,
): Promise<string> {
  const response = await request.post(`/api/v1/cases/${caseId}/incidents`, {
    data: incident,
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Upload a document to a case through the API (multipart/form-data, like the web app); returns its id. */
export async function apiUploadDocument(
  request: APIRequestContext,
  csrfToken: string,
  caseId: string,
  document: { kind: string; description?: string; documentDate?: string },
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<string> {
  const response = await request.post(`/api/v1/cases/${caseId}/documents`, {
    multipart: { ...document, file },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Put someone on a case's team through the API (as someone who may assign). */
export async function apiAssignStaff(
  request: APIRequestContext,
  csrfToken: string,
  caseId: string,
  userId: string,
  roleOnCase: string,
): Promise<void> {
  const response = await request.put(`/api/v1/cases/${caseId}/staff/${userId}`, {
    data: { roleOnCase },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
  });
  expect(response.status()).toBe(200);
}

/** Run the administration CLI against the test server's data (e.g. `reminders run`). */
export function senda(...args: string[]): string {
  const dataDir = process.env.SENDA_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SENDA_E2E_DATA_DIR is not set (see playwright.config.ts)');
  return execFileSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
    env: { ...process.env, SENDA_DATA_DIR: dataDir, SENDA_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
}
