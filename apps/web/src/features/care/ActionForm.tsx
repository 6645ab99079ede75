import { useEffect, useId, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { actionInput, type FieldError as DomainFieldError } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareAction } from '../../lib/careApi';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import {
  ACTION_FIELDS,
  EMPTY_ACTION,
  actionChanges,
  responsibleOptions,
  toActionInput,
  valuesOfAction,
  type ActionFormValues,
} from './planValues';
import { useCareMutation } from './useCare';

const validateAction = zodResolver(actionInput, zodErrorMap);

/** What became of the form: saved (the action's title), nothing to save, or cancelled. */
export type ActionFormOutcome = { title: string } | 'unchanged' | 'cancelled';

/**
 * Add an action to a goal, or change one (`action` given): what will be
 * done, the staff member on the case responsible for it, when it is due and
 * its status. A change sends only what differs.
 */
export function ActionForm({
  goalId,
  goalTitle,
  action,
  onDone,
}: {
  goalId: string;
  goalTitle?: string;
  action?: CareAction;
  onDone: (outcome: ActionFormOutcome) => void;
}) {
  const t = useT();
  const id = useId();
  const { caseId, staff } = useCareContext();
  const statuses = useEnumOptions('actionStatus');
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[] | undefined>(undefined);
  const resolver: Resolver<ActionFormValues> = async (values, context, options) => {
    const checked = await validateAction(toActionInput(goalId, values), context, options as never);
    if (Object.keys(checked.errors).length > 0)
      return { values: {} as Record<string, never>, errors: checked.errors as never };
    return { values, errors: {} };
  };
  const form = useForm<ActionFormValues>({
    resolver,
    defaultValues: action ? valuesOfAction(action) : EMPTY_ACTION,
  });
  const errors = form.formState.errors;
  useEffect(() => heading.current?.focus(), []);

  const save = useCareMutation(
    caseId,
    (values: ActionFormValues) =>
      action
        ? careApi.updateAction(caseId, action.id, actionChanges(action, values))
        : careApi.addAction(caseId, toActionInput(goalId, values)),
    {
      onSuccess: (_care, values) => onDone({ title: values.title.trim() }),
      onError: (error) =>
        setOtherErrors(
          isApiError(error, 'validation_failed')
            ? applyServerFieldErrors(error.fields, form.setError, (p) => ACTION_FIELDS.has(p))
            : undefined,
        ),
    },
  );
  const hiddenByFields = isApiError(save.error, 'validation_failed') && otherErrors?.length === 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-3 sm:p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((values) => {
          setOtherErrors(undefined);
          if (action && Object.keys(actionChanges(action, values)).length === 0) onDone('unchanged');
          else save.mutate(values);
        })(event);
      }}
    >
      <h6
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {action
          ? t('care.action.editTitle', { title: action.title })
          : t('care.action.addTitle', { goal: goalTitle ?? '' })}
      </h6>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('care.action.title')}
          hint={t('care.action.titleHint')}
          required
          registration={form.register('title')}
          error={errors.title}
          className="md:col-span-2"
        />
        <SelectField
          label={t('care.action.responsible')}
          hint={staff.length === 0 ? t('care.action.noStaff') : undefined}
          options={responsibleOptions(staff, action)}
          emptyLabel={t('care.action.nobody')}
          registration={form.register('responsibleId')}
          error={errors.responsibleId}
        />
        <TextField
          label={t('care.action.dueOn')}
          type="date"
          registration={form.register('dueOn')}
          error={errors.dueOn}
        />
        <SelectField
          label={t('care.action.status')}
          required
          options={statuses}
          registration={form.register('status')}
          error={errors.status}
        />
      </div>
      {action ? <p className="text-sm text-slate-700">{t('care.action.approvalHint')}</p> : null}
      {save.isError && !hiddenByFields ? <CareError error={save.error} fields={otherErrors} /> : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : action ? t('common.save') : t('care.action.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone('cancelled')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
