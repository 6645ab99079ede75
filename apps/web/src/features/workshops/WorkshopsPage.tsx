import { useId, useState } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { WORKSHOP_TOPICS, type WorkshopTopic } from '@senda/domain';
import { workshopsApi, type WorkshopSummary } from '../../lib/workshopsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { canUseWorkshops, listParamsOf, parseWorkshopSearch, type WorkshopSearch } from './workshopValues';

export function NoWorkshopAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('workshops.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('workshops.noAccess.body')}</p>
    </div>
  );
}

export function WorkshopsPage() {
  const session = useRequiredSession();
  if (!canUseWorkshops(session.user.role)) return <NoWorkshopAccess />;
  return <WorkshopsView />;
}

/**
 * The organization's workshops and community activities, newest first: by
 * period and topic (kept in the address), with how many were held and how
 * many people they reached over the whole selection.
 */
function WorkshopsView() {
  const t = useT();
  const f = useFormatters();
  const search = parseWorkshopSearch(useSearch({ strict: false }));
  const params = listParamsOf(search);
  const results = useInfiniteQuery({
    queryKey: queryKeys.workshopList(params),
    queryFn: ({ pageParam, signal }) => workshopsApi.list({ ...params, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pages = results.data?.pages;
  const items = pages?.flatMap((p) => p.items) ?? [];
  const totals = pages?.[0]?.totals;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <PageHeading>{t('workshops.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('workshops.intro')}</p>
      </div>
      <Link to="/workshops/new" className={buttonClass.primary}>
        {t('workshops.new')}
      </Link>
      <Filters key={JSON.stringify(search)} search={search} />
      {results.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {results.isError ? <FormError error={results.error} /> : null}
      {totals ? (
        <section aria-labelledby="workshops-results-heading" className="space-y-4">
          <h2 id="workshops-results-heading" className="text-xl font-semibold text-slate-900">
            {t('workshops.results')}
          </h2>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-live="polite">
            <div className="rounded-md border-s-4 border-teal-800 bg-white p-3 shadow-sm">
              <dt className="text-slate-800">{t('workshops.totals.workshops')}</dt>
              <dd className="text-2xl font-bold text-slate-900">{f.number(totals.workshops)}</dd>
            </div>
            <div className="rounded-md border-s-4 border-sky-800 bg-white p-3 shadow-sm">
              <dt className="text-slate-800">{t('workshops.totals.participants')}</dt>
              <dd className="text-2xl font-bold text-slate-900">{f.number(totals.participants)}</dd>
            </div>
          </dl>
          {items.length === 0 ? (
            <p className="text-slate-700">{t('workshops.none')}</p>
          ) : (
            <ul className="space-y-3" aria-label={t('workshops.listLabel')}>
              {items.map((item) => (
                <li key={item.id}>
                  <WorkshopCard item={item} />
                </li>
              ))}
            </ul>
          )}
          {results.hasNextPage ? (
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={results.isFetchingNextPage}
              onClick={() => void results.fetchNextPage()}
            >
              {results.isFetchingNextPage ? t('common.loading') : t('workshops.loadMore')}
            </button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** The period and topic: applied when she presses "Filtrar", so typing a date does not reload the list. */
function Filters({ search }: { search: WorkshopSearch }) {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const topics = useEnumOptions('workshopTopic');
  const [from, setFrom] = useState(search.from ?? '');
  const [to, setTo] = useState(search.to ?? '');
  const [topic, setTopic] = useState<string>(search.topic ?? '');
  const apply = (next: WorkshopSearch) =>
    void navigate({
      to: '/workshops',
      search: {
        ...(next.from ? { from: next.from } : {}),
        ...(next.to ? { to: next.to } : {}),
        ...(next.topic ? { topic: next.topic } : {}),
      },
      replace: true,
    });
  const field = 'mb-1 block font-medium text-slate-900';
  return (
    <form
      role="search"
      aria-label={t('workshops.filter.label')}
      className={cx(cardClass, 'grid gap-4 sm:grid-cols-3')}
      onSubmit={(event) => {
        event.preventDefault();
        const known = (WORKSHOP_TOPICS as readonly string[]).includes(topic);
        apply({ from, to, topic: known ? (topic as WorkshopTopic) : undefined });
      }}
    >
      <div>
        <label htmlFor={`${id}-from`} className={field}>
          {t('workshops.filter.from')}
        </label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={field}>
          {t('workshops.filter.to')}
        </label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor={`${id}-topic`} className={field}>
          {t('workshops.field.topic')}
        </label>
        <select
          id={`${id}-topic`}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          className={inputClass}
        >
          <option value="">{t('workshops.filter.anyTopic')}</option>
          {topics.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-3 sm:col-span-3">
        <button type="submit" className={buttonClass.primary}>
          {t('workshops.filter.apply')}
        </button>
        {search.from || search.to || search.topic ? (
          <button type="button" className={buttonClass.secondary} onClick={() => apply({})}>
            {t('workshops.filter.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function WorkshopCard({ item }: { item: WorkshopSummary }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const topic =
    item.topic === 'other' && item.otherTopic ? item.otherTopic : label('workshopTopic', item.topic);
  const place = [item.municipality, f.state(item.state)].filter(Boolean).join(', ');
  return (
    <article className="rounded-md border border-slate-300 bg-white p-4">
      <h3 className="text-lg font-semibold break-words">
        <Link
          to="/workshops/$workshopId"
          params={{ workshopId: item.id }}
          className="text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          {item.title}
        </Link>
      </h3>
      <p className="mt-1 text-slate-800">
        {t('workshops.card.when', { date: f.date(item.heldOn), kind: label('workshopKind', item.kind) })}
      </p>
      <p className="break-words text-slate-800">{t('workshops.card.what', { topic, place })}</p>
      <p className="mt-1 font-medium text-slate-900">
        {t('workshops.card.reached', { count: item.participantTotal })}
        {item.materialCount > 0 ? ` · ${t('workshops.card.materials', { count: item.materialCount })}` : ''}
      </p>
    </article>
  );
}
