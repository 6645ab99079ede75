/**
 * Accessibility: axe-core finds no serious or critical WCAG 2.1 AA violation
 * on the main pages (the account page also with a new calendar link and the
 * dialog before replacing it; the case page also with its violence history's
 * form open and refused, with a document and the upload form refused, and
 * with the closure request form refused; the "My work" page, the directory
 * and its entries page — with a service form refused — too; the referral
 * pages: both boxes, the services that fit her and the referral form, one
 * referral with its decline form refused, and its letter);
 * nothing scrolls sideways on a 360-pixel phone;
 * and the case search can be reached and used with the keyboard alone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import {
  apiAddIncident,
  apiAddProcedure,
  apiCreateCase,
  apiSignIn,
  apiUploadDocument,
} from './support/app.js';
import { pdf } from './support/files.js';
import { apiReferral, type ReferralSetUp } from './support/referrals.js';

const t = catalogue('es');

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `horizontal scroll on ${label}`).toBeLessThanOrEqual(360);
}

/** A case to look at, created through the API with the page's own session. */
async function setUp(page: Page): Promise<string> {
  const csrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Guadalupe Esperanza',
    familyNames: 'Hernández Ruiz',
    nationalities: ['HT', 'DO'],
    languages: ['ht', 'fr', 'es'],
    state: '07',
    entryPlace: 'Ciudad Hidalgo',
    familyMembers: [
      { relationship: 'son', givenNames: 'Jean', familyNames: 'Hernández', estimatedAge: 4, sex: 'male' },
    ],
  });
  // A procedure with deadlines (open, met, late), for the case page and the Deadlines page.
  await apiAddProcedure(page.request, csrf, created.id, 'Solicitud inicial', [
    { type: 'entry', date: '2026-01-05', details: { place: 'Ciudad Hidalgo' } },
    { type: 'application_filed', date: '2026-03-02', details: { filedBy: 'representative', state: '07' } },
    { type: 'decision_notified', date: '2026-04-01', details: { outcome: 'negative' } },
  ]);
  // Her violence history, so that its summary, cards and flags are on the case page.
  await apiAddIncident(page.request, csrf, created.id, {
    from: '2025-10',
    to: '2025-12-20',
    phase: 'mexico',
    state: '07',
    types: ['psychological', 'physical'],
    modality: 'institutional',
    gbvType: 'physical_assault',
    perpetrator: 'police',
    perpetratorCount: 2,
    reported: 'yes',
    reportedTo: ['human_rights_commission', 'organization'],
    reportedToDetail: 'Visitaduría de Tapachula',
    narrative: 'Relato de prueba para la revisión de accesibilidad.',
  });
  // A document, so that its card, download link and delete button are on the case page.
  await apiUploadDocument(
    page.request,
    csrf,
    created.id,
    { kind: 'identity', documentDate: '2024-06-12', description: 'Pasaporte de Haití, páginas 1 y 2' },
    {
      name: 'pasaporte-escaneado-con-un-nombre-de-archivo-largo.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('Pasaporte'),
    },
  );
  // A directory entry with a confidential location and a service, so that the directory shows a card.
  await apiDirectoryService(page, csrf);
  return created.id;
}

