import { Fragment, useEffect, useRef } from 'react';
import type { FieldError } from '@senda/domain';
import type { HsdsImportAnswer } from '../../lib/directoryExchangeApi';
import { useFormatters } from '../../lib/format';
import { cx } from '../../components/styles';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { placeText, warningKey, warningPath, type ImportKind } from './exchangeValues';

/** Long lists stop here, with how many more there are (a broken file may give thousands). */
const SHOWN_ROWS = 500;

const headingClass =
  'text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';
const cellClass = 'px-3 py-2 [overflow-wrap:anywhere]';
const boxClass = 'space-y-4 rounded-md border p-3 sm:p-4';

/** A path that may break after each slash (a long JSON Pointer on a phone). */
function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}

/** Its heading takes the focus when the outcome shows, so that she hears it first. */
function useFocusOnMount() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

function More({ count }: { count: number }) {
  const t = useT();
  if (count <= SHOWN_ROWS) return null;
  return <p className="mt-2 text-slate-800">{t('directory.exchange.more', { count: count - SHOWN_ROWS })}</p>;
}

/** What the import wrote, and the warnings about what Senda could not keep as it was. */
export function ImportSummary({ kind, answer }: { kind: ImportKind; answer: HsdsImportAnswer }) {
  const t = useT();
  const f = useFormatters();
  const heading = useFocusOnMount();
  const counts = [
    { label: t('directory.exchange.count.organizations'), value: answer.imported.organizations },
    { label: t('directory.exchange.count.services'), value: answer.imported.services },
    { label: t('directory.exchange.count.locations'), value: answer.imported.locations },
  ];
  const warnings = answer.warnings;
  const rows = warnings.slice(0, SHOWN_ROWS).map((w) => ({
    place: placeText(t, warningPath(kind, w)),
    field: w.field,
    warning: t(warningKey(w.code)),
  }));
  return (
    <div className={cx(boxClass, 'border-emerald-700 bg-emerald-50')}>
      <h4 ref={heading} tabIndex={-1} className={headingClass}>
        {t('directory.exchange.doneTitle')}
      </h4>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        {counts.map((c) => (
          <div key={c.label}>
            <dt className="text-sm text-slate-800">{c.label}</dt>
            <dd className="text-2xl font-semibold text-slate-900">{f.number(c.value)}</dd>
          </div>
        ))}
      </dl>
      {warnings.length === 0 ? (
        <p className="text-slate-800">{t('directory.exchange.noWarnings')}</p>
      ) : (
        <div>
          <h5 className="font-semibold text-slate-900">
            {t('directory.exchange.warningsTitle', { count: warnings.length })}
          </h5>
          <p className="mb-2 text-slate-800">{t('directory.exchange.warningsIntro')}</p>
          {/* A table from the width of a tablet; on a phone, one warning under the other. */}
          <table className="hidden w-full table-fixed border-collapse bg-white text-left text-sm sm:table">
            <caption className="sr-only">{t('directory.exchange.warningsCaption')}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={cellClass}>
                  {t('directory.exchange.col.where')}
                </th>
                <th scope="col" className={cellClass}>
                  {t('directory.exchange.col.field')}
                </th>
                <th scope="col" className={cellClass}>
                  {t('directory.exchange.col.warning')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i} className="border-t border-slate-200 align-top">
                  <td className={cellClass}>
                    <Breakable text={row.place} />
                  </td>
                  <td className={cellClass}>
                    <code>{row.field}</code>
                  </td>
                  <td className={cellClass}>{row.warning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul
            className="divide-y divide-slate-200 bg-white text-sm sm:hidden"
            aria-label={t('directory.exchange.warningsCaption')}
          >
            {rows.map((row, i) => (
              <li key={i} className="space-y-1 px-3 py-2 [overflow-wrap:anywhere]">
                <p className="font-medium">
                  <Breakable text={row.place} />
                </p>
                <p>
                  <code>{row.field}</code>: {row.warning}
                </p>
              </li>
            ))}
          </ul>
          <More count={warnings.length} />
        </div>
      )}
    </div>
  );
}

/** The import was refused: every error, by document (or CSV line) and path; nothing was written. */
export function ImportErrors({ fields }: { fields: readonly FieldError[] }) {
  const t = useT();
  const heading = useFocusOnMount();
  return (
    <div className={cx(boxClass, 'border-red-700 bg-red-50 text-red-950')}>
      <h4 ref={heading} tabIndex={-1} className={headingClass}>
        {t('directory.exchange.refusedTitle')}
      </h4>
      <p>{t('directory.exchange.refusedBody', { count: fields.length })}</p>
      <ul className="list-disc space-y-1 ps-5" aria-label={t('directory.exchange.errorsLabel')}>
        {fields.slice(0, SHOWN_ROWS).map((field, i) => (
          <li key={i} className="[overflow-wrap:anywhere]">
            <span className="font-semibold">
              <Breakable text={placeText(t, field.path)} />
            </span>
            {': '}
            {t(fieldErrorKey(field.code), field.params ?? {})}
          </li>
        ))}
      </ul>
      <More count={fields.length} />
    </div>
  );
}
