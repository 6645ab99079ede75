/**
 * Her care, in Spanish: a lawyer assesses the risk on the case page — the
 * aggressor threatened to kill her, nothing else — and sees the level the
 * answers give ("alto") as she answers, then on the saved assessment and in
 * the case list. She writes a safety plan (one measure, one code word) and
 * sees it; records a consent to services given verbally before a witness and
 * sees services in force; withdraws it today and sees it no longer in force.
 */
import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { apiCreateCase, apiCreateUser, apiSignIn, chooseLanguage, unique } from './support/app.js';

const t = catalogue('es');
/** The assessment's questions, in the domain's order. */
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

/** One branch of a `{yes, select, true {…} other {…}}` message. */
function branch(key: string, which: 'true' | 'other'): string {
  const match = new RegExp(`${which} \\{([^}]*)\\}`).exec(t(key));
  if (!match?.[1]) throw new Error(`no ${which} branch in ${key}`);
  return match[1];
}

test('a lawyer assesses the risk, writes a safety plan, records and withdraws a consent (es)', async ({
  page,
}) => {
  const run = unique();
  const lawyer = {
    displayName: `Abogada cuidado ${run}`,
    email: `cuidado-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-cuidado-${run}-marea-alta`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const familyNames = `Reyes ${run}`;
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Marisol',
    familyNames,
    nationalities: ['SV'],
    languages: ['es'],
    state: '07',
  });
  await page.goto(`/cases/${created.id}`);
  await chooseLanguage(page, 'es');
  const high = t('enum.riskLevel.high');

  // Risk: not assessed yet.
  const risk = page.getByRole('region', { name: t('risk.title'), exact: true });
  await expect(risk.getByText(t('risk.none'))).toBeVisible();
  await risk.getByRole('button', { name: t('risk.add') }).click();
  const form = risk.getByRole('form', { name: t('risk.addTitle') });
  await expect(form.getByRole('heading', { name: t('risk.addTitle') })).toBeFocused();
  for (const code of QUESTIONS) {
    const question = form.getByRole('group', { name: t(`enum.riskQuestion.${code}`), exact: true });
    const answer = code === 'threats_to_kill' ? 'yes' : 'no';
    await question.getByLabel(t(`enum.riskAnswer.${answer}`), { exact: true }).check();
  }
  // The level the answers give, as she answers.
  await expect(form.getByText(t('risk.computed', { level: high, score: 3 }))).toBeVisible();
  await form.getByRole('button', { name: t('risk.addSubmit') }).click();
  await expect(risk.getByRole('status').filter({ hasText: t('risk.added') })).toBeVisible();
  await expect(risk.getByRole('button', { name: t('risk.add') })).toBeFocused();
  const card = risk.getByRole('article');
  await expect(card.getByText(t('risk.levelBadge', { level: high }))).toBeVisible();
  await expect(card.getByText(t('enum.riskQuestion.threats_to_kill'))).toBeVisible();

  // Her safety plan: one measure, one code word.
  await expect(card.getByText(t('risk.plan.none'))).toBeVisible();
  await card.getByRole('button', { name: new RegExp(t('risk.plan.edit')) }).click();
  const plan = card.getByRole('form', { name: t('risk.plan.editTitle') });
  await plan
    .getByRole('group', { name: t('risk.plan.measures') })
    .getByRole('button', { name: new RegExp(t('risk.plan.addItem')) })
    .click();
  const measure = plan.getByLabel(t('risk.plan.measureItem', { n: 1 }), { exact: true });
  await expect(measure).toBeFocused();
  await measure.fill('Cambiar la ruta al trabajo');
  await plan
    .getByRole('group', { name: t('risk.plan.codeWords') })
    .getByRole('button', { name: new RegExp(t('risk.plan.addItem')) })
    .click();
  await plan.getByLabel(t('risk.plan.codeWordItem', { n: 1 }), { exact: true }).fill('mango');
  await plan.getByRole('button', { name: t('risk.plan.save') }).click();
  await expect(risk.getByRole('status').filter({ hasText: t('risk.plan.saved') })).toBeVisible();
  await expect(card.getByText('Cambiar la ruta al trabajo')).toBeVisible();
  await expect(card.getByText('mango', { exact: true })).toBeVisible();

  // Consent to services, verbal before a witness.
  const consents = page.getByRole('region', { name: t('consents.title'), exact: true });
  await expect(consents.getByText(branch('consents.inForce.services', 'other'))).toBeVisible();
  await consents.getByRole('button', { name: t('consents.add') }).click();
  const consentForm = consents.getByRole('form', { name: t('consents.addTitle') });
  await consentForm.getByLabel(t('consents.field.purpose')).selectOption('services');
  const scope = consentForm.getByRole('group', { name: t('consents.field.scope') });
  await scope.getByLabel(t('enum.consentScope.identity'), { exact: true }).check();
  await scope.getByLabel(t('enum.consentScope.violence_history'), { exact: true }).check();
  await consentForm.getByLabel(t('consents.field.method')).selectOption('verbal_witnessed');
  // No witness: the form says so on the field.
  await consentForm.getByRole('button', { name: t('consents.addSubmit') }).click();
  await expect(consentForm.getByText(t('field.witness_required'))).toBeVisible();
  await consentForm.getByLabel(t('consents.field.witnessName')).fill('Lucía Pérez');
  await consentForm.getByRole('button', { name: t('consents.addSubmit') }).click();
  await expect(consents.getByRole('status').filter({ hasText: t('consents.added') })).toBeVisible();
  await expect(consents.getByText(branch('consents.inForce.services', 'true'))).toBeVisible();
  const record = consents.getByRole('article');
  await expect(record.getByText(t('enum.consentStatus.active'))).toBeVisible();
  await expect(
    record.getByText(t('consents.card.witness', { name: 'Lucía Pérez' }), { exact: false }),
  ).toBeVisible();

  // Withdrawn today: no longer in force.
  await record.getByRole('button', { name: new RegExp(t('consents.withdraw')) }).click();
  const withdraw = record.getByRole('form');
  await withdraw.getByRole('button', { name: t('consents.withdrawSubmit') }).click();
  await expect(consents.getByRole('status').filter({ hasText: t('consents.withdrawn') })).toBeVisible();
  await expect(consents.getByText(branch('consents.inForce.services', 'other'))).toBeVisible();
  await expect(record.getByRole('heading', { level: 3 })).toContainText(t('enum.consentStatus.withdrawn'));
  await expect(record.getByRole('button', { name: new RegExp(t('consents.withdraw')) })).toHaveCount(0);

  // The case list shows her risk (a table on a wide screen, cards on a phone).
  await page.goto('/cases');
  await expect(
    page
      .locator('tr, li')
      .filter({ hasText: familyNames })
      .filter({ visible: true })
      .getByText(t('risk.levelBadge', { level: high })),
  ).toBeVisible();
});
