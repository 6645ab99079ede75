import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AUTHORITIES } from '@senda/domain';
import { api, type Authority, type CalendarEntry } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { canEditCalendar, useRequiredSession } from '../../lib/session';
import { useFormatters } from '../../lib/format';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from '../cases/CaseListPage';
import { EntryForm } from './EntryForm';
import { refreshDeadlines } from '../../lib/refresh';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The law's holidays and the organization's dated entries of one authority's calendar, by year. */
export function CalendarPage() {
  const session = useRequiredSession();
  if (!session.abilities.createCases) return <NoCaseAccess />;
  return <CalendarView canEdit={canEditCalendar(session.user.role)} />;
}

function CalendarView({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const id = useId();
  const authorityOptions = useEnumOptions('authority');
  const [authority, setAuthority] = useState<Authority>('comar_inm');
  const [yearText, setYearText] = useState(String(new Date().getFullYear()));
  const year = Number(yearText);
  const validYear = Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  return (
    <div className="space-y-6">
      <div>
        <PageHeading>{t('calendar.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('calendar.intro')}</p>
        {canEdit ? null : <p className="mt-2 text-slate-800">{t('calendar.readOnly')}</p>}
      </div>
      <form
        aria-label={t('calendar.choose')}
        className={cx(cardClass, 'grid gap-4 sm:grid-cols-2')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label htmlFor={`${id}-authority`} className="mb-1 block font-medium text-slate-900">
            {t('calendar.authority')}
          </label>
          <select
            id={`${id}-authority`}
            className={inputClass}
            value={authority}
            onChange={(e) => setAuthority(e.target.value as Authority)}
          >
            {authorityOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-year`} className="mb-1 block font-medium text-slate-900">
            {t('calendar.year')}
          </label>
          <input
            id={`${id}-year`}
            type="number"
            inputMode="numeric"
            min={MIN_YEAR}
            max={MAX_YEAR}
            className={inputClass}
            value={yearText}
            aria-invalid={validYear ? undefined : true}
            aria-describedby={validYear ? undefined : `${id}-year-error`}
            onChange={(e) => setYearText(e.target.value)}
          />
          {validYear ? null : (
            <p id={`${id}-year-error`} className="mt-1 text-sm font-medium text-red-800">
              <span aria-hidden="true">⚠ </span>
              {t('calendar.yearInvalid', { min: MIN_YEAR, max: MAX_YEAR })}
            </p>
          )}
        </div>
      </form>
      {validYear && (AUTHORITIES as readonly string[]).includes(authority) ? (
        <CalendarYearView authority={authority} year={year} canEdit={canEdit} />
      ) : null}
    </div>
  );
}

function CalendarYearView({
  authority,
  year,
  canEdit,
}: {
  authority: Authority;
  year: number;
  canEdit: boolean;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const query = useQuery({
    queryKey: queryKeys.calendarYear(authority, year),
    queryFn: ({ signal }) => api.getCalendarYear(authority, year, signal),
  });
  const title = { authority: label('authority', authority), year };
  return (
    <>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      <section aria-labelledby="holidays-heading" className={cardClass}>
        <h2 id="holidays-heading" className="mb-2 text-xl font-semibold text-slate-900">
          {t('calendar.holidays', title)}
        </h2>
        <p className="mb-3 text-slate-800">{t('calendar.holidaysIntro')}</p>
        {query.data?.holidays.length === 0 ? (
          <p className="text-slate-700">{t('calendar.noHolidays')}</p>
        ) : null}
        <ul className="divide-y divide-slate-200">
          {query.data?.holidays.map((h) => (
            <li key={`${h.date}-${h.code}`} className="py-2">
              <span className="font-semibold">{f.date(h.date)}</span> — {label('holiday', h.code)}
              <span className="block text-sm break-words text-slate-700">{h.basis}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="entries-heading" className={cardClass}>
        <h2 id="entries-heading" className="mb-2 text-xl font-semibold text-slate-900">
          {t('calendar.entries', title)}
        </h2>
        <p className="mb-3 text-slate-800">{t('calendar.entriesIntro')}</p>
        {query.data ? <EntryList entries={query.data.entries} canEdit={canEdit} /> : null}
        {canEdit ? (
          <div className="mt-6">
            <EntryForm authority={authority} />
          </div>
        ) : null}
      </section>
    </>
  );
}

function EntryList({ entries, canEdit }: { entries: CalendarEntry[]; canEdit: boolean }) {
  const t = useT();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const [toDelete, setToDelete] = useState<CalendarEntry | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const remove = useMutation({
    mutationFn: (entry: CalendarEntry) => api.deleteCalendarEntry(entry.id),
    onSuccess: async () => {
      setToDelete(null);
      setAnnouncement(t('calendar.entry.removed'));
      await refreshDeadlines(queryClient, queryKeys.calendar);
    },
  });
  const when = (e: CalendarEntry) =>
    e.kind === 'suspension' && e.from !== e.to
      ? t('calendar.entry.range', { from: f.date(e.from), to: f.date(e.to) })
      : f.date(e.from);
  return (
    <>
      <p role="status" className={announcement ? 'mb-2 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {entries.length === 0 ? <p className="text-slate-700">{t('calendar.noEntries')}</p> : null}
      <ul className="divide-y divide-slate-200">
        {entries.map((e) => (
          <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
            <div className="min-w-0">
              <p>
                <span className="font-semibold">{when(e)}</span> — {t(`calendar.entry.kind.${e.kind}`)}
                {e.note ? `: ${e.note}` : ''}
              </p>
              <p className="text-sm break-words text-slate-700">
                {t('calendar.entry.sourceValue', { source: e.source })}
              </p>
            </div>
            {canEdit ? (
              <button
                type="button"
                className={buttonClass.secondary}
                onClick={() => {
                  remove.reset();
                  setToDelete(e);
                }}
              >
                {t('common.remove')}
                <span className="sr-only"> ({when(e)})</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(open) => {
          if (!open) setToDelete(null);
        }}
        title={t('calendar.entry.removeTitle')}
        body={
          toDelete ? t('calendar.entry.removeBody', { when: when(toDelete), source: toDelete.source }) : null
        }
        confirmLabel={t('calendar.entry.removeConfirm')}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
      />
    </>
  );
}
