/**
 * Her violence history, in Spanish: a lawyer records two incidents on the
 * case page — one in transit in Guatemala (November 2025, a gang, physical
 * and sexual violence, rape, not reported) and one in Mexico (Chiapas, a full
 * date, the migration authority, psychological and institutional violence,
 * reported to a human rights commission, with her account) — sees the summary
 * at a glance (counts, phases, the state-agent and organized-crime flags, no
 * narrative), opens the account behind its button, and corrects the number of
 * perpetrators without losing any other fact. A social worker on the case
 * sees the facts but never the account, only that there is one; her change
 * keeps it. Back as the lawyer, an incident is deleted after confirming.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import {
  apiAssignStaff,
  apiCreateCase,
  apiCreateUser,
  apiSignIn,
  chooseLanguage,
  unique,
} from './support/app.js';

const t = catalogue('es');
const NARRATIVE = 'En la estación migratoria los agentes la amenazaron con deportarla si denunciaba.';

/** A full date as the interface shows it (formatted by the browser, as the app does). */
function shown(page: Page, date: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    date,
  );
}

const title = (when: string, phase: string) =>
  t('incidents.card.title', { when, phase: t(`enum.incidentPhase.${phase}`) });

async function fillIncident(
  form: Locator,
  incident: {
    from: string;
    phase: string;
    country?: string;
    state?: string;
    types: string[];
    modality?: string;
    gbvType: string;
    perpetrator: string;
    reported: string;
    reportedTo?: string[];
    narrative?: string;
  },
): Promise<void> {
  await form.getByLabel(t('incidents.field.from')).fill(incident.from);
  await form.getByLabel(t('incidents.field.phase')).selectOption(incident.phase);
  if (incident.country) await form.getByLabel(t('incidents.field.country')).selectOption(incident.country);
  if (incident.state) await form.getByLabel(t('incidents.field.state')).selectOption(incident.state);
  const types = form.getByRole('group', { name: t('incidents.field.types') });
  for (const type of incident.types)
    await types.getByLabel(t(`enum.violenceType.${type}`), { exact: true }).check();
  if (incident.modality) await form.getByLabel(t('incidents.field.modality')).selectOption(incident.modality);
  const gbvType = form.getByLabel(t('incidents.field.gbvType'));
  await gbvType.selectOption(incident.gbvType);
  // The chosen GBVIMS type's definition is read out with the field.
  await expect(gbvType).toHaveAccessibleDescription(t(`incidents.gbvDefinition.${incident.gbvType}`));
  await form.getByLabel(t('incidents.field.perpetrator')).selectOption(incident.perpetrator);
  await form.getByLabel(t('incidents.field.reported')).selectOption(incident.reported);
  const reportedTo = form.getByRole('group', { name: t('incidents.field.reportedTo') });
  if (incident.reported !== 'yes') await expect(reportedTo).toHaveCount(0);
  for (const recipient of incident.reportedTo ?? [])
    await reportedTo.getByLabel(t(`enum.reportRecipient.${recipient}`), { exact: true }).check();
  if (incident.narrative) await form.getByLabel(t('incidents.field.narrative')).fill(incident.narrative);
}

