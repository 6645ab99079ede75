import { useFieldArray, useWatch, type FieldError, type UseFormReturn } from 'react-hook-form';
import { MAX_PARTICIPANT_ROWS, type Workshop } from '@senda/domain';
import { useCountryOptions, useEnumOptions } from '../../lib/options';
import { ErrorText, SelectField, TextField } from '../../components/forms';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { emptyParticipantRow, runningTotal, type WorkshopFormValues } from './workshopValues';

type Form = UseFormReturn<WorkshopFormValues, unknown, Workshop>;

/** A row-level error (two rows alike), which react-hook-form keeps on the row itself. */
function rowError(errors: Form['formState']['errors'], index: number): FieldError | undefined {
  const row = errors.participants?.[index];
  return row?.message ? (row as FieldError) : undefined;
}

/**
 * Who came, counted and never named: one row per gender, age band and
 * nationality, with how many people. Each row is a group named "Fila n" with
 * its four labelled fields and a "Quitar" button naming the row; a new row
 * takes the focus on its first field; the running total is announced as it
 * changes.
 */
export function ParticipantRows({ form }: { form: Form }) {
  const t = useT();
  const genders = useEnumOptions('participantGender');
  const bands = useEnumOptions('statAgeBand');
  const countries = useCountryOptions();
  const nationalities = [{ value: 'unknown', label: t('workshops.nationalityUnknown') }, ...countries];
  const rows = useFieldArray({ control: form.control, name: 'participants' });
  const watched = useWatch({ control: form.control, name: 'participants' });
  const total = runningTotal(watched);
  const errors = form.formState.errors;
  const listError = (errors.participants?.message ? errors.participants : errors.participants?.root) as
    FieldError | undefined;

  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">
        {t('workshops.participants.title')}
      </legend>
      <p id="participants-hint" className="mb-4 text-slate-700">
        {t('workshops.participants.hint')}
      </p>
      <ErrorText id="participants-error" error={listError} />
      <ol className="space-y-4">
        {rows.fields.map((field, index) => {
          const rowLabel = t('workshops.participants.row', { n: index + 1 });
          const duplicate = rowError(errors, index);
          const rowErrors = errors.participants?.[index];
          return (
            <li key={field.id}>
              <fieldset
                className={cx(
                  'min-w-0 rounded-md border bg-slate-50 p-3',
                  duplicate ? 'border-red-700' : 'border-slate-300',
                )}
                aria-describedby={duplicate ? `participants-${index}-error` : undefined}
              >
                <legend className="px-1 font-medium text-slate-900">{rowLabel}</legend>
                <ErrorText id={`participants-${index}-error`} error={duplicate} />
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_8rem_auto] lg:items-end">
                  <SelectField
                    label={t('workshops.participants.gender')}
                    required
                    options={genders}
                    emptyLabel={t('form.choose')}
                    registration={form.register(`participants.${index}.gender`)}
                    error={rowErrors?.gender}
                  />
                  <SelectField
                    label={t('workshops.participants.ageBand')}
                    required
                    options={bands}
                    emptyLabel={t('form.choose')}
                    registration={form.register(`participants.${index}.ageBand`)}
                    error={rowErrors?.ageBand}
                  />
                  <SelectField
                    label={t('workshops.participants.nationality')}
                    required
                    options={nationalities}
                    emptyLabel={t('form.choose')}
                    registration={form.register(`participants.${index}.nationality`)}
                    error={rowErrors?.nationality}
                  />
                  <TextField
                    label={t('workshops.participants.count')}
                    required
                    inputMode="numeric"
                    registration={form.register(`participants.${index}.count`)}
                    error={rowErrors?.count}
                  />
                  <div>
                    <button
                      type="button"
                      className={buttonClass.secondary}
                      disabled={rows.fields.length <= 1}
                      onClick={() => {
                        rows.remove(index);
                        // On to the row that took its place, or the one before, once it is rendered.
                        const next = Math.max(Math.min(index, rows.fields.length - 2), 0);
                        requestAnimationFrame(() => form.setFocus(`participants.${next}.gender`));
                      }}
                    >
                      {t('common.remove')}
                      <span className="sr-only"> ({rowLabel})</span>
                    </button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={rows.fields.length >= MAX_PARTICIPANT_ROWS}
          onClick={() =>
            rows.append(emptyParticipantRow(), { focusName: `participants.${rows.fields.length}.gender` })
          }
        >
          {t('workshops.participants.add')}
        </button>
        <p role="status" aria-live="polite" className="text-lg font-semibold text-slate-900">
          {t('workshops.participants.total', { count: total })}
        </p>
      </div>
    </fieldset>
  );
}
