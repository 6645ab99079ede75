/**
 * Signing in: a signed-out visitor is sent to the sign-in page (which
 * remembers the path of the page she asked for); wrong
 * credentials get one generic message; repeated failures get the distinct
 * "too many attempts" message; the language choice applies before signing in.
 */
import { expect, test } from '@playwright/test';
import { catalogue } from './support/i18n.js';
import { unique } from './support/app.js';

test('signed-out visitors land on sign-in; failures are explained without revealing accounts', async ({
  page,
}) => {
  const t = catalogue('es');
  await page.goto('/cases?status=open');
  // Only the path is kept, to come back to after signing in.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcases$/);
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();

  const email = `nobody-${unique()}@e2e.test`;
  const attempt = async () => {
    await page.getByLabel(t('signIn.email')).fill(email);
    await page.getByLabel(t('signIn.password')).fill('not-the-password-at-all');
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: t('signIn.submit') }).click();
    await answered;
    await expect(page.getByLabel(t('signIn.password'))).toHaveValue('');
  };
  await attempt();
  await expect(page.getByRole('alert')).toHaveText(t('signIn.invalidCredentials'));
  // The password is cleared after a failure; the e-mail stays.
  await expect(page.getByLabel(t('signIn.password'))).toHaveValue('');
  await expect(page.getByLabel(t('signIn.email'))).toHaveValue(email);

  for (let i = 0; i < 6; i += 1) await attempt();
  await expect(page.getByRole('alert')).toHaveText(t('signIn.tooManyAttempts'));
});

test('the interface language can be chosen before signing in', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByLabel('Idioma').selectOption('ht');
  const ht = catalogue('ht');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ht');
  await expect(page.getByRole('heading', { level: 1, name: ht('signIn.title') })).toBeVisible();
  await expect(page.getByLabel(ht('signIn.password'))).toBeVisible();
  // The choice survives a reload (kept on this device until she signs in).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: ht('signIn.title') })).toBeVisible();
});

test('unknown addresses show a translated not-found page', async ({ page }) => {
  const t = catalogue('es');
  await page.goto('/sign-in');
  await page.goto('/this/does/not/exist');
  await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible();
});
