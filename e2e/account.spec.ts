/**
 * My account: an admin changes her own password. Mistakes are explained next
 * to the field (a wrong current password, a common new one, a repeat that
 * differs); once changed, her other sessions end, this one stays, and only
 * the new password opens the door. A signed-out visit to a page returns
 * there after signing in.
 */
import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, signIn, signOut, unique } from './support/app.js';

const t = catalogue('es');

test('an admin changes her own password', async ({ page, playwright }) => {
  const run = unique();
  const admin = {
    email: `admin-${run}@e2e.test`,
    displayName: `Coordinadora ${run}`,
    role: 'admin',
    locale: 'es',
    password: `manglar-garza-${run}-bruma`,
  };
  const newPassword = `selva-lacandona-${run}-aurora`;

  // The clinic's first admin creates her account (a context of its own, not the page's).
  const setup = await playwright.request.newContext({ baseURL: BASE_URL });
  await apiCreateUser(setup, await apiSignIn(setup, ADMIN_EMAIL, ADMIN_PASSWORD), admin);
  // She is also signed in somewhere else: that session must end with the change.
  const elsewhere = await playwright.request.newContext({ baseURL: BASE_URL });
  await apiSignIn(elsewhere, admin.email, admin.password);

  // Signed out, the account page sends her to sign-in, and back to it afterwards.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await signIn(page, t, admin.email, admin.password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
  const accountLink = page.getByRole('link', { name: t('layout.account', { name: admin.displayName }) });
  await expect(accountLink).toHaveAttribute('aria-current', 'page');

  const form = page.getByRole('region', { name: t('account.password.title') });
  const current = form.getByLabel(t('account.password.current'));
  const next = form.getByLabel(new RegExp(`^${t('users.field.newPassword')}`));
  const repeat = form.getByLabel(t('account.password.repeat'));
  const submit = form.getByRole('button', { name: t('account.password.submit') });

  // The repeat is checked in the browser.
  await current.fill(admin.password);
  await next.fill(newPassword);
  await repeat.fill(`${newPassword}x`);
  await submit.click();
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(t('field.passwords_differ'))).toBeVisible();

  // A common password is refused by the server, next to the field.
  await next.fill('password12345678');
  await repeat.fill('password12345678');
  await submit.click();
  await expect(next).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(t('field.password_common'))).toBeVisible();

  // A wrong current password is said next to that field.
  await current.fill('not-my-password-at-all');
  await next.fill(newPassword);
  await repeat.fill(newPassword);
  await submit.click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toBeFocused();
  await expect(form.getByText(t('field.current_password_wrong'))).toBeVisible();

  // Then it works.
  await current.fill(admin.password);
  await submit.click();
  await expect(form.getByRole('status')).toHaveText(t('account.password.changed'));
  await expect(current).toHaveValue('');
  await expect(next).toHaveValue('');
  await expect(current).not.toHaveAttribute('aria-invalid', 'true');

  // Her other session ended; this one stays.
  expect((await elsewhere.get('/api/v1/session')).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();

  // Only the new password opens the door now.
  await signOut(page, t);
  await page.getByLabel(t('signIn.email')).fill(admin.email);
  await page.getByLabel(t('signIn.password')).fill(admin.password);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByRole('alert')).toHaveText(t('signIn.invalidCredentials'));
  await signIn(page, t, admin.email, newPassword);
  await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();

  await setup.dispose();
  await elsewhere.dispose();
});

test('her interface language can be chosen on the account page', async ({ page, playwright }) => {
  const run = unique();
  const lawyer = {
    email: `lawyer-${run}@e2e.test`,
    displayName: `Abogada ${run}`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-quetzal-${run}-rocio`,
  };
  const setup = await playwright.request.newContext({ baseURL: BASE_URL });
  await apiCreateUser(setup, await apiSignIn(setup, ADMIN_EMAIL, ADMIN_PASSWORD), lawyer);
  await setup.dispose();

  await page.goto('/account');
  await signIn(page, t, lawyer.email, lawyer.password);
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/session/locale') && r.ok());
  await page.getByLabel(t('account.language.label')).selectOption('fr');
  await saved;
  const fr = catalogue('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: fr('account.title') })).toBeVisible();
  // Saved to her account: still French after a reload, and in the header's switcher too.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: fr('account.title') })).toBeVisible();
  await expect(page.getByLabel(fr('layout.language'), { exact: true })).toHaveValue('fr');
});
