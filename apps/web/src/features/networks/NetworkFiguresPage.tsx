import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/api';
import { useRequiredSession } from '../../lib/session';
import { useLocale } from '../../i18n/LocaleProvider';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { FilterForm } from '../statistics/FilterForm';
import { StatSections } from '../statistics/Sections';
import { SUPPRESSION_MARKS } from '../statistics/StatTable';
import { SummaryHeader } from '../statistics/SummaryHeader';
import { useStatText, type StatText } from '../statistics/statText';
import {
  canReadStatistics,
  parseStatisticsSearch,
  type StatisticsSearch,
} from '../statistics/statisticsValues';
import { networkExportUrls, networkKeys, networksApi, type NetworkStatistics } from './networksApi';
import { networkFiltersOf } from './networkValues';
import { NoNetworksAccess } from './NetworksPage';

export function NetworkFiguresPage() {
  const session = useRequiredSession();
  if (!canReadStatistics(session.user.role)) return <NoNetworksAccess />;
  return <NetworkFiguresView />;
}

/** How a network's figures protect its organizations, beside how they protect the women. */
function NetworkNotice({ view, text }: { view: NetworkStatistics; text: StatText }) {
  const { t } = text;
  return (
    <div className="rounded-md border border-teal-700 bg-teal-50 p-3 text-slate-900">
      <h3 className="font-semibold">{t('networks.protection.title')}</h3>
      <p className="mt-1">{t('networks.protection.combined', { count: view.organizations })}</p>
      <p className="mt-1">
        {t('networks.protection.dominance', { mark: SUPPRESSION_MARKS.dominance, p: view.dominanceP })}
      </p>
      <p className="mt-1">{t('networks.protection.months', { month: text.month(view.lastMonth) })}</p>
    </div>
  );
}

/**
 * A network's figures: the same tables, charts and downloads as the
 * organization's statistics, of the members' combined figures only. The
 * period ends at the latest with the last month that is over; nothing is
 * shown unless enough organizations share it.
 */
function NetworkFiguresView() {
  const text = useStatText();
  const { t } = text;
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { networkId } = useParams({ from: '/app/statistics/networks/$networkId' });
  // The query key is compared by content: a new object with the same filters fetches nothing.
  const filters = networkFiltersOf(parseStatisticsSearch(useSearch({ strict: false })));
  const query = useQuery({
    queryKey: networkKeys.figures(networkId, filters),
    queryFn: ({ signal }) => networksApi.figures(networkId, filters, signal),
  });
  const fieldErrors = isApiError(query.error, 'validation_failed') ? query.error.fields : [];
  const view = query.data;

  const show = (next: StatisticsSearch) => {
    void navigate({ to: '/statistics/networks/$networkId', params: { networkId }, search: next });
  };

  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/statistics/networks" className="text-teal-800 underline">
            {t('networks.figures.back')}
          </Link>
        </p>
        <PageHeading className="mt-2 break-words">
          {view ? t('networks.figures.titleOf', { name: view.network.name }) : t('networks.figures.title')}
        </PageHeading>
        <p className="mt-2 max-w-3xl text-slate-800">{t('networks.figures.intro')}</p>
      </div>
      <div className={cardClass}>
        <FilterForm filters={filters} serverErrors={fieldErrors} onSubmit={show} text={text} />
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('statistics.loading')}
        </p>
      ) : null}
      {query.isError && fieldErrors.length === 0 ? <FormError error={query.error} /> : null}
      {view ? (
        view.tooFewOrganizations ? (
          <div role="status" className="rounded-md border border-amber-700 bg-amber-50 p-4 text-slate-900">
            <p className="font-semibold">{t('networks.tooFewOrgs.title')}</p>
            <p className="mt-1">
              {t('networks.tooFewOrgs.body', { min: view.minOrganizations, count: view.organizations })}
            </p>
          </div>
        ) : (
          <>
            <SummaryHeader
              view={view}
              text={text}
              exports={networkExportUrls(networkId, view.filters, locale)}
              notice={<NetworkNotice view={view} text={text} />}
            />
            {view.tooFew ? null : <StatSections view={view} text={text} />}
          </>
        )
      ) : null}
    </div>
  );
}
