/**
 * The files of a statistics view — CSV, workbook, PDF brief — sent one way
 * for an organization's figures, a release's frozen figures and a network's
 * combined figures: only the published figures, as a no-store attachment.
 */
import type { FastifyReply } from 'fastify';
import type { StatisticsView, StatReportLang, UiLocale } from '@senda/domain';
import { sendAttachment } from '../../http/files.js';
import { statisticsCsv, statisticsWorkbook } from './export.js';
import { exportLabeller } from './labels.js';
import { statisticsPdf } from './pdf.js';
import type { ReportMeta } from './report.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The CSV or workbook of a view, labelled in a language; `name` without its extension. */
export async function sendTables(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  view: StatisticsView,
  lang: UiLocale,
  name: string,
) {
  const label = exportLabeller(lang);
  if (format === 'csv')
    return sendAttachment(reply, 'text/csv; charset=utf-8', `${name}.csv`, statisticsCsv(view, label));
  return sendAttachment(reply, XLSX, `${name}.xlsx`, await statisticsWorkbook(view, label));
}

/** The printable brief of a view, in Spanish or English. */
export async function sendBrief(
  reply: FastifyReply,
  view: StatisticsView,
  lang: StatReportLang,
  meta: Omit<ReportMeta, 'lang'>,
  name: string,
) {
  return sendAttachment(reply, 'application/pdf', `${name}.pdf`, await statisticsPdf(view, lang, meta));
}
