/**
 * A network that shares aggregate figures, in Spanish. The installation's
 * admin creates a network in the interface and joins it with her clinic
 * (after reading what is shared); the page says fewer than 3 organizations
 * share, and the network's figures say so too. Two more organizations
 * (created with the CLI, each with its admin) join through the API. Women
 * registered last month are counted (the spec backdates the cases it created
 * itself, and the memberships of its own network, in the test server's
 * SQLite database: a network shows only months that are over). An analyst
 * of the clinic opens the network's figures: the combined count of the
 * three, no organization named, the nationality only the clinic has hidden
 * and marked ‡ with its words, and a CSV without a name. axe finds no
 * serious violation and nothing scrolls sideways on a phone, on the list and
 * on the figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectFitsPhone, expectNoSeriousViolations } from './support/a11y.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, ORG_NAME } from './support/env.js';
import { anyLanguage, catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, chooseLanguage, senda, signIn, signOut, unique } from './support/app.js';
import { apiSeedStatisticsCases } from './support/statistics.js';

const t = catalogue('es');

/** The current month and the one before, in Mexico City's calendar (`YYYY-MM`). */
function months(): { current: string; last: string } {
  const current = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7);
  const [year = 0, month = 1] = current.split('-').map(Number);
  const index = year * 12 + month - 2;
  const last = `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { current, last };
}

/** 2–6 capital letters, unique enough for a run (the case prefix of a new organization). */
const prefix = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');

/** An organization with its admin, through the CLI; returns its id and the admin's sign-in. */
function createOrganization(name: string, run: string) {
  const casePrefix = prefix();
  const out = senda('org', 'create', '--name', name, '--prefix', casePrefix);
  const id = /\(([^)]+)\)/.exec(out)?.[1];
  if (!id) throw new Error(`no organization id in: ${out}`);
  const email = `red-${casePrefix.toLowerCase()}-${run}@e2e.test`;
  const password = `red-compartida-${run}-${casePrefix.toLowerCase()}`;
  senda(
    'user',
    'create',
    '--org',
    casePrefix,
    '--email',
    email,
    '--name',
    `Admin ${name}`,
    '--role',
    'admin',
    '--password',
    password,
  );
  return { id, email, password };
}

function openDb() {
  const dataDir = process.env.SENDA_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SENDA_E2E_DATA_DIR is not set (see playwright.config.ts)');
  return new Database(path.join(dataDir, 'senda.db'));
}

/** Sign a new browser context in through the API; its requests carry the session. */
async function apiContext(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const csrf = await apiSignIn(context.request, email, password);
  return { context, csrf, headers: { Origin: BASE_URL, 'X-CSRF-Token': csrf } };
}

async function networkCard(page: Page, name: string) {
  const card = page.getByRole('article', { name });
  await expect(card).toBeVisible();
  return card;
}

/**
 * Sign in the installation's admin, whatever language an earlier test left
 * her profile in, then switch the interface to Spanish.
 */
async function signInAdminInSpanish(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await page.getByLabel(t('signIn.email')).fill(ADMIN_EMAIL);
  await page.getByLabel(t('signIn.password')).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByRole('button', { name: anyLanguage('layout.signOut') })).toBeVisible();
  await chooseLanguage(page, 'es');
}

test('three organizations share aggregates in a network, and an analyst reads the combined figures (es)', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const run = unique();
  const { current, last } = months();
  const networkName = `Red Fronteriza ${run}`;
  const orgB = `Refugio Norte ${run}`;
  const orgC = `Casa Sur ${run}`;
  const namePrefix = 'Redcompartida';
  const analyst = {
    email: `red-analista-${run}@e2e.test`,
    displayName: `Analista red ${run}`,
    role: 'analyst',
    locale: 'es',
    password: `analista-red-${run}-cifras-juntas`,
  };
  const started = new Date().toISOString();

  // The clinic's women (15: seven of them from Guatemala, a nationality only the clinic has) and its analyst.
  const clinic = await apiContext(browser, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(clinic.context.request, clinic.csrf, analyst);
  const names = await apiSeedStatisticsCases(clinic.context.request, clinic.csrf, {
    namePrefix,
    run,
    count: 15,
    consenting: 15,
    state: '12',
    municipality: 'Acapulco',
    nationalityOf: (i) => (i < 7 ? 'GT' : i < 11 ? 'HN' : 'SV'),
  });
  const session = (await (await clinic.context.request.get('/api/v1/session')).json()) as {
    organization: { id: string };
  };
  await clinic.context.close();

  // The installation's admin creates the network in the interface.
  await page.goto('/');
  await signInAdminInSpanish(page);
  await page.goto('/statistics');
  await page.getByRole('link', { name: t('networks.link') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('networks.title') })).toBeFocused();
  const create = page.getByRole('form', { name: t('networks.create.title') });
  await create.getByLabel(t('networks.field.name')).fill(networkName);
  await create.getByLabel(t('networks.field.description')).fill('Cifras comunes de la frontera sur.');
  await create.getByRole('button', { name: t('networks.create.submit') }).click();
  await expect(page.getByText(t('networks.created', { name: networkName }))).toBeVisible();
  const card = await networkCard(page, networkName);
  await expect(card.getByRole('heading', { level: 2, name: networkName })).toBeFocused();
  await expect(card.getByText(t('networks.status.none'))).toBeVisible();

  // The same name again is refused next to the field, and what she typed stays.
  await create.getByLabel(t('networks.field.name')).fill(networkName);
  await create.getByRole('button', { name: t('networks.create.submit') }).click();
  await expect(create.getByLabel(t('networks.field.name'))).toHaveAccessibleDescription(
    t('field.name_taken'),
  );
  await expect(create.getByLabel(t('networks.field.name'))).toHaveValue(networkName);

  // She joins with her clinic, after reading what is shared.
  await card.getByRole('button', { name: `${t('networks.join')} (${networkName})` }).click();
  const dialog = page.getByRole('alertdialog', { name: t('networks.join.title', { name: networkName }) });
  await expect(dialog.getByText(t('networks.join.what'))).toBeVisible();
  await expect(dialog.getByText(t('networks.join.leaving'))).toBeVisible();
  await dialog.getByRole('button', { name: t('networks.join.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText(t('networks.joined', { name: networkName }))).toBeVisible();
  await expect(card.getByRole('heading', { level: 2, name: networkName })).toBeFocused();
  await expect(card.getByText(t('networks.fewMembers', { count: 1, min: 3 }))).toBeVisible();
  await expect(card.getByRole('listitem').filter({ hasText: ORG_NAME })).toBeVisible();
  await expect(card.getByRole('button', { name: `${t('networks.leave')} (${networkName})` })).toBeVisible();
  await expectNoSeriousViolations(page, 'the networks list');
  await expectFitsPhone(page, 'the networks list');

  // Its figures: fewer than three organizations share, so nothing is shown.
  await card.getByRole('link', { name: `${t('networks.figuresLink')} (${networkName})` }).click();
  await expect(page.getByText(t('networks.tooFewOrgs.title'))).toBeVisible();
  await expect(page.getByText(t('statistics.summary.universe'))).toHaveCount(0);

  // Two more organizations, each with its admin, register their women and join through the API.
  const networks = await page.request.get('/api/v1/statistics/networks');
  const list = (await networks.json()) as { networks: { id: string; name: string }[] };
  const networkId = list.networks.find((n) => n.name === networkName)?.id ?? '';
  expect(networkId).not.toBe('');
  const orgIds = [session.organization.id];
  for (const name of [orgB, orgC]) {
    const org = createOrganization(name, run);
    orgIds.push(org.id);
    const other = await apiContext(browser, org.email, org.password);
    await apiSeedStatisticsCases(other.context.request, other.csrf, {
      namePrefix,
      run,
      count: 8,
      consenting: 8,
      state: '12',
      municipality: 'Acapulco',
      nationalityOf: (i) => (i < 4 ? 'HN' : 'SV'),
    });
    const joined = await other.context.request.post(`/api/v1/statistics/networks/${networkId}/join`, {
      headers: other.headers,
    });
    expect(joined.status()).toBe(200);
    const again = await other.context.request.post(`/api/v1/statistics/networks/${networkId}/join`, {
      headers: other.headers,
    });
    expect(again.status()).toBe(409);
    await other.context.close();
  }

  // Back to last month: the women this spec registered, and the memberships of its network.
  const db = openDb();
  try {
    const mid = `${last}-15T17:00:00.000Z`;
    const now = new Date().toISOString();
    const marks = orgIds.map(() => '?').join(', ');
    db.prepare(
      `UPDATE cases SET created_at = ?, updated_at = ?, last_activity_at = ? WHERE org_id IN (${marks}) AND created_at >= ?`,
    ).run(mid, mid, now, ...orgIds, started);
    db.prepare('UPDATE stat_network_members SET since_month = ? WHERE network_id = ?').run(last, networkId);
  } finally {
    db.close();
  }

  // The clinic's analyst opens the network's figures.
  await signOut(page, t);
  await signIn(page, t, analyst.email, analyst.password);
  await page.goto('/statistics');
  await page.getByRole('link', { name: t('networks.link') }).click();
  const analystCard = await networkCard(page, networkName);
  await expect(analystCard.getByRole('listitem')).toHaveCount(3);
  // An analyst neither joins nor leaves.
  await expect(
    analystCard.getByRole('button', { name: `${t('networks.leave')} (${networkName})` }),
  ).toHaveCount(0);
  await analystCard.getByRole('link', { name: `${t('networks.figuresLink')} (${networkName})` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: t('networks.figures.titleOf', { name: networkName }) }),
  ).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/statistics/networks/${networkId}`));
  await expect(page.getByText(t('networks.protection.combined', { count: 3 }))).toBeVisible();
  await expect(page.getByText(t('networks.protection.months', { month: monthName(last) }))).toBeVisible();

  // The combined count: 31 women (each figure is adjusted by at most ±2).
  const universe = page
    .locator('dt', { hasText: t('statistics.summary.universe') })
    .locator('xpath=following-sibling::dd');
  await expect(universe).toHaveText(/^\d+$/);
  const counted = Number(await universe.textContent());
  expect(counted).toBeGreaterThanOrEqual(29);
  expect(counted).toBeLessThanOrEqual(33);

  // No organization is named among the figures.
  const main = page.locator('main');
  for (const name of [ORG_NAME, orgB, orgC]) await expect(main).not.toContainText(name);
  await expect(main).not.toContainText(names[0] ?? 'none');

  // Guatemala: only the clinic has women from there, so their cell is hidden and marked ‡.
  const byNationality = page.getByRole('table', { name: t('statistics.table.by_nationality'), exact: true });
  const guatemala = byNationality
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /Guatemala/ }) });
  await expect(guatemala.getByText(t('statistics.hidden.dominance'))).toBeAttached();
  await expect(guatemala).toContainText('‡');
  await expect(byNationality.getByRole('rowheader', { name: /Honduras/ })).toBeVisible();
  const legend = page.locator('#stat-by_nationality-legend');
  await expect(legend).toContainText(t('statistics.hidden.dominance'));

  await expectNoSeriousViolations(page, 'the network figures');
  await expectFitsPhone(page, 'the network figures');

  // The downloads are the network's, and the CSV has no name.
  await expect(page.getByRole('link', { name: t('statistics.export.pdfEn') })).toHaveAttribute(
    'href',
    new RegExp(`/statistics/networks/${networkId}/report\\.pdf\\?.*&lang=en$`),
  );
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: t('statistics.export.csv') }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('by_nationality');
  expect(csvText).not.toContain(namePrefix);
  for (const name of [ORG_NAME, orgB, orgC]) expect(csvText).not.toContain(name);

  // The current month is not over: a period that ends in it is refused next to its field.
  await page.getByLabel(t('statistics.filter.to')).fill(current);
  await page.getByRole('button', { name: t('statistics.filter.submit') }).click();
  await expect(page.getByText(t('field.month_not_over'))).toBeVisible();

  // The clinic's admin renames the network, then leaves it: the month shared stays, and she cannot join again.
  await signOut(page, t);
  await signInAdminInSpanish(page);
  await page.goto('/statistics/networks');
  const own = await networkCard(page, networkName);
  await own.getByRole('button', { name: `${t('networks.edit')} (${networkName})` }).click();
  const renamed = `${networkName} sur`;
  const rename = own.getByRole('form', { name: t('networks.edit.title', { name: networkName }) });
  await rename.getByLabel(t('networks.field.name')).fill(renamed);
  await rename.getByRole('button', { name: t('common.save') }).click();
  const after = await networkCard(page, renamed);
  await expect(after.getByText(t('networks.saved', { name: renamed }))).toBeVisible();
  await expect(after.getByRole('button', { name: `${t('networks.edit')} (${renamed})` })).toBeFocused();

  await after.getByRole('button', { name: `${t('networks.leave')} (${renamed})` }).click();
  const leaving = page.getByRole('alertdialog', { name: t('networks.leave.title', { name: renamed }) });
  await expect(leaving.getByText(t('networks.leave.final'))).toBeVisible();
  await leaving.getByRole('button', { name: t('networks.leave.confirm') }).click();
  await expect(leaving).toBeHidden();
  await expect(after.getByText(t('networks.left', { name: renamed }))).toBeVisible();
  await expect(after.getByRole('heading', { level: 2, name: renamed })).toBeFocused();
  await expect(
    after.getByText(t('networks.status.left', { since: monthName(last), until: monthName(last) })),
  ).toBeVisible();
  await expect(after.getByRole('button', { name: `${t('networks.join')} (${renamed})` })).toHaveCount(0);
  await expect(after.getByRole('link', { name: `${t('networks.figuresLink')} (${renamed})` })).toHaveCount(0);
  const rejoin = await page.request.post(`/api/v1/statistics/networks/${networkId}/join`, {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': await csrfOf(page) },
  });
  expect(rejoin.status()).toBe(409);
  expect(JSON.stringify(await rejoin.json())).toContain('left_network');
});

/** The CSRF token of the page's session. */
async function csrfOf(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/session');
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A month as the page writes it in Spanish ("noviembre de 2026"). */
function monthName(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('es-MX', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}
