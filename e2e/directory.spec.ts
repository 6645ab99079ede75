/**
 * The service directory, in Spanish. A shelter's coordinator (another
 * organization, created with the CLI) records her organization's entry, a
 * confidential location — refused until it gives a contact path — and a
 * service offered there. A clinic's lawyer searches by need and state, finds
 * the service and sees "Ubicación confidencial" with the contact path, never
 * the address or the phone, on the results and on the service's page. The
 * coordinator names the lawyer (an unknown e-mail is refused first): the
 * lawyer now sees the address. The coordinator removes her again, after
 * confirming: the address is hidden once more. Last, the coordinator marks
 * the service full, then deletes it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateUser, apiSignIn, chooseLanguage, senda, unique } from './support/app.js';

const t = catalogue('es');
const ADDRESS = 'Calle de los Almendros 42';
const PHONE = '+52 962 555 0142';
const CONTACT = 'Canaliza por Senda o llama a la línea 800 123 4567';

/** A page of its own (cookies and all) for one person, signed in through the API. */
async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiSignIn(page.request, email, password);
  return page;
}

/** Organization prefixes are 2 to 6 capital letters. */
function letters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
}

/** Nothing of the sealed details is on the page (not even in hidden text). */
async function expectNoAddress(page: Page): Promise<void> {
  await expect(page.getByText(ADDRESS)).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(ADDRESS);
  expect(html).not.toContain(PHONE);
}

