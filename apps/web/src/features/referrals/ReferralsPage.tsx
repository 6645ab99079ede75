import { useId } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { referralsApi, type ReferralSummary } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ReferralList } from './ReferralList';
import { canUseReferrals, listParams, parseReferralsSearch, sentCounts } from './referralValues';

export function NoReferralAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('referrals.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('referrals.noAccess.body')}</p>
    </div>
  );
}

export function ReferralsPage() {
  const session = useRequiredSession();
  if (!canUseReferrals(session.user.role)) return <NoReferralAccess />;
  return <ReferralsView />;
}

const tabClass =
  'inline-flex min-h-11 items-center rounded-t-md border border-b-0 px-4 font-medium focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/**
 * Her organization's referrals: those received (its inbox) and those sent
 * from the cases she sees — the sender's dashboard, with how many wait for
 * an answer, are overdue or have had no news for 14 days. Open ones only,
 * unless she asks for the closed ones too.
 */
function ReferralsView() {
  const t = useT();
  const navigate = useNavigate();
  const session = useRequiredSession();
  const filterId = useId();
  const search = parseReferralsSearch(useSearch({ strict: false }));
  const params = listParams(search);
  const query = useQuery({
    queryKey: queryKeys.referralList(params),
    queryFn: ({ signal }) => referralsApi.list(params, signal),
  });
  const sends = session.abilities.readCases;
  const tabs = [
    { box: 'received' as const, label: t('referrals.box.received') },
    ...(sends ? [{ box: 'sent' as const, label: t('referrals.box.sent') }] : []),
  ];

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <PageHeading>{t('referrals.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('referrals.intro')}</p>
      </div>
      <nav aria-label={t('referrals.box.label')}>
        <ul className="flex flex-wrap gap-1 border-b border-slate-400">
          {tabs.map((tab) => {
            const current = params.box === tab.box;
            return (
              <li key={tab.box}>
                <Link
                  to="/referrals"
                  search={{
                    ...(tab.box === 'sent' ? { box: 'sent' } : {}),
                    ...(search.all ? { all: true } : {}),
                  }}
                  aria-current={current ? 'page' : undefined}
                  className={cx(
                    tabClass,
                    current
                      ? 'border-teal-800 bg-teal-800 text-white'
                      : 'border-slate-400 bg-white text-teal-900 underline underline-offset-2 hover:bg-slate-100',
                  )}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={filterId}
          type="checkbox"
          className="size-5 shrink-0 accent-teal-800"
          checked={search.all === true}
          onChange={(e) =>
            void navigate({
              to: '/referrals',
              search: {
                ...(search.box === 'sent' ? { box: 'sent' } : {}),
                ...(e.target.checked ? { all: true } : {}),
              },
              replace: true,
            })
          }
        />
        <label htmlFor={filterId} className="text-slate-900">
          {t('referrals.filter.all')}
        </label>
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {query.data ? <Results items={query.data} box={params.box} open={params.open} /> : null}
    </div>
  );
}

function Results({
  items,
  box,
  open,
}: {
  items: ReferralSummary[];
  box: 'received' | 'sent';
  open: boolean;
}) {
  const t = useT();
  const f = useFormatters();
  const counts = sentCounts(items);
  const title = box === 'sent' ? t('referrals.box.sent') : t('referrals.box.received');
  return (
    <section aria-labelledby="referrals-results-heading" className="space-y-4">
      <h2 id="referrals-results-heading" className="sr-only">
        {title}
      </h2>
      {box === 'sent' ? (
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label={t('referrals.dashboard.label')}>
          {(
            [
              ['waiting', counts.waiting, 'border-sky-800'],
              ['overdue', counts.overdue, 'border-red-800'],
              ['withoutNews', counts.withoutNews, 'border-amber-700'],
            ] as const
          ).map(([key, count, tone]) => (
            <div key={key} className={cx('rounded-md border-s-4 bg-white p-3 shadow-sm', tone)}>
              <dt className="text-slate-800">{t(`referrals.dashboard.${key}`)}</dt>
              <dd className="text-2xl font-bold text-slate-900">{f.number(count)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p role="status" className="font-medium text-slate-900">
        {t(open ? 'referrals.countOpen' : 'referrals.count', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="text-slate-700">
          {box === 'sent' ? t('referrals.none.sent') : t('referrals.none.received')}
        </p>
      ) : (
        <ReferralList items={items} label={title} showCase={box === 'sent'} />
      )}
    </section>
  );
}
