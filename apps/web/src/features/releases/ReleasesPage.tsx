import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useRequiredSession } from '../../lib/session';
import { useFormatters } from '../../lib/format';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useStatText } from '../statistics/statText';
import { scopeText } from '../statistics/SummaryHeader';
import { canReadReleases, releaseKeys, releasesApi, type ReleaseList } from './releasesApi';
import { ModeText, StatusBadge } from './releaseText';

export function NoReleasesAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('releases.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('releases.noAccess.body')}</p>
    </div>
  );
}

export function ReleasesPage() {
  const session = useRequiredSession();
  if (!canReadReleases(session.user.role)) return <NoReleasesAccess />;
  return <ReleasesView />;
}

/**
 * The organization's releases of figures, newest first: what each one
 * covers, its mode and ε, who prepared and who decided it, and the ε spent
 * by the approved differential-privacy releases so far.
 */
function ReleasesView() {
  const t = useT();
  const f = useFormatters();
  const text = useStatText();
  const query = useQuery({ queryKey: releaseKeys.all, queryFn: ({ signal }) => releasesApi.list(signal) });
  const list: ReleaseList | undefined = query.data;
  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/statistics" className="text-teal-800 underline">
            {t('releases.back')}
          </Link>
        </p>
        <PageHeading className="mt-2">{t('releases.title')}</PageHeading>
        <p className="mt-2 max-w-3xl text-slate-800">{t('releases.intro')}</p>
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('releases.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {list ? (
        <>
          <div className={cx(cardClass, 'space-y-2')}>
            <p className="text-slate-900">
              <span className="font-semibold">{t('releases.budget.spent')}</span>{' '}
              <span className="tabular-nums">{f.number(list.epsilonSpent)}</span>
            </p>
            <p className="text-sm text-slate-800">{t('releases.budget.spentHint')}</p>
            {list.canPrepare ? (
              <Link to="/statistics/releases/new" className={buttonClass.primary}>
                {t('releases.prepare')}
              </Link>
            ) : null}
          </div>
          {list.releases.length === 0 ? (
            <p className="text-slate-800">{t('releases.empty')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full border-collapse text-left">
                <caption className="sr-only">{t('releases.title')}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">
                      {t('releases.col.title')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('releases.col.status')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('releases.col.mode')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('releases.col.prepared')}
                    </th>
                    <th scope="col" className="p-2">
                      {t('releases.col.decided')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.releases.map((r) => (
                    <tr key={r.id} className="border-b border-slate-200 align-top">
                      <td className="p-2">
                        <Link
                          to="/statistics/releases/$releaseId"
                          params={{ releaseId: r.id }}
                          className="font-medium text-teal-800 underline"
                        >
                          {r.title}
                        </Link>
                        <p className="text-sm text-slate-800">{scopeText(text, r.filters)}</p>
                      </td>
                      <td className="p-2">
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="p-2">
                        <ModeText mode={r.mode} epsilon={r.epsilon} />
                      </td>
                      <td className="p-2">
                        {r.preparedByName}
                        <p className="text-sm text-slate-800">{f.dateTime(r.preparedAt)}</p>
                      </td>
                      <td className="p-2">
                        {r.decidedByName ?? '—'}
                        {r.decidedAt ? (
                          <p className="text-sm text-slate-800">{f.dateTime(r.decidedAt)}</p>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
