/**
 * The service directory in Open Referral HSDS 3.0, in Spanish. A clinic's
 * coordinator downloads the directory (the CSV tables as a ZIP, and the JSON
 * page), then imports the official example service (with fresh ids) from a
 * JSON file: the progress bar ends full and she sees what was imported and
 * the warnings; the imported organization is now among her entries. Then she
 * imports, with the keyboard, a file with one good and one broken service:
 * every error is listed by document and path, and nothing changed. The
 * section has no serious axe violation and does not scroll sideways on a phone.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, chooseLanguage, unique } from './support/app.js';

const t = catalogue('es');
const EXAMPLE = path.resolve(import.meta.dirname, '../vendor/hsds-3.0/examples/service_full.json');

/** The official example service, every id in it replaced by a fresh one (its links kept). */
function exampleService(): Record<string, unknown> {
  const fresh = new Map<string, string>();
  const text = fs
    .readFileSync(EXAMPLE, 'utf8')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
      const known = fresh.get(id) ?? randomUUID();
      fresh.set(id, known);
      return known;
    });
  return JSON.parse(text) as Record<string, unknown>;
}

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value, null, 2)),
});

/** How many services the HSDS export holds (what she may see). */
async function exportedServices(page: Page): Promise<number> {
  const response = await page.request.get('/api/v1/directory/hsds/services');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total_items: number }).total_items;
}

/** Nothing scrolls sideways on a 360-pixel phone (then back to the desktop size). */
async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `horizontal scroll on ${label}`).toBeLessThanOrEqual(360);
  if (size) await page.setViewportSize(size);
}

test('a coordinator downloads the directory in HSDS 3.0 and imports a file; a file with errors changes nothing (es)', async ({
  page,
}) => {
  const run = unique();
  const coordinator = {
    displayName: `Coordinadora intercambio ${run}`,
    email: `hsds-coord-${run}@e2e.test`,
    role: 'coordinator',
    locale: 'es',
    password: `guayacan-intercambio-${run}-brisa-lenta`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, coordinator);
  await page.context().clearCookies();
  await apiSignIn(page.request, coordinator.email, coordinator.password);

  await page.goto('/directory/manage');
  await chooseLanguage(page, 'es');
  await expect(page.getByRole('heading', { level: 1, name: t('directory.manage.title') })).toBeVisible();
  const section = page.getByRole('region', { name: t('directory.exchange.title') });
  await expect(section.getByText(t('directory.exchange.allOrNothing', { max: 5000 }))).toBeVisible();

  // The CSV tables as a ZIP: one CSV per HSDS table and the data package.
  const zipDownload = page.waitForEvent('download');
  await section.getByRole('link', { name: t('directory.exchange.exportZip') }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toBe('senda-directorio-hsds.zip');
  const zipBytes = fs.readFileSync(await zip.path());
  expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  for (const name of ['services.csv', 'organizations.csv', 'locations.csv', 'datapackage.json'])
    expect(zipBytes.includes(Buffer.from(name)), name).toBe(true);

  // The JSON page.
  const jsonDownload = page.waitForEvent('download');
  await section.getByRole('link', { name: t('directory.exchange.exportJson') }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('senda-directorio-hsds.json');
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as { contents: unknown[] };
  expect(Array.isArray(exported.contents)).toBe(true);

  // She imports the official example service, renamed for this run.
  const orgName = `Organización importada ${run}`;
  const service = exampleService();
  service.name = `Consejería comunitaria ${run}`;
  (service.organization as Record<string, unknown>).name = orgName;
  const before = await exportedServices(page);
  const files = section.getByLabel(t('directory.exchange.files'));
  await files.setInputFiles(jsonFile('servicio-hsds.json', service));
  await section.getByRole('button', { name: t('directory.exchange.importSubmit'), exact: true }).click();
  await expect(section.getByRole('status')).toHaveText(t('directory.exchange.done'));
  const bar = section.getByRole('progressbar', { name: t('directory.exchange.progressLabel') });
  await expect(bar).toHaveJSProperty('position', 1);
  const summary = section.getByRole('heading', { name: t('directory.exchange.doneTitle') });
  await expect(summary).toBeFocused();
  const counts = section.locator('dl > div');
  await expect(counts.filter({ hasText: t('directory.exchange.count.services') }).locator('dd')).toHaveText(
    '1',
  );
  await expect(
    counts.filter({ hasText: t('directory.exchange.count.organizations') }).locator('dd'),
  ).toHaveText('1');
  const warnings = section.getByRole('table', { name: t('directory.exchange.warningsCaption') });
  await expect(
    warnings
      .getByRole('row')
      .filter({ hasText: t('directory.exchange.place.document', { n: 1 }) })
      .filter({ hasText: 'categories' })
      .filter({ hasText: t('directory.exchange.warning.defaulted') }),
  ).toBeVisible();
  expect(await exportedServices(page)).toBe(before + 1);
  // The directory was fetched again: the organization is among her entries.
  await expect(page.getByRole('list', { name: t('directory.manage.entries') })).toContainText(orgName);
  await expectFitsPhone(page, 'import summary');

  // A file with one good service and one broken one, chosen and sent with the keyboard.
  const good = exampleService();
  good.name = `Servicio que no debe guardarse ${run}`;
  const broken = { ...exampleService(), id: 42, status: 'bogus' };
  await files.setInputFiles(jsonFile('pagina-hsds.json', { total_items: 2, contents: [good, broken] }));
  const submit = section.getByRole('button', { name: t('directory.exchange.importSubmit'), exact: true });
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('heading', { name: t('directory.exchange.refusedTitle') })).toBeFocused();
  const errors = section.getByRole('list', { name: t('directory.exchange.errorsLabel') });
  await expect(
    errors
      .getByRole('listitem')
      .filter({ hasText: `${t('directory.exchange.place.document', { n: 2 })} · /status` }),
  ).toContainText(
    t('field.hsds_invalid', { rule: 'enum', detail: 'active|inactive|defunct|temporarily closed' }),
  );
  await expect(
    errors
      .getByRole('listitem')
      .filter({ hasText: `${t('directory.exchange.place.document', { n: 2 })} · /id` }),
  ).toBeVisible();
  await expect(errors.getByText(t('directory.exchange.place.document', { n: 1 }))).toHaveCount(0);
  await expect(section.getByRole('progressbar')).toHaveCount(0);
  await expect(section.getByText(t('directory.exchange.doneTitle'))).toHaveCount(0);
  // Nothing changed: not even the good service was written.
  expect(await exportedServices(page)).toBe(before + 1);
  const search = await page.request.get(
    `/api/v1/directory/services?q=${encodeURIComponent(String(good.name))}`,
  );
  expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);

  // The section with its errors: no serious axe violation, and nothing scrolls sideways on a phone.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  await expectFitsPhone(page, 'import errors');
});
