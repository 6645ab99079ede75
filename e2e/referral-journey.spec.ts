/**
 * A closed-loop referral across two organizations, in Spanish, through the
 * interface. A clinic lawyer opens a woman's case (she is in Tapachula with
 * her daughter, and agreed to share her identity and her family with a
 * shelter), follows "Canalizar" on her shelter need, sees the shelter's
 * service among the services that fit her — and why —, shares her identity
 * only (her contact details cannot be chosen: she did not consent to them)
 * and sends it. The shelter's partner user signs in, finds the referral in
 * the inbox by its code, sees her name but not her phone nor her daughter,
 * accepts it and records the service given. The lawyer sees the outcome and
 * the shelter's steps in the thread. Last, a referral to an organization
 * outside Senda prints a letter in her language (Haitian Creole) with what
 * she agreed to share and nothing else.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiReferral } from './support/referrals.js';
import {
  apiCreateCase,
  apiCreateUser,
  apiSignIn,
  apiUploadDocument,
  chooseLanguage,
  senda,
  signIn,
  unique,
} from './support/app.js';

const t = catalogue('es');
const PHONE = '+52 962 444 1212';
const DAUGHTER = 'Lucía';

function letters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
}

/** Two days ago: a consent's day may not be in the future in any time zone. */
const recentDay = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function post(page: Page, csrf: string, path: string, data: unknown): Promise<Record<string, unknown>> {
  const response = await page.request.post(`/api/v1${path}`, {
    data,
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrf },
  });
  expect(response.status(), `POST ${path}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

test('a clinic refers her to a shelter with a limited scope; the shelter accepts and completes; the clinic sees the outcome (es)', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const run = unique();
  const shelterName = `Casa Refugio Senda ${run}`;
  const serviceName = `Albergue con hijas e hijos ${run}`;
  const password = `guayacan-albergue-${run}-brisa-lenta`;
  const partner = { email: `ref-partner-${run}@e2e.test`, name: `Aliada albergue ${run}` };
  const coordinator = { email: `ref-coord-${run}@e2e.test`, name: `Coordinadora albergue ${run}` };
  const lawyer = {
    displayName: `Abogada canalización ${run}`,
    email: `ref-lawyer-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-canaliza-${run}-luna-llena`,
  };

  // The shelter is another organization on Senda (CLI), with a coordinator and a partner user.
  const prefix = `S${letters(4)}`;
  expect(senda('org', 'create', '--name', shelterName, '--prefix', prefix)).toContain('Organization created');
  for (const [who, role] of [
    [coordinator, 'coordinator'],
    [partner, 'partner'],
  ] as const)
    senda(
      'user',
      'create',
      '--org',
      prefix,
      '--email',
      who.email,
      '--name',
      who.name,
      '--role',
      role,
      '--password',
      password,
    );

  // Its coordinator lists the shelter's service, referred inside Senda.
  const coord = await freshPage(browser);
  const coordCsrf = await apiSignIn(coord.request, coordinator.email, password);
  const entry = await coord.request.put('/api/v1/directory/own-organization', {
    data: { name: shelterName },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': coordCsrf },
  });
  expect(entry.status()).toBe(200);
  const ownEntry = (await entry.json()) as { id: string };
  await post(coord, coordCsrf, `/directory/organizations/${ownEntry.id}/services`, {
    name: serviceName,
    categories: ['shelter_housing'],
    genders: ['woman'],
    minimum_age: 18,
    accepts_children: true,
    languages: ['es'],
    service_areas: [{ state: '07', municipality: 'Tapachula' }],
    referral_method: 'senda',
    availability: 'available',
  });

  // The clinic: a lawyer, her case (with a daughter), a shelter need, and her consent to share identity and family.
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  const lawyerPage = await freshPage(browser);
  const lawyerCsrf = await apiSignIn(lawyerPage.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(lawyerPage.request, lawyerCsrf, {
    givenNames: `Rosa ${run}`,
    familyNames: 'Martínez',
    birthDate: '1993-05-02',
    nationalities: ['HN'],
    languages: ['es'],
    state: '07',
    municipality: 'Tapachula',
    contactMethod: 'phone',
    contactDetails: PHONE,
    familyMembers: [{ relationship: 'daughter', givenNames: DAUGHTER, estimatedAge: 5, sex: 'female' }],
  });
  await post(lawyerPage, lawyerCsrf, `/cases/${created.id}/needs`, {
    domain: 'shelter_housing',
    priority: 'urgent',
    identifiedOn: recentDay(),
  });
  await post(lawyerPage, lawyerCsrf, `/cases/${created.id}/consents`, {
    purpose: 'referral_sharing',
    recipient: shelterName,
    scope: ['identity', 'family'],
    method: 'verbal_witnessed',
    witnessName: 'Ana López',
    givenOn: recentDay(),
  });

  // The lawyer refers her from the need, through the interface.
  await lawyerPage.goto(`/cases/${created.id}`);
  await chooseLanguage(lawyerPage, 'es');
  await lawyerPage
    .getByRole('link', { name: t('referrals.referNeed') })
    .first()
    .click();
  const match = lawyerPage.getByRole('article', { name: new RegExp(serviceName) });
  await expect(match.getByRole('paragraph').filter({ hasText: t('referrals.matches.fits') })).toBeVisible();
  // Why: she comes with her daughter, and this shelter takes children (the catalogue's plural, for one).
  await expect(match.getByRole('listitem').filter({ hasText: 'Llega con 1 niña o niño' })).toBeVisible();
  await expect(match.getByText(t('referrals.matches.consentHolds'))).toBeVisible();
  await match.getByRole('button', { name: t('referrals.matches.choose') }).click();
  const form = lawyerPage.getByRole('region', { name: t('referrals.form.title', { service: serviceName }) });
  await expect(form.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(form.getByRole('checkbox', { name: t('enum.referralShare.contact_details') })).toBeDisabled();
  await form.getByRole('checkbox', { name: t('enum.referralShare.identity') }).check();
  await form.getByLabel(t('referrals.field.message')).fill('Llega esta tarde; necesita un lugar seguro hoy.');
  await form.getByRole('button', { name: t('referrals.form.send') }).click();
  await expect(lawyerPage).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
  await expect(
    lawyerPage
      .getByRole('paragraph')
      .filter({ hasText: t('enum.referralState.sent') })
      .first(),
  ).toBeVisible();
  const heading = await lawyerPage.getByRole('heading', { level: 1 }).textContent();
  const code = /R-[0-9A-Z]{8}/.exec(heading ?? '')?.[0];
  expect(code, heading ?? '').toBeTruthy();

  // The shelter's partner user signs in and finds it in the inbox, by its code only.
  const shelter = await freshPage(browser);
  await shelter.goto('/');
  await chooseLanguage(shelter, 'es');
  await signIn(shelter, t, partner.email, password);
  await shelter.getByRole('link', { name: t('layout.nav.referrals') }).click();
  await shelter.getByRole('link', { name: code ?? '' }).click();
  await expect(shelter.getByText(`Rosa ${run}`)).toBeVisible();
  await expect(shelter.getByText('Llega esta tarde; necesita un lugar seguro hoy.')).toBeVisible();
  const html = await shelter.content();
  expect(html).not.toContain(PHONE);
  expect(html).not.toContain(DAUGHTER);
  expect(html).not.toContain(created.code);

  await shelter.getByRole('button', { name: t('referrals.act.accept'), exact: true }).click();
  await shelter.getByRole('button', { name: t('referrals.act.acceptSubmit') }).click();
  await expect(
    shelter
      .getByRole('paragraph')
      .filter({ hasText: t('enum.referralState.accepted') })
      .first(),
  ).toBeVisible();
  await shelter.getByRole('button', { name: t('referrals.act.complete'), exact: true }).click();
  await shelter.getByRole('radio', { name: t('enum.referralOutcome.given') }).check();
  await shelter.getByLabel(t('referrals.field.comment')).fill('Ingresó con su hija.');
  await shelter.getByRole('button', { name: t('referrals.act.completeSubmit') }).click();
  await expect(
    shelter
      .getByRole('paragraph')
      .filter({ hasText: t('enum.referralState.completed') })
      .first(),
  ).toBeVisible();

  // The clinic sees the loop closed: the outcome, and who did what.
  await lawyerPage.reload();
  await expect(
    lawyerPage
      .getByRole('paragraph')
      .filter({ hasText: t('enum.referralState.completed') })
      .first(),
  ).toBeVisible();
  await expect(lawyerPage.getByText('Ingresó con su hija.')).toBeVisible();
  await expect(lawyerPage.getByText(shelterName).first()).toBeVisible();
});

test('a referral outside Senda prints a letter in her language with only what she agreed to share (ht)', async ({
  browser,
}) => {
  const run = unique();
  const ht = catalogue('ht');
  const page = await freshPage(browser);
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  const coordinator = {
    displayName: `Coordinadora carta ${run}`,
    email: `ref-letter-${run}@e2e.test`,
    role: 'coordinator',
    locale: 'es',
    password: `palo-verde-carta-${run}-rio-claro`,
  };
  await apiCreateUser(page.request, adminCsrf, coordinator);
  const csrf = await apiSignIn(page.request, coordinator.email, coordinator.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: `Nadège ${run}`,
    familyNames: 'Joseph',
    nationalities: ['HT'],
    languages: ['ht', 'fr'],
    state: '07',
    municipality: 'Tapachula',
    contactMethod: 'phone',
    contactDetails: PHONE,
    familyMembers: [{ relationship: 'daughter', givenNames: DAUGHTER, estimatedAge: 4, sex: 'female' }],
  });
  await apiUploadDocument(
    page.request,
    csrf,
    created.id,
    { kind: 'identity', description: 'Pasaporte' },
    { name: 'pasaporte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
  );
  // An organization outside Senda; she agreed to share her identity, family, needs, accounts and documents — not her phone.
  const referral = await apiReferral(page, created.id);
  await page.goto(`/referrals/${referral.referralId}`);
  await chooseLanguage(page, 'es');
  await page.getByRole('link', { name: t('referrals.letter.open') }).click();
  const letter = page.getByRole('article', { name: ht('referrals.letter.title') });
  await expect(letter).toHaveAttribute('lang', 'ht');
  await expect(letter.getByText(`Nadège ${run}`)).toBeVisible();
  await expect(letter.getByText(DAUGHTER)).toBeVisible();
  await expect(
    letter.getByText(ht('referrals.letter.consent', { organization: referral.organization })),
  ).toBeVisible();
  expect(await letter.innerText()).not.toContain(PHONE);
  expect(await page.content()).not.toContain(created.code);
});
