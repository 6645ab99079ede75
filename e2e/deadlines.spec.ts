/**
 * Asylum deadlines, in Spanish: the admin declares the Holy Week suspension
 * of COMAR on the calendar page; a lawyer opens her new case, adds a
 * procedure, records entry and the application, sees COMAR's 45-business-day
 * deadline and how it was counted, records a negative decision and sees the
 * 15-business-day revisión moved by the suspension, then finds it on her
 * Deadlines page by the case code (never a name). On her account page she
 * creates her calendar feed: a calendar app fetching the one-time URL gets the
 * revisión on its due date by case code, never the woman's name; replacing the
 * link ends the old one, revoking ends the new one.
 */
import { expect, test, type Locator, type APIRequest, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateCase, apiCreateUser, apiSignIn, chooseLanguage, senda, unique } from './support/app.js';

const t = catalogue('es');

/** A legal date as the interface shows it (formatted by the browser, as the app does). */
function shown(page: Page, date: string, locale = 'es-MX'): Promise<string> {
  return page.evaluate(
    ([d, tag]) =>
      new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    [date, locale] as const,
  );
}

async function recordAct(
  procedure: Locator,
  act: { type: string; date: string; details?: Record<string, string> },
): Promise<void> {
  const form = procedure.getByRole('form', { name: t('procedure.event.addTitle') });
  await form.getByLabel(t('procedure.event.type')).selectOption(act.type);
  await form.getByLabel(t('procedure.event.date')).fill(act.date);
  for (const [field, value] of Object.entries(act.details ?? {}))
    await form.getByLabel(t(`procedure.detail.${field}`)).selectOption(value);
  await form.getByRole('button', { name: t('procedure.event.submit') }).click();
  await expect(
    form
      .getByRole('status')
      .filter({ hasText: t('procedure.event.recorded', { type: t(`enum.eventType.${act.type}`) }) }),
  ).toBeVisible();
}

/** What a calendar app gets at a feed URL (no session of any kind), unfolded (RFC 5545 §3.1). */
async function fetchFeed(
  requests: APIRequest,
  url: string,
): Promise<{ status: number; type: string; body: string }> {
  const app = await requests.newContext();
  try {
    const response = await app.get(url);
    return {
      status: response.status(),
      type: response.headers()['content-type'] ?? '',
      body: (await response.text()).replace(/\r\n[ \t]/g, ''),
    };
  } finally {
    await app.dispose();
  }
}

