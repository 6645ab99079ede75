import { useId, useState, type ReactNode } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_EPSILON,
  MAX_EPSILON,
  MIN_EPSILON,
  STAT_AGE_BANDS,
  fieldErrorsFromIssues,
  releaseInput,
  type FieldError,
  type ReleaseInput,
  type ReleaseMode,
} from '@senda/domain';
import { isApiError } from '../../lib/api';
import { useCountryOptions, useStateOptions } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError, describedBy } from '../../components/forms';
import { buttonClass, cardClass, cx, inputClass } from '../../components/styles';
import { useStatText } from '../statistics/statText';
import { defaultPeriod } from './releaseValues';
import { releaseKeys, releasesApi } from './releasesApi';
import { NoReleasesAccess } from './ReleasesPage';

const FIELDS = [
  'title',
  'filters.from',
  'filters.to',
  'filters.state',
  'filters.nationality',
  'filters.ageBand',
  'mode',
  'epsilon',
] as const;

interface Draft {
  title: string;
  from: string;
  to: string;
  state: string;
  nationality: string;
  ageBand: string;
  mode: ReleaseMode;
  epsilon: string;
}

function Field({
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

export function NewReleasePage() {
  const session = useRequiredSession();
  const role = session.user.role;
  if (role !== 'admin' && role !== 'coordinator') return <NoReleasesAccess />;
  return <ReleaseForm />;
}

/**
 * Preparing a release: a title, the period and filters, and the mode. The
 * figures are computed when it is prepared and frozen; another coordinator
 * approves them before they leave the organization.
 */
function ReleaseForm() {
  const text = useStatText();
  const { t } = text;
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const states = useStateOptions();
  const countries = useCountryOptions();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    ...defaultPeriod(),
    state: '',
    nationality: '',
    ageBand: '',
    mode: 'standard',
    epsilon: String(DEFAULT_EPSILON),
  }));
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const prepare = useMutation({
    mutationFn: (input: ReleaseInput) => releasesApi.prepare(input),
    onSuccess: async (release) => {
      await queryClient.invalidateQueries({ queryKey: releaseKeys.all });
      await navigate({ to: '/statistics/releases/$releaseId', params: { releaseId: release.id } });
    },
  });
  const serverErrors = isApiError(prepare.error, 'validation_failed') ? prepare.error.fields : [];
  const errors = localErrors.length ? localErrors : serverErrors;
  const errorOf = (path: string) => {
    const error = errors.find((e) => e.path === path);
    return error ? text.fieldError(error) : undefined;
  };
  const others = errors.filter((e) => !(FIELDS as readonly string[]).includes(e.path));
  const set = (field: Exclude<keyof Draft, 'mode'>) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const control = (path: string, hint = false) => {
    const error = errorOf(path);
    const fieldId = `${id}-${path.replace('.', '-')}`;
    return {
      id: fieldId,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(hint && `${fieldId}-hint`, error && `${fieldId}-error`),
      className: cx(inputClass, error && 'border-red-700'),
    };
  };
  const fieldId = (path: string) => `${id}-${path.replace('.', '-')}`;
  const select = (
    field: 'state' | 'nationality' | 'ageBand',
    label: string,
    all: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <Field id={fieldId(`filters.${field}`)} label={label} error={errorOf(`filters.${field}`)}>
      <select
        {...control(`filters.${field}`)}
        value={draft[field]}
        onChange={(e) => set(field)(e.target.value)}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  const month = (field: 'from' | 'to', label: string) => (
    <Field
      id={fieldId(`filters.${field}`)}
      label={label}
      hint={t('statistics.filter.monthHint')}
      error={errorOf(`filters.${field}`)}
    >
      <input
        {...control(`filters.${field}`, true)}
        type="month"
        required
        autoComplete="off"
        value={draft[field]}
        onChange={(e) => set(field)(e.target.value)}
      />
    </Field>
  );
  const dp = draft.mode === 'differential_privacy';

  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/statistics/releases" className="text-teal-800 underline">
            {t('releases.backToList')}
          </Link>
        </p>
        <PageHeading className="mt-2">{t('releases.new.title')}</PageHeading>
        <p className="mt-2 max-w-3xl text-slate-800">{t('releases.new.intro')}</p>
      </div>
      <form
        aria-label={t('releases.new.title')}
        noValidate
        className={cx(cardClass, 'space-y-4')}
        onSubmit={(event) => {
          event.preventDefault();
          const filters: Record<string, string> = { from: draft.from.trim(), to: draft.to.trim() };
          if (draft.state) filters.state = draft.state;
          if (draft.nationality) filters.nationality = draft.nationality;
          if (draft.ageBand) filters.ageBand = draft.ageBand;
          const epsilon = draft.epsilon.trim() === '' ? null : Number(draft.epsilon.replace(',', '.'));
          const parsed = releaseInput.safeParse({
            title: draft.title,
            filters,
            mode: draft.mode,
            epsilon: dp ? epsilon : null,
          });
          if (!parsed.success) {
            setLocalErrors(fieldErrorsFromIssues(parsed.error.issues));
            return;
          }
          setLocalErrors([]);
          prepare.mutate(parsed.data);
        }}
      >
        <Field
          id={fieldId('title')}
          label={t('releases.field.title')}
          hint={t('releases.field.titleHint')}
          error={errorOf('title')}
        >
          <input
            {...control('title', true)}
            type="text"
            required
            maxLength={200}
            autoComplete="off"
            value={draft.title}
            onChange={(e) => set('title')(e.target.value)}
          />
        </Field>
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
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-900">{t('releases.field.mode')}</legend>
          {(['standard', 'differential_privacy'] as const).map((mode) => (
            <div key={mode} className="flex items-start gap-2">
              <input
                id={`${id}-mode-${mode}`}
                type="radio"
                name={`${id}-mode`}
                className="mt-1.5"
                checked={draft.mode === mode}
                aria-describedby={`${id}-mode-${mode}-hint`}
                onChange={() => setDraft((d) => ({ ...d, mode }))}
              />
              <div>
                <label htmlFor={`${id}-mode-${mode}`} className="font-medium text-slate-900">
                  {t(mode === 'standard' ? 'releases.mode.standard' : 'releases.mode.dp')}
                </label>
                <p id={`${id}-mode-${mode}-hint`} className="text-sm text-slate-800">
                  {t(mode === 'standard' ? 'releases.mode.standardHint' : 'releases.mode.dpHint')}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        {dp ? (
          <div className="space-y-2 rounded-md border border-teal-700 bg-teal-50 p-3">
            <Field
              id={fieldId('epsilon')}
              label={t('releases.field.epsilon')}
              hint={t('releases.field.epsilonHint', {
                min: MIN_EPSILON,
                max: MAX_EPSILON,
                suggested: DEFAULT_EPSILON,
              })}
              error={errorOf('epsilon')}
            >
              <input
                {...control('epsilon', true)}
                type="number"
                inputMode="decimal"
                step="0.1"
                min={MIN_EPSILON}
                max={MAX_EPSILON}
                required
                value={draft.epsilon}
                onChange={(e) => set('epsilon')(e.target.value)}
              />
            </Field>
            <p className="text-sm text-slate-900">{t('releases.epsilon.explain')}</p>
            <p className="text-sm text-slate-900">{t('releases.epsilon.budget')}</p>
          </div>
        ) : null}
        {others.length > 0 ? (
          <FormError error={null} messageKey="error.validation_failed" extraFields={others} />
        ) : null}
        {prepare.isError && serverErrors.length === 0 ? <FormError error={prepare.error} /> : null}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass.primary} disabled={prepare.isPending}>
            {prepare.isPending ? t('releases.new.preparing') : t('releases.new.submit')}
          </button>
          <Link to="/statistics/releases" className={buttonClass.secondary}>
            {t('releases.new.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