/** Her organization's directory entry (PUT: the same each time), a confidential location and a service there. */
async function apiDirectoryService(page: Page, csrf: string): Promise<void> {
  const headers = { Origin: BASE_URL, 'X-CSRF-Token': csrf };
  const session = (await (await page.request.get('/api/v1/session')).json()) as {
    organization: { name: string };
  };
  const entry = await page.request.put('/api/v1/directory/own-organization', {
    data: { name: session.organization.name, description: 'Asesoría legal para mujeres migrantes' },
    headers,
  });
  expect(entry.status()).toBe(200);
  const { id } = (await entry.json()) as { id: string };
  const location = await page.request.post(`/api/v1/directory/organizations/${id}/locations`, {
    data: {
      name: 'Casa de acogida con un nombre bastante largo',
      address_1: 'Avenida Central Poniente número 1234, interior 5',
      city: 'Tapachula de Córdova y Ordóñez',
      state_province: '07',
      phone: '+52 962 000 0000',
      confidential: true,
      confidential_contact: 'Canaliza por Senda o llama a la línea de atención 800 000 0000',
    },
    headers,
  });
  expect(location.status()).toBe(201);
  const locationId = ((await location.json()) as { id: string }).id;
  const service = await page.request.post(`/api/v1/directory/organizations/${id}/services`, {
    data: {
      name: 'Acompañamiento legal en la solicitud de la condición de refugiada',
      categories: ['legal', 'documentation'],
      genders: ['woman', 'trans_woman'],
      minimum_age: 18,
      nationalities: ['HT', 'HN', 'VE'],
      required_documents: ['Constancia de la COMAR', 'CURP temporal'],
      languages: ['es', 'ht', 'fr'],
      free: true,
      service_areas: [{ state: '07', municipality: 'Tapachula' }, { state: '30' }],
      referral_method: 'email',
      referral_email: 'canalizaciones-con-una-direccion-larga@clinica.e2e.test',
      availability: 'limited',
      capacity_available: 4,
      alert: 'Cerrado del 24 al 26 de diciembre',
      location_ids: [locationId],
    },
    headers,
  });
  expect(service.status()).toBe(201);
}

/** Her calendar feed link, freshly created on the account page (any previous one is revoked first). */
async function showNewFeedUrl(page: Page): Promise<void> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
  const revoked = await page.request.delete('/api/v1/session/calendar-feed', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': session.csrfToken },
  });
  expect(revoked.status()).toBe(204);
  await page.goto('/account');
  const feed = page.getByRole('region', { name: t('account.feed.title') });
  await feed.getByRole('button', { name: t('account.feed.create') }).click();
  await expect(feed.getByRole('textbox', { name: t('account.feed.url') })).toBeFocused();
}

/** The case page's incident form, submitted empty (refused), with the GBVIMS definitions open. */
async function openIncidentForm(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: t('incidents.title'), exact: true });
  await expect(section.getByRole('region', { name: t('incidents.summary.title') })).toBeVisible();
  await section.getByRole('button', { name: t('incidents.add') }).click();
  const form = section.getByRole('form', { name: t('incidents.addTitle') });
  await form.getByRole('button', { name: t('incidents.addSubmit') }).click();
  await expect(form.getByLabel(t('incidents.field.from'))).toHaveAttribute('aria-invalid', 'true');
  await form.getByText(t('incidents.gbvDefinitions')).click();
  await expect(form.getByText(t('incidents.gbvDefinition.denial_of_resources'))).toBeVisible();
}

/** The case page's document upload form, submitted empty (refused). */
async function openDocumentForm(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: t('documents.title'), exact: true });
  await expect(section.getByRole('list', { name: t('documents.listLabel') })).toBeVisible();
  await section.getByRole('button', { name: t('documents.add') }).click();
  const form = section.getByRole('form', { name: t('documents.addTitle') });
  await form.getByRole('button', { name: t('documents.addSubmit') }).click();
  await expect(form.getByLabel(t('documents.field.file'))).toHaveAttribute('aria-invalid', 'true');
}

/** The case page's risk assessment and consent forms, submitted empty (refused). */
async function openCareForms(page: Page): Promise<void> {
  const risk = page.getByRole('region', { name: t('risk.title'), exact: true });
  await risk.getByRole('button', { name: t('risk.add') }).click();
  const riskForm = risk.getByRole('form', { name: t('risk.addTitle') });
  await riskForm.getByRole('button', { name: t('risk.addSubmit') }).click();
  await expect(riskForm.getByText(t('form.fixErrors'))).toBeVisible();
  const consents = page.getByRole('region', { name: t('consents.title'), exact: true });
  await consents.getByRole('button', { name: t('consents.add') }).click();
  const consentForm = consents.getByRole('form', { name: t('consents.addTitle') });
  await consentForm.getByRole('button', { name: t('consents.addSubmit') }).click();
  await expect(consentForm.getByLabel(t('consents.field.purpose'))).toHaveAttribute('aria-invalid', 'true');
}