test('a lawyer follows the deadlines of an asylum procedure (es)', async ({ page, playwright }) => {
  const run = unique();
  const lawyer = {
    displayName: `Abogada plazos ${run}`,
    email: `plazos-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-plazo-${run}-marea-baja`,
  };
  const source = `Acuerdo COMAR, DOF 2026-03-20 (${run})`;

  // The admin creates the lawyer and declares the Holy Week suspension on the calendar page.
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  await page.goto('/cases');
  await chooseLanguage(page, 'es');
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.calendar') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('calendar.title') })).toBeVisible();
  await page.getByLabel(t('calendar.authority')).selectOption('comar_inm');
  await page.getByLabel(t('calendar.year')).fill('2026');
  await expect(page.getByText(t('enum.holiday.labour_day'))).toBeVisible();
  const entryForm = page.getByRole('form', {
    name: t('calendar.entry.addTitle', { authority: t('enum.authority.comar_inm') }),
  });
  await entryForm.getByLabel(t('calendar.entry.kind')).selectOption('suspension');
  await entryForm.getByLabel(t('calendar.entry.from')).fill('2026-04-02');
  await entryForm.getByLabel(t('calendar.entry.to')).fill('2026-04-03');
  await entryForm.getByLabel(t('calendar.entry.source')).fill(source);
  await entryForm.getByLabel(t('calendar.entry.note')).fill('Semana Santa');
  await entryForm.getByRole('button', { name: t('calendar.entry.submit') }).click();
  await expect(page.getByText(t('calendar.entry.sourceValue', { source }))).toBeVisible();

  // The lawyer's case (created through the API with her session), opened in the browser.
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Marie Ange',
    familyNames: `Joseph ${run}`,
    nationalities: ['HT'],
    languages: ['ht', 'fr'],
    state: '07',
  });
  await page.goto(`/cases/${created.id}`);
  const section = page.getByRole('region', { name: t('procedure.title'), exact: true });
  await expect(section.getByText(t('procedure.none'))).toBeVisible();
  await section.getByLabel(t('procedure.label')).fill('Solicitud inicial');
  await section.getByRole('button', { name: t('procedure.add') }).click();
  const procedure = section.getByRole('region', { name: 'Solicitud inicial', exact: true });
  await expect(procedure.getByRole('heading', { level: 3, name: 'Solicitud inicial' })).toBeVisible();

  // Entry, then the application filed by the applicant herself.
  await recordAct(procedure, { type: 'entry', date: '2026-01-05' });
  await recordAct(procedure, {
    type: 'application_filed',
    date: '2026-01-12',
    details: { filedBy: 'applicant' },
  });
  const timeline = procedure.getByRole('region', { name: t('procedure.timeline') });
  await expect(timeline.getByText(t('enum.eventType.application_filed'), { exact: true })).toBeVisible();
  await expect(timeline.getByText(t('enum.filedBy.applicant'), { exact: true })).toBeVisible();

  // COMAR's 45 business days: due 18 March 2026, and COMAR is now past it.
  const comar = procedure.getByRole('article', { name: t('enum.rule.comar_resolution'), exact: true });
  await expect(comar).toContainText(await shown(page, '2026-03-18'));
  await expect(comar).toContainText(t('enum.deadlineStatus.comar_overdue'));
  await comar.getByRole('button', { name: t('deadline.showExplanation') }).click();
  await expect(comar.getByText(/Plazo de 45 días hábiles/)).toBeVisible();
  await expect(comar.getByText(/vence el miércoles 2026-03-18/)).toBeVisible();
  await expect(comar.getByRole('button', { name: t('deadline.hideExplanation') })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // An act recorded by mistake gives a soft warning, and is deleted after confirming.
  await recordAct(procedure, { type: 'revision_filed', date: '2026-02-02' });
  await expect(procedure.getByText(t('enum.warning.missing_prerequisite')).first()).toBeVisible();
  await timeline
    .getByRole('button', {
      name: new RegExp(`^${t('procedure.event.delete')} \\(${t('enum.eventType.revision_filed')}`),
    })
    .click();
  const dialog = page.getByRole('alertdialog', { name: t('procedure.event.deleteTitle') });
  await dialog.getByRole('button', { name: t('procedure.event.deleteConfirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(timeline.getByText(t('enum.eventType.revision_filed'), { exact: true })).toHaveCount(0);

  // A negative decision notified on 1 April 2026: revisión due 24 April (Holy Week suspended).
  await recordAct(procedure, {
    type: 'decision_notified',
    date: '2026-04-01',
    details: { outcome: 'negative' },
  });
  const revision = procedure.getByRole('article', { name: t('enum.rule.revision'), exact: true });
  await expect(revision).toContainText(await shown(page, '2026-04-24'));
  await expect(revision).toContainText(t('enum.deadlineStatus.overdue'));
  await expect(revision).toContainText('LRPCAP art. 25');
  await revision.getByRole('button', { name: t('deadline.showExplanation') }).click();
  await expect(revision.getByText(/vence el viernes 2026-04-24/)).toBeVisible();
  await expect(revision.getByText(new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))).toBeVisible();
  await expect(comar).toContainText(t('enum.deadlineStatus.met'));

  // Her Deadlines page: the revisión, by case code only.
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.deadlines') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('deadlines.title') })).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ hasText: created.code })
    .filter({ hasText: t('enum.rule.revision') });
  await expect(row).toContainText(await shown(page, '2026-04-24'));
  await expect(row).toContainText(t('enum.deadlineStatus.overdue'));
  await expect(page.getByText(`Joseph ${run}`)).toHaveCount(0);
  // Filters live in the URL.
  await page.getByLabel(t('deadlines.filter.status')).selectOption('overdue');
  await expect(page).toHaveURL(/status=overdue/);
  await expect(row).toBeVisible();
  await page.getByLabel(t('deadlines.filter.status')).selectOption('');
  await page.getByLabel(t('deadlines.filter.includeClosed')).check();
  await expect(page).toHaveURL(/includeClosed=true/);
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: created.code })
      .filter({ hasText: t('enum.rule.comar_resolution') }),
  ).toContainText(t('enum.deadlineStatus.met'));
  // She may look at the calendars but not change them (no link in her navigation, no form).
  await expect(page.getByRole('link', { name: t('layout.nav.calendar') })).toHaveCount(0);
  await page.goto('/admin/calendar');
  await expect(page.getByRole('heading', { level: 1, name: t('calendar.title') })).toBeVisible();
  await expect(page.getByText(t('calendar.readOnly'))).toBeVisible();
  await expect(page.getByRole('button', { name: t('calendar.entry.submit') })).toHaveCount(0);
  await page.goBack();
  // The case code leads back to the case.
  await row.getByRole('link', { name: created.code }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(created.code);

  // In Haitian Creole the explanation is built from its structure, with the same facts.
  await chooseLanguage(page, 'ht');
  const ht = catalogue('ht');
  const revisionHt = page.getByRole('article', { name: ht('enum.rule.revision'), exact: true });
  await revisionHt.getByRole('button', { name: ht('deadline.showExplanation') }).click();
  await expect(revisionHt).toContainText(ht('explain.firstCountedDay'));
  await expect(revisionHt).toContainText(ht('explain.skipped'));
  await expect(revisionHt).toContainText(source);
  await expect(revisionHt).toContainText('jou wikenn');
  await expect(revisionHt).toContainText(await shown(page, '2026-04-24', 'fr-HT'));
  await chooseLanguage(page, 'es');

  // The reminder job (run now from the CLI; the server runs it every 15 minutes) reminds her of the
  // overdue revisión. A link in the header, whose name says how many are unread, leads to it.
  expect(senda('reminders', 'run')).toMatch(/Reminders created: [1-9]/);
  await page.reload();
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: new RegExp(`^${t('layout.nav.notifications')}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('notifications.title') })).toBeVisible();
  await expect(page.getByText(t('notifications.intro'))).toBeVisible();
  const reminder = page
    .getByRole('listitem')
    .filter({ hasText: created.code })
    .filter({ hasText: t('enum.rule.revision') });
  await expect(reminder).toContainText(t('notifications.unread'));
  await expect(reminder).toContainText(await shown(page, '2026-04-24'));
  await reminder.getByRole('button', { name: new RegExp(t('notifications.markRead')) }).click();
  await expect(reminder).not.toContainText(t('notifications.unread'));
  await expect(page.getByText(`Joseph ${run}`)).toHaveCount(0);

  // Her calendar feed, created on her account page: the URL is shown once, with how to subscribe.
  await page.getByRole('link', { name: t('layout.account', { name: lawyer.displayName }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
  const feed = page.getByRole('region', { name: t('account.feed.title') });
  await expect(feed.getByText(t('account.feed.none'))).toBeVisible();
  await feed.getByRole('button', { name: t('account.feed.create') }).click();
  const urlField = feed.getByRole('textbox', { name: t('account.feed.url') });
  await expect(urlField).toBeFocused();
  await expect(urlField).toHaveAttribute('readonly', '');
  await expect(feed.getByText(t('account.feed.warning'))).toBeVisible();
  await expect(feed.getByRole('button', { name: t('account.feed.copy') })).toBeVisible();
  const url = await urlField.inputValue();
  expect(url).toMatch(/^https?:\/\/[^/]+\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);

  // A calendar app fetching it sees the revisión on 24 April 2026, by case code, and no name.
  const calendar = await fetchFeed(playwright.request, url);
  expect(calendar.status).toBe(200);
  expect(calendar.type).toContain('text/calendar');
  const revisionEvent = calendar.body
    .split('BEGIN:VEVENT')
    .slice(1)
    .find((event) => event.includes(created.code) && /^DTSTART;VALUE=DATE:20260424\r?$/m.test(event));
  expect(revisionEvent, 'a VEVENT for the revisión on 2026-04-24').toBeDefined();
  expect(calendar.body).not.toContain('Marie Ange');
  expect(calendar.body).not.toContain(`Joseph ${run}`);
  expect(calendar.body).not.toContain('Joseph');

  // Back later, the URL is no longer shown; replacing it (after a warning) ends the old link.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
  await expect(feed.getByRole('textbox', { name: t('account.feed.url') })).toHaveCount(0);
  await feed.getByRole('button', { name: t('account.feed.replace') }).click();
  const replaceDialog = page.getByRole('alertdialog', { name: t('account.feed.replaceTitle') });
  await expect(replaceDialog).toContainText(t('account.feed.replaceBody'));
  await replaceDialog.getByRole('button', { name: t('account.feed.replaceConfirm') }).click();
  await expect(replaceDialog).toBeHidden();
  const newUrl = await feed.getByRole('textbox', { name: t('account.feed.url') }).inputValue();
  expect(newUrl).not.toBe(url);
  expect((await fetchFeed(playwright.request, url)).status).toBe(404);
  expect((await fetchFeed(playwright.request, newUrl)).status).toBe(200);

  // Revoking, after confirming, ends the new link too.
  await feed.getByRole('button', { name: t('account.feed.revoke') }).click();
  const revokeDialog = page.getByRole('alertdialog', { name: t('account.feed.revokeTitle') });
  await revokeDialog.getByRole('button', { name: t('account.feed.revokeConfirm') }).click();
  await expect(revokeDialog).toBeHidden();
  await expect(feed.getByText(t('account.feed.revoked'))).toBeVisible();
  await expect(feed.getByRole('heading', { name: t('account.feed.title') })).toBeFocused();
  await expect(feed.getByText(t('account.feed.none'))).toBeVisible();
  expect((await fetchFeed(playwright.request, newUrl)).status).toBe(404);
});
