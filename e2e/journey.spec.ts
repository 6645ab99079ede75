/**
 * The core journey of a clinic, once in Spanish and once in English:
 * the admin creates a lawyer and a psychologist; the lawyer registers a woman
 * and her daughter, finds her again typing the name without accents, assigns
 * the psychologist and writes a legal note and a general note; the
 * psychologist then sees the general note but never the legal one. At
 * intake the privacy notice is shown in her language (English, chosen among
 * the languages she speaks), read to her, and accepted: without that, no case.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG_NAME } from './support/env.js';
import { catalogue, type Lang, type T } from './support/i18n.js';
import { chooseLanguage, signIn, signOut, unique } from './support/app.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message whose placeholders are filled as given, any other placeholder matching any text. */
function filled(message: string, values: Record<string, string>): RegExp {
  const parts = message.split(/(\{\w+\})/);
  return new RegExp(
    parts
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        const value = values[name];
        return value === undefined ? '.+' : escapeRegExp(value);
      })
      .join(''),
  );
}

async function createUser(
  page: Page,
  t: T,
  user: { name: string; email: string; role: string; lang: Lang; password: string },
): Promise<void> {
  const form = page.getByRole('region', { name: t('users.create.title') });
  await form.getByLabel(t('users.field.displayName')).fill(user.name);
  await form.getByLabel(t('users.field.email')).fill(user.email);
  await form.getByLabel(t('users.field.role')).selectOption(user.role);
  await form.getByLabel(t('users.field.locale')).selectOption(user.lang);
  await form.getByLabel(t('users.field.password')).fill(user.password);
  await form.getByRole('button', { name: t('users.create.submit') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: t('users.created', { name: user.name }) }),
  ).toBeVisible();
  await expect(page.getByText(user.email, { exact: true })).toBeVisible();
}

