import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  useFieldArray,
  useForm,
  useWatch,
  type FieldError,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  MAX_CO_FACILITATORS,
  todayInMexico,
  workshopInput,
  type FieldError as DomainFieldError,
  type Workshop,
} from '@senda/domain';
import { isApiError } from '../../lib/api';
import { workshopsApi, type WorkshopDetail } from '../../lib/workshopsApi';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions, useLanguageOptions, useStateOptions } from '../../lib/options';
import { ErrorText, Fieldset, FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ParticipantRows } from './ParticipantRows';
import {
  emptyWorkshop,
  isWorkshopPath,
  valuesOfWorkshop,
  workshopOfValues,
  type WorkshopFormValues,
} from './workshopValues';

type Form = UseFormReturn<WorkshopFormValues, unknown, Workshop>;
const validate = zodResolver(workshopInput, zodErrorMap);
const resolver: Resolver<WorkshopFormValues, unknown, Workshop> = (values, context, options) =>
  validate(workshopOfValues(values), context, options as never);

/**
 * Record a workshop, or change one (`workshop` given, sent back with the
 * version it was read at). Checked as a whole with the domain's
 * `workshopInput`, as the server checks it; what the server refuses comes
 * back on the fields it names. A change someone else saved meanwhile is
 * refused (409): she is told to reload before changing it.
 */
export function WorkshopForm({
  workshop,
  onSaved,
  onCancel,
}: {
  workshop?: WorkshopDetail | undefined;
  onSaved: (saved: WorkshopDetail) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const form = useForm<WorkshopFormValues, unknown, Workshop>({
    resolver,
    defaultValues: workshop ? valuesOfWorkshop(workshop) : emptyWorkshop(),
  });
  const { errors, isSubmitted } = form.formState;
  const topic = useWatch({ control: form.control, name: 'topic' });
  const options = {
    kind: useEnumOptions('workshopKind'),
    topic: useEnumOptions('workshopTopic'),
    state: useStateOptions(),
    language: useLanguageOptions(),
  };

  const save = useMutation({
    mutationFn: (input: Workshop) =>
      workshop ? workshopsApi.update(workshop.id, input, workshop.version) : workshopsApi.create(input),
    onSuccess: onSaved,
    onError: (error) => {
      setOtherErrors(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, form.setError, isWorkshopPath)
          : [],
      );
    },
  });
  const stale = isApiError(save.error, 'conflict');

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) =>
        void form.handleSubmit((input) => {
          setOtherErrors([]);
          save.mutate(input);
        })(event)
      }
    >
      <p className="max-w-3xl rounded-md border-s-4 border-sky-800 bg-sky-50 p-3 text-slate-900">
        {t('workshops.form.noPeople')}
      </p>
      <Fieldset legend={t('workshops.form.activity')}>
        <SelectField
          label={t('workshops.field.kind')}
          required
          options={options.kind}
          registration={form.register('kind')}
          error={errors.kind}
        />
        <TextField
          label={t('workshops.field.title')}
          hint={t('workshops.field.titleHint')}
          required
          registration={form.register('title')}
          error={errors.title}
        />
        <TextField
          label={t('workshops.field.heldOn')}
          type="date"
          required
          max={todayInMexico()}
          registration={form.register('heldOn')}
          error={errors.heldOn}
        />
        <SelectField
          label={t('workshops.field.language')}
          required
          options={options.language}
          registration={form.register('language')}
          error={errors.language}
        />
        <SelectField
          label={t('workshops.field.topic')}
          required
          options={options.topic}
          emptyLabel={t('form.choose')}
          registration={form.register('topic')}
          error={errors.topic}
        />
        {topic === 'other' ? (
          <TextField
            label={t('workshops.field.otherTopic')}
            required
            registration={form.register('otherTopic')}
            error={errors.otherTopic}
          />
        ) : null}
      </Fieldset>
      <Fieldset legend={t('workshops.form.place')}>
        <SelectField
          label={t('workshops.field.state')}
          required
          options={options.state}
          emptyLabel={t('form.choose')}
          registration={form.register('state')}
          error={errors.state}
        />
        <TextField
          label={t('workshops.field.municipality')}
          registration={form.register('municipality')}
          error={errors.municipality}
        />
        <CoFacilitators form={form} />
      </Fieldset>
      <ParticipantRows form={form} />

      {isSubmitted && Object.keys(errors).length > 0 && !save.isError ? (
        <FormError error={null} messageKey="form.fixErrors" />
      ) : null}
      {stale ? <FormError error={null} messageKey="workshops.form.stale" /> : null}
      {save.isError && !stale ? <FormError error={save.error} extraFields={otherErrors} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : workshop ? t('common.save') : t('workshops.form.submit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The other organizations that facilitated it: one named input each, "Quitar" naming the row. */
function CoFacilitators({ form }: { form: Form }) {
  const t = useT();
  const id = useId();
  const list = useFieldArray({ control: form.control, name: 'coFacilitators' });
  const errors = form.formState.errors.coFacilitators;
  return (
    <fieldset className="min-w-0 md:col-span-2">
      <legend className="mb-1 font-medium text-slate-900">{t('workshops.field.coFacilitators')}</legend>
      <p id={`${id}-hint`} className="mb-2 text-sm text-slate-700">
        {t('workshops.field.coFacilitatorsHint')}
      </p>
      <ul className="space-y-2">
        {list.fields.map((field, i) => {
          const label = t('workshops.field.coFacilitator', { n: i + 1 });
          const error = (errors?.[i]?.message ? errors[i] : errors?.[i]?.value) as FieldError | undefined;
          return (
            <li key={field.id}>
              <div className="flex flex-wrap items-center gap-2">
                <label htmlFor={`${id}-${i}`} className="sr-only">
                  {label}
                </label>
                <input
                  id={`${id}-${i}`}
                  type="text"
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-${i}-error` : undefined}
                  className={cx(inputClass, 'min-w-0 flex-1 basis-48', error && 'border-red-700')}
                  {...form.register(`coFacilitators.${i}.value`)}
                />
                <button type="button" className={buttonClass.secondary} onClick={() => list.remove(i)}>
                  {t('common.remove')}
                  <span className="sr-only"> ({label})</span>
                </button>
              </div>
              <ErrorText id={`${id}-${i}-error`} error={error} />
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className={cx(buttonClass.secondary, 'mt-2')}
        disabled={list.fields.length >= MAX_CO_FACILITATORS}
        aria-describedby={`${id}-hint`}
        onClick={() => list.append({ value: '' }, { shouldFocus: true })}
      >
        {t('workshops.field.addCoFacilitator')}
      </button>
    </fieldset>
  );
}
