/**
 * Deadline rules without a release, in Spanish (each person's own language is
 * applied at sign-in): an admin corrects the
 * revisión period on the rules page (a refused empty legal basis first), the
 * lawyer's open deadline moves at once and names her as responsible; the admin
 * goes back to the default and the date returns.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import {
  apiAddProcedure,
  apiCreateCase,
  apiCreateUser,
  apiSignIn,
  chooseLanguage,
  unique,
} from './support/app.js';

const t = catalogue('es');
const revision = t('enum.rule.revision');

/** A legal date as the interface shows it in Spanish (formatted by the browser, as the app does). */
function shown(page: Page, date: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    date,
  );
}

async function expectRevisionDue(page: Page, caseId: string, date: string): Promise<void> {
  await page.goto(`/cases/${caseId}`);
  await chooseLanguage(page, 'es');
  const article = page
    .getByRole('region', { name: t('procedure.title'), exact: true })
    .getByRole('article', { name: revision, exact: true });
  await expect(article).toContainText(await shown(page, date));
}

test('an admin corrects a deadline rule and goes back to the default (es)', async ({ page }) => {
  const run = unique();
  const lawyer = {
    displayName: `Lawyer rules ${run}`,
    email: `rules-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `mangle-rojo-${run}-laguna-azul`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);

  // Her case: a negative decision notified on Monday 1 June 2026.
  const lawyerCsrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, lawyerCsrf, {
    givenNames: 'Ana Lucía',
    familyNames: `Reyes ${run}`,
    nationalities: ['HN'],
    languages: ['es'],
    state: '07',
  });
  await apiAddProcedure(page.request, lawyerCsrf, created.id, 'First application', [
    { type: 'decision_notified', date: '2026-06-01', details: { outcome: 'negative' } },
  ]);
  await expectRevisionDue(page, created.id, '2026-06-22');
  const article = page.getByRole('article', { name: revision, exact: true });
  await expect(article).toContainText(
    t('deadline.responsiblePeople', { role: t('enum.responsible.lawyer'), names: lawyer.displayName }),
  );

  try {
    // The admin opens the rules page and changes the revisión to 10 business days.
    await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/cases');
    await chooseLanguage(page, 'es');
    await page
      .getByRole('navigation', { name: t('layout.nav.label') })
      .getByRole('link', { name: t('layout.nav.rules') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('rules.title') })).toBeVisible();
    const rule = page.getByRole('article', { name: revision, exact: true });
    await expect(rule).toContainText('LRPCAP art. 25');
    await expect(rule).toContainText(t('rules.origin.default'));
    await rule.getByRole('button', { name: t('rules.edit') }).click();
    const form = page.getByRole('form', { name: t('rules.editTitle', { rule: revision }) });
    await form.getByLabel(t('rules.field.amount')).fill('10');
    const basis = form.getByLabel(t('rules.field.legalBasis'));
    await basis.fill('');
    await form.getByRole('button', { name: t('rules.save') }).click();
    await expect(form.getByText(t('field.required'))).toBeVisible();
    await expect(basis).toHaveAttribute('aria-invalid', 'true');
    await basis.fill('LRPCAP art. 25; LFPA art. 85 (corrected in a test)');
    await form.getByRole('button', { name: t('rules.save') }).click();
    await expect(
      page.getByRole('status').filter({ hasText: t('rules.saved', { rule: revision }) }),
    ).toBeVisible();
    await expect(rule).toContainText(t('rules.origin.modified'));
    await expect(rule).toContainText('corrected in a test');
    await expect(rule.getByRole('button', { name: t('rules.edit') })).toBeFocused();

    // The lawyer's open deadline follows at once.
    await apiSignIn(page.request, lawyer.email, lawyer.password);
    await expectRevisionDue(page, created.id, '2026-06-15');

    // Back to the default, after confirming.
    await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/deadline-rules');
    await chooseLanguage(page, 'es');
    await rule.getByRole('button', { name: t('rules.restore') }).click();
    const dialog = page.getByRole('alertdialog', { name: t('rules.restoreTitle') });
    await dialog.getByRole('button', { name: t('rules.restore') }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: t('rules.restored', { rule: revision }) }),
    ).toBeVisible();
    await expect(rule).toContainText(t('rules.origin.default'));

    await apiSignIn(page.request, lawyer.email, lawyer.password);
    await expectRevisionDue(page, created.id, '2026-06-22');
  } finally {
    // Leave the shared organization's rules as they were, whatever happened above.
    const csrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.request.delete('/api/v1/deadline-rules/revision', {
      headers: { Origin: BASE_URL, 'X-CSRF-Token': csrf },
    });
  }
});