for (const lang of ['es', 'en'] as const) {
  test(`a case from intake to confidential notes (${lang})`, async ({ page }) => {
    const t = catalogue(lang);
    const run = unique();
    const lawyer = {
      name: `Abogada ${lang} ${run}`,
      email: `lawyer-${lang}-${run}@e2e.test`,
      role: 'lawyer',
      lang,
      password: `ceiba-jaguar-${run}-marea-alta`,
    };
    const psychologist = {
      name: `Psicóloga ${lang} ${run}`,
      email: `psy-${lang}-${run}@e2e.test`,
      role: 'psychologist',
      lang,
      password: `colibri-volcan-${run}-nube-lenta`,
    };
    const legalText = `Nota jurídica confidencial ${run}: fecha de audiencia ante la COMAR.`;
    const generalText = `Nota general ${run}: acudió con su hija a la cita.`;

    // The admin creates the two accounts.
    await page.goto('/');
    await chooseLanguage(page, lang);
    await signIn(page, t, ADMIN_EMAIL, ADMIN_PASSWORD);
    await chooseLanguage(page, lang);
    await page
      .getByRole('navigation', { name: t('layout.nav.label') })
      .getByRole('link', { name: t('layout.nav.users') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('users.title') })).toBeFocused();
    await createUser(page, t, lawyer);
    await createUser(page, t, psychologist);
    await signOut(page, t);

    // The lawyer registers María José and her daughter.
    await signIn(page, t, lawyer.email, lawyer.password);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page
      .getByRole('navigation', { name: t('layout.nav.label') })
      .getByRole('link', { name: t('layout.nav.newCase') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('intake.title') })).toBeVisible();

    // Submitting empty shows the error next to the field, in the interface language.
    await page.getByRole('button', { name: t('intake.submit') }).click();
    const givenNames = page.getByLabel(t('case.field.givenNames'), { exact: false }).first();
    await expect(givenNames).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(t('field.required')).first()).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(t('form.fixErrors'));
    const notice = page.getByRole('group', { name: t('privacy.legend') });
    const accepted = notice.getByRole('checkbox', {
      name: new RegExp(`^${escapeRegExp(t('privacy.field.accepted'))}`),
    });
    await expect(accepted).toHaveAttribute('aria-invalid', 'true');
    await expect(notice.getByText(t('field.privacy_notice_not_accepted'))).toBeVisible();

    await givenNames.fill('María José');
    await page.getByLabel(t('case.field.familyNames')).first().fill('Pérez');
    await page.getByLabel(t('case.field.estimatedAge')).first().fill('29');
    const nationalities = page.getByRole('group', { name: t('case.field.nationalities') });
    await nationalities
      .getByLabel(t('form.multiselect.filter', { label: t('case.field.nationalities') }))
      .fill('hond');
    await nationalities.getByRole('checkbox', { name: 'Honduras' }).check();
    await page.getByLabel(t('case.field.state')).selectOption('07');
    // She speaks English: the privacy notice follows, in English, until someone picks another language.
    const languages = page.getByRole('group', { name: t('case.field.languages') });
    await languages
      .getByLabel(t('form.multiselect.filter', { label: t('case.field.languages') }))
      .fill(lang === 'es' ? 'ingl' : 'engl');
    await languages
      .getByRole('checkbox', { name: lang === 'es' ? 'Inglés' : 'English', exact: true })
      .check();
    await expect(notice.getByLabel(t('privacy.field.language'))).toHaveValue('en');
    const text = notice.getByRole('region', { name: `Privacy notice from ${ORG_NAME}` });
    await expect(text).toHaveAttribute('lang', 'en');
    await expect(text).toHaveAttribute('tabindex', '0');
    await notice.getByLabel(t('privacy.field.presentedHow')).selectOption('read_to_her');
    await accepted.check();
    await page.getByLabel(t('case.field.entryPlace')).fill('Tapachula');

    await page.getByRole('button', { name: t('intake.family.add') }).click();
    const member = page.getByRole('region', { name: new RegExp(t('intake.family.memberN', { n: 1 })) });
    await expect(member.getByLabel(t('member.field.relationship'))).toBeFocused();
    await member.getByLabel(t('member.field.relationship')).selectOption('daughter');
    await member.getByLabel(t('member.field.givenNames')).fill('Lucía');
    await member.getByLabel(t('member.field.familyNames')).fill('Pérez');
    await member.getByLabel(t('member.field.estimatedAge')).fill('7');
    await member.getByLabel(t('member.field.sex')).selectOption('female');
    await page.getByRole('button', { name: t('intake.submit') }).click();

    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('María José Pérez');
    const code = (await heading.locator('span').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z]{2,6}-\d{4}-\d{5,}$/);
    await expect(page.getByText('Lucía Pérez')).toBeVisible();
    await expect(
      page.getByText(filled(t('case.privacyNotice.accepted'), { language: t('enum.noticeLanguage.en') })),
    ).toBeVisible();

    // Back to the list: she is found without typing the accents.
    await page
      .getByRole('navigation', { name: t('layout.nav.label') })
      .getByRole('link', { name: t('layout.nav.cases') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();
    const search = page.getByLabel(t('cases.search.label'));
    await search.fill('jose perez');
    await search.press('Enter');
    const result = page.getByRole('link', { name: code });
    await expect(result).toBeVisible();
    expect(page.url()).not.toContain('jose');
    await result.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(code);

    // She assigns the psychologist to the case.
    const staff = page.getByRole('region', { name: t('staff.title') });
    await staff
      .getByLabel(t('staff.person'), { exact: true })
      .selectOption({ label: `${psychologist.name} (${t('enum.role.psychologist')})` });
    await expect(staff.getByLabel(t('staff.roleOnCase'), { exact: true })).toHaveValue('psychologist');
    await staff.getByRole('button', { name: t('staff.assign') }).click();
    await expect(staff.getByRole('listitem').filter({ hasText: psychologist.name })).toBeVisible();

    // A legal note and a general note.
    const notes = page.getByRole('region', { name: t('notes.title') });
    await notes.getByLabel(t('notes.class')).selectOption('legal');
    await notes.getByLabel(t('notes.body')).fill(legalText);
    await notes.getByRole('button', { name: t('notes.submit') }).click();
    await expect(notes.getByText(legalText)).toBeVisible();
    await notes.getByLabel(t('notes.class')).selectOption('general');
    await notes.getByLabel(t('notes.body')).fill(generalText);
    await notes.getByRole('button', { name: t('notes.submit') }).click();
    await expect(notes.getByText(generalText)).toBeVisible();
    await signOut(page, t);

    // The psychologist opens the case: the general note yes, the legal note never.
    await signIn(page, t, psychologist.email, psychologist.password);
    await expect(page.getByRole('heading', { level: 1, name: t('cases.list.title') })).toBeVisible();
    await page.getByRole('link', { name: code }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('María José Pérez');
    const psyNotes = page.getByRole('region', { name: t('notes.title') });
    await expect(psyNotes.getByText(generalText)).toBeVisible();
    await expect(page.getByText(legalText)).toHaveCount(0);
    await expect(
      psyNotes.getByRole('heading', { name: new RegExp(`^${t('enum.noteClass.legal')}`) }),
    ).toHaveCount(0);
    await expect(psyNotes.getByLabel(t('notes.class')).locator('option[value="legal"]')).toHaveCount(0);
    await signOut(page, t);
  });
}
