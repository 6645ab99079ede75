import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { canManageDirectory, canReadDirectory, hasFilters, parseDirectoryFilters } from './directoryValues';
import { ExportSection } from './ExchangeSection';
import { SearchForm } from './SearchForm';
import { ServiceCard } from './ServiceCard';
import { useServiceSearch } from './useDirectory';

/** How many services one page of a search shows. */
const RESULTS_LIMIT = 50;

/** A page of the directory she may not open (analysts; a manage page for someone who keeps no entries). */
export function NoDirectoryAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('directory.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('directory.noAccess.body')}</p>
    </div>
  );
}

export function DirectoryPage() {
  const session = useRequiredSession();
  if (!canReadDirectory(session.user.role)) return <NoDirectoryAccess />;
  return <DirectorySearchView />;
}

/**
 * The service directory: services of the network by need, place, language
 * and words. A confidential location shows only as its contact path, city
 * and state, unless she may see it.
 */
function DirectorySearchView() {
  const t = useT();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const filters = parseDirectoryFilters(useSearch({ strict: false }));
  const results = useServiceSearch({ ...filters, limit: RESULTS_LIMIT });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasFilters(filters);

  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t('directory.title')}</PageHeading>
        <p className="mt-2 max-w-3xl text-slate-800">{t('directory.intro')}</p>
        {canManageDirectory(session.user.role) ? (
          <Link to="/directory/manage" className={cx(buttonClass.secondary, 'mt-3')}>
            {t('directory.manage.link')}
          </Link>
        ) : null}
      </div>

      <div className={cardClass}>
        <SearchForm
          filters={filters}
          onSearch={(next) => void navigate({ to: '/directory', search: next, replace: true })}
        />
      </div>

      <section aria-labelledby="directory-results-heading">
        <h2 id="directory-results-heading" className="mb-2 text-xl font-semibold text-slate-900">
          {t('directory.results.title')}
        </h2>
        <p role="status" className="mb-3 text-slate-800">
          {results.isPending
            ? t('common.loading')
            : results.isError
              ? ''
              : results.hasNextPage
                ? t('directory.results.countMore', { count: items.length })
                : t('directory.results.count', { count: items.length })}
        </p>
        {results.isError ? <FormError error={results.error} /> : null}
        {items.length > 0 ? (
          <ul className="space-y-4" aria-labelledby="directory-results-heading">
            {items.map((service) => (
              <li key={service.id}>
                <ServiceCard service={service} />
              </li>
            ))}
          </ul>
        ) : null}
        {results.hasNextPage ? (
          <button
            type="button"
            className={cx(buttonClass.secondary, 'mt-4')}
            disabled={results.isFetchingNextPage}
            onClick={() => void results.fetchNextPage()}
          >
            {results.isFetchingNextPage ? t('common.loading') : t('directory.results.more')}
          </button>
        ) : null}
        {results.isSuccess && items.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-400 p-6 text-center text-slate-800">
            {filtered ? t('directory.results.emptyFiltered') : t('directory.results.empty')}
          </p>
        ) : null}
      </section>
      <ExportSection />
    </div>
  );
}
