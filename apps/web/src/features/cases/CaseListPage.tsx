import { useId, useState } from 'react';
import { Link, useNavigate, useRouterState, useSearch } from '@tanstack/react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { CASE_STATUSES, CASE_STEPS } from '@senda/domain';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { useCountryOptions, useEnumLabel, useStateOptions } from '../../lib/options';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { parseCaseFilters, type CaseFilters } from './filters';
import { CaseCards, CaseTable } from './CaseResults';

const PAGE_SIZE = 25;

export function NoCaseAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('cases.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('cases.noAccess.body')}</p>
    </div>
  );
}

export function CaseListPage() {
  const session = useRequiredSession();
  if (!session.abilities.readCases) return <NoCaseAccess />;
  return <CaseList />;
}

function CaseList() {
  const t = useT();
  const navigate = useNavigate();
  const filters = parseCaseFilters(useSearch({ strict: false }));
  // The text search lives in history state, never in the URL (it may be a name).
  const savedQuery = useRouterState({ select: (s) => s.location.state.caseSearch ?? '' });
  const [draft, setDraft] = useState(savedQuery);
  const [query, setQuery] = useState(savedQuery);
  const session = useRequiredSession();

  const setFilters = (next: CaseFilters) => {
    void navigate({
      to: '/cases',
      search: next,
      state: (prev) => ({ ...prev, caseSearch: query }),
      replace: true,
    });
  };

  const results = useInfiniteQuery({
    queryKey: [...queryKeys.caseList({ ...filters, q: query }), session.user.id],
    queryFn: ({ pageParam, signal }) =>
      api.searchCases({ ...filters, q: query, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const hasFilters = Object.keys(filters).length > 0 || query !== '';

  return (
    <div>
      <PageHeading className="mb-4">{t('cases.list.title')}</PageHeading>

      <div className={cx(cardClass, 'mb-6')}>
        <form
          role="search"
          aria-label={t('cases.search.region')}
          onSubmit={(event) => {
            event.preventDefault();
            const q = draft.trim();
            setQuery(q);
            void navigate({
              to: '/cases',
              search: filters,
              state: (prev) => ({ ...prev, caseSearch: q }),
              replace: true,
            });
          }}
        >
          <SearchBox value={draft} onChange={setDraft} />
          <FilterControls filters={filters} onChange={setFilters} />
          {hasFilters ? (
            <button
              type="button"
              className={cx(buttonClass.link, 'mt-2')}
              onClick={() => {
                setDraft('');
                setQuery('');
                void navigate({
                  to: '/cases',
                  search: {},
                  state: (prev) => ({ ...prev, caseSearch: '' }),
                  replace: true,
                });
              }}
            >
              {t('cases.search.clear')}
            </button>
          ) : null}
        </form>
      </div>

      <section aria-labelledby="case-results-heading">
        <h2 id="case-results-heading" className="sr-only">
          {t('cases.list.results')}
        </h2>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p role="status" className="text-slate-800">
            {results.isPending
              ? t('common.loading')
              : results.isError
                ? ''
                : t('cases.list.count', { count: items.length, more: results.hasNextPage ? 'yes' : 'no' })}
          </p>
          {session.abilities.createCases ? (
            <Link to="/cases/new" className={buttonClass.primary}>
              {t('cases.list.newCase')}
            </Link>
          ) : null}
        </div>
        {results.isError ? <FormError error={results.error} /> : null}
        {items.length > 0 ? (
          <>
            <CaseTable items={items} />
            <CaseCards items={items} />
          </>
        ) : null}
        {!results.isPending && !results.isError && items.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-400 p-6 text-center text-slate-800">
            {hasFilters ? t('cases.list.emptyFiltered') : t('cases.list.empty')}
          </p>
        ) : null}
        {results.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={results.isFetchingNextPage}
              onClick={() => void results.fetchNextPage()}
            >
              {results.isFetchingNextPage ? t('common.loading') : t('cases.list.loadMore')}
            </button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-900">
        {t('cases.search.label')}
      </label>
      <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
        {t('cases.search.hint')}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={value}
          maxLength={100}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-hint`}
          className={cx(inputClass, 'min-w-0 flex-1 basis-48')}
        />
        <button type="submit" className={buttonClass.primary}>
          {t('cases.search.submit')}
        </button>
      </div>
    </div>
  );
}

function FilterControls({ filters, onChange }: { filters: CaseFilters; onChange: (f: CaseFilters) => void }) {
  const t = useT();
  const id = useId();
  const countries = useCountryOptions();
  const states = useStateOptions();
  const label = useEnumLabel();
  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) => {
    const rest = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key)) as CaseFilters;
    onChange(value === undefined || value === false ? rest : { ...rest, [key]: value });
  };
  const selectClass = inputClass;
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <legend className="mb-2 font-medium text-slate-900">{t('cases.filters.legend')}</legend>
      <div>
        <label htmlFor={`${id}-nat`} className="mb-1 block text-sm text-slate-800">
          {t('cases.filters.nationality')}
        </label>
        <select
          id={`${id}-nat`}
          className={selectClass}
          value={filters.nationality ?? ''}
          onChange={(e) => set('nationality', parseCaseFilters({ nationality: e.target.value }).nationality)}
        >
          <option value="">{t('cases.filters.any')}</option>
          {countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-state`} className="mb-1 block text-sm text-slate-800">
          {t('cases.filters.state')}
        </label>
        <select
          id={`${id}-state`}
          className={selectClass}
          value={filters.state ?? ''}
          onChange={(e) => set('state', parseCaseFilters({ state: e.target.value }).state)}
        >
          <option value="">{t('cases.filters.any')}</option>
          {states.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-status`} className="mb-1 block text-sm text-slate-800">
          {t('cases.filters.status')}
        </label>
        <select
          id={`${id}-status`}
          className={selectClass}
          value={filters.status ?? ''}
          onChange={(e) => set('status', parseCaseFilters({ status: e.target.value }).status)}
        >
          <option value="">{t('cases.filters.any')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {label('status', s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-step`} className="mb-1 block text-sm text-slate-800">
          {t('cases.filters.step')}
        </label>
        <select
          id={`${id}-step`}
          className={selectClass}
          value={filters.step ?? ''}
          onChange={(e) => set('step', parseCaseFilters({ step: e.target.value }).step)}
        >
          <option value="">{t('cases.filters.any')}</option>
          {CASE_STEPS.map((s) => (
            <option key={s} value={s}>
              {label('step', s)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-h-11 items-center gap-3 self-end">
        <input
          id={`${id}-mine`}
          type="checkbox"
          className="size-5 accent-teal-800"
          checked={filters.assignedToMe === true}
          onChange={(e) => set('assignedToMe', e.target.checked)}
        />
        <label htmlFor={`${id}-mine`} className="text-slate-900">
          {t('cases.filters.assignedToMe')}
        </label>
      </div>
    </fieldset>
  );
}
