/**
 * Releases of figures, in Spanish: before figures leave the organization, one
 * coordinator prepares a release and another approves it. A clinic has 24
 * women in Oaxaca who agreed to the anonymous use of their data and 2 who did
 * not. Coordinator 1 reads the statistics of Oaxaca, prepares a release of
 * the year through the form, and finds it pending: she has no way to approve
 * it herself (and the server refuses her if she tries), and nothing
 * downloads yet. Five more women are registered meanwhile. Coordinator 2
 * approves it: it reads as approved, with the figures frozen as they were
 * when it was prepared, and downloads as a CSV with Spanish labels and no
 * name, and as a PDF brief. axe finds no serious or critical WCAG 2.1 AA
 * violation on the statistics, the releases list, the form and a release's
 * page, and none of them scrolls sideways on a 360-pixel phone.
 */
import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectFitsPhone, expectNoSeriousViolations } from './support/a11y.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, chooseLanguage, signIn, unique } from './support/app.js';
import { apiSeedStatisticsCases } from './support/statistics.js';

const t = catalogue('es');
const en = catalogue('en');

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The value beside a term of a release's facts ("Mujeres contadas" → "24"). */
const fact = (facts: Locator, term: string) =>
  facts.locator('dt', { hasText: exactly(term) }).locator('xpath=following-sibling::dd[1]');

/** The current month in Mexico City's calendar, and January of the year before. */
function period(): { from: string; to: string } {
  const to = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
  }).format(new Date());
  return { from: `${String(Number(to.slice(0, 4)) - 1)}-01`, to };
}

