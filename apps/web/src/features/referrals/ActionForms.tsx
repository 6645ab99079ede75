import { useId, useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldValues, type UseFormSetError } from 'react-hook-form';
import type {
  FieldError as DomainFieldError,
  referralAcceptInput,
  referralCompleteInput,
  referralDeclineInput,
} from '@senda/domain';
import type { z } from 'zod';
import { isApiError } from '../../lib/api';
import type {
  Referral,
  ReferralAcceptInput,
  ReferralCommentInput,
  ReferralCompleteInput,
  ReferralDeclineInput,
} from '../../lib/referralsApi';
import { applyServerFieldErrors, encodeFieldError } from '../../lib/fieldErrors';
import { useEnumLabel, useEnumOptions } from '../../lib/options';
import { ErrorText, SelectField, TextAreaField } from '../../components/forms';
import { Refusal } from '../../components/Refusal';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import {
  acceptResolver,
  completeResolver,
  declineResolver,
  type AcceptValues,
  type CompleteValues,
  type DeclineValues,
} from './referralValues';

/** What every act's form gets: how to send it (rejects on a refusal) and how to close it. */
interface ActProps<I> {
  submit: (input: I) => Promise<unknown>;
  onCancel: () => void;
}

/** Send, and put a refusal's field errors on the form's fields; the others are returned to list. */
function useRefusal<V extends FieldValues>(setError: UseFormSetError<V>, fields: readonly string[]) {
  const [error, setErrorState] = useState<unknown>(null);
  const [rest, setRest] = useState<DomainFieldError[]>([]);
  const run = async (send: () => Promise<unknown>) => {
    setErrorState(null);
    setRest([]);
    try {
      await send();
    } catch (caught) {
      setErrorState(caught);
      if (isApiError(caught))
        setRest(applyServerFieldErrors(caught.fields, setError, (p) => fields.includes(p)));
    }
  };
  return { error, rest, run };
}

