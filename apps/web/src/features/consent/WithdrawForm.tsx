import { useEffect, useId, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { consentWithdrawalInput, todayInMexico, type ConsentWithdrawalInput } from '@senda/domain';
import { api, isApiError, type CaseConsent } from '../../lib/api';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useEnumOptions } from '../../lib/options';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';

const FIELDS = new Set(['withdrawnOn', 'withdrawnBy', 'note']);

/** Withdraw a consent: from which day, who withdrew it, a note. A record already withdrawn answers 409. */
export function WithdrawForm({
  caseId,
  consent,
  title,
  onDone,
}: {
  caseId: string;
  consent: CaseConsent;
  title: string;
  onDone: (withdrawn: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const withdrawers = useEnumOptions('consentWithdrawer');
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<ConsentWithdrawalInput>({
    resolver: zodResolver(consentWithdrawalInput, zodErrorMap),
    defaultValues: { withdrawnOn: todayInMexico(), withdrawnBy: 'herself', note: '' },
  });
  const errors = form.formState.errors;
  useEffect(() => heading.current?.focus(), []);

  const withdraw = useMutation({
    mutationFn: (input: ConsentWithdrawalInput) => api.withdrawConsent(caseId, consent.id, input),
    onSuccess: () => onDone(true),
    onError: (error) => {
      if (isApiError(error)) applyServerFieldErrors(error.fields, form.setError, (p) => FIELDS.has(p));
    },
  });

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-4 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => withdraw.mutate(input))(event);
      }}
    >
      <h4
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('consents.withdrawTitle', { title })}
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t('consents.field.withdrawnOn')}
          type="date"
          required
          max={todayInMexico()}
          registration={form.register('withdrawnOn')}
          error={errors.withdrawnOn}
        />
        <SelectField
          label={t('consents.field.withdrawnBy')}
          required
          options={withdrawers}
          registration={form.register('withdrawnBy')}
          error={errors.withdrawnBy}
        />
        <TextAreaField
          label={t('consents.field.note')}
          rows={2}
          registration={form.register('note')}
          error={errors.note}
          className="md:col-span-2"
        />
      </div>
      {withdraw.isError && !(isApiError(withdraw.error) && withdraw.error.fields.length > 0) ? (
        <FormError error={withdraw.error} />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.danger} disabled={withdraw.isPending}>
          {withdraw.isPending ? t('common.saving') : t('consents.withdrawSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
