import { useId } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import type { Service } from '@senda/domain';
import type { DirectoryLocation } from '../../lib/directoryApi';
import { useCountryOptions, useEnumOptions, useLanguageOptions, useStateOptions } from '../../lib/options';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { CheckboxField, ErrorText, Fieldset, TextAreaField, TextField } from '../../components/forms';
import { buttonClass, cx, inputClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { errorAt } from './formValues';
import type { ServiceFormValues } from './serviceFormValues';

type Form = UseFormReturn<ServiceFormValues, unknown, Service>;

/** What the service answers: one need domain at least. */
export function CategoriesFields({ form }: { form: Form }) {
  const t = useT();
  const needs = useEnumOptions('needDomain');
  return (
    <Fieldset legend={t('directory.form.categories')}>
      <Controller
        control={form.control}
        name="categories"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            className="md:col-span-2"
            legend={t('directory.field.categories')}
            hint={t('directory.field.categoriesHint')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={needs}
            error={fieldState.error ?? errorAt(form.formState.errors, 'categories')}
          />
        )}
      />
    </Fieldset>
  );
}

/** Who may use it: genders, ages, nationalities, the papers she needs, and in words. */
export function EligibilityFields({ form }: { form: Form }) {
  const t = useT();
  const id = useId();
  const genders = useEnumOptions('genderIdentity');
  const countries = useCountryOptions();
  const errors = form.formState.errors;
  const documents = useFieldArray({ control: form.control, name: 'required_documents' });
  return (
    <Fieldset legend={t('directory.form.eligibility')}>
      <Controller
        control={form.control}
        name="genders"
        render={({ field }) => (
          <CheckboxGroup
            className="md:col-span-2"
            legend={t('directory.field.genders')}
            hint={t('directory.field.gendersHint')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={genders}
            error={errorAt(errors, 'genders')}
          />
        )}
      />
      <TextField
        label={t('directory.field.minimum_age')}
        inputMode="numeric"
        registration={form.register('minimum_age')}
        error={errors.minimum_age}
      />
      <TextField
        label={t('directory.field.maximum_age')}
        inputMode="numeric"
        registration={form.register('maximum_age')}
        error={errors.maximum_age}
      />
      <Controller
        control={form.control}
        name="nationalities"
        render={({ field }) => (
          <CheckboxGroup
            className="md:col-span-2"
            legend={t('directory.field.nationalities')}
            hint={t('directory.field.nationalitiesHint')}
            filterable
            max={60}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={countries}
            error={errorAt(errors, 'nationalities')}
          />
        )}
      />
      <fieldset className="min-w-0 md:col-span-2">
        <legend className="mb-1 font-medium text-slate-900">{t('directory.field.required_documents')}</legend>
        <ul className="space-y-2">
          {documents.fields.map((item, i) => (
            <li key={item.id} className="flex items-center gap-2">
              <label htmlFor={`${id}-doc-${i}`} className="sr-only">
                {t('directory.form.documentItem', { n: i + 1 })}
              </label>
              <input
                id={`${id}-doc-${i}`}
                type="text"
                autoComplete="off"
                maxLength={200}
                className={cx(inputClass, 'min-w-0')}
                {...form.register(`required_documents.${i}.value`)}
              />
              <button type="button" className={buttonClass.secondary} onClick={() => documents.remove(i)}>
                {t('common.remove')}
                <span className="sr-only"> ({t('directory.form.documentItem', { n: i + 1 })})</span>
              </button>
            </li>
          ))}
        </ul>
        <ErrorText id={`${id}-doc-error`} error={errorAt(errors, 'required_documents')} />
        <button
          type="button"
          className={cx(buttonClass.secondary, 'mt-2')}
          disabled={documents.fields.length >= 20}
          onClick={() => documents.append({ value: '' }, { shouldFocus: true })}
        >
          {t('directory.form.addDocument')}
        </button>
      </fieldset>
      <fieldset className="min-w-0 md:col-span-2">
        <legend className="mb-1 font-medium text-slate-900">{t('directory.field.accepts_children')}</legend>
        <p className="mb-1 text-sm text-slate-700">{t('directory.field.acceptsChildrenHint')}</p>
        <div className="flex flex-wrap gap-x-6">
          {(['yes', 'no', ''] as const).map((answer) => (
            <label key={answer || 'unknown'} className="flex min-h-11 items-center gap-2 text-slate-900">
              <input
                type="radio"
                value={answer}
                className="size-5 accent-teal-800"
                {...form.register('accepts_children')}
              />
              {t(`directory.children.${answer || 'unknown'}`)}
            </label>
          ))}
        </div>
        <ErrorText id={`${id}-children-error`} error={errorAt(errors, 'accepts_children')} />
      </fieldset>
      <TextAreaField
        label={t('directory.field.eligibility_description')}
        rows={3}
        className="md:col-span-2"
        registration={form.register('eligibility_description')}
        error={errors.eligibility_description}
      />
    </Fieldset>
  );
}

/** Languages, interpretation, cost and opening hours. */
export function LanguageCostFields({ form }: { form: Form }) {
  const t = useT();
  const languages = useLanguageOptions();
  const errors = form.formState.errors;
  const free = useWatch({ control: form.control, name: 'free' });
  return (
    <Fieldset legend={t('directory.form.languageCost')}>
      <Controller
        control={form.control}
        name="languages"
        render={({ field }) => (
          <CheckboxGroup
            className="md:col-span-2"
            legend={t('directory.field.languages')}
            filterable
            max={30}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={languages}
            error={errorAt(errors, 'languages')}
          />
        )}
      />
      <TextField
        label={t('directory.field.interpretation_services')}
        className="md:col-span-2"
        registration={form.register('interpretation_services')}
        error={errors.interpretation_services}
      />
      <CheckboxField
        label={t('directory.field.free')}
        registration={form.register('free')}
        error={errors.free}
      />
      {free ? null : (
        <TextField
          label={t('directory.field.fees_description')}
          registration={form.register('fees_description')}
          error={errors.fees_description}
        />
      )}
      <TextField
        label={t('directory.field.schedule_description')}
        hint={t('directory.field.scheduleHint')}
        className="md:col-span-2"
        registration={form.register('schedule_description')}
        error={errors.schedule_description}
      />
    </Fieldset>
  );
}

/** Where: the states (or municipalities) it serves, and the entry's locations it is offered at. */
export function WhereFields({ form, locations }: { form: Form; locations: readonly DirectoryLocation[] }) {
  const t = useT();
  const id = useId();
  const states = useStateOptions();
  const errors = form.formState.errors;
  const areas = useFieldArray({ control: form.control, name: 'service_areas' });
  const locationOptions = locations.map((l) => ({
    value: l.id,
    label: l.confidential ? t('directory.form.confidentialOption', { name: l.name }) : l.name,
  }));
  return (
    <Fieldset legend={t('directory.form.where')}>
      <fieldset className="min-w-0 md:col-span-2">
        <legend className="mb-1 font-medium text-slate-900">{t('directory.field.service_areas')}</legend>
        <p className="mb-2 text-sm text-slate-700">{t('directory.field.serviceAreasHint')}</p>
        <ul className="space-y-3">
          {areas.fields.map((item, i) => {
            const stateError = errorAt(errors, `service_areas.${i}.state`);
            const municipalityError = errorAt(errors, `service_areas.${i}.municipality`);
            return (
              <li key={item.id} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
                <div className="min-w-0">
                  <label htmlFor={`${id}-a${i}-state`} className="block text-sm text-slate-900">
                    {t('directory.form.areaState', { n: i + 1 })}
                  </label>
                  <select
                    id={`${id}-a${i}-state`}
                    className={cx(inputClass, stateError && 'border-red-700')}
                    aria-invalid={stateError ? true : undefined}
                    aria-describedby={stateError ? `${id}-a${i}-state-error` : undefined}
                    {...form.register(`service_areas.${i}.state`)}
                  >
                    <option value="">{t('form.choose')}</option>
                    {states.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                  <ErrorText id={`${id}-a${i}-state-error`} error={stateError} />
                </div>
                <div className="min-w-0">
                  <label htmlFor={`${id}-a${i}-mun`} className="block text-sm text-slate-900">
                    {t('directory.form.areaMunicipality', { n: i + 1 })}
                  </label>
                  <input
                    id={`${id}-a${i}-mun`}
                    type="text"
                    autoComplete="off"
                    maxLength={120}
                    className={cx(inputClass, municipalityError && 'border-red-700')}
                    aria-invalid={municipalityError ? true : undefined}
                    aria-describedby={municipalityError ? `${id}-a${i}-mun-error` : undefined}
                    {...form.register(`service_areas.${i}.municipality`)}
                  />
                  <ErrorText id={`${id}-a${i}-mun-error`} error={municipalityError} />
                </div>
                <button type="button" className={buttonClass.secondary} onClick={() => areas.remove(i)}>
                  {t('common.remove')}
                  <span className="sr-only"> ({t('directory.form.areaItem', { n: i + 1 })})</span>
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          className={cx(buttonClass.secondary, 'mt-2')}
          onClick={() => areas.append({ state: '', municipality: '' }, { shouldFocus: true })}
        >
          {t('directory.form.addArea')}
        </button>
      </fieldset>
      {locations.length === 0 ? (
        <p className="text-slate-700 md:col-span-2">{t('directory.form.noLocations')}</p>
      ) : (
        <Controller
          control={form.control}
          name="location_ids"
          render={({ field }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('directory.field.location_ids')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={locationOptions}
              error={errorAt(errors, 'location_ids')}
            />
          )}
        />
      )}
    </Fieldset>
  );
}
