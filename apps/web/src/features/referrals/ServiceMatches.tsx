import { useEffect, useRef } from 'react';
import type { FitCriterion, FitResult } from '@senda/domain';
import type { ServiceMatch } from '../../lib/referralsApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { Badge } from '../care/Badges';
import { ModeBadge } from './Badges';
import { detailTokens, orderMatches } from './referralValues';

const headingClass =
  'text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

const RESULT: Record<FitResult, [string, string]> = {
  fits: ['text-emerald-900', '✓'],
  does_not_fit: ['text-red-900 font-semibold', '✗'],
  unknown: ['text-slate-800', '?'],
};

/** What a fit reason is about, in her language: the genders, ages, countries, languages or places it names. */
function useFitDetail(): (criterion: FitCriterion, detail: string) => string {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const place = (token: string) => {
    const withState = /^(.*) \((\d{2})\)$/.exec(token);
    if (withState) return `${withState[1] ?? ''} (${f.state(withState[2])})`;
    return /^\d{2}$/.test(token) ? f.state(token) : token;
  };
  return (criterion, detail) => {
    const tokens = detailTokens(detail);
    switch (criterion) {
      case 'children':
        return t('referrals.fit.children', { count: Number(detail) || 0 });
      case 'availability':
        return label('availability', detail);
      case 'age':
        return detail ? t('referrals.fit.ages', { range: detail }) : t('referrals.fit.noRestriction');
      case 'language':
        return tokens.length ? f.list(tokens.map(f.language)) : t('referrals.fit.notStated');
      case 'gender':
        return tokens.length
          ? f.list(tokens.map((g) => label('genderIdentity', g)))
          : t('referrals.fit.noRestriction');
      case 'nationality':
        return tokens.length ? f.list(tokens.map(f.country)) : t('referrals.fit.noRestriction');
      case 'location':
        return tokens.length ? f.list(tokens.map(place)) : t('referrals.fit.noRestriction');
    }
  };
}

/**
 * "Services that fit her": the active services answering the need, fitting
 * ones first, each with why it fits her or not criterion by criterion (a
 * criterion unknown about her is shown, never counted against it) and
 * whether her consent to share with that organization is in force.
 */
export function ServiceMatches({
  matches,
  focusOnMount,
  onChoose,
}: {
  matches: readonly ServiceMatch[];
  focusOnMount: boolean;
  onChoose: (match: ServiceMatch) => void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const ordered = orderMatches(matches);
  const fitting = ordered.filter((m) => m.fits).length;
  // Back from the form: her place is the list's heading.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  return (
    <section aria-labelledby="matches-heading">
      <h2 ref={heading} id="matches-heading" tabIndex={-1} className={headingClass}>
        {t('referrals.matches.title')}
      </h2>
      <p className="mt-1 mb-3 text-slate-800">{t('referrals.matches.intro')}</p>
      <p className="mb-3 font-medium text-slate-900">
        {t('referrals.matches.count', { count: ordered.length, fitting })}
      </p>
      {ordered.length === 0 ? <p className="text-slate-700">{t('referrals.matches.none')}</p> : null}
      <ul className="space-y-4" aria-label={t('referrals.matches.title')}>
        {ordered.map((match) => (
          <li key={match.service.id}>
            <MatchCard match={match} onChoose={() => onChoose(match)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function MatchCard({ match, onChoose }: { match: ServiceMatch; onChoose: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const detailOf = useFitDetail();
  const { service } = match;
  const titleId = `match-${service.id}`;
  return (
    <article
      aria-labelledby={titleId}
      className={cx(
        'rounded-md border bg-white p-4',
        match.fits ? 'border-s-4 border-slate-300 border-s-emerald-800' : 'border-slate-300',
      )}
    >
      <h3 id={titleId} className="text-lg font-semibold break-words text-slate-900">
        {service.name}
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-900">
        <span className="break-words">{service.organization}</span>
        <ModeBadge mode={service.onSenda ? 'senda' : 'outside'} />
        {match.fits ? (
          <Badge tone="border-emerald-800 bg-emerald-50 text-emerald-950" icon="✓">
            {t('referrals.matches.fits')}
          </Badge>
        ) : (
          <Badge tone="border-red-700 bg-red-50 text-red-900" icon="✗">
            {t('referrals.matches.doesNotFit')}
          </Badge>
        )}
      </p>
      <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2" aria-label={t('referrals.matches.reasons')}>
        {match.reasons.map((reason) => {
          const [tone, icon] = RESULT[reason.result];
          return (
            <li key={reason.criterion} className="min-w-0 break-words">
              <span className="font-medium text-slate-900">{label('fitCriterion', reason.criterion)}: </span>
              <span className={tone}>
                <span aria-hidden="true">{icon} </span>
                {label('fitResult', reason.result)}
              </span>
              <span className="text-slate-700"> — {detailOf(reason.criterion, reason.detail)}</span>
            </li>
          );
        })}
      </ul>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-700">{t('directory.field.referral_method')}</dt>
        <dd>{label('referralMethod', service.referralMethod)}</dd>
        <dt className="text-slate-700">{t('directory.field.response_business_days')}</dt>
        <dd>{t('directory.responseDays', { count: service.responseBusinessDays })}</dd>
        <dt className="text-slate-700">{t('referrals.matches.consent')}</dt>
        <dd className={match.consent.holds ? 'text-emerald-900' : 'font-medium text-amber-950'}>
          <span aria-hidden="true">{match.consent.holds ? '✓ ' : '⚠ '}</span>
          {match.consent.holds ? t('referrals.matches.consentHolds') : t('referrals.matches.noConsent')}
        </dd>
      </dl>
      <button type="button" className={cx(buttonClass.secondary, 'mt-3')} onClick={onChoose}>
        {t('referrals.matches.choose')}
        <span className="sr-only"> ({service.name})</span>
      </button>
    </article>
  );
}