async function csrfOf(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

test('a coordinator prepares a release of figures, another approves it, and its frozen figures download (es)', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const run = unique();
  const coordinator = (n: number) => ({
    email: `publicaciones${String(n)}-${run}@e2e.test`,
    displayName: `Coordinadora ${String(n)} ${run}`,
    role: 'coordinator',
    locale: 'es',
    password: `cifras-congeladas-${String(n)}-${run}-sin-nombres`,
  });
  const first = coordinator(1);
  const second = coordinator(2);
  const seed = {
    namePrefix: 'Publicación',
    run,
    familyNames: `Apellido${run}`,
    state: '20',
    municipality: 'Oaxaca de Juárez',
    nationalityOf: (i: number) => (i % 2 ? 'GT' : 'HN'),
  };

  // The admin registers both coordinators and the women (through the API, as intake would).
  const admin = await browser.newContext({ baseURL: BASE_URL });
  const adminCsrf = await apiSignIn(admin.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(admin.request, adminCsrf, first);
  await apiCreateUser(admin.request, adminCsrf, second);
  const names = await apiSeedStatisticsCases(admin.request, adminCsrf, {
    ...seed,
    count: 26,
    consenting: 24,
  });

  // Coordinator 1 reads the statistics of Oaxaca.
  await page.goto('/');
  await signIn(page, t, first.email, first.password);
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.statistics') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('statistics.title') })).toBeVisible();
  await page
    .getByRole('combobox', { name: t('statistics.filter.state'), exact: true })
    .selectOption(seed.state);
  await page.getByRole('button', { name: t('statistics.filter.submit') }).click();
  await expect(page).toHaveURL(/state=(%22)?20/);
  const regions = new Intl.DisplayNames(['es'], { type: 'region' });
  const byNationality = page.getByRole('table', { name: t('statistics.table.by_nationality'), exact: true });
  await expect(byNationality.getByRole('rowheader', { name: regions.of('GT') })).toBeVisible();
  await expectNoSeriousViolations(page, 'the statistics of a state');
  await expectFitsPhone(page, 'the statistics of a state');

  // The releases, from the statistics page.
  await page.getByRole('link', { name: t('releases.link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('releases.title') })).toBeVisible();
  await expectNoSeriousViolations(page, 'the releases list');
  await expectFitsPhone(page, 'the releases list');

  // She prepares one: a title, the period, and the state.
  await page.getByRole('link', { name: t('releases.prepare') }).click();
  const form = page.getByRole('form', { name: t('releases.new.title') });
  await expect(form).toBeVisible();
  const title = `Informe anual Oaxaca ${run}`;
  const { from, to } = period();
  await form.getByLabel(t('releases.field.title')).fill(title);
  await form.getByLabel(t('statistics.filter.from')).fill(from);
  await form.getByLabel(t('statistics.filter.to')).fill(to);
  const state = form.getByLabel(t('statistics.filter.state'), { exact: true });
  await state.selectOption(seed.state);
  const stateName = (await state.locator('option:checked').textContent()) ?? 'none';
  await expect(form.getByLabel(t('releases.mode.standard'))).toBeChecked();
  await expectNoSeriousViolations(page, 'the release form');
  await expectFitsPhone(page, 'the release form');
  await form.getByRole('button', { name: t('releases.new.submit') }).click();

  // Pending, with its figures: not hers to approve, and nothing downloads yet.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/statistics\/releases\/[0-9a-f-]{36}$/);
  const releaseUrl = new URL(page.url()).pathname;
  const releaseId = releaseUrl.split('/').pop() ?? '';
  const facts = page.getByRole('region', { name: t('releases.facts.title') });
  await expect(fact(facts, t('releases.col.status'))).toHaveText(t('releases.status.pending'));
  await expect(fact(facts, t('releases.facts.preparedBy'))).toContainText(first.displayName);
  await expect(fact(facts, t('releases.facts.decidedBy'))).toHaveText('—');
  await expect(page.getByText(stateName, { exact: false }).first()).toBeVisible();
  const universe = fact(facts, t('statistics.summary.universe'));
  await expect(universe).toHaveText(/^\d+$/);
  const frozenUniverse = (await universe.textContent()) ?? '';
  const frozenLeftOut = (await fact(facts, t('statistics.summary.leftOut')).textContent()) ?? '';
  await expect(
    page.getByRole('table', { name: t('statistics.table.by_nationality'), exact: true }),
  ).toBeVisible();
  await expect(page.getByText(t('releases.decision.waiting'))).toBeVisible();
  await expect(page.getByRole('button', { name: t('releases.decision.approve') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('releases.decision.return') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('releases.decision.withdraw') })).toBeVisible();
  await expect(page.getByText(t('releases.export.afterApproval'))).toBeVisible();
  await expect(page.getByRole('link', { name: t('statistics.export.csv') })).toHaveCount(0);
  await expect(page.getByText(names[0] ?? 'none')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'a pending release');
  await expectFitsPhone(page, 'a pending release');

  // Asked directly, the server refuses both her own approval and a download before approval.
  const headers = { Origin: BASE_URL, 'X-CSRF-Token': await csrfOf(page) };
  const own = await page.request.post(`/api/v1/statistics/releases/${releaseId}/approve`, {
    data: { comment: '' },
    headers,
  });
  expect(own.status()).toBe(409);
  const ownBody = (await own.json()) as { error: { fields?: { path: string; code: string }[] } };
  expect(ownBody.error.fields).toContainEqual(expect.objectContaining({ code: 'own_request' }));
  const early = await page.request.get(`/api/v1/statistics/releases/${releaseId}/export.csv?lang=es`);
  expect(early.status()).toBe(409);

  // Meanwhile five more women are registered: the release's figures do not follow.
  await apiSeedStatisticsCases(admin.request, adminCsrf, {
    ...seed,
    namePrefix: 'Posterior',
    count: 5,
    consenting: 5,
  });
  await admin.close();

  // Coordinator 2 finds it pending in the list and approves it.
  const other = await browser.newContext({ baseURL: BASE_URL });
  const page2 = await other.newPage();
  await apiSignIn(page2.request, second.email, second.password);
  await page2.goto('/statistics/releases');
  await chooseLanguage(page2, 'es');
  const row = page2.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText(t('releases.status.pending'));
  await expect(row).toContainText(first.displayName);
  await row.getByRole('link', { name: title }).click();
  await expect(page2.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page2.getByText(t('releases.decision.intro'))).toBeVisible();
  await page2.getByLabel(t('releases.decision.comment')).fill('Cifras revisadas');
  await page2.getByRole('button', { name: t('releases.decision.approve') }).click();

  const facts2 = page2.getByRole('region', { name: t('releases.facts.title') });
  await expect(fact(facts2, t('releases.col.status'))).toHaveText(t('releases.status.approved'));
  await expect(fact(facts2, t('releases.facts.decidedBy'))).toContainText(second.displayName);
  await expect(facts2.getByText('Cifras revisadas')).toBeVisible();
  await expect(page2.getByRole('button', { name: t('releases.decision.approve') })).toHaveCount(0);
  // Frozen: the figures are those of the day it was prepared, also after a reload.
  await page2.reload();
  await expect(fact(facts2, t('statistics.summary.universe'))).toHaveText(frozenUniverse);
  await expect(fact(facts2, t('statistics.summary.leftOut'))).toHaveText(frozenLeftOut);
  await expect(facts2.getByText(t('releases.facts.frozen'))).toBeVisible();
  await expect(page2.getByText(t('releases.export.afterApproval'))).toHaveCount(0);
  await expectNoSeriousViolations(page2, 'an approved release');
  await expectFitsPhone(page2, 'an approved release');

  // Its CSV: the frozen figures with Spanish labels, and no woman's name.
  const csvDownload = page2.waitForEvent('download');
  await page2.getByRole('link', { name: t('statistics.export.csv') }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^senda-publicacion-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain(t('statistics.export.summary.universe'));
  expect(csvText).not.toContain(en('statistics.export.summary.universe'));
  expect(csvText).toContain(regions.of('GT'));
  const universeLine = csvText.split(/\r?\n/).find((line) => line.includes(',universe,'));
  expect(universeLine?.split(',')[6]).toBe(frozenUniverse);
  expect(csvText).not.toContain(run);

  // Its PDF brief, in Spanish.
  const pdfDownload = page2.waitForEvent('download');
  await page2.getByRole('link', { name: t('statistics.export.pdfEs') }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^senda-publicacion-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  expect(
    fs
      .readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await expect(page2.getByRole('link', { name: t('statistics.export.pdfEn') })).toHaveAttribute(
    'href',
    new RegExp(`/statistics/releases/${releaseId}/report\\.pdf\\?lang=en$`),
  );

  // Back in the list, approved and decided by her.
  await page2.getByRole('link', { name: t('releases.backToList') }).click();
  const approvedRow = page2.getByRole('row').filter({ hasText: title });
  await expect(approvedRow).toContainText(t('releases.status.approved'));
  await expect(approvedRow).toContainText(second.displayName);
  await expectNoSeriousViolations(page2, 'the releases list with an approved release');
  await expectFitsPhone(page2, 'the releases list with an approved release');

  // Meanwhile the live statistics of the same filters have moved on (so the frozen figures above mean something).
  await page2.goto(`/statistics?from=${from}&to=${to}&state=${seed.state}`);
  const live = fact(
    page2.getByRole('region', { name: t('statistics.summary.title') }),
    t('statistics.summary.universe'),
  );
  await expect(live).toHaveText(/^\d+$/);
  await expect(live).not.toHaveText(frozenUniverse);
  await other.close();
});