test('a shelter lists a confidential location; a clinic finds it and sees the address only once named (es)', async ({
  page,
  browser,
}) => {
  const run = unique();
  const shelterName = `Casa Refugio ${run}`;
  const serviceName = `Albergue temporal ${run}`;
  const locationName = `Casa Esperanza ${run}`;
  const coordinator = {
    email: `dir-coord-${run}@e2e.test`,
    name: `Coordinadora albergue ${run}`,
    password: `jacaranda-albergue-${run}-viento-suave`,
  };
  const lawyer = {
    displayName: `Abogada directorio ${run}`,
    email: `dir-lawyer-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-directorio-${run}-marea-alta`,
  };

  // The shelter is a second organization on Senda, with its coordinator (CLI); the lawyer is the clinic's.
  const prefix = `R${letters(4)}`;
  expect(senda('org', 'create', '--name', shelterName, '--prefix', prefix)).toContain('Organization created');
  senda(
    'user',
    'create',
    '--org',
    prefix,
    '--email',
    coordinator.email,
    '--name',
    coordinator.name,
    '--role',
    'coordinator',
    '--password',
    coordinator.password,
  );
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);

  // The coordinator records her organization's entry (its name comes from her organization).
  const coord = await signedInPage(browser, coordinator.email, coordinator.password);
  await coord.goto('/directory');
  await chooseLanguage(coord, 'es');
  await coord.getByRole('link', { name: t('directory.manage.link') }).click();
  await expect(coord.getByRole('heading', { level: 1, name: t('directory.manage.title') })).toBeFocused();
  await expect(coord.getByText(t('directory.manage.noOwnEntry'))).toBeVisible();
  await coord.getByRole('button', { name: t('directory.org.createOwn') }).click();
  const orgForm = coord.getByRole('form', { name: t('directory.org.createOwnTitle') });
  await expect(orgForm.getByRole('heading', { name: t('directory.org.createOwnTitle') })).toBeFocused();
  await expect(orgForm.getByLabel(t('directory.field.orgName'))).toHaveValue(shelterName);
  await orgForm
    .getByLabel(t('directory.field.orgDescription'))
    .fill('Albergue para mujeres y sus hijas e hijos');
  await orgForm.getByRole('button', { name: t('common.save') }).click();
  await expect(
    coord.getByRole('status').filter({ hasText: t('directory.org.created', { name: shelterName }) }),
  ).toBeVisible();
  const entry = coord.getByRole('region', { name: new RegExp(`^${shelterName}`) });
  await expect(entry.getByRole('heading', { level: 2 })).toBeFocused();

  // A confidential location: refused without the contact path everyone else is told.
  await entry.getByRole('button', { name: t('directory.location.add') }).click();
  const locationForm = entry.getByRole('form', { name: t('directory.location.addTitle') });
  await locationForm.getByLabel(t('directory.field.locationName')).fill(locationName);
  await locationForm.getByRole('checkbox', { name: t('directory.field.confidential') }).check();
  await locationForm.getByRole('button', { name: t('directory.location.addSubmit') }).click();
  await expect(locationForm.getByText(t('field.confidential_contact_required'))).toBeVisible();
  await expect(locationForm.getByLabel(t('directory.field.confidential_contact'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await locationForm.getByLabel(t('directory.field.confidential_contact')).fill(CONTACT);
  await locationForm.getByLabel(t('directory.field.address_1')).fill(ADDRESS);
  await locationForm.getByLabel(t('directory.field.city')).fill('Tapachula');
  await locationForm.getByLabel(t('directory.field.state_province'), { exact: true }).selectOption('07');
  await locationForm.getByLabel(t('directory.field.phone')).fill(PHONE);
  await locationForm.getByRole('button', { name: t('directory.location.addSubmit') }).click();
  await expect(
    coord.getByRole('status').filter({ hasText: t('directory.location.added', { name: locationName }) }),
  ).toBeVisible();
  await expect(entry.getByRole('button', { name: t('directory.location.add') })).toBeFocused();
  const place = entry.getByRole('article', { name: new RegExp(locationName) });
  await expect(place.getByText(ADDRESS)).toBeVisible();

  // A service offered there, in Chiapas, referred inside Senda.
  await entry.getByRole('button', { name: t('directory.service.add') }).click();
  const serviceForm = entry.getByRole('form', { name: t('directory.service.addTitle') });
  await serviceForm.getByLabel(t('directory.field.name')).fill(serviceName);
  await serviceForm.getByRole('checkbox', { name: t('enum.needDomain.shelter_housing') }).check();
  await serviceForm.getByRole('checkbox', { name: t('enum.genderIdentity.woman'), exact: true }).check();
  await serviceForm.getByRole('button', { name: t('directory.form.addArea') }).click();
  await serviceForm.getByLabel(t('directory.form.areaState', { n: 1 })).selectOption('07');
  await serviceForm
    .getByRole('checkbox', { name: t('directory.form.confidentialOption', { name: locationName }) })
    .check();
  await serviceForm.getByLabel(t('directory.field.availability'), { exact: true }).selectOption('limited');
  await serviceForm.getByLabel(t('directory.field.capacity_available')).fill('3');
  await serviceForm.getByRole('button', { name: t('directory.service.addSubmit') }).click();
  await expect(
    coord.getByRole('status').filter({ hasText: t('directory.service.added', { name: serviceName }) }),
  ).toBeVisible();
  await expect(entry.getByRole('article', { name: serviceName })).toBeVisible();

  // The clinic's lawyer searches by need and state: the location shows as confidential, without its address.
  await page.context().clearCookies();
  await apiSignIn(page.request, lawyer.email, lawyer.password);
  await page.goto('/cases');
  await chooseLanguage(page, 'es');
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('directory.nav') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('directory.title') })).toBeFocused();
  await expect(page.getByRole('link', { name: t('directory.manage.link') })).toHaveCount(0);
  const search = page.getByRole('search', { name: t('directory.search.region') });
  await expect(search.getByLabel(t('directory.search.municipality'))).toBeDisabled();
  await search.getByLabel(t('directory.search.need')).selectOption('shelter_housing');
  await search.getByLabel(t('directory.search.state')).selectOption('07');
  await search.getByRole('button', { name: t('directory.search.submit') }).click();
  await expect(page).toHaveURL(/need=shelter_housing/);
  await expect(page.getByRole('status').filter({ hasText: /servicios? encontrados?/ })).toBeVisible();
  const card = page.getByRole('article', { name: serviceName });
  await expect(card).toBeVisible();
  await expect(card.getByText(shelterName)).toBeVisible();
  await expect(card.getByText(t('directory.onSenda'))).toBeVisible();
  await expect(card.getByText(t('directory.location.confidential'))).toBeVisible();
  await expect(card.getByText(t('directory.location.contactPath', { contact: CONTACT }))).toBeVisible();
  await expect(card.getByText('Tapachula, Chiapas')).toBeVisible();
  await expect(card.getByText(t('directory.referral.senda'))).toBeVisible();
  await expectNoAddress(page);

  // Its page says the same.
  await card.getByRole('link', { name: serviceName }).click();
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeFocused();
  await expect(page.getByText(t('directory.location.hiddenNotice'))).toBeVisible();
  await expect(page.getByText(t('directory.location.contactPath', { contact: CONTACT }))).toBeVisible();
  await expectNoAddress(page);
  const serviceUrl = page.url();

  // The coordinator names the lawyer (an unknown e-mail is refused).
  const access = place.getByRole('region', { name: t('directory.access.title') });
  await expect(access.getByText(t('directory.access.none'))).toBeVisible();
  const email = access.getByLabel(t('directory.access.email'));
  await email.fill(`nadie-${run}@e2e.test`);
  await access.getByRole('button', { name: t('directory.access.grant') }).click();
  await expect(access.getByText(t('field.user_not_found'))).toBeVisible();
  await email.fill(lawyer.email);
  await access.getByRole('button', { name: t('directory.access.grant') }).click();
  await expect(coord.getByRole('status').filter({ hasText: lawyer.email })).toBeVisible();
  await expect(access.getByRole('listitem').filter({ hasText: `${lawyer.displayName} (` })).toBeVisible();

  // The lawyer now sees the address and the phone.
  await page.goto(serviceUrl);
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  await expect(page.getByText(ADDRESS)).toBeVisible();
  await expect(page.getByRole('link', { name: PHONE })).toBeVisible();
  await expect(page.getByText(t('directory.location.shownNotice'))).toBeVisible();

  // The coordinator removes her again, after confirming: the address is hidden once more.
  await access.getByRole('button', { name: `${t('common.remove')} (${lawyer.displayName})` }).click();
  const confirm = coord.getByRole('alertdialog', { name: t('directory.access.removeTitle') });
  await confirm.getByRole('button', { name: t('directory.access.remove') }).click();
  await expect(confirm).toBeHidden();
  await expect(
    coord
      .getByRole('status')
      .filter({ hasText: t('directory.access.removed', { name: lawyer.displayName }) }),
  ).toBeVisible();
  await expect(access.getByText(t('directory.access.none'))).toBeVisible();
  await page.reload();
  await expect(page.getByText(t('directory.location.hiddenNotice'))).toBeVisible();
  await expectNoAddress(page);

  // The shelter is full now: the coordinator changes the service; then she deletes it, after confirming.
  const item = entry.getByRole('article', { name: serviceName });
  await item.getByRole('button', { name: `${t('common.edit')} (${serviceName})` }).click();
  const editForm = entry.getByRole('form', { name: t('directory.service.editTitle', { name: serviceName }) });
  await expect(editForm.getByLabel(t('directory.field.capacity_available'))).toHaveValue('3');
  await editForm.getByLabel(t('directory.field.availability'), { exact: true }).selectOption('full');
  await editForm.getByLabel(t('directory.field.capacity_available')).fill('0');
  await editForm.getByRole('button', { name: t('common.save') }).click();
  await expect(
    coord.getByRole('status').filter({ hasText: t('directory.service.saved', { name: serviceName }) }),
  ).toBeVisible();
  await expect(item.getByText(t('enum.availability.full'))).toBeVisible();
  await expect(item.getByRole('button', { name: `${t('common.edit')} (${serviceName})` })).toBeFocused();
  await item.getByRole('button', { name: `${t('directory.delete')} (${serviceName})` }).click();
  const confirmDelete = coord.getByRole('alertdialog', { name: t('directory.service.deleteTitle') });
  await confirmDelete.getByRole('button', { name: t('directory.delete') }).click();
  await expect(
    coord.getByRole('status').filter({ hasText: t('directory.service.deleted', { name: serviceName }) }),
  ).toBeVisible();
  await expect(entry.getByText(t('directory.manage.noServices'))).toBeVisible();
  await expect(entry.getByRole('button', { name: t('directory.service.add') })).toBeFocused();
  await coord.context().close();
});
