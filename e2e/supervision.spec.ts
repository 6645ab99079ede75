/**
 * Supervision and "My work", in Spanish. A lawyer registers a case (through
 * the API) whose contact details are on file without a consent to contact
 * her, and finds the warning next to them and the privacy notice she
 * accepted. Her risk is high: "My work" gives the lawyer a task to review her
 * safety, which she marks done. She asks to close the case — refused until
 * a reason is chosen and every checklist item confirmed. The coordinator
 * finds the request on "My work", cannot return it without a comment,
 * returns it with one; the lawyer finds it returned and asks again; the
 * coordinator approves: the case is closed. The coordinator reopens it, with
 * a reason.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateCase, apiCreateUser, apiSignIn, chooseLanguage, unique } from './support/app.js';

const t = catalogue('es');
const QUESTIONS = [
  'threats_to_kill',
  'weapon',
  'strangulation',
  'violence_increasing',
  'perpetrator_can_find_her',
  'pursued_by_organized_crime',
  'recent_sexual_violence',
  'self_harm_thoughts',
  'children_at_risk',
  'no_safe_place_tonight',
  'detention_or_deportation_risk',
  'no_support_network',
];
const CHECKLIST = [
  'survivor_informed',
  'safety_reviewed',
  'referrals_followed_up',
  'documents_handled',
  'file_complete',
];

/** A page of its own (cookies and all) for one person, signed in through the API. */
async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiSignIn(page.request, email, password);
  return page;
}

const supervisionOf = (page: Page) => page.getByRole('region', { name: t('supervision.title'), exact: true });

async function requestClosure(page: Page, reason: string): Promise<void> {
  const section = supervisionOf(page);
  await section.getByRole('button', { name: t('supervision.closure.ask') }).click();
  const form = section.getByRole('form', { name: t('supervision.closure.formTitle') });
  await expect(form.getByRole('heading', { name: t('supervision.closure.formTitle') })).toBeFocused();
  // Empty: no reason, and every checklist item says it must be confirmed.
  await form.getByRole('button', { name: t('supervision.closure.submit') }).click();
  await expect(form.getByText(t('field.checklist_incomplete'))).toHaveCount(CHECKLIST.length);
  await form.getByLabel(t('case.field.closureReason'), { exact: false }).selectOption(reason);
  for (const item of CHECKLIST)
    await form.getByRole('checkbox', { name: t(`enum.closureChecklist.${item}`) }).check();
  await form.getByRole('button', { name: t('supervision.closure.submit') }).click();
  await expect(
    section.getByRole('status').filter({ hasText: t('supervision.closure.requested') }),
  ).toBeVisible();
  const pending = section.getByRole('list', { name: t('supervision.pending.title') });
  await expect(pending.getByRole('article')).toHaveCount(1);
  await expect(pending.getByText(t(`enum.closureReason.${reason}`))).toBeVisible();
}

