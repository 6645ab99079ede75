import { useEffect, useId, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { followUpInput, type FieldError as DomainFieldError, type FollowUpInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareAction } from '../../lib/careApi';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import { FOLLOW_UP_FIELDS, emptyFollowUp, toFollowUpInput, type FollowUpFormValues } from './planValues';
import { useCareMutation } from './useCare';

const validateFollowUp = zodResolver(followUpInput, zodErrorMap);

/**
 * Record a follow-up of an action: the day, what happened, the action's new
 * status when it changed, and when to look at it again (the person
 * responsible sees it in "My work" from a week before).
 */
export function FollowUpForm({ action, onDone }: { action: CareAction; onDone: (saved: boolean) => void }) {
  const t = useT();
  const id = useId();
  const { caseId, today } = useCareContext();
  const statuses = useEnumOptions('actionStatus');
  const heading = useRef<HTMLHeadingElement>(null);
  const [otherErrors, setOtherErrors] = useState<DomainFieldError[] | undefined>(undefined);
  const resolver: Resolver<FollowUpFormValues, unknown, FollowUpInput> = async (values, context, options) => {
    const input = toFollowUpInput(values, action.status);
    const checked = await validateFollowUp(input, context, options as never);
    if (Object.keys(checked.errors).length > 0)
      return { values: {} as Record<string, never>, errors: checked.errors as never };
    return { values: input, errors: {} };
  };
  const form = useForm<FollowUpFormValues, unknown, FollowUpInput>({
    resolver,
    defaultValues: emptyFollowUp(today, action.nextFollowUpOn),
  });
  const errors = form.formState.errors;
  useEffect(() => heading.current?.focus(), []);

  const save = useCareMutation(
    caseId,
    (input: FollowUpInput) => careApi.addFollowUp(caseId, action.id, input),
    {
      onSuccess: () => onDone(true),
      onError: (error) =>
        setOtherErrors(
          isApiError(error, 'validation_failed')
            ? applyServerFieldErrors(error.fields, form.setError, (p) => FOLLOW_UP_FIELDS.has(p))
            : undefined,
        ),
    },
  );
  const hiddenByFields = isApiError(save.error, 'validation_failed') && otherErrors?.length === 0;

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-2 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-3 sm:p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => {
          setOtherErrors(undefined);
          save.mutate(input);
        })(event);
      }}
    >
      <h6
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('care.followUp.addTitle', { title: action.title })}
      </h6>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('care.followUp.on')}
          type="date"
          required
          max={today}
          registration={form.register('on')}
          error={errors.on}
        />
        <SelectField
          label={t('care.followUp.status')}
          options={statuses}
          emptyLabel={t('care.followUp.statusSame')}
          registration={form.register('status')}
          error={errors.status}
        />
        <TextAreaField
          label={t('care.followUp.note')}
          hint={t('care.followUp.noteHint')}
          required
          rows={3}
          registration={form.register('note')}
          error={errors.note}
          className="md:col-span-2"
        />
        <TextField
          label={t('care.followUp.next')}
          hint={t('care.followUp.nextHint')}
          type="date"
          min={today}
          registration={form.register('nextFollowUpOn')}
          error={errors.nextFollowUpOn}
        />
      </div>
      {save.isError && !hiddenByFields ? <CareError error={save.error} fields={otherErrors} /> : null}
      {Object.keys(errors).length > 0 ? <FormError error={null} messageKey="form.fixErrors" /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('care.followUp.addSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
