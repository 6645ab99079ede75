import type { ReactNode } from 'react';
import {
  statisticsExportUrl,
  statisticsReportUrl,
  type ReportLang,
  type Statistics,
  type StatisticsFilters,
} from '../../lib/statisticsApi';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { CellValue } from './StatTable';
import type { StatText } from './statText';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 p-3">
      <dt className="text-sm text-slate-800">{term}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** The period and filters in words: "enero de 2025 a junio de 2025 · Chiapas · …". */
export function scopeText(text: StatText, filters: StatisticsFilters): string {
  const { t } = text;
  return [
    t('statistics.summary.period', { from: text.month(filters.from), to: text.month(filters.to) }),
    filters.state ? text.code('state', filters.state) : t('statistics.filter.allStates'),
    filters.nationality
      ? text.code('nationality', filters.nationality)
      : t('statistics.filter.allNationalities'),
    filters.ageBand ? text.code('age_band', filters.ageBand) : t('statistics.filter.allAges'),
  ].join(' · ');
}

/** Where the downloads of some figures are: the organization's, or a network's. */
export interface ExportUrls {
  csv: string;
  xlsx: string;
  pdf: (lang: ReportLang) => string;
}

/** The organization's downloads of the figures with these filters. */
export const organizationExportUrls = (filters: StatisticsFilters, lang: string): ExportUrls => ({
  csv: statisticsExportUrl('csv', filters, lang),
  xlsx: statisticsExportUrl('xlsx', filters, lang),
  pdf: (lang) => statisticsReportUrl(filters, lang),
});

/** The downloads of the same tables, with the filters on the page: CSV, Excel, and the PDF brief in two languages. */
export function ExportLinks({ urls, text }: { urls: ExportUrls; text: StatText }) {
  const { t } = text;
  return (
    <div>
      <ul className="flex flex-wrap gap-3">
        <li>
          <a href={urls.csv} download className={buttonClass.secondary}>
            {t('statistics.export.csv')}
          </a>
        </li>
        <li>
          <a href={urls.xlsx} download className={buttonClass.secondary}>
            {t('statistics.export.xlsx')}
          </a>
        </li>
        <li>
          <a
            href={urls.pdf('es')}
            hrefLang="es"
            type="application/pdf"
            download
            className={buttonClass.secondary}
          >
            {t('statistics.export.pdfEs')}
          </a>
        </li>
        <li>
          <a
            href={urls.pdf('en')}
            hrefLang="en"
            type="application/pdf"
            download
            className={buttonClass.secondary}
          >
            {t('statistics.export.pdfEn')}
          </a>
        </li>
      </ul>
      <p className="mt-2 text-sm text-slate-800">{t('statistics.export.hint')}</p>
      <p className="mt-1 text-sm text-slate-800">{t('statistics.export.pdfHint')}</p>
    </div>
  );
}

/**
 * What the figures below count and how they protect the women: the women
 * counted and those left out for lack of consent, the threshold, when the
 * figures were brought up to date, and the downloads (the organization's
 * unless `exports` says where else, e.g. a network's; `notice` adds what
 * else protects them).
 */
export function SummaryHeader({
  view,
  text,
  exports,
  notice,
}: {
  view: Statistics;
  text: StatText;
  exports?: ExportUrls | undefined;
  notice?: ReactNode;
}) {
  const { t, f } = text;
  return (
    <section aria-labelledby="stat-summary-title" className={cx(cardClass, 'space-y-4')}>
      <div>
        <h2 id="stat-summary-title" className="text-xl font-semibold text-slate-900">
          {t('statistics.summary.title')}
        </h2>
        <p className="mt-1 text-slate-800">{scopeText(text, view.filters)}</p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Fact term={t('statistics.summary.universe')}>
          <CellValue cell={view.universe} k={view.k} text={text} showReason />
        </Fact>
        <Fact term={t('statistics.summary.leftOut')}>
          <CellValue cell={view.leftOut} k={view.k} text={text} showReason />
        </Fact>
        <Fact term={t('statistics.summary.k')}>{text.count(view.k)}</Fact>
        <Fact term={t('statistics.summary.minUniverse')}>{text.count(view.minUniverse)}</Fact>
        <Fact term={t('statistics.summary.refreshedAt')}>
          {view.refreshedAt ? f.dateTime(view.refreshedAt) : t('statistics.summary.neverRefreshed')}
        </Fact>
        <Fact term={t('statistics.summary.pending')}>{text.count(view.pending)}</Fact>
      </dl>
      {view.pending > 0 ? (
        <p className="text-slate-800">{t('statistics.summary.pendingNote', { count: view.pending })}</p>
      ) : null}
      <div className="rounded-md border border-teal-700 bg-teal-50 p-3 text-slate-900">
        <h3 className="font-semibold">{t('statistics.protection.title')}</h3>
        <p className="mt-1">{t('statistics.protection.body', { k: view.k })}</p>
        <p className="mt-1">{t('statistics.protection.consent')}</p>
      </div>
      {notice}
      {view.tooFew ? (
        <div role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-slate-900">
          <p className="font-semibold">{t('statistics.tooFew.title')}</p>
          <p className="mt-1">{t('statistics.tooFew.body', { min: view.minUniverse })}</p>
        </div>
      ) : (
        <ExportLinks urls={exports ?? organizationExportUrls(view.filters, f.locale)} text={text} />
      )}
    </section>
  );
}
