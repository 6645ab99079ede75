import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { procedureEventInput, type ProcedureEventType } from '@senda/domain';
import { api, isApiError, type Procedure } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumLabel, useEnumOptions, useStateOptions } from '../../lib/options';
import { FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import type { EnumGroup } from '../../i18n/enums';
import { useT } from '../../i18n/useT';

interface EventFormValues {
  type: ProcedureEventType;
  date: string | undefined;
  effectiveOn: string | undefined;
  details: Record<string, string | undefined>;
}

/** Empty inputs are "not given": optional details and dates are then left out. */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The detail fields of each event type (the others have none). */
type DetailField =
  | { name: string; kind: 'text'; required?: boolean }
  | { name: string; kind: 'enum'; group: EnumGroup; required?: boolean }
  | { name: string; kind: 'state' };
const DETAIL_FIELDS: Partial<Record<ProcedureEventType, readonly DetailField[]>> = {
  entry: [{ name: 'place', kind: 'text' }],
  application_filed: [
    { name: 'filedBy', kind: 'enum', group: 'filedBy', required: true },
    { name: 'office', kind: 'text' },
    { name: 'state', kind: 'state' },
  ],
  signing_obligation_set: [
    { name: 'office', kind: 'text', required: true },
    { name: 'frequency', kind: 'enum', group: 'frequency', required: true },
    { name: 'authority', kind: 'enum', group: 'signingAuthority' },
    { name: 'state', kind: 'state' },
  ],
  signing_done: [{ name: 'office', kind: 'text' }],
  decision_notified: [{ name: 'outcome', kind: 'enum', group: 'outcome', required: true }],
  revision_decision_notified: [{ name: 'outcome', kind: 'enum', group: 'revisionOutcome', required: true }],
};

export function detailFieldsOf(type: ProcedureEventType): readonly DetailField[] {
  return DETAIL_FIELDS[type] ?? [];
}

const TOP_FIELDS = new Set(['type', 'date', 'effectiveOn']);

/**
 * Record one act of the procedure. Validated with the domain's
 * `procedureEventInput`; the server's soft warnings about the new act are
 * announced after saving and never block it.
 */
export function EventForm({ caseId, procedure }: { caseId: string; procedure: Procedure }) {
  const t = useT();
  const label = useEnumLabel();
  const typeOptions = useEnumOptions('eventType');
  const stateOptions = useStateOptions();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState<{ text: string; warnings: string[] } | null>(null);
  const form = useForm<EventFormValues>({
    resolver: zodResolver(procedureEventInput, zodErrorMap) as unknown as Resolver<EventFormValues>,
    defaultValues: { type: 'entry', date: undefined, effectiveOn: undefined, details: {} },
    // The details of another type must not travel with this one (strict schemas).
    shouldUnregister: true,
  });
  const errors = form.formState.errors;
  const type = useWatch({ control: form.control, name: 'type' });
  const enumOptions = {
    filedBy: useEnumOptions('filedBy'),
    frequency: useEnumOptions('frequency'),
    signingAuthority: useEnumOptions('signingAuthority'),
    outcome: useEnumOptions('outcome'),
    revisionOutcome: useEnumOptions('revisionOutcome'),
  } as Partial<Record<EnumGroup, ReturnType<typeof useEnumOptions>>>;

  const add = useMutation({
    mutationFn: (input: EventFormValues) => api.addProcedureEvent(caseId, procedure.id, input),
    onSuccess: async (updated, input) => {
      const known = new Set(procedure.events.map((e) => e.id));
      const added = updated.events.filter((e) => !known.has(e.id)).map((e) => e.id);
      const warnings = updated.warnings
        .filter((w) => added.includes(w.eventId))
        .map((w) => label('warning', w.code));
      setAnnouncement({
        text: t('procedure.event.recorded', { type: label('eventType', input.type) }),
        warnings,
      });
      form.reset({ type: input.type, date: undefined, effectiveOn: undefined, details: {} });
      queryClient.setQueryData<Procedure[]>(queryKeys.procedures(caseId), (list) =>
        list?.map((p) => (p.id === updated.id ? updated : p)),
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.procedures(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
    },
    onError: (error) => {
      if (isApiError(error, 'validation_failed'))
        applyServerFieldErrors(
          error.fields,
          form.setError,
          (p) => TOP_FIELDS.has(p) || detailFieldsOf(type).some((d) => `details.${d.name}` === p),
        );
    },
  });
  const formId = `event-form-${procedure.id}`;

  return (
    <form
      noValidate
      aria-labelledby={`${formId}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setAnnouncement(null);
          add.mutate(values);
        })(event)
      }
    >
      <h4 id={`${formId}-title`} className="text-lg font-semibold text-slate-900">
        {t('procedure.event.addTitle')}
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('procedure.event.type')}
          required
          options={typeOptions}
          registration={form.register('type')}
          error={errors.type}
          className="md:col-span-2"
        />
        <TextField
          type="date"
          label={t('procedure.event.date')}
          hint={t('procedure.event.dateHint')}
          required
          registration={form.register('date', { setValueAs: emptyAsUndefined })}
          error={errors.date}
        />
        <TextField
          type="date"
          label={t('procedure.event.effectiveOn')}
          hint={t('procedure.event.effectiveOnHint')}
          registration={form.register('effectiveOn', { setValueAs: emptyAsUndefined })}
          error={errors.effectiveOn}
        />
        {detailFieldsOf(type).map((field) => {
          const registration = form.register(`details.${field.name}`, { setValueAs: emptyAsUndefined });
          const error = errors.details?.[field.name];
          const fieldLabel = t(`procedure.detail.${field.name}` as Parameters<typeof t>[0]);
          if (field.kind === 'text')
            return (
              <TextField
                key={`${type}-${field.name}`}
                label={fieldLabel}
                required={field.required ?? false}
                registration={registration}
                error={error}
              />
            );
          return (
            <SelectField
              key={`${type}-${field.name}`}
              label={fieldLabel}
              required={field.kind === 'enum' && (field.required ?? false)}
              options={field.kind === 'state' ? stateOptions : (enumOptions[field.group] ?? [])}
              emptyLabel={field.kind === 'enum' && field.required ? t('form.choose') : t('form.notRecorded')}
              registration={registration}
              error={error}
            />
          );
        })}
      </div>
      {add.isError && !isApiError(add.error, 'validation_failed') ? <FormError error={add.error} /> : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div role="status" className={announcement ? 'space-y-1' : 'sr-only'}>
        {announcement ? <p className="font-medium text-emerald-900">{announcement.text}</p> : null}
        {announcement?.warnings.map((w) => (
          <p key={w} className="rounded-md border border-amber-700 bg-amber-50 p-2 text-amber-950">
            <span aria-hidden="true">⚠ </span>
            {w}
          </p>
        ))}
      </div>
      <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
        {add.isPending ? t('common.saving') : t('procedure.event.submit')}
      </button>
    </form>
  );
}