/** The case page's closure request form, submitted empty (refused: no reason, checklist unconfirmed). */
async function openClosureForm(page: Page): Promise<void> {
  const section = page.getByRole('region', { name: t('supervision.title'), exact: true });
  await section.getByRole('button', { name: t('supervision.closure.ask') }).click();
  const form = section.getByRole('form', { name: t('supervision.closure.formTitle') });
  await form.getByRole('button', { name: t('supervision.closure.submit') }).click();
  await expect(form.getByLabel(t('case.field.closureReason'), { exact: false })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
}

/** The revisión rule's form on the rules page, with its legal basis emptied and submitted (refused). */
async function openRuleForm(page: Page): Promise<void> {
  await page.goto('/admin/deadline-rules');
  const rule = page.getByRole('article', { name: t('enum.rule.revision'), exact: true });
  await rule.getByRole('button', { name: t('rules.edit') }).click();
  const form = page.getByRole('form', { name: t('rules.editTitle', { rule: t('enum.rule.revision') }) });
  await form.getByLabel(t('rules.field.legalBasis')).fill('');
  await form.getByRole('button', { name: t('rules.save') }).click();
  await expect(form.getByLabel(t('rules.field.legalBasis'))).toHaveAttribute('aria-invalid', 'true');
}

/** The directory's service form on "Our directory entries", submitted empty (refused). */
async function openServiceForm(page: Page): Promise<void> {
  const session = (await (await page.request.get('/api/v1/session')).json()) as {
    csrfToken: string;
    organization: { name: string };
  };
  const saved = await page.request.put('/api/v1/directory/own-organization', {
    data: { name: session.organization.name },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': session.csrfToken },
  });
  expect(saved.status()).toBe(200);
  await page.goto('/directory/manage');
  await page.getByRole('button', { name: t('directory.service.add') }).click();
  const form = page.getByRole('form', { name: t('directory.service.addTitle') });
  await form.getByRole('button', { name: t('directory.service.addSubmit') }).click();
  await expect(form.getByLabel(t('directory.field.name'))).toHaveAttribute('aria-invalid', 'true');
}

const pages = (caseId: string) =>
  [
    { label: 'case list', path: '/cases', heading: t('cases.list.title') },
    { label: 'intake form', path: '/cases/new', heading: t('intake.title') },
    { label: 'case page', path: `/cases/${caseId}`, heading: 'Guadalupe Esperanza Hernández Ruiz' },
    { label: 'deadlines page', path: '/deadlines', heading: t('deadlines.title') },
    { label: 'notifications page', path: '/notifications', heading: t('notifications.title') },
    { label: 'my work page', path: '/my-work', heading: t('work.title') },
    { label: 'directory', path: '/directory', heading: t('directory.title') },
    { label: 'directory entries page', path: '/directory/manage', heading: t('directory.manage.title') },
    { label: 'users page', path: '/admin/users', heading: t('users.title') },
    { label: 'calendar page', path: '/admin/calendar', heading: t('calendar.title') },
    { label: 'deadline rules page', path: '/admin/deadline-rules', heading: t('rules.title') },
    { label: 'account page', path: '/account', heading: t('account.title') },
  ] as const;

const referralPages = (caseId: string, r: ReferralSetUp) => {
  const refer = t('referrals.refer.title', { need: t('enum.needDomain.legal') });
  return [
    { label: 'received referrals', path: '/referrals', heading: t('referrals.title') },
    { label: 'sent referrals', path: '/referrals?box=sent&all=true', heading: t('referrals.title') },
    { label: 'services that fit her', path: `/cases/${caseId}/refer?needId=${r.needId}`, heading: refer },
    {
      label: 'referral form',
      path: `/cases/${caseId}/refer?needId=${r.needId}&serviceId=${r.serviceId}`,
      heading: refer,
    },
    {
      label: 'referral page',
      path: `/referrals/${r.referralId}`,
      heading: t('referrals.page.title', { code: r.code }),
    },
    {
      label: 'referral letter',
      path: `/referrals/${r.referralId}/letter`,
      heading: t('referrals.letter.pageTitle', { code: r.code }),
    },
  ] as const;
};

/** The referral's decline form (the sender records the answer of an organization outside Senda), refused. */
async function openDeclineForm(page: Page, r: ReferralSetUp): Promise<void> {
  await page.goto(`/referrals/${r.referralId}`);
  const actions = page.getByRole('region', { name: t('referrals.act.title') });
  await actions.getByRole('button', { name: t('referrals.act.decline'), exact: true }).click();
  const form = actions.getByRole('form', { name: t('referrals.act.decline') });
  await form.getByRole('button', { name: t('referrals.act.declineSubmit') }).click();
  await expect(form.getByLabel(t('referrals.field.declineReason'), { exact: false })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
}

test('sign-in page: no serious axe violations, no sideways scroll on a phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in');
  // Errors shown on the form are checked too.
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expect(page.getByLabel(t('signIn.email'))).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'sign-in with errors');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page, 'sign-in');
});

