/**
 * The advocacy brief as a PDF file. pdfmake is set up once for the server:
 * the Roboto fonts it ships, no URL ever fetched, and no local file read but
 * those fonts — so no label or chart in a definition can make it fetch or
 * read anything.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { StatisticsView, StatReportLang } from '@senda/domain';
import { exportLabeller, reportWords } from './labels.js';
import { reportDefinition, type ReportMeta } from './report.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const ROBOTO = {
  normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
  bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
  italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
  bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
};
const READABLE = new Set(Object.values(ROBOTO));

pdfmake.setFonts({ Roboto: ROBOTO });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => READABLE.has(file));

/** The brief of a statistics view, in Spanish or English, as a PDF file. */
export async function statisticsPdf(
  view: StatisticsView,
  lang: StatReportLang,
  meta: Omit<ReportMeta, 'lang'>,
): Promise<Buffer> {
  const definition = reportDefinition(
    view,
    { label: exportLabeller(lang), words: reportWords(lang) },
    { ...meta, lang },
  );
  return pdfmake.createPdf(definition).getBuffer();
}
