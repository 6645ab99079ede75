/**
 * Her care from first account to closure, in Spanish, through the interface.
 * A lawyer records two incidents of her violence history — in transit in
 * Guatemala by a gang, in Chiapas by the migration authority — and sees both
 * phases and both perpetrators in the summary; assesses her risk as high and
 * writes a safety plan; records her consent to receive services; records two
 * needs (legal · asylum, urgent; shelter, high) and a care plan (a goal for
 * each, an action in her charge with a due date) and sends it for approval.
 * "My work" gives her the task to review the woman's safety and lists the
 * case as high risk, by its code only. The coordinator finds the plan on her
 * "My work", follows the case code and approves it. The lawyer records the
 * action done, marks both needs met and asks to close the case (needs met,
 * whole checklist); the coordinator approves: the case is closed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import {
  apiCreateCase,
  apiCreateUser,
  apiSignIn,
  chooseLanguage,
  signIn,
  signOut,
  unique,
} from './support/app.js';

const t = catalogue('es');

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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `one {…}` branch of a plural message, for a count of one. */
function one(key: string): string {
  const match = /one \{([^}]*)\}/.exec(t(key));
  if (!match?.[1]) throw new Error(`no "one" branch in ${key}`);
  return match[1].replace('#', '1');
}

/** A message up to its first placeholder left unfilled ("Approved by her on {date}" without the date). */
const upTo = (message: string) => message.slice(0, message.indexOf('{'));

/** What a part of the page announced (its status message). */
const announced = (part: Locator, text: string) => part.getByRole('status').filter({ hasText: text });

const region = (page: Page, key: string) => page.getByRole('region', { name: t(key), exact: true });

type Incident = Record<'from' | 'phase' | 'type' | 'gbvType' | 'perpetrator', string> &
  Partial<Record<'country' | 'state' | 'modality', string>>;

async function fillIncident(form: Locator, incident: Incident): Promise<void> {
  await form.getByLabel(t('incidents.field.from')).fill(incident.from);
  await form.getByLabel(t('incidents.field.phase')).selectOption(incident.phase);
  if (incident.country) await form.getByLabel(t('incidents.field.country')).selectOption(incident.country);
  if (incident.state) await form.getByLabel(t('incidents.field.state')).selectOption(incident.state);
  await form
    .getByRole('group', { name: t('incidents.field.types') })
    .getByLabel(t(`enum.violenceType.${incident.type}`), { exact: true })
    .check();
  if (incident.modality) await form.getByLabel(t('incidents.field.modality')).selectOption(incident.modality);
  await form.getByLabel(t('incidents.field.gbvType')).selectOption(incident.gbvType);
  await form.getByLabel(t('incidents.field.perpetrator')).selectOption(incident.perpetrator);
}

/** A staff account of this run (created through the API). */
const person = (run: string, role: string, name: string) => ({
  displayName: `${name} ${run}`,
  email: `trayecto-${role}-${run}@e2e.test`,
  role,
  locale: 'es',
  password: `ceiba-trayecto-${role}-${run}-marea-alta`,
});

/** Whoever is signed in signs out; the next person signs in on the same browser. */
async function handOver(page: Page, next: { email: string; password: string }): Promise<void> {
  await signOut(page, t);
  await signIn(page, t, next.email, next.password);
}

async function openMyWork(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: t('layout.nav.label') })
    .getByRole('link', { name: t('layout.nav.myWork') })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t('work.title') })).toBeFocused();
}

/** One list of "My work", found by its heading (which ends with its count). */
const workList = (page: Page, key: string) => page.getByRole('region', { name: new RegExp(`^${t(key)}`) });