test('signed-in pages: no serious axe violations', async ({ page }) => {
  const caseId = await setUp(page);
  for (const p of pages(caseId)) {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(p.heading);
    await expect(page.getByText(t('common.loading'))).toHaveCount(0);
    await expectNoSeriousViolations(page, p.label);
  }
});

test('signed-in forms with their errors showing: no serious axe violations', async ({ page }) => {
  const caseId = await setUp(page);
  // The case page with a deadline's explanation open and the act form's errors showing.
  await page.goto(`/cases/${caseId}`);
  await page
    .getByRole('button', { name: t('deadline.showExplanation') })
    .first()
    .click();
  const actForm = page.getByRole('form', { name: t('procedure.event.addTitle') });
  await actForm.getByRole('button', { name: t('procedure.event.submit') }).click();
  await expect(actForm.getByLabel(t('procedure.event.date'))).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'case page with explanation and act form errors');
  // The violence history's form open, with its errors showing and the GBVIMS definitions open.
  await openIncidentForm(page);
  await expectNoSeriousViolations(page, 'case page with the incident form and its errors');
  // The document upload form open, with its errors showing.
  await openDocumentForm(page);
  await expectNoSeriousViolations(page, 'case page with the document upload form and its errors');
  // The risk assessment and consent forms open, with their errors showing.
  await openCareForms(page);
  await expectNoSeriousViolations(page, 'case page with the risk and consent forms and their errors');
  // The closure request form open, with its errors showing.
  await openClosureForm(page);
  await expectNoSeriousViolations(page, 'case page with the closure request form and its errors');
  // The intake form with its error messages showing.
  await page.goto('/cases/new');
  await page.getByRole('button', { name: t('intake.submit') }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'intake form with errors');
  // The account page with its field errors showing.
  await page.goto('/account');
  await page.getByRole('button', { name: t('account.password.submit') }).click();
  await expect(page.getByLabel(t('account.password.current'))).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'account page with errors');
  // The account page with a new calendar link showing, then the dialog that warns before replacing it.
  await showNewFeedUrl(page);
  await expectNoSeriousViolations(page, 'account page with a new calendar link');
  await page.getByRole('button', { name: t('account.feed.replace') }).click();
  const replace = page.getByRole('alertdialog', { name: t('account.feed.replaceTitle') });
  await expect(replace).toBeVisible();
  await expectNoSeriousViolations(page, 'calendar link replace dialog');
  await replace.getByRole('button', { name: t('common.cancel') }).click();
  await expect(replace).toBeHidden();
  // A deadline rule's form open, with a field error showing (nothing is saved).
  await openRuleForm(page);
  await expectNoSeriousViolations(page, 'deadline rule form with errors');
  // The directory's service form open, with its errors showing.
  await openServiceForm(page);
  await expectNoSeriousViolations(page, 'directory service form with errors');
});

