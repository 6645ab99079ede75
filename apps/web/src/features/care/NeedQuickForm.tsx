import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { FieldError as DomainFieldError, NeedStatus, NeedUpdateInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareNeed } from '../../lib/careApi';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { SelectField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import { quickNeedResolver, quickValuesOf, type QuickNeedValues } from './needValues';
import { useCareMutation } from './useCare';

const QUICK_FIELDS = new Set(['status', 'priority', 'unmetReason']);

/**
 * The most frequent change, on the need's card: its status (with the reason
 * when it could not be met) and its priority, saved with one button.
 */
export function NeedQuickForm({
  need,
  title,
  onSaved,
}: {
  need: CareNeed;
  title: string;
  /** Saved, with the need's status now. */
  onSaved: (status: NeedStatus) => void;
}) {
  const t = useT();
  const { caseId, announce } = useCareContext();
  const statuses = useEnumOptions('needStatus');
  const priorities = useEnumOptions('needPriority');
  const reasons = useEnumOptions('unmetReason');
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[] | undefined>(undefined);
  const form = useForm<QuickNeedValues, unknown, NeedUpdateInput>({
    resolver: quickNeedResolver(need),
    // Follows the stored need (after this or any other change).
    values: quickValuesOf(need),
  });
  const errors = form.formState.errors;
  const status = useWatch({ control: form.control, name: 'status' });

  const save = useCareMutation(
    caseId,
    (change: NeedUpdateInput) => careApi.updateNeed(caseId, need.id, change),
    {
      onSuccess: (_care, change) => {
        onSaved(change.status ?? need.status);
        announce(t('care.need.updated', { title }));
      },
      onError: (error) =>
        setOtherErrors(
          isApiError(error, 'validation_failed')
            ? applyServerFieldErrors(error.fields, form.setError, (p) => QUICK_FIELDS.has(p))
            : undefined,
        ),
    },
  );
  const hiddenByFields = isApiError(save.error, 'validation_failed') && otherErrors?.length === 0;

  return (
    <form
      noValidate
      aria-label={t('care.need.quickLabel', { title })}
      className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((change) => {
          setOtherErrors(undefined);
          save.reset();
          if (Object.keys(change).length === 0) announce(t('care.unchanged'));
          else save.mutate(change);
        })(event);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
        <SelectField
          label={t('care.need.status')}
          options={statuses}
          registration={form.register('status')}
          error={errors.status}
        />
        <SelectField
          label={t('care.need.priority')}
          options={priorities}
          registration={form.register('priority')}
          error={errors.priority}
        />
        {status === 'unmet' ? (
          <SelectField
            label={t('care.need.unmetReason')}
            required
            options={reasons}
            emptyLabel={t('form.choose')}
            registration={form.register('unmetReason')}
            error={errors.unmetReason}
          />
        ) : null}
        <div className={status === 'unmet' ? '' : 'lg:col-start-4'}>
          <button
            type="submit"
            className={`${buttonClass.primary} w-full sm:w-auto`}
            disabled={save.isPending}
          >
            {save.isPending ? t('common.saving') : t('care.need.quickSave')}
            <span className="sr-only"> ({title})</span>
          </button>
        </div>
      </div>
      {save.isError && !hiddenByFields ? (
        <div className="mt-3">
          <CareError error={save.error} fields={otherErrors} />
        </div>
      ) : null}
    </form>
  );
}
