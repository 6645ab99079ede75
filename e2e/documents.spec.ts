/**
 * Her documents, in Spanish: a lawyer uploads a PDF (her constancia) through
 * the file input and sees it listed with its type, size and who uploaded it,
 * downloads it back byte for byte, tries an executable renamed to .pdf and
 * is told on the file field that this type is not accepted, then uploads a
 * PNG as a medical report. A social worker on the case sees the constancia
 * but neither the medical report nor the option to upload one, and may not
 * delete the lawyer's document. Back as the lawyer, the PDF is deleted after
 * confirming.
 */
import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/env.js';
import { catalogue } from './support/i18n.js';
import { PNG_1PX, executable, pdf } from './support/files.js';
import {
  apiAssignStaff,
  apiCreateCase,
  apiCreateUser,
  apiSignIn,
  chooseLanguage,
  unique,
} from './support/app.js';

const t = catalogue('es');
/** A legal date as the interface shows it (formatted by the browser, as the app does). */
function shown(page: Page, date: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${d}T00:00:00Z`),
      ),
    date,
  );
}

const title = (kind: string, fileName: string) =>
  t('documents.card.title', { kind: t(`enum.documentKind.${kind}`), fileName });

test('a lawyer uploads, downloads and deletes documents; a social worker does not see the medical report (es)', async ({
  page,
}) => {
  const run = unique();
  const lawyer = {
    displayName: `Abogada documentos ${run}`,
    email: `documentos-${run}@e2e.test`,
    role: 'lawyer',
    locale: 'es',
    password: `nopal-constancia-${run}-cielo-claro`,
  };
  const socialWorker = {
    displayName: `Trabajadora social ${run}`,
    email: `social-docs-${run}@e2e.test`,
    role: 'social_worker',
    locale: 'es',
    password: `bugambilia-apoyo-${run}-brisa`,
  };
  const adminCsrf = await apiSignIn(page.request, ADMIN_EMAIL, ADMIN_PASSWORD);
  await apiCreateUser(page.request, adminCsrf, lawyer);
  const worker = await apiCreateUser(page.request, adminCsrf, socialWorker);

  // The lawyer's case, with the social worker on its team.
  const csrf = await apiSignIn(page.request, lawyer.email, lawyer.password);
  const created = await apiCreateCase(page.request, csrf, {
    givenNames: 'Marie Claude',
    familyNames: `Joseph ${run}`,
    nationalities: ['HT'],
    languages: ['ht', 'fr'],
    state: '07',
  });
  await apiAssignStaff(page.request, csrf, created.id, worker.id, 'social_worker');
  await page.goto(`/cases/${created.id}`);
  await chooseLanguage(page, 'es');
  const section = page.getByRole('region', { name: t('documents.title'), exact: true });
  await expect(section.getByText(t('documents.none'))).toBeVisible();
  const addButton = section.getByRole('button', { name: t('documents.add') });
  const cards = section.getByRole('list', { name: t('documents.listLabel') }).getByRole('article');

  // Nothing chosen: the form says what is missing, on the fields, and sends nothing.
  await addButton.click();
  let form = section.getByRole('form', { name: t('documents.addTitle') });
  await expect(form.getByRole('heading', { name: t('documents.addTitle') })).toBeFocused();
  const kind = form.getByLabel(t('documents.field.kind'));
  const file = form.getByLabel(t('documents.field.file'));
  await expect(file).toHaveAttribute('accept', /\.pdf,.*\.png/);
  await expect(file).toHaveAccessibleDescription(t('documents.field.fileHint'));
  await form.getByRole('button', { name: t('documents.addSubmit') }).click();
  await expect(kind).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAccessibleDescription(
    `${t('documents.field.fileHint')} ${t('field.file_required')}`,
  );

  // Her constancia, a real (small) PDF.
  const constancia = pdf(`Constancia ${run}`);
  await kind.selectOption('constancia');
  await form.getByLabel(t('documents.field.documentDate')).fill('2026-01-20');
  await form.getByLabel(t('documents.field.description')).fill('Constancia vigente');
  await file.setInputFiles({ name: 'constancia.pdf', mimeType: 'application/pdf', buffer: constancia });
  await form.getByRole('button', { name: t('documents.addSubmit') }).click();
  await expect(
    section.getByRole('status').filter({ hasText: t('documents.added', { name: 'constancia.pdf' }) }),
  ).toBeVisible();
  await expect(addButton).toBeFocused();
  const pdfCard = section.getByRole('article', { name: title('constancia', 'constancia.pdf'), exact: true });
  await expect(cards).toHaveCount(1);
  await expect(pdfCard).toContainText('Constancia vigente');
  await expect(pdfCard).toContainText(`${t('documents.type.pdf')}, `);
  await expect(pdfCard).toContainText('bytes');
  await expect(pdfCard).toContainText(lawyer.displayName);
  await expect(pdfCard).toContainText(await shown(page, '2026-01-20'));

  // Downloaded back through a plain link: the same name and the same bytes.
  const downloadLink = pdfCard.getByRole('link', { name: `${t('documents.download')} (constancia.pdf)` });
  await expect(downloadLink).not.toHaveAttribute('href', /constancia/);
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe('constancia.pdf');
  expect(Buffer.compare(await fs.readFile(await download.path()), constancia)).toBe(0);

  // An executable renamed to .pdf: refused for what it is, on the file field; the form stays open.
  await addButton.click();
  form = section.getByRole('form', { name: t('documents.addTitle') });
  await kind.selectOption('comar_resolution');
  await file.setInputFiles({ name: 'resolucion.pdf', mimeType: 'application/pdf', buffer: executable() });
  await form.getByRole('button', { name: t('documents.addSubmit') }).click();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(t('field.file_type_not_allowed'))).toBeVisible();
  await expect(file).toHaveAccessibleDescription(
    `${t('documents.field.fileHint')} ${t('field.file_type_not_allowed')}`,
  );
  await expect(file).toBeFocused();
  await expect(cards).toHaveCount(1);

  // A medical report, as an image.
  await kind.selectOption('medical');
  await file.setInputFiles({ name: 'informe-medico.png', mimeType: 'image/png', buffer: PNG_1PX });
  await form.getByRole('button', { name: t('documents.addSubmit') }).click();
  await expect(
    section.getByRole('status').filter({ hasText: t('documents.added', { name: 'informe-medico.png' }) }),
  ).toBeVisible();
  await expect(cards).toHaveCount(2);
  const medicalCard = section.getByRole('article', {
    name: title('medical', 'informe-medico.png'),
    exact: true,
  });
  await expect(medicalCard).toContainText(t('documents.type.image', { format: 'PNG' }));

  // The social worker sees the constancia, not the medical report, and cannot upload one.
  await apiSignIn(page.request, socialWorker.email, socialWorker.password);
  await page.goto(`/cases/${created.id}`);
  await expect(pdfCard).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(section.getByText('informe-medico.png')).toHaveCount(0);
  await expect(
    pdfCard.getByRole('link', { name: `${t('documents.download')} (constancia.pdf)` }),
  ).toBeVisible();
  await expect(
    pdfCard.getByRole('button', { name: `${t('documents.delete')} (constancia.pdf)` }),
  ).toHaveCount(0);
  await addButton.click();
  await expect(kind.locator('option', { hasText: t('enum.documentKind.identity') })).toHaveCount(1);
  await expect(kind.locator('option', { hasText: t('enum.documentKind.medical') })).toHaveCount(0);
  await expect(kind.locator('option', { hasText: t('enum.documentKind.evidence') })).toHaveCount(0);

  // Back as the lawyer: the PDF is deleted after confirming; the medical report stays.
  await apiSignIn(page.request, lawyer.email, lawyer.password);
  await page.goto(`/cases/${created.id}`);
  await expect(cards).toHaveCount(2);
  await pdfCard.getByRole('button', { name: `${t('documents.delete')} (constancia.pdf)` }).click();
  const dialog = page.getByRole('alertdialog', { name: t('documents.deleteTitle') });
  await expect(dialog).toContainText('constancia.pdf');
  await dialog.getByRole('button', { name: t('documents.delete') }).click();
  await expect(dialog).toBeHidden();
  await expect(
    section.getByRole('status').filter({ hasText: t('documents.deleted', { name: 'constancia.pdf' }) }),
  ).toBeVisible();
  await expect(cards).toHaveCount(1);
  await expect(medicalCard).toBeVisible();
  await expect(addButton).toBeFocused();
});
