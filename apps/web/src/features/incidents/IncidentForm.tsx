import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  GBV_CORE_TYPES,
  incidentInput,
  type FieldError as DomainFieldError,
  type Incident,
} from '@senda/domain';
import { api, isApiError, type CaseIncident } from '../../lib/api';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useCountryOptions, useEnumOptions, useStateOptions } from '../../lib/options';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import {
  EMPTY_INCIDENT,
  INCIDENT_FIELDS,
  incidentOfValues,
  incidentPatchOf,
  narrativeMode,
  showsState,
  valuesOfIncident,
  type IncidentFormValues,
} from './incidentValues';

const validateIncident = zodResolver(incidentInput, zodErrorMap);

/** What became of the form: saved (the incident as stored), nothing to save, or cancelled. */
export type IncidentFormOutcome = CaseIncident | 'unchanged' | 'cancelled';

/**
 * Record an incident, or change one (`incident` given). Validated as a whole
 * with the domain's `incidentInput`, as the server checks it; a change sends
 * only the fields that differ from the stored incident.
 */
export function IncidentForm({
  caseId,
  incident,
  title,
  onDone,
}: {
  caseId: string;
  incident?: CaseIncident | undefined;
  title: string;
  onDone: (outcome: IncidentFormOutcome) => void;
}) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [initial] = useState<IncidentFormValues>(() =>
    incident ? valuesOfIncident(incident) : EMPTY_INCIDENT,
  );
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[]>([]);
  const resolver: Resolver<IncidentFormValues, unknown, Incident> = (values, context, options) =>
    validateIncident(incidentOfValues(values), context, options as never);
  const form = useForm<IncidentFormValues, unknown, Incident>({ resolver, defaultValues: initial });
  const errors = form.formState.errors;
  const [phase, country, reported, gbvType] = useWatch({
    control: form.control,
    name: ['phase', 'country', 'reported', 'gbvType'],
  });
  const options = {
    phase: useEnumOptions('incidentPhase'),
    types: useEnumOptions('violenceType'),
    modality: useEnumOptions('violenceModality'),
    gbvType: useEnumOptions('gbvType'),
    perpetrator: useEnumOptions('perpetrator'),
    reported: useEnumOptions('reported'),
    reportedTo: useEnumOptions('reportRecipient'),
    country: useCountryOptions(),
    state: useStateOptions(),
  };
  const mode = narrativeMode(incident);

  // The form opens where its button was: the focus goes to its title, so she hears what it is.
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: async (values: IncidentFormValues): Promise<CaseIncident | 'unchanged'> => {
      if (!incident) return api.addIncident(caseId, incidentOfValues(values));
      const patch = incidentPatchOf(initial, values);
      if (Object.keys(patch).length === 0) return 'unchanged';
      return api.updateIncident(caseId, incident.id, patch);
    },
    onSuccess: (outcome) => onDone(outcome),
    onError: (error) => {
      setOtherErrors(
        isApiError(error, 'validation_failed')
          ? applyServerFieldErrors(error.fields, form.setError, (p) => INCIDENT_FIELDS.has(p))
          : [],
      );
    },
  });

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        // This form sits inside the page next to other forms: keep the event here.
        event.stopPropagation();
        void form.handleSubmit(() => {
          setOtherErrors([]);
          save.mutate(form.getValues());
        })(event);
      }}
    >
      <h3
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {title}
      </h3>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('incidents.field.from')}
          hint={t('incidents.field.fromHint')}
          required
          registration={form.register('from')}
          error={errors.from}
        />
        <TextField
          label={t('incidents.field.to')}
          hint={t('incidents.field.toHint')}
          registration={form.register('to')}
          error={errors.to}
        />
        <SelectField
          label={t('incidents.field.phase')}
          required
          options={options.phase}
          emptyLabel={t('form.choose')}
          registration={form.register('phase')}
          error={errors.phase}
        />
        <SelectField
          label={t('incidents.field.country')}
          hint={phase === 'mexico' ? t('incidents.field.countryHintMexico') : undefined}
          options={options.country}
          emptyLabel={t('form.notRecorded')}
          registration={form.register('country')}
          error={errors.country}
        />
        {showsState({ phase, country }) ? (
          <SelectField
            label={t('incidents.field.state')}
            options={options.state}
            emptyLabel={t('form.notRecorded')}
            registration={form.register('state')}
            error={errors.state}
          />
        ) : null}
        <Controller
          control={form.control}
          name="types"
          render={({ field, fieldState }) => (
            <CheckboxGroup
              className="md:col-span-2"
              legend={t('incidents.field.types')}
              hint={t('incidents.field.typesHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={options.types}
              error={fieldState.error}
            />
          )}
        />
        <SelectField
          label={t('incidents.field.modality')}
          options={options.modality}
          emptyLabel={t('form.notRecorded')}
          registration={form.register('modality')}
          error={errors.modality}
        />
        <div className="md:col-span-2">
          <SelectField
            label={t('incidents.field.gbvType')}
            hint={
              gbvType
                ? t(`incidents.gbvDefinition.${gbvType as (typeof GBV_CORE_TYPES)[number]}`)
                : t('incidents.field.gbvTypeHint')
            }
            required
            options={options.gbvType}
            emptyLabel={t('form.choose')}
            registration={form.register('gbvType')}
            error={errors.gbvType}
          />
          <GbvDefinitions />
        </div>
        <SelectField
          label={t('incidents.field.perpetrator')}
          required
          options={options.perpetrator}
          emptyLabel={t('form.choose')}
          registration={form.register('perpetrator')}
          error={errors.perpetrator}
        />
        <TextField
          label={t('incidents.field.perpetratorCount')}
          hint={t('incidents.field.perpetratorCountHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          registration={form.register('perpetratorCount')}
          error={errors.perpetratorCount}
        />
        <SelectField
          label={t('incidents.field.reported')}
          options={options.reported}
          registration={form.register('reported')}
          error={errors.reported}
        />
        {reported === 'yes' ? (
          <>
            <Controller
              control={form.control}
              name="reportedTo"
              render={({ field, fieldState }) => (
                <CheckboxGroup
                  className="md:col-span-2"
                  legend={t('incidents.field.reportedTo')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  options={options.reportedTo}
                  error={fieldState.error}
                />
              )}
            />
            <TextField
              label={t('incidents.field.reportedToDetail')}
              hint={t('incidents.field.reportedToDetailHint')}
              registration={form.register('reportedToDetail')}
              error={errors.reportedToDetail}
              className="md:col-span-2"
            />
          </>
        ) : null}
        {
          // Someone who cannot read the narrative gets no box for it: an empty
          // "replace" box would let her destroy an account she has never read
          // (there is no earlier version to go back to). It is kept as it is.
          mode === 'kept' ? (
            <p className="rounded-md border border-slate-400 bg-white p-3 text-slate-800 md:col-span-2">
              {t('incidents.form.narrativeKept')}
            </p>
          ) : (
            <TextAreaField
              label={t(mode === 'replace' ? 'incidents.field.narrativeReplace' : 'incidents.field.narrative')}
              hint={t(
                mode === 'replace'
                  ? 'incidents.field.narrativeReplaceHint'
                  : mode === 'edit'
                    ? 'incidents.field.narrativeEditHint'
                    : 'incidents.field.narrativeHint',
              )}
              rows={6}
              registration={form.register('narrative')}
              error={errors.narrative}
              className="md:col-span-2"
            />
          )
        }
      </div>
      {save.isError && (!isApiError(save.error, 'validation_failed') || otherErrors.length > 0) ? (
        <FormError error={save.error} extraFields={otherErrors} />
      ) : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : incident ? t('common.save') : t('incidents.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The GBVIMS definitions side by side, to choose by the act (a native disclosure). */
function GbvDefinitions() {
  const t = useT();
  return (
    <details className="mt-2 text-slate-900">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-sm text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500">
        {t('incidents.gbvDefinitions')}
      </summary>
      <dl className="mt-2 space-y-2 rounded-md border border-slate-300 bg-white p-3 text-sm">
        {GBV_CORE_TYPES.map((type) => (
          <div key={type}>
            <dt className="font-semibold">{t(`enum.gbvType.${type}`)}</dt>
            <dd>{t(`incidents.gbvDefinition.${type}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
