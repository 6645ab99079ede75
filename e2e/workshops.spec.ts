/**
 * Workshops, in Spanish: a social worker records a community workshop on a
 * topic of her own ("other"), with the organization that co-facilitated it
 * and the people who came as rows of gender, age band, nationality and count
 * (the running total follows; two rows alike are refused on the second one),
 * attaches its programme, downloads it back, and finds the workshop in the
 * list filtered by its day and topic with the people it reached. axe finds no
 * serious or critical WCAG 2.1 AA violation on the list, the refused form and
 * the workshop's page, and none of them scrolls sideways on a 360-pixel phone.
 */
import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectFitsPhone, expectNoSeriousViolations } from './support/a11y.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { pdf } from './support/files.js';
import { apiCreateUser, apiSignIn, chooseLanguage, unique } from './support/app.js';

const t = catalogue('es');

test('a social worker records a workshop with its participants and programme, and finds it in the list (es)', async ({
  page,
}) => {
  const run = unique();
  const worker = {
    displayName: `Trabajadora social talleres ${run}`,
    email: `talleres-${run}@e2e.test`,
    role: 'social_worker',
    locale: 'es',
    password: `ceiba-taller-${run}-lluvia-fina`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, worker);
  await apiSignIn(page.request, worker.email, worker.password);
  await page.goto('/cases');
  await chooseLanguage(page, 'es');

  // "Talleres" in the navigation, then the list.
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.workshops') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('workshops.title') })).toBeVisible();
  await expectNoSeriousViolations(page, 'the workshop list');
  await expectFitsPhone(page, 'the workshop list');

  await page.getByRole('link', { name: t('workshops.new') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('workshops.newTitle') })).toBeFocused();
  const title = page.getByLabel(t('workshops.field.title'));
  await expect(title).toHaveAccessibleDescription(t('workshops.field.titleHint'));

  // Nothing filled in: the form says what is missing, on the fields.
  await page.getByRole('button', { name: t('workshops.form.submit') }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  const row1 = page.getByRole('group', { name: t('workshops.participants.row', { n: 1 }) });
  await expect(row1.getByLabel(t('workshops.participants.count'))).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(t('form.fixErrors'))).toBeVisible();
  await expectNoSeriousViolations(page, 'the refused workshop form');
  await expectFitsPhone(page, 'the workshop form');

  const workshopTitle = `Autocuidado entre compañeras ${run}`;
  await title.fill(workshopTitle);
  await page.getByLabel(t('workshops.field.heldOn')).fill('2026-02-14');
  await page.getByLabel(t('workshops.field.topic')).selectOption('other');
  await page.getByLabel(t('workshops.field.state')).selectOption('07');
  await page.getByLabel(t('workshops.field.municipality')).fill('Tapachula');
  await page.getByRole('button', { name: t('workshops.field.addCoFacilitator') }).click();
  const coFacilitator = page.getByLabel(t('workshops.field.coFacilitator', { n: 1 }));
  await expect(coFacilitator).toBeFocused();
  await coFacilitator.fill('Casa Refugio');

  // Who came: two rows, the total follows as they are typed.
  await row1.getByLabel(t('workshops.participants.gender')).selectOption('woman');
  await row1.getByLabel(t('workshops.participants.ageBand')).selectOption('age_18_29');
  await row1.getByLabel(t('workshops.participants.nationality')).selectOption('HN');
  await row1.getByLabel(t('workshops.participants.count')).fill('12');
  const total = page.getByRole('status').filter({ hasText: /^Total/ });
  await expect(total).toHaveText('Total: 12 personas');
  const addRow = page.getByRole('button', { name: t('workshops.participants.add') });
  await addRow.click();
  const row2 = page.getByRole('group', { name: t('workshops.participants.row', { n: 2 }) });
  await expect(row2.getByLabel(t('workshops.participants.gender'))).toBeFocused();
  await row2.getByLabel(t('workshops.participants.gender')).selectOption('woman');
  await row2.getByLabel(t('workshops.participants.ageBand')).selectOption('age_30_44');
  await row2.getByLabel(t('workshops.participants.nationality')).selectOption('HT');
  await row2.getByLabel(t('workshops.participants.count')).fill('5');
  await expect(total).toHaveText('Total: 17 personas');

  // A third row like the first, and no words for the topic "other".
  await addRow.click();
  const row3 = page.getByRole('group', { name: t('workshops.participants.row', { n: 3 }) });
  await row3.getByLabel(t('workshops.participants.gender')).selectOption('woman');
  await row3.getByLabel(t('workshops.participants.ageBand')).selectOption('age_18_29');
  await row3.getByLabel(t('workshops.participants.nationality')).selectOption('HN');
  await row3.getByLabel(t('workshops.participants.count')).fill('1');
  await expect(total).toHaveText('Total: 18 personas');
  // Refused on that row, and the other topic is asked for.
  await page.getByRole('button', { name: t('workshops.form.submit') }).click();
  await expect(row3).toHaveAccessibleDescription(t('field.duplicate_participant_row'));
  const otherTopic = page.getByLabel(t('workshops.field.otherTopic'));
  await expect(otherTopic).toHaveAccessibleDescription(t('field.other_topic_required'));
  await otherTopic.fill('Autocuidado');
  await row3
    .getByRole('button', { name: `${t('common.remove')} (${t('workshops.participants.row', { n: 3 })})` })
    .click();
  await expect(row3).toHaveCount(0);
  await expect(total).toHaveText('Total: 17 personas');

  await page.getByRole('button', { name: t('workshops.form.submit') }).click();
  await expect(page.getByRole('heading', { level: 1, name: workshopTitle })).toBeVisible();
  const people = page.getByRole('table', { name: t('workshops.participants.caption') });
  await expect(people.getByRole('row')).toHaveCount(4);
  await expect(people.getByRole('row', { name: /Total/ })).toContainText('17');
  await expect(page.getByText('Casa Refugio')).toBeVisible();
  await expect(page.getByText(`${t('enum.workshopTopic.other')}: Autocuidado`)).toBeVisible();

  // Its programme, attached and downloaded back byte for byte.
  const materials = page.getByRole('region', { name: t('workshops.materials.title') });
  await expect(materials.getByText(t('workshops.materials.none'))).toBeVisible();
  const programme = pdf(`Programa ${run}`);
  await materials
    .getByLabel(t('workshops.materials.file'))
    .setInputFiles({ name: 'programa.pdf', mimeType: 'application/pdf', buffer: programme });
  await materials.getByRole('button', { name: t('workshops.materials.add') }).click();
  await expect(
    materials
      .getByRole('status')
      .filter({ hasText: t('workshops.materials.added', { name: 'programa.pdf' }) }),
  ).toBeVisible();
  const download = materials.getByRole('link', { name: `${t('documents.download')} (programa.pdf)` });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('programa.pdf');
  expect(Buffer.compare(await fs.readFile(await file.path()), programme)).toBe(0);
  await expectNoSeriousViolations(page, 'the workshop page');
  await expectFitsPhone(page, 'the workshop page');

  // Listed, and counted, for its day and topic.
  await page.getByRole('link', { name: t('workshops.back') }).click();
  const filters = page.getByRole('search', { name: t('workshops.filter.label') });
  await filters.getByLabel(t('workshops.filter.from')).fill('2026-02-14');
  await filters.getByLabel(t('workshops.filter.to')).fill('2026-02-14');
  await filters.getByLabel(t('workshops.field.topic')).selectOption('other');
  await filters.getByRole('button', { name: t('workshops.filter.apply') }).click();
  await expect(page).toHaveURL(/topic=other/);
  const list = page.getByRole('list', { name: t('workshops.listLabel') });
  await expect(list.getByRole('link', { name: workshopTitle })).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: workshopTitle })).toContainText(
    '17 personas alcanzadas · 1 material',
  );
  const reached = page.getByRole('definition').filter({ hasText: /^\d+$/ });
  await expect(reached).toHaveText(['1', '17']);
});
