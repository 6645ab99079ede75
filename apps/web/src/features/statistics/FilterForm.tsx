import { useId, useRef, useState, type ReactNode } from 'react';
import { STAT_AGE_BANDS, fieldErrorsFromIssues, statFilters, type FieldError } from '@senda/domain';
import { useCountryOptions, useStateOptions } from '../../lib/options';
import type { StatisticsFilters } from '../../lib/statisticsApi';
import { FormError, describedBy } from '../../components/forms';
import { buttonClass, cx, inputClass } from '../../components/styles';
import type { StatText } from './statText';
import type { StatisticsSearch } from './statisticsValues';

const FIELDS = ['from', 'to', 'state', 'nationality', 'ageBand'] as const;
type Field = (typeof FIELDS)[number];
type Draft = Record<Field, string>;

const draftOf = (filters: StatisticsFilters): Draft => ({
  from: filters.from,
  to: filters.to,
  state: filters.state ?? '',
  nationality: filters.nationality ?? '',
  ageBand: filters.ageBand ?? '',
});

const isField = (path: string): path is Field => (FIELDS as readonly string[]).includes(path);

function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-1 text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The filters of the figures: a period of whole months, and one state, one
 * nationality and one age band or all. "Ver cifras" puts them in the URL (so
 * the view can be shared); the server's refusals show next to their fields.
 */
export function FilterForm({
  filters,
  serverErrors,
  onSubmit,
  text,
}: {
  /** The filters of the figures on the page (from the URL, with the default period). */
  filters: StatisticsFilters;
  /** The server's field errors for those filters. */
  serverErrors: readonly FieldError[];
  onSubmit: (search: StatisticsSearch) => void;
  text: StatText;
}) {
  const { t } = text;
  const id = useId();
  const states = useStateOptions();
  const countries = useCountryOptions();
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLSelectElement | null>>>({});
  const [draft, setDraft] = useState(() => draftOf(filters));
  const [localErrors, setLocalErrors] = useState<FieldError[] | null>(null);
  // The URL changed (back, forward, a shared link): show its filters.
  const key = JSON.stringify(filters);
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    setDraft(draftOf(filters));
    setLocalErrors(null);
  }
  const errors = localErrors ?? serverErrors;
  const errorOf = (field: Field) => {
    const error = errors.find((e) => e.path === field);
    return error ? text.fieldError(error) : undefined;
  };
  const others = errors.filter((e) => !isField(e.path));
  const set = (field: Field) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const control = (field: Field, hint = false) => {
    const error = errorOf(field);
    return {
      id: `${id}-${field}`,
      value: draft[field],
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(hint && `${id}-${field}-hint`, error && `${id}-${field}-error`),
      className: cx(inputClass, error && 'border-red-700'),
    };
  };
  const select = (
    field: Field,
    label: string,
    all: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <FieldShell id={`${id}-${field}`} label={label} error={errorOf(field)}>
      <select
        {...control(field)}
        ref={(el) => {
          refs.current[field] = el;
        }}
        onChange={(e) => set(field)(e.target.value)}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
  const month = (field: 'from' | 'to', label: string) => (
    <FieldShell
      id={`${id}-${field}`}
      label={label}
      hint={t('statistics.filter.monthHint')}
      error={errorOf(field)}
    >
      <input
        {...control(field, true)}
        ref={(el) => {
          refs.current[field] = el;
        }}
        type="month"
        required
        autoComplete="off"
        onChange={(e) => set(field)(e.target.value)}
      />
    </FieldShell>
  );

  return (
    <form
      aria-label={t('statistics.filter.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const candidate: Record<string, string> = { from: draft.from.trim(), to: draft.to.trim() };
        if (draft.state) candidate.state = draft.state;
        if (draft.nationality) candidate.nationality = draft.nationality;
        if (draft.ageBand) candidate.ageBand = draft.ageBand;
        const parsed = statFilters.safeParse(candidate);
        if (!parsed.success) {
          const found = fieldErrorsFromIssues(parsed.error.issues);
          setLocalErrors(found);
          const first = FIELDS.find((field) => found.some((e) => e.path === field));
          if (first) refs.current[first]?.focus();
          return;
        }
        setLocalErrors(null);
        onSubmit(parsed.data);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {month('from', t('statistics.filter.from'))}
        {month('to', t('statistics.filter.to'))}
        {select('state', t('statistics.filter.state'), t('statistics.filter.allStates'), states)}
        {select(
          'nationality',
          t('statistics.filter.nationality'),
          t('statistics.filter.allNationalities'),
          countries,
        )}
        {select(
          'ageBand',
          t('statistics.filter.ageBand'),
          t('statistics.filter.allAges'),
          STAT_AGE_BANDS.map((band) => ({ value: band, label: text.code('age_band', band) })),
        )}
      </div>
      {others.length > 0 ? (
        <div className="mt-4">
          <FormError error={null} messageKey="error.validation_failed" extraFields={others} />
        </div>
      ) : null}
      <div className="mt-4">
        <button type="submit" className={buttonClass.primary}>
          {t('statistics.filter.submit')}
        </button>
      </div>
    </form>
  );
}