test('her care from the violence history to the closed case, through a coordinator (es)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const run = unique();
  const lawyer = person(run, 'lawyer', 'Abogada trayecto');
  const coordinator = person(run, 'coordinator', 'Coordinadora trayecto');
  // Setup through the API: the two accounts, and her case registered by the lawyer.
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  await apiCreateUser(page.request, adminCsrf, coordinator);
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Yesenia',
    familyNames: `Orellana ${run}`,
    nationalities: ['HN'],
    languages: ['es'],
    state: '07',
  });
  await page.goto(`/cases/${created.id}`);
  await chooseLanguage(page, 'es');

  // 1. Her violence history: in transit (Guatemala, a gang), then in Mexico (Chiapas, the migration authority).
  const incidents = region(page, 'incidents.title');
  const addIncident = incidents.getByRole('button', { name: t('incidents.add') });
  const incidentForm = incidents.getByRole('form', { name: t('incidents.addTitle') });
  const incidentTitle = async (date: string, phase: string) =>
    t('incidents.card.title', { when: await shown(page, date), phase: t(`enum.incidentPhase.${phase}`) });
  await addIncident.click();
  await expect(incidentForm.getByRole('heading', { name: t('incidents.addTitle') })).toBeFocused();
  await fillIncident(incidentForm, {
    from: '2025-11-14',
    phase: 'transit',
    country: 'GT',
    type: 'sexual',
    gbvType: 'sexual_assault',
    perpetrator: 'gang_organized_crime',
  });
  await incidentForm.getByRole('button', { name: t('incidents.addSubmit') }).click();
  const transit = await incidentTitle('2025-11-14', 'transit');
  await expect(announced(incidents, t('incidents.added', { title: transit }))).toBeVisible();
  await expect(addIncident).toBeFocused();
  await addIncident.click();
  await fillIncident(incidentForm, {
    from: '2025-12-03',
    phase: 'mexico',
    state: '07',
    type: 'psychological',
    modality: 'institutional',
    gbvType: 'psychological_abuse',
    perpetrator: 'migration_authority',
  });
  await incidentForm.getByRole('button', { name: t('incidents.addSubmit') }).click();
  const mexico = await incidentTitle('2025-12-03', 'mexico');
  await expect(announced(incidents, t('incidents.added', { title: mexico }))).toBeVisible();
  // The summary: both phases, both perpetrators.
  const summary = incidents.getByRole('region', { name: t('incidents.summary.title') });
  const summaryItem = (label: string) => t('incidents.summary.item', { label: t(label), count: 1 });
  for (const label of [
    'enum.incidentPhase.transit',
    'enum.incidentPhase.mexico',
    'enum.perpetrator.gang_organized_crime',
    'enum.perpetrator.migration_authority',
  ])
    await expect(summary.getByText(summaryItem(label), { exact: true })).toBeVisible();

  // 2. Her risk: no to every question but the threats to kill her, which gives "high"; then her safety plan.
  const high = t('enum.riskLevel.high');
  const risk = region(page, 'risk.title');
  await risk.getByRole('button', { name: t('risk.add') }).click();
  const riskForm = risk.getByRole('form', { name: t('risk.addTitle') });
  await expect(riskForm.getByRole('heading', { name: t('risk.addTitle') })).toBeFocused();
  for (const no of await riskForm.getByLabel(t('enum.riskAnswer.no'), { exact: true }).all())
    await no.check();
  await riskForm
    .getByRole('group', { name: t('enum.riskQuestion.threats_to_kill'), exact: true })
    .getByLabel(t('enum.riskAnswer.yes'), { exact: true })
    .check();
  await expect(riskForm.getByText(t('risk.computed', { level: high, score: 3 }))).toBeVisible();
  await riskForm.getByRole('button', { name: t('risk.addSubmit') }).click();
  await expect(announced(risk, t('risk.added'))).toBeVisible();
  const assessment = risk.getByRole('article');
  await expect(assessment.getByText(t('risk.levelBadge', { level: high }))).toBeVisible();
  await assessment.getByRole('button', { name: new RegExp(t('risk.plan.edit')) }).click();
  const safety = assessment.getByRole('form', { name: t('risk.plan.editTitle') });
  for (const [list, item, text] of [
    ['risk.plan.measures', 'risk.plan.measureItem', 'Cambiar la ruta al albergue'],
    ['risk.plan.codeWords', 'risk.plan.codeWordItem', 'guayaba'],
  ] as const) {
    await safety
      .getByRole('group', { name: t(list) })
      .getByRole('button', { name: new RegExp(t('risk.plan.addItem')) })
      .click();
    const field = safety.getByLabel(t(item, { n: 1 }), { exact: true });
    await expect(field).toBeFocused();
    await field.fill(text);
  }
  await safety.getByRole('button', { name: t('risk.plan.save') }).click();
  await expect(announced(risk, t('risk.plan.saved'))).toBeVisible();
  await expect(assessment.getByText('Cambiar la ruta al albergue')).toBeVisible();
  await expect(assessment.getByText('guayaba', { exact: true })).toBeVisible();

  // 3. Her consent to receive services, verbal before a witness.
  const consents = region(page, 'consents.title');
  await consents.getByRole('button', { name: t('consents.add') }).click();
  const consentForm = consents.getByRole('form', { name: t('consents.addTitle') });
  await consentForm.getByLabel(t('consents.field.purpose')).selectOption('services');
  const scope = consentForm.getByRole('group', { name: t('consents.field.scope') });
  await scope.getByLabel(t('enum.consentScope.identity'), { exact: true }).check();
  await scope.getByLabel(t('enum.consentScope.violence_history'), { exact: true }).check();
  await consentForm.getByLabel(t('consents.field.method')).selectOption('verbal_witnessed');
  await consentForm.getByLabel(t('consents.field.witnessName')).fill('Lucía Pérez');
  await consentForm.getByRole('button', { name: t('consents.addSubmit') }).click();
  await expect(announced(consents, t('consents.added'))).toBeVisible();

  // 4. Her needs: legal (asylum), urgent; shelter, high.
  const care = region(page, 'care.title');
  const asylum = t('care.need.titleWithDetail', {
    domain: t('enum.needDomain.legal'),
    detail: t('enum.needDetail.asylum'),
  });
  const shelter = t('enum.needDomain.shelter_housing');
  for (const need of [
    { domain: 'legal', detail: 'asylum', priority: 'urgent', title: asylum },
    { domain: 'shelter_housing', priority: 'high', title: shelter },
  ]) {
    await care.getByRole('button', { name: t('care.need.add'), exact: true }).click();
    const form = care.getByRole('form', { name: t('care.need.addTitle') });
    await expect(form.getByRole('heading', { name: t('care.need.addTitle') })).toBeFocused();
    await form.getByLabel(t('care.need.domain')).selectOption(need.domain);
    if (need.detail) await form.getByLabel(t('care.need.detail')).selectOption(need.detail);
    await form.getByLabel(t('care.need.priority')).selectOption(need.priority);
    await form.getByRole('button', { name: t('care.need.addSubmit') }).click();
    await expect(announced(care, t('care.need.added', { title: need.title }))).toBeVisible();
  }
  const openNeeds = care.getByRole('list', { name: t('care.needs.openLabel') });
  await expect(openNeeds.getByRole('article')).toHaveCount(2);

  // Her care plan: a goal for each need; an action in the lawyer's charge, due in two weeks.
  const goal = 'Presentar su solicitud de asilo ante la COMAR';
  for (const { need, title } of [
    { need: asylum, title: goal },
    { need: shelter, title: 'Un albergue seguro para ella' },
  ]) {
    await care.getByRole('button', { name: `${t('care.goal.addFirst')} (${need})` }).click();
    const form = care.getByRole('form', { name: t('care.goal.addTitle', { need }) });
    await expect(form.getByRole('heading')).toBeFocused();
    await form.getByLabel(t('care.goal.title')).fill(title);
    await form.getByRole('button', { name: t('care.goal.addSubmit') }).click();
    await expect(announced(care, t('care.goal.added', { title }))).toBeVisible();
  }
  const action = 'Acompañarla a la oficina de la COMAR en Tapachula';
  const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await care.getByRole('button', { name: `${t('care.action.add')} (${goal})` }).click();
  const actionForm = care.getByRole('form', { name: t('care.action.addTitle', { goal }) });
  await expect(actionForm.getByRole('heading')).toBeFocused();
  await actionForm.getByLabel(t('care.action.title')).fill(action);
  await actionForm.getByLabel(t('care.action.responsible')).selectOption({ label: lawyer.displayName });
  await actionForm.getByLabel(t('care.action.dueOn')).fill(dueOn);
  await actionForm.getByRole('button', { name: t('care.action.addSubmit') }).click();
  await expect(announced(care, t('care.action.added', { title: action }))).toBeVisible();
  const actionItem = care.getByRole('article', { name: new RegExp(`^${escapeRegExp(action)}`) });
  await expect(actionItem).toContainText(lawyer.displayName);
  await expect(actionItem).toContainText(await shown(page, dueOn));

  // She sends the plan for approval.
  const planStatus = care.locator('p').filter({ hasText: t('care.plan.status') });
  await expect(planStatus).toContainText(t('enum.carePlanStatus.draft'));
  await care.getByRole('button', { name: t('care.plan.send') }).click();
  const sendForm = care.getByRole('form', { name: t('care.plan.sendTitle') });
  await expect(sendForm.getByRole('heading')).toBeFocused();
  await sendForm.getByRole('button', { name: t('care.plan.sendSubmit') }).click();
  await expect(announced(care, t('care.plan.sent'))).toBeVisible();
  await expect(planStatus).toContainText(t('enum.carePlanStatus.submitted'));

  // 5. "My work": her task to review the woman's safety, the case among those at high risk, her action.
  await openMyWork(page);
  const tasks = workList(page, 'work.tasks.title');
  await expect(tasks.getByRole('link', { name: created.code })).toBeVisible();
  await expect(tasks.getByText(t('enum.taskKind.high_risk_review'))).toBeVisible();
  await expect(workList(page, 'work.highRisk.title').getByRole('link', { name: created.code })).toBeVisible();
  await expect(workList(page, 'work.actions.title').getByText(action)).toBeVisible();
  // Case codes only: never her name.
  await expect(page.getByText('Yesenia')).toHaveCount(0);

  // 6. The coordinator finds the plan waiting for her decision, follows the case code and approves it.
  await handOver(page, coordinator);
  await openMyWork(page);
  const awaiting = workList(page, 'work.approvals.title')
    .getByRole('listitem')
    .filter({ hasText: created.code });
  await expect(awaiting.getByText(t('enum.approvalKind.care_plan'))).toBeVisible();
  await expect(awaiting.getByText(lawyer.displayName)).toBeVisible();
  await awaiting.getByRole('link', { name: created.code }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(created.code);
  const supervision = region(page, 'supervision.title');
  const planKind = t('enum.approvalKind.care_plan');
  await supervision
    .getByRole('form', { name: t('supervision.decide.title', { kind: planKind }) })
    .getByRole('button', { name: t('supervision.decide.approve'), exact: true })
    .click();
  await expect(announced(supervision, t('supervision.approved', { kind: planKind }))).toBeVisible();
  await expect(supervision.getByRole('heading', { level: 2, name: t('supervision.title') })).toBeFocused();
  await expect(planStatus).toContainText(t('enum.carePlanStatus.approved'));
  await expect(
    care.getByText(upTo(t('care.plan.approvedBy', { name: coordinator.displayName }))),
  ).toBeVisible();

  // 7. The lawyer records a follow-up (the action done), marks both needs met and asks to close the case.
  await handOver(page, lawyer);
  await page.getByRole('link', { name: created.code }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(created.code);
  await actionItem.getByRole('button', { name: `${t('care.followUp.add')} (${action})` }).click();
  const followUp = actionItem.getByRole('form', { name: t('care.followUp.addTitle', { title: action }) });
  await followUp.getByLabel(t('care.followUp.status')).selectOption('done');
  await followUp.getByLabel(t('care.followUp.note')).fill('La acompañamos; la COMAR recibió su solicitud.');
  await followUp.getByRole('button', { name: t('care.followUp.addSubmit') }).click();
  await expect(announced(care, t('care.followUp.added', { title: action }))).toBeVisible();
  // The follow-up's entry says what changed with it: the action's new status.
  await actionItem.getByText(one('care.followUp.count')).click();
  await expect(
    actionItem.getByText(t('care.followUp.entryStatus', { status: t('enum.actionStatus.done') })),
  ).toBeVisible();
  for (const title of [asylum, shelter]) {
    const quick = care.getByRole('form', { name: t('care.need.quickLabel', { title }) });
    await quick.getByLabel(t('care.need.status')).selectOption('met');
    await quick.getByRole('button', { name: `${t('care.need.quickSave')} (${title})` }).click();
    await expect(announced(care, t('care.need.updated', { title }))).toBeVisible();
    // Met, it moves to the closed needs: the focus follows it there.
    await expect(
      care.getByRole('heading', { level: 4, name: new RegExp(`^${escapeRegExp(title)}`) }),
    ).toBeFocused();
  }
  await expect(care.getByText(t('care.needs.noneOpen'))).toBeVisible();
  await supervision.getByRole('button', { name: t('supervision.closure.ask') }).click();
  const closure = supervision.getByRole('form', { name: t('supervision.closure.formTitle') });
  await expect(closure.getByRole('heading', { name: t('supervision.closure.formTitle') })).toBeFocused();
  await closure.getByLabel(t('case.field.closureReason')).selectOption('needs_met');
  const checklist = closure.getByRole('group', { name: t('supervision.closure.checklist') });
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await closure.getByRole('button', { name: t('supervision.closure.submit') }).click();
  await expect(announced(supervision, t('supervision.closure.requested'))).toBeVisible();

  // The coordinator approves the closure: the case is closed, with its reason.
  await handOver(page, coordinator);
  await openMyWork(page);
  await workList(page, 'work.approvals.title')
    .getByRole('listitem')
    .filter({ hasText: t('enum.approvalKind.closure') })
    .getByRole('link', { name: created.code })
    .click();
  await supervision.getByRole('button', { name: t('supervision.decide.approveClosure') }).click();
  const closureKind = t('enum.approvalKind.closure');
  await expect(announced(supervision, t('supervision.approved', { kind: closureKind }))).toBeVisible();
  await expect(supervision.getByRole('heading', { name: t('supervision.closed.title') })).toBeVisible();
  const header = page.getByRole('heading', { level: 1 }).locator('..');
  await expect(header).toContainText(t('enum.status.closed'));
  await expect(header).toContainText(t('enum.closureReason.needs_met'));
  await expect(care.getByText(t('care.closedNotice'))).toBeVisible();
});
