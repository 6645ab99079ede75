import { useId, useMemo } from 'react';
import { IntlProvider } from 'react-intl';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { UI_LOCALES, formattingLocale, todayInMexico, type UiLocale } from '@senda/domain';
import { isApiError } from '../../lib/api';
import type { Referral } from '../../lib/referralsApi';
import { makeFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, inputClass } from '../../components/styles';
import { CATALOGUES } from '../../i18n/catalogues';
import { useT } from '../../i18n/useT';
import { BackToReferrals } from './ReferralPage';
import { NoReferralAccess } from './ReferralsPage';
import { SharedData } from './SharedData';
import { canUseReferrals, letterLanguage, parseLetterSearch } from './referralValues';
import { useReferralQuery } from './useReferral';

export function LetterPage() {
  const session = useRequiredSession();
  if (!canUseReferrals(session.user.role)) return <NoReferralAccess />;
  return <LetterView />;
}

/**
 * The referral letter she takes to an organization outside Senda (or that is
 * sent to it), printed in the language chosen — hers by default. It holds the
 * referral's code, service, organizations, need, urgency, date and message,
 * and only the data the referral shares; the interface around it is not
 * printed.
 */
function LetterView() {
  const t = useT();
  const navigate = useNavigate();
  const selectId = useId();
  const { referralId = '' } = useParams({ strict: false });
  const { lang } = parseLetterSearch(useSearch({ strict: false }));
  const query = useReferralQuery(referralId);
  if (query.isPending)
    return (
      <p role="status" className="text-slate-800">
        {t('common.loading')}
      </p>
    );
  if (query.isError || !query.data.can.letter) {
    const missing = query.isError && isApiError(query.error) && [400, 404].includes(query.error.status);
    return (
      <div className="max-w-2xl">
        <BackToReferrals />
        <PageHeading className="mt-2 mb-4">
          {missing || !query.isError ? t('referrals.notFound.title') : t('referrals.loadError')}
        </PageHeading>
        {query.isError && !missing ? <FormError error={query.error} /> : null}
      </div>
    );
  }
  const referral = query.data;
  const language = letterLanguage(lang, referral.herLanguage);

  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-4 print:hidden">
        <BackToReferrals box={referral.side === 'sender' ? 'sent' : undefined} />
        <PageHeading>{t('referrals.letter.pageTitle', { code: referral.code })}</PageHeading>
        <p className="text-slate-800">{t('referrals.letter.intro')}</p>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={selectId} className="mb-1 block font-medium text-slate-900">
              {t('referrals.letter.language')}
            </label>
            <select
              id={selectId}
              value={language}
              className={inputClass}
              onChange={(e) =>
                void navigate({
                  to: '/referrals/$referralId/letter',
                  params: { referralId },
                  search: { lang: e.target.value as UiLocale },
                  replace: true,
                })
              }
            >
              {UI_LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`enum.locale.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className={buttonClass.primary} onClick={() => window.print()}>
            {t('referrals.letter.print')}
          </button>
        </div>
      </div>
      <IntlProvider locale={formattingLocale(language)} messages={CATALOGUES[language]}>
        <Letter referral={referral} language={language} />
      </IntlProvider>
    </div>
  );
}

/** The letter itself, in its own language (the IntlProvider around it). */
function Letter({ referral: r, language }: { referral: Referral; language: UiLocale }) {
  const t = useT();
  const label = useEnumLabel();
  const f = useMemo(() => makeFormatters(language), [language]);
  const rows: [string, string][] = [
    [t('referrals.field.code'), r.code],
    [t('referrals.field.from'), r.from.name],
    [t('referrals.field.to'), r.to.name],
    [t('referrals.field.service'), r.service.name],
    [t('referrals.field.need'), label('needDomain', r.needDomain)],
    [t('referrals.field.urgency'), label('referralUrgency', r.urgency)],
    [t('referrals.field.sentOn'), r.sentOn ? f.date(r.sentOn) : t('referrals.notSent')],
  ];
  return (
    <article
      lang={language}
      aria-labelledby="letter-title"
      className="rounded-lg border border-slate-300 bg-white p-6 print:border-0 print:p-0"
    >
      <header className="mb-4">
        <p className="text-sm text-slate-700">{f.date(todayInMexico())}</p>
        <h2 id="letter-title" className="mt-1 text-2xl font-bold text-slate-900">
          {t('referrals.letter.title')}
        </h2>
      </header>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr] print:grid-cols-[minmax(8rem,auto)_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="min-w-0 sm:contents print:contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className="mb-1 min-w-0 break-words text-slate-900 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-slate-900">
        {t('referrals.letter.body', { to: r.to.name, from: r.from.name, service: r.service.name })}
      </p>
      {r.message ? (
        <section aria-labelledby="letter-message" className="mt-4">
          <h3 id="letter-message" className="text-lg font-semibold text-slate-900">
            {t('referrals.field.message')}
          </h3>
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{r.message}</p>
        </section>
      ) : null}
      <section aria-labelledby="letter-shared" className="mt-6">
        <h3 id="letter-shared" className="mb-2 text-lg font-semibold text-slate-900">
          {t('referrals.shared.title')}
        </h3>
        {r.shared === null ? (
          <p className="text-slate-800">{t('referrals.shared.notShared')}</p>
        ) : (
          <>
            <p className="mb-3 text-slate-900">
              {t('referrals.letter.consent', { organization: r.to.name })}
            </p>
            <SharedData shared={r.shared} referralId={null} formatters={f} level="h4" />
          </>
        )}
      </section>
      <p className="mt-8 text-slate-900">{t('referrals.letter.closing', { from: r.from.name })}</p>
    </article>
  );
}
