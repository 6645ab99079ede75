/**
 * The end of a session: before the idle timeout she is warned in a dialog and
 * may stay signed in; when the time is up the data on screen is forgotten and
 * the sign-in page says why. Either way, after signing in again she is back
 * on the page she was on (its path only, never its query string).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateCase, apiCreateUser, apiSignIn, signIn, unique } from './support/app.js';

const t = catalogue('es');

/**
 * An admin of her own, in Spanish (other specs change the first admin's
 * language), created from a separate request context.
 */
async function newAdmin(request: APIRequestContext): Promise<{ email: string; password: string }> {
  const run = unique();
  const admin = { email: `admin-${run}@e2e.test`, password: `nopal-tuna-${run}-cenzontle` };
  const csrf = await apiSignIn(request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(request, csrf, {
    ...admin,
    displayName: `Directora ${run}`,
    role: 'admin',
    locale: 'es',
  });
  return admin;
}

test('an idle session warns first, then signs out and brings her back', async ({ page, request }) => {
  const admin = await newAdmin(request);
  // The browser's clock is under the test's control (the server's is not).
  await page.clock.install();
  const csrf = await apiSignIn(page.request, admin.email, admin.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Rosa Elvira',
    familyNames: 'Castañeda Mejía',
    nationalities: ['SV'],
  });
  await page.goto(`/cases/${created.id}`);
  const caseHeading = page.getByRole('heading', { level: 1 });
  await expect(caseHeading).toContainText('Rosa Elvira Castañeda Mejía');

  // Every answer counts as activity: let the page's own requests finish before the clock moves,
  // or a late answer restarts the idle clock (seen on a busy machine).
  await page.waitForLoadState('networkidle');
  // Two minutes before the end (30 idle minutes by default): the warning.
  const dialog = page.getByRole('alertdialog', { name: t('idle.title') });
  await page.clock.fastForward('27:00');
  await expect(dialog).toHaveCount(0);
  // A late answer to one of the page's own requests (a busy machine, a long case page) restarts
  // the idle clock: move on half a minute at a time until the warning shows, as it must within
  // one more idle period, then it says about two minutes are left.
  for (let step = 0; step < 70 && !(await dialog.isVisible()); step += 1)
    await page.clock.fastForward('00:30');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2');

  // Staying signed in asks the server, which counts as activity.
  const asked = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.ok());
  await dialog.getByRole('button', { name: t('idle.stay') }).click();
  await asked;
  await expect(dialog).toBeHidden();
  await expect(caseHeading).toContainText('Rosa Elvira Castañeda Mejía');

  // This time she does not answer.
  await page.clock.fastForward('28:30');
  await expect(dialog).toBeVisible();
  await page.clock.fastForward('02:00');
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await expect(page.getByText(t('signIn.signedOutIdle'))).toBeVisible();
  // Her name is no longer anywhere on the page, nor in the address.
  await expect(page.getByText('Castañeda')).toHaveCount(0);
  const url = new URL(page.url());
  expect(url.pathname).toBe('/sign-in');
  expect(url.searchParams.get('next')).toBe(`/cases/${created.id}`);
  expect(url.searchParams.get('reason')).toBe('idle');
  // The session ended on the server too.
  expect((await page.request.get('/api/v1/session')).status()).toBe(401);

  await signIn(page, t, admin.email, admin.password);
  await expect(page).toHaveURL(new RegExp(`/cases/${created.id}$`));
  await expect(caseHeading).toContainText('Rosa Elvira Castañeda Mejía');
});

test('a session that ended on the server sends her to sign-in and back', async ({ page, request }) => {
  const admin = await newAdmin(request);
  await page.goto('/account');
  await signIn(page, t, admin.email, admin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();

  // Her session ends elsewhere (e.g. an admin reset her password): here, simulated by signing it out.
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const ended = await page.request.delete('/api/v1/session', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': session.csrfToken },
  });
  expect(ended.status()).toBe(204);

  // Her next request is refused: she is told why, and returns here after signing in.
  const form = page.getByRole('region', { name: t('account.password.title') });
  await form.getByLabel(t('account.password.current')).fill('whatever-she-typed');
  await form.getByLabel(new RegExp(`^${t('users.field.newPassword')}`)).fill('algo-largo-y-nuevo-2026');
  await form.getByLabel(t('account.password.repeat')).fill('algo-largo-y-nuevo-2026');
  await form.getByRole('button', { name: t('account.password.submit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await expect(page.getByText(t('error.unauthenticated'))).toBeVisible();
  await signIn(page, t, admin.email, admin.password);
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/account');

  // Nothing but a plain path of this app is followed.
  await page.goto('/sign-in?next=%2F%2Fevil.example%2Fcases');
  await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();
  expect(page.url()).toBe(`${BASE_URL}/cases`);
});
