/**
 * Evidence for advocacy, in Spanish, through the interface. A clinic has 26
 * women in Guerrero who agreed to the anonymous use of their data (two of
 * them from Eritrea) and 3 who did not. Its analyst signs in: she sees only
 * "Estadísticas", filters Guerrero, reads how many women were counted and
 * how many were left out, sees the small Eritrean group hidden (marked, and
 * named nowhere), and downloads the CSV, the workbook and the PDF brief of the
 * same figures — aggregates only, no name.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, signIn, unique } from './support/app.js';
import { apiSeedStatisticsCases } from './support/statistics.js';

const t = catalogue('es');

test('an analyst filters a state, sees small groups hidden, and downloads the figures (es)', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const run = unique();
  const password = `estadistica-anonima-${run}-sin-nombres`;
  const analyst = {
    email: `analyst-${run}@e2e.test`,
    displayName: `Analista ${run}`,
    role: 'analyst',
    locale: 'es',
    password,
  };

  // The clinic's admin registers the women (through the API, as intake would) and the analyst's account.
  const admin = await browser.newContext({ baseURL: BASE_URL });
  const csrf = await apiSignIn(admin.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(admin.request, csrf, analyst);
  const names = await apiSeedStatisticsCases(admin.request, csrf, {
    namePrefix: 'Estadística',
    run,
    count: 29,
    consenting: 26,
    state: '12',
    municipality: 'Acapulco',
    nationalityOf: (i) => (i < 2 ? 'ER' : i < 16 ? 'HN' : 'SV'),
  });
  await admin.close();

  await page.goto('/');
  await signIn(page, t, analyst.email, password);
  // The analyst's whole world is the statistics.
  await expect(page).toHaveURL(/\/statistics/);
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: t('statistics.title') })).toBeVisible();
  await expect(nav.getByRole('link', { name: /casos/i })).toHaveCount(0);

  await page
    .getByRole('combobox', { name: t('statistics.filter.state'), exact: true })
    .selectOption({ label: 'Guerrero' });
  await page.getByRole('button', { name: t('statistics.filter.submit') }).click();
  // The router keeps a number-like code quoted in the address (state="12").
  await expect(page).toHaveURL(/state=(%22)?12/);

  const byNationality = page.getByRole('table', { name: t('statistics.table.by_nationality'), exact: true });
  await expect(byNationality).toBeVisible();
  // Honduras and El Salvador are named; the two Eritrean women are gathered into a hidden "other" row.
  await expect(byNationality.getByRole('rowheader', { name: /Honduras/ })).toBeVisible();
  await expect(byNationality.getByRole('rowheader', { name: /Eritrea/ })).toHaveCount(0);
  await expect(byNationality.getByText(t('statistics.hidden.small', { k: 5 })).first()).toBeAttached();
  await expect(page.getByText(names[0] ?? 'none')).toHaveCount(0);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: t('statistics.export.csv') }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^senda-estadisticas-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('Mujeres contadas');
  expect(csvText).toContain('by_nationality');
  expect(csvText).not.toContain(run);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: t('statistics.export.xlsx') }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // A workbook is a ZIP: it starts with "PK".
  expect(
    fs
      .readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  // The printable brief of the same figures, in Spanish: a PDF named after the period.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: t('statistics.export.pdfEs') }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^senda-estadisticas-\d{4}-\d{2}-\d{4}-\d{2}\.pdf$/);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await expect(page.getByRole('link', { name: t('statistics.export.pdfEn') })).toHaveAttribute(
    'href',
    /report\.pdf\?.*state=12.*&lang=en$/,
  );
});