test('referral pages: no serious axe violations', async ({ page }) => {
  const caseId = await setUp(page);
  // Both boxes, the services that fit her and the form, a referral with its decline form refused, its letter.
  const referral = await apiReferral(page, caseId);
  for (const p of referralPages(caseId, referral)) {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(p.heading);
    await expect(page.getByText(t('common.loading'))).toHaveCount(0);
    await expectNoSeriousViolations(page, p.label);
  }
  await openDeclineForm(page, referral);
  await expectNoSeriousViolations(page, 'referral decline form with errors');
});

test('idle warning dialog: no serious axe violations, keyboard stays inside', async ({ page }) => {
  await page.clock.install();
  await setUp(page);
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();
  // A late answer would restart the idle clock: let the page's requests finish first.
  await page.waitForLoadState('networkidle');
  await page.clock.fastForward('28:30');
  const dialog = page.getByRole('alertdialog', { name: t('idle.title') });
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(page, 'idle warning dialog');
  // The focus is trapped in the dialog.
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('signed-in pages fit a 360-pixel phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const caseId = await setUp(page);
  for (const p of pages(caseId)) {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(p.heading);
    await expect(page.getByText(t('common.loading'))).toHaveCount(0);
    await expectNoHorizontalScroll(page, p.label);
  }
  // The deadlines, as cards too.
  await page.goto('/deadlines?includeClosed=true');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('list', { name: t('deadlines.tableCaption') })).toBeVisible();
  await expectNoHorizontalScroll(page, 'deadlines with closed ones');
  // The account page with a (long) calendar link showing.
  await showNewFeedUrl(page);
  await expectNoHorizontalScroll(page, 'account page with a new calendar link');
  // The case page with the incident form open, on the phone.
  await page.goto(`/cases/${caseId}`);
  await openIncidentForm(page);
  await expectNoHorizontalScroll(page, 'case page with the incident form');
  await openDocumentForm(page);
  await expectNoHorizontalScroll(page, 'case page with the document upload form');
  await openClosureForm(page);
  await expectNoHorizontalScroll(page, 'case page with the closure request form');
  // A deadline rule's form, open on the phone.
  await openRuleForm(page);
  await expectNoHorizontalScroll(page, 'deadline rule form');
  // The directory's service form, open on the phone.
  await openServiceForm(page);
  await expectNoHorizontalScroll(page, 'directory service form');
  // The referral pages, and a referral's decline form, on the phone.
  const referral = await apiReferral(page, caseId);
  for (const p of referralPages(caseId, referral)) {
    await page.goto(p.path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(p.heading);
    await expect(page.getByText(t('common.loading'))).toHaveCount(0);
    await expectNoHorizontalScroll(page, p.label);
  }
  await openDeclineForm(page, referral);
  await expectNoHorizontalScroll(page, 'referral decline form');
  // Cards, not a table, on the phone.
  await page.goto('/cases');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('list', { name: t('cases.list.results') })).toBeVisible();
});

test('keyboard only: skip link, search field, Enter', async ({ page }) => {
  await setUp(page);
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: t('layout.skipToContent') });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  const search = page.getByLabel(t('cases.search.label'));
  await expect(search).toBeFocused();
  // The focus ring is visible.
  const outline = await search.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.type('hernandez');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /^[A-Z]{2,6}-\d{4}-\d{5,}$/ }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /\d+ caso/ })).toBeVisible();
});