function ActForm({
  title,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  refusal,
  danger = false,
  children,
}: {
  title: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  refusal: ReactNode;
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <form
      noValidate
      aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className="mt-3 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
    >
      <h3 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      {children}
      {refusal}
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          className={danger ? buttonClass.danger : buttonClass.primary}
          disabled={pending}
        >
          {submitLabel}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AcceptForm({
  assignable,
  submit,
  onCancel,
}: ActProps<ReferralAcceptInput> & { assignable: Referral['assignable'] }) {
  const t = useT();
  const form = useForm<AcceptValues, unknown, z.output<typeof referralAcceptInput>>({
    resolver: acceptResolver,
    defaultValues: { assignedTo: '', comment: '' },
  });
  const { error, rest, run } = useRefusal(form.setError, ['assignedTo', 'comment']);
  return (
    <ActForm
      title={t('referrals.act.accept')}
      submitLabel={t('referrals.act.acceptSubmit')}
      pending={form.formState.isSubmitting}
      onSubmit={() => void form.handleSubmit((v) => run(() => submit(v)))()}
      onCancel={onCancel}
      refusal={<Refusal error={error} fields={rest} />}
    >
      {assignable.length > 0 ? (
        <SelectField
          label={t('referrals.field.assignTo')}
          emptyLabel={t('referrals.act.nobodyYet')}
          options={assignable.map((u) => ({ value: u.id, label: u.name }))}
          registration={form.register('assignedTo')}
          error={form.formState.errors.assignedTo}
        />
      ) : null}
      <TextAreaField
        label={t('referrals.field.comment')}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
    </ActForm>
  );
}

export function DeclineForm({ submit, onCancel }: ActProps<ReferralDeclineInput>) {
  const t = useT();
  const reasons = useEnumOptions('declineReason');
  const form = useForm<DeclineValues, unknown, z.output<typeof referralDeclineInput>>({
    resolver: declineResolver,
    defaultValues: { reason: '', comment: '' },
  });
  const reason = useWatch({ control: form.control, name: 'reason' });
  const { error, rest, run } = useRefusal(form.setError, ['reason', 'comment']);
  return (
    <ActForm
      title={t('referrals.act.decline')}
      submitLabel={t('referrals.act.declineSubmit')}
      danger
      pending={form.formState.isSubmitting}
      onSubmit={() => void form.handleSubmit((v) => run(() => submit(v)))()}
      onCancel={onCancel}
      refusal={<Refusal error={error} fields={rest} />}
    >
      <SelectField
        label={t('referrals.field.declineReason')}
        required
        emptyLabel={t('form.choose')}
        options={reasons}
        registration={form.register('reason')}
        error={form.formState.errors.reason}
      />
      <TextAreaField
        label={t('referrals.field.comment')}
        required={reason === 'other'}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
    </ActForm>
  );
}

export function AssignForm({
  assignable,
  current,
  submit,
  onCancel,
}: ActProps<{ userId: string }> & { assignable: Referral['assignable']; current: string | null }) {
  const t = useT();
  const form = useForm<{ userId: string }>({ defaultValues: { userId: current ?? '' } });
  const { error, rest, run } = useRefusal(form.setError, ['userId']);
  return (
    <ActForm
      title={t('referrals.act.assign')}
      submitLabel={t('referrals.act.assignSubmit')}
      pending={form.formState.isSubmitting}
      onSubmit={() =>
        void form.handleSubmit((v) => {
          if (!v.userId) {
            form.setError(
              'userId',
              { message: encodeFieldError({ code: 'required' }) },
              { shouldFocus: true },
            );
            return;
          }
          return run(() => submit({ userId: v.userId }));
        })()
      }
      onCancel={onCancel}
      refusal={<Refusal error={error} fields={rest} />}
    >
      <SelectField
        label={t('referrals.field.assignTo')}
        required
        emptyLabel={t('form.choose')}
        options={assignable.map((u) => ({ value: u.id, label: u.name }))}
        registration={form.register('userId')}
        error={form.formState.errors.userId}
      />
    </ActForm>
  );
}

export function CompleteForm({ submit, onCancel }: ActProps<ReferralCompleteInput>) {
  const t = useT();
  const label = useEnumLabel();
  const reasons = useEnumOptions('notGivenReason');
  const outcomes = useEnumOptions('referralOutcome');
  const id = useId();
  const form = useForm<CompleteValues, unknown, z.output<typeof referralCompleteInput>>({
    resolver: completeResolver,
    defaultValues: { outcome: '', reason: '', comment: '' },
  });
  const [outcome, reason] = useWatch({ control: form.control, name: ['outcome', 'reason'] });
  const { error, rest, run } = useRefusal(form.setError, ['outcome', 'reason', 'comment']);
  const outcomeError = form.formState.errors.outcome;
  return (
    <ActForm
      title={t('referrals.act.complete')}
      submitLabel={t('referrals.act.completeSubmit')}
      pending={form.formState.isSubmitting}
      onSubmit={() => void form.handleSubmit((v) => run(() => submit(v)))()}
      onCancel={onCancel}
      refusal={<Refusal error={error} fields={rest} />}
    >
      <fieldset
        className="min-w-0"
        aria-describedby={outcomeError ? `${id}-error` : undefined}
        aria-invalid={outcomeError ? true : undefined}
      >
        <legend className="mb-1 font-medium text-slate-900">
          {t('referrals.field.outcome')}{' '}
          <span className="text-sm font-normal text-slate-700">({t('form.required')})</span>
        </legend>
        <div className="flex flex-wrap gap-x-6">
          {outcomes.map((o) => (
            <label key={o.value} className="flex min-h-11 items-center gap-2 text-slate-900">
              <input
                type="radio"
                value={o.value}
                className="size-5 accent-teal-800"
                {...form.register('outcome')}
              />
              {label('referralOutcome', o.value)}
            </label>
          ))}
        </div>
        <ErrorText id={`${id}-error`} error={outcomeError} />
      </fieldset>
      {outcome === 'not_given' ? (
        <SelectField
          label={t('referrals.field.notGivenReason')}
          required
          emptyLabel={t('form.choose')}
          options={reasons}
          registration={form.register('reason')}
          error={form.formState.errors.reason}
        />
      ) : null}
      <TextAreaField
        label={t('referrals.field.comment')}
        required={outcome === 'not_given' && reason === 'other'}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
    </ActForm>
  );
}

export function WithdrawForm({ submit, onCancel }: ActProps<ReferralCommentInput>) {
  const t = useT();
  const form = useForm<{ comment: string }>({ defaultValues: { comment: '' } });
  const { error, rest, run } = useRefusal(form.setError, ['comment']);
  return (
    <ActForm
      title={t('referrals.act.withdraw')}
      submitLabel={t('referrals.act.withdrawSubmit')}
      danger
      pending={form.formState.isSubmitting}
      onSubmit={() => void form.handleSubmit((v) => run(() => submit({ comment: v.comment.trim() })))()}
      onCancel={onCancel}
      refusal={<Refusal error={error} fields={rest} />}
    >
      <p className="text-slate-800">{t('referrals.act.withdrawHint')}</p>
      <TextAreaField
        label={t('referrals.field.comment')}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
    </ActForm>
  );
}
