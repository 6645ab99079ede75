import { useId } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { DeadlineStatus } from '@senda/domain';
import { api, type MyDeadline } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { useFormatters } from '../../lib/format';
import { useEnumOptions } from '../../lib/options';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from '../cases/CaseListPage';
import { DeadlineStatusBadge, useDaysLeftText, useResponsibleText, useRuleLabel } from './DeadlineCard';
import type { DeadlineFilters } from './deadlineFilters';

/** Her deadlines across the cases she is assigned to, most urgent first. Case codes only, never names. */
export function DeadlinesPage() {
  const session = useRequiredSession();
  if (!session.abilities.createCases) return <NoCaseAccess />;
  return <DeadlinesView />;
}

function DeadlinesView() {
  const t = useT();
  const filters: DeadlineFilters = useSearch({ strict: false });
  const navigate = useNavigate();
  const params = {
    status: filters.status,
    includeClosed: filters.includeClosed,
    responsibleOnly: filters.responsibleOnly,
  };
  const query = useQuery({
    queryKey: queryKeys.deadlineList(params),
    queryFn: ({ signal }) => api.listMyDeadlines(params, signal),
  });
  const setFilters = (next: DeadlineFilters) =>
    void navigate({
      to: '/deadlines',
      search: {
        ...(next.status ? { status: next.status } : {}),
        ...(next.includeClosed ? { includeClosed: true } : {}),
        ...(next.responsibleOnly ? { responsibleOnly: true } : {}),
      },
      replace: true,
    });
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t('deadlines.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('deadlines.intro')}</p>
        <p className="mt-1">
          <Link to="/admin/deadline-rules" className={buttonClass.link}>
            {t('deadlines.rulesLink')}
          </Link>
        </p>
      </div>
      <Filters filters={filters} onChange={setFilters} />
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {query.data ? (
        <>
          <p role="status" className="font-medium text-slate-900">
            {t('deadlines.count', { count: query.data.length })}
          </p>
          {query.data.length > 0 ? (
            <>
              <DeadlineTable items={query.data} />
              <DeadlineCards items={query.data} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function Filters({
  filters,
  onChange,
}: {
  filters: DeadlineFilters;
  onChange: (f: DeadlineFilters) => void;
}) {
  const t = useT();
  const statusOptions = useEnumOptions('deadlineStatus');
  const id = useId();
  return (
    <form
      aria-label={t('deadlines.filters')}
      className={cx(cardClass, 'flex flex-wrap items-end gap-4')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="min-w-0 flex-1 sm:max-w-xs">
        <label htmlFor={`${id}-status`} className="mb-1 block font-medium text-slate-900">
          {t('deadlines.filter.status')}
        </label>
        <select
          id={`${id}-status`}
          className={inputClass}
          value={filters.status ?? ''}
          onChange={(e) =>
            onChange({ ...filters, status: (e.target.value || undefined) as DeadlineStatus | undefined })
          }
        >
          <option value="">{t('deadlines.filter.anyStatus')}</option>
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={`${id}-closed`}
          type="checkbox"
          className="size-5 shrink-0 accent-teal-800"
          checked={filters.includeClosed ?? false}
          onChange={(e) => onChange({ ...filters, includeClosed: e.target.checked || undefined })}
        />
        <label htmlFor={`${id}-closed`} className="text-slate-900">
          {t('deadlines.filter.includeClosed')}
        </label>
      </div>
      <div className="flex min-h-11 items-center gap-3">
        <input
          id={`${id}-mine`}
          type="checkbox"
          className="size-5 shrink-0 accent-teal-800"
          checked={filters.responsibleOnly ?? false}
          onChange={(e) => onChange({ ...filters, responsibleOnly: e.target.checked || undefined })}
        />
        <label htmlFor={`${id}-mine`} className="text-slate-900">
          {t('deadlines.filter.responsibleOnly')}
        </label>
      </div>
    </form>
  );
}

function CaseLink({ item, className }: { item: MyDeadline; className?: string }) {
  return (
    <Link
      to="/cases/$caseId"
      params={{ caseId: item.caseId }}
      className={cx(
        'inline-flex min-h-11 items-center font-mono text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500',
        className,
      )}
    >
      {item.caseCode}
    </Link>
  );
}

const keyOf = (d: MyDeadline) => `${d.procedureId}-${d.ruleCode}-${d.triggerEventId}`;

function DeadlineTable({ items }: { items: MyDeadline[] }) {
  const t = useT();
  const f = useFormatters();
  const daysLeft = useDaysLeftText();
  const ruleLabel = useRuleLabel();
  const responsibleText = useResponsibleText();
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-300 bg-white md:block">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t('deadlines.tableCaption')}</caption>
        <thead className="bg-slate-100 text-sm text-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('deadlines.col.case')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('deadlines.col.rule')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('deadline.dueDate')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('deadline.businessDaysLeft')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('deadlines.col.status')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('deadline.responsible')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={keyOf(d)} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <CaseLink item={d} />
              </td>
              <td className="px-3 py-2">
                {ruleLabel(d)}
                {d.justificationNeeded ? (
                  <span className="block text-sm font-medium text-red-900">
                    {t('deadline.justificationNeeded')}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{f.date(d.dueDate)}</td>
              <td className="px-3 py-2">{daysLeft(d)}</td>
              <td className="px-3 py-2">
                <DeadlineStatusBadge status={d.status} />
              </td>
              <td className="px-3 py-2">{responsibleText(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeadlineCards({ items }: { items: MyDeadline[] }) {
  const t = useT();
  const f = useFormatters();
  const daysLeft = useDaysLeftText();
  const ruleLabel = useRuleLabel();
  const responsibleText = useResponsibleText();
  return (
    <ul className="space-y-3 md:hidden" aria-label={t('deadlines.tableCaption')}>
      {items.map((d) => (
        <li key={keyOf(d)} className={cx(cardClass, 'p-4')}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CaseLink item={d} />
            <DeadlineStatusBadge status={d.status} />
          </div>
          <p className="font-semibold break-words text-slate-900">{ruleLabel(d)}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-700">{t('deadline.dueDate')}</dt>
            <dd className="font-medium">{f.date(d.dueDate)}</dd>
            {d.businessDaysLeft !== null ? (
              <>
                <dt className="text-slate-700">{t('deadline.businessDaysLeft')}</dt>
                <dd>{daysLeft(d)}</dd>
              </>
            ) : null}
            <dt className="text-slate-700">{t('deadline.responsible')}</dt>
            <dd>{responsibleText(d)}</dd>
          </dl>
          {d.justificationNeeded ? (
            <p className="mt-2 text-sm font-medium text-red-900">{t('deadline.justificationNeeded')}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
