import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { FieldError as DomainFieldError, NeedInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareNeed } from '../../lib/careApi';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import {
  NEED_FIELDS,
  detailsOf,
  emptyNeed,
  needChanges,
  needResolver,
  valuesOfNeed,
  type NeedFormValues,
} from './needValues';
import { useCareMutation } from './useCare';
import { useNeedTitle } from './useNeedTitle';

/** What became of the form: saved (the need's domain and kind, for its name, and status), nothing to save, or cancelled. */
export type NeedFormOutcome = Pick<CareNeed, 'domain' | 'detail' | 'status'> | 'unchanged' | 'cancelled';

/**
 * Record a need, or change one (`need` given): its domain and — for the
 * domains that have them — its finer kind, priority, status (with the reason
 * when it could not be met), the day it was identified and her words. A
 * change sends only what differs.
 */
export function NeedForm({ need, onDone }: { need?: CareNeed; onDone: (outcome: NeedFormOutcome) => void }) {
  const t = useT();
  const id = useId();
  const label = useEnumLabel();
  const titleOf = useNeedTitle();
  const { caseId, today } = useCareContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[] | undefined>(undefined);
  const form = useForm<NeedFormValues, unknown, NeedInput>({
    resolver: needResolver,
    defaultValues: need ? valuesOfNeed(need) : emptyNeed(today),
  });
  const errors = form.formState.errors;
  const [domain, detail, status] = useWatch({ control: form.control, name: ['domain', 'detail', 'status'] });
  const kinds = detailsOf(domain);
  const options = {
    domain: useEnumOptions('needDomain'),
    priority: useEnumOptions('needPriority'),
    status: useEnumOptions('needStatus'),
    unmetReason: useEnumOptions('unmetReason'),
  };

  useEffect(() => heading.current?.focus(), []);
  // Another domain: a kind of the former one no longer applies.
  useEffect(() => {
    if (detail && !kinds.includes(detail)) form.setValue('detail', '');
  }, [detail, kinds, form]);

  const save = useCareMutation(
    caseId,
    async (input: NeedInput) => {
      if (!need) return careApi.addNeed(caseId, input);
      return careApi.updateNeed(caseId, need.id, needChanges(need, input));
    },
    {
      onSuccess: (_care, input) =>
        onDone({ domain: input.domain, detail: input.detail ?? null, status: input.status ?? 'identified' }),
      onError: (error) =>
        setOtherErrors(
          isApiError(error, 'validation_failed')
            ? applyServerFieldErrors(error.fields, form.setError, (p) => NEED_FIELDS.has(p))
            : undefined,
        ),
    },
  );
  const hiddenByFields = isApiError(save.error, 'validation_failed') && otherErrors?.length === 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors(undefined);
          if (need && Object.keys(needChanges(need, input)).length === 0) onDone('unchanged');
          else save.mutate(input);
        })(event);
      }}
    >
      <h4
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {need ? t('care.need.editTitle', { title: titleOf(need) }) : t('care.need.addTitle')}
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          label={t('care.need.domain')}
          required
          options={options.domain}
          emptyLabel={t('form.choose')}
          registration={form.register('domain')}
          error={errors.domain}
        />
        {kinds.length > 0 ? (
          <SelectField
            label={t('care.need.detail')}
            options={kinds.map((k) => ({ value: k, label: label('needDetail', k) }))}
            emptyLabel={t('care.need.detailNone')}
            registration={form.register('detail')}
            error={errors.detail}
          />
        ) : null}
        <SelectField
          label={t('care.need.priority')}
          required
          options={options.priority}
          registration={form.register('priority')}
          error={errors.priority}
        />
        <SelectField
          label={t('care.need.status')}
          required
          options={options.status}
          registration={form.register('status')}
          error={errors.status}
        />
        {status === 'unmet' ? (
          <SelectField
            label={t('care.need.unmetReason')}
            hint={t('care.need.unmetReasonHint')}
            required
            options={options.unmetReason}
            emptyLabel={t('form.choose')}
            registration={form.register('unmetReason')}
            error={errors.unmetReason}
          />
        ) : null}
        <TextField
          label={t('care.need.identifiedOn')}
          type="date"
          required
          max={today}
          registration={form.register('identifiedOn')}
          error={errors.identifiedOn}
        />
        <TextAreaField
          label={t('care.need.description')}
          hint={t('care.need.descriptionHint')}
          rows={3}
          registration={form.register('description')}
          error={errors.description}
          className="md:col-span-2"
        />
      </div>
      {save.isError && !hiddenByFields ? <CareError error={save.error} fields={otherErrors} /> : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : need ? t('common.save') : t('care.need.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