test('a lawyer records the violence history; a social worker sees it without the account (es)', async ({
  page,
}) => {
  const run = unique();
  const lawyer = {
    displayName: `Abogada historial ${run}`,
    email: `historial-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `ceiba-relato-${run}-marea-alta`,
  };
  const socialWorker = {
    displayName: `Trabajadora social ${run}`,
    email: `social-${run}@e2e.test`,
    role: 'social_worker',
    locale: 'es',
    password: `jacaranda-apoyo-${run}-lluvia`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  const worker = await apiCreateUser(page.request, adminCsrf, socialWorker);

  // The lawyer's case, with the social worker on its team.
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Rosa María',
    familyNames: `López ${run}`,
    nationalities: ['HN'],
    languages: ['es'],
    state: '07',
  });
  await apiAssignStaff(page.request, csrf, created.id, worker.id, 'social_worker');
  await page.goto(`/cases/${created.id}`);
  await chooseLanguage(page, 'es');
  const section = page.getByRole('region', { name: t('incidents.title'), exact: true });
  await expect(section.getByText(t('incidents.none'))).toBeVisible();
  const addButton = section.getByRole('button', { name: t('incidents.add') });

  // In transit, in Guatemala, a month of a year: by a gang, physical and sexual violence, rape.
  await addButton.click();
  let form = section.getByRole('form', { name: t('incidents.addTitle') });
  await expect(form.getByRole('heading', { name: t('incidents.addTitle') })).toBeFocused();
  // Nothing filled in: the form says what is missing, and nothing is saved.
  await form.getByRole('button', { name: t('incidents.addSubmit') }).click();
  await expect(form.getByLabel(t('incidents.field.from'))).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(t('field.invalid_partial_date'))).toBeVisible();
  await fillIncident(form, {
    from: '2025-11',
    phase: 'transit',
    country: 'GT',
    types: ['physical', 'sexual'],
    gbvType: 'rape',
    perpetrator: 'gang_organized_crime',
    reported: 'no',
  });
  await expect(form.getByLabel(t('incidents.field.state'))).toHaveCount(0);
  await form.getByRole('button', { name: t('incidents.addSubmit') }).click();
  const transitTitle = title('noviembre de 2025', 'transit');
  await expect(
    section.getByRole('status').filter({ hasText: t('incidents.added', { title: transitTitle }) }),
  ).toBeVisible();
  await expect(addButton).toBeFocused();

  // In Mexico, in Chiapas, on a given day: the migration authority; reported, with her account.
  await addButton.click();
  form = section.getByRole('form', { name: t('incidents.addTitle') });
  await fillIncident(form, {
    from: '2025-12-03',
    phase: 'mexico',
    state: '07',
    types: ['psychological'],
    modality: 'institutional',
    gbvType: 'psychological_abuse',
    perpetrator: 'migration_authority',
    reported: 'yes',
    reportedTo: ['human_rights_commission'],
    narrative: NARRATIVE,
  });
  await form.getByRole('button', { name: t('incidents.addSubmit') }).click();
  const mexicoTitle = title(await shown(page, '2025-12-03'), 'mexico');
  await expect(
    section.getByRole('status').filter({ hasText: t('incidents.added', { title: mexicoTitle }) }),
  ).toBeVisible();

  // The summary at a glance: counts, phases and flags in words, no account and no dates.
  const summary = section.getByRole('region', { name: t('incidents.summary.title') });
  await expect(summary).toContainText('2 incidentes registrados');
  const item = (group: string, value: string) =>
    t('incidents.summary.item', { label: t(`enum.${group}.${value}`), count: 1 });
  for (const [group, value] of [
    ['incidentPhase', 'transit'],
    ['incidentPhase', 'mexico'],
    ['violenceType', 'physical'],
    ['violenceType', 'sexual'],
    ['violenceType', 'psychological'],
    ['gbvType', 'rape'],
    ['perpetrator', 'migration_authority'],
    ['contextFlag', 'state_actor'],
    ['contextFlag', 'organized_crime'],
  ] as const)
    await expect(summary.getByText(item(group, value), { exact: true })).toBeVisible();
  await expect(summary).not.toContainText(NARRATIVE);
  await expect(summary).not.toContainText('2025');

  // The incidents, one card each, in the order they happened.
  const cards = section.getByRole('list', { name: t('incidents.listLabel') }).getByRole('article');
  await expect(cards).toHaveCount(2);
  const transit = section.getByRole('article', { name: transitTitle, exact: true });
  const mexico = section.getByRole('article', { name: mexicoTitle, exact: true });
  await expect(cards.first()).toHaveAccessibleName(transitTitle);
  await expect(transit).toContainText('Guatemala');
  await expect(transit).toContainText(t('enum.gbvType.rape'));
  await expect(transit).toContainText(t('enum.contextFlag.organized_crime'));
  await expect(transit).toContainText(t('incidents.narrative.none'));
  await expect(mexico).toContainText(t('incidents.place', { state: 'Chiapas', country: 'México' }));
  await expect(mexico).toContainText(t('enum.violenceModality.institutional'));
  await expect(mexico).toContainText(t('enum.reportRecipient.human_rights_commission'));
  await expect(mexico).toContainText(t('enum.contextFlag.state_actor'));
  await expect(mexico).toContainText(lawyer.displayName);

  // Her account stays closed until asked for.
  await expect(page.getByText(NARRATIVE)).toHaveCount(0);
  const show = mexico.getByRole('button', { name: t('incidents.narrative.show') });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(mexico.getByText(NARRATIVE)).toBeVisible();
  await expect(mexico.getByRole('button', { name: t('incidents.narrative.hide') })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // A correction changes only what was changed: the other facts stay as they were.
  await transit.getByRole('button', { name: `${t('common.edit')} (${transitTitle})` }).click();
  form = section.getByRole('form', { name: t('incidents.editTitle', { title: transitTitle }) });
  await expect(form.getByRole('heading', { level: 3 })).toBeFocused();
  await form.getByLabel(t('incidents.field.perpetratorCount')).fill('3');
  await form.getByRole('button', { name: t('common.save') }).click();
  await expect(
    section.getByRole('status').filter({ hasText: t('incidents.updated', { title: transitTitle }) }),
  ).toBeVisible();
  await expect(transit.getByRole('button', { name: `${t('common.edit')} (${transitTitle})` })).toBeFocused();
  await expect(transit).toContainText(`${t('enum.perpetrator.gang_organized_crime')} (3 personas)`);
  await expect(transit).toContainText('Guatemala');
  await expect(transit).toContainText(t('enum.reported.no'));
  await expect(transit).toContainText(t('enum.violenceType.sexual'));

  // The social worker sees the facts and that there is an account, never the account itself.
  await apiSignIn(page.request, socialWorker.email, socialWorker.password);
  await page.goto(`/cases/${created.id}`);
  await expect(summary).toContainText('2 incidentes registrados');
  await expect(cards).toHaveCount(2);
  await expect(mexico).toContainText(t('enum.reportRecipient.human_rights_commission'));
  await expect(mexico).toContainText(t('incidents.narrative.hidden'));
  await expect(section.getByRole('button', { name: t('incidents.narrative.show') })).toHaveCount(0);
  await expect(page.getByText(NARRATIVE)).toHaveCount(0);
  // Her change keeps the account: her form has no box for it.
  await mexico.getByRole('button', { name: `${t('common.edit')} (${mexicoTitle})` }).click();
  form = section.getByRole('form', { name: t('incidents.editTitle', { title: mexicoTitle }) });
  await expect(form.getByText(t('incidents.form.narrativeKept'))).toBeVisible();
  await expect(form.getByLabel(t('incidents.field.narrative'))).toHaveCount(0);
  await form.getByLabel(t('incidents.field.perpetratorCount')).fill('2');
  await form.getByRole('button', { name: t('common.save') }).click();
  await expect(mexico).toContainText(`${t('enum.perpetrator.migration_authority')} (2 personas)`);
  await expect(mexico).toContainText(t('incidents.narrative.hidden'));

  // Back as the lawyer: the account is intact; the transit incident is deleted after confirming.
  await apiSignIn(page.request, lawyer.email, lawyer.password);
  await page.goto(`/cases/${created.id}`);
  await mexico.getByRole('button', { name: t('incidents.narrative.show') }).click();
  await expect(mexico.getByText(NARRATIVE)).toBeVisible();
  await transit.getByRole('button', { name: `${t('incidents.delete')} (${transitTitle})` }).click();
  const dialog = page.getByRole('alertdialog', { name: t('incidents.deleteTitle') });
  await expect(dialog).toContainText(transitTitle);
  await dialog.getByRole('button', { name: t('incidents.delete') }).click();
  await expect(dialog).toBeHidden();
  await expect(
    section.getByRole('status').filter({ hasText: t('incidents.deleted', { title: transitTitle }) }),
  ).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(summary).toContainText('1 incidente registrado');
  await expect(summary.getByText(item('contextFlag', 'organized_crime'))).toHaveCount(0);
  await expect(addButton).toBeFocused();
});