test('closure goes through a coordinator, and "My work" lists what each one has to do (es)', async ({
  page,
  browser,
}) => {
  const run = unique();
  const lawyer = {
    displayName: `Abogada supervisión ${run}`,
    email: `superv-lawyer-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-supervision-${run}-marea-alta`,
  };
  const coordinator = {
    displayName: `Coordinadora ${run}`,
    email: `superv-coord-${run}@e2e.test`,
    role: 'coordinator',
    locale: 'es',
    password: `colibri-supervision-${run}-nube-lenta`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  await apiCreateUser(page.request, adminCsrf, coordinator);

  // The lawyer registers the case and assesses her risk as high (through the API).
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Rosa',
    familyNames: `Martínez ${run}`,
    contactMethod: 'whatsapp',
    contactDetails: '+52 962 000 0000',
  });
  const answers = Object.fromEntries(QUESTIONS.map((q) => [q, q === 'threats_to_kill' ? 'yes' : 'no']));
  const assessed = await page.request.post(`/api/v1/cases/${created.id}/risk`, {
    data: { assessedOn: '2026-11-30', answers },
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrf },
  });
  expect(assessed.status()).toBe(201);

  // Her case page: the contact warning and the privacy notice she accepted.
  await page.goto(`/cases/${created.id}`);
  await chooseLanguage(page, 'es');
  await expect(page.getByText(t('case.contactConsentMissing'))).toBeVisible();
  await expect(page.getByText(new RegExp(`${t('enum.noticeLanguage.es')}, versión 2026-12`))).toBeVisible();

  // "My work": her task to review the woman's safety, marked done.
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.myWork') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('work.title') })).toBeFocused();
  const tasks = page.getByRole('region', { name: new RegExp(`^${t('work.tasks.title')}`) });
  await expect(tasks.getByRole('link', { name: created.code })).toBeVisible();
  await expect(tasks.getByText(t('enum.taskKind.high_risk_review'))).toBeVisible();
  await tasks.getByRole('button', { name: new RegExp(t('work.tasks.markDone')) }).click();
  await expect(
    page.getByRole('status').filter({ hasText: t('work.tasks.marked', { code: created.code }) }),
  ).toBeVisible();
  await expect(tasks.getByText(t('work.tasks.none'))).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(`^${t('work.highRisk.title')}`) })).toContainText(
    created.code,
  );
  // A lawyer decides nothing: no list of requests awaiting her.
  await expect(page.getByRole('heading', { name: new RegExp(`^${t('work.approvals.title')}`) })).toHaveCount(
    0,
  );
  // Names never show on "My work".
  await expect(page.getByText('Rosa')).toHaveCount(0);

  // She asks to close the case: the checks warn of the high risk.
  await page.goto(`/cases/${created.id}`);
  const section = supervisionOf(page);
  await expect(section.getByText(t('supervision.checks.warning.high_risk'))).toBeVisible();
  await requestClosure(page, 'moved_away');
  // Nobody decides on her own request; she may withdraw it but not approve it.
  await expect(section.getByRole('button', { name: t('supervision.decide.approveClosure') })).toHaveCount(0);
  await expect(section.getByRole('button', { name: new RegExp(t('supervision.withdraw')) })).toBeVisible();

  // The coordinator finds it on "My work" and opens the case.
  const coord = await signedInPage(browser, coordinator.email, coordinator.password);
  await coord.goto('/my-work');
  await chooseLanguage(coord, 'es');
  const awaiting = coord
    .getByRole('region', { name: new RegExp(`^${t('work.approvals.title')}`) })
    .getByRole('listitem')
    .filter({ hasText: created.code });
  await expect(awaiting.getByText(t('enum.approvalKind.closure'))).toBeVisible();
  await expect(awaiting.getByText(lawyer.displayName)).toBeVisible();
  await awaiting.getByRole('link', { name: created.code }).click();
  await expect(coord.getByRole('heading', { level: 1 })).toContainText(created.code);

  // Returning needs a comment.
  const coordSection = supervisionOf(coord);
  const decide = coordSection.getByRole('form', {
    name: t('supervision.decide.title', { kind: t('enum.approvalKind.closure') }),
  });
  await decide.getByRole('button', { name: t('supervision.decide.return') }).click();
  await expect(decide.getByText(t('field.comment_required'))).toBeVisible();
  await decide
    .getByLabel(t('supervision.decide.comment'))
    .fill('Falta revisar su plan de seguridad con ella.');
  await decide.getByRole('button', { name: t('supervision.decide.return') }).click();
  await expect(
    coordSection
      .getByRole('status')
      .filter({ hasText: t('supervision.returned', { kind: t('enum.approvalKind.closure') }) }),
  ).toBeVisible();
  await expect(coordSection.getByRole('heading', { level: 2, name: t('supervision.title') })).toBeFocused();
  const history = coordSection.getByRole('list', { name: t('supervision.history.title') });
  await expect(history.getByText('Falta revisar su plan de seguridad con ella.')).toBeVisible();

  // The lawyer finds it returned, and asks again.
  await page.goto('/my-work');
  const returned = page.getByRole('region', { name: new RegExp(`^${t('work.returned.title')}`) });
  await expect(returned.getByRole('link', { name: created.code })).toBeVisible();
  await expect(returned.getByText(coordinator.displayName)).toBeVisible();
  await page.goto(`/cases/${created.id}`);
  await requestClosure(page, 'moved_away');

  // The coordinator approves: the case is closed.
  await coord.reload();
  await coordSection.getByRole('button', { name: t('supervision.decide.approveClosure') }).click();
  await expect(
    coordSection
      .getByRole('status')
      .filter({ hasText: t('supervision.approved', { kind: t('enum.approvalKind.closure') }) }),
  ).toBeVisible();
  await expect(coordSection.getByRole('heading', { name: t('supervision.closed.title') })).toBeVisible();
  await expect(coordSection.getByText(coordinator.displayName).first()).toBeVisible();
  await expect(coord.getByRole('heading', { level: 1 }).locator('..')).toContainText(t('enum.status.closed'));

  // Reopened, with a reason.
  await coordSection.getByRole('button', { name: t('supervision.reopen') }).click();
  const reopen = coordSection.getByRole('form', { name: t('supervision.reopenTitle') });
  await reopen.getByRole('button', { name: t('supervision.reopenSubmit') }).click();
  await expect(reopen.getByText(t('field.required'))).toBeVisible();
  await reopen.getByLabel(t('supervision.reopenReason'), { exact: false }).fill('Volvió a buscarnos.');
  await reopen.getByRole('button', { name: t('supervision.reopenSubmit') }).click();
  await expect(coordSection.getByRole('status').filter({ hasText: t('supervision.reopened') })).toBeVisible();
  await expect(coordSection.getByRole('button', { name: t('supervision.closure.ask') })).toBeVisible();
  await expect(history.getByText(/Volvió a buscarnos\./)).toBeVisible();
  await coord.context().close();
});
