import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../lib/api';
import { statisticsApi, statisticsKeys } from '../../lib/statisticsApi';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { FilterForm } from './FilterForm';
import { StatSections } from './Sections';
import { SettingsPanel } from './SettingsPanel';
import { SummaryHeader } from './SummaryHeader';
import { useStatText } from './statText';
import {
  canEditStatSettings,
  canReadStatistics,
  filtersOf,
  parseStatisticsSearch,
  type StatisticsSearch,
} from './statisticsValues';

/** The page for someone whose role reads no statistics. */
function NoStatisticsAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('statistics.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('statistics.noAccess.body')}</p>
    </div>
  );
}

export function StatisticsPage() {
  const session = useRequiredSession();
  if (!canReadStatistics(session.user.role)) return <NoStatisticsAccess />;
  return <StatisticsView canEditSettings={canEditStatSettings(session.user.role)} />;
}

/**
 * The statistics of the organization: figures of a period, state, nationality
 * and age band, each table beside its chart, every figure downloadable, and
 * how many women were left out for lack of consent. Only published values
 * reach this page; it never works out a hidden one.
 */
function StatisticsView({ canEditSettings }: { canEditSettings: boolean }) {
  const text = useStatText();
  const { t } = text;
  const navigate = useNavigate();
  // The query key is compared by content: a new object with the same filters fetches nothing.
  const filters = filtersOf(parseStatisticsSearch(useSearch({ strict: false })));
  const query = useQuery({
    queryKey: statisticsKeys.view(filters),
    queryFn: ({ signal }) => statisticsApi.get(filters, signal),
  });
  const fieldErrors = isApiError(query.error, 'validation_failed') ? query.error.fields : [];
  const view = query.data;

  const show = (next: StatisticsSearch) => {
    void navigate({ to: '/statistics', search: next });
  };

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <PageHeading>{t('statistics.title')}</PageHeading>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            <Link to="/statistics/releases" className="text-teal-800 underline">
              {t('releases.link')}
            </Link>
            <Link to="/statistics/networks" className="text-teal-800 underline">
              {t('networks.link')}
            </Link>
          </div>
        </div>
        <p className="mt-2 max-w-3xl text-slate-800">{t('statistics.intro')}</p>
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
        <>
          <SummaryHeader view={view} text={text} />
          {view.tooFew ? null : <StatSections view={view} text={text} />}
        </>
      ) : null}
      {canEditSettings ? <SettingsPanel text={text} /> : null}
    </div>
  );
}
