import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ReopenInput } from '@senda/domain';
import { isApiError, type CaseDetail } from '../../lib/api';
import { careApi, type CareView } from '../../lib/careApi';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { TextAreaField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { Refusal } from '../../components/Refusal';
import { currentClosure, reopenResolver, type ReopenFormValues } from './supervisionValues';
import { useCareMutation } from '../care/useCare';

/** A closed case: why, who approved it and when; and reopening it, with a reason. */
export function ClosedCase({
  detail,
  care,
  onDone,
}: {
  detail: CaseDetail;
  care: CareView;
  onDone: (announcement: string) => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const [reopening, setReopening] = useState(false);
  const { target, returnFocus } = useReturnFocus(reopening);
  const closure = currentClosure(care);
  const reason = closure?.closureReason ?? detail.closureReason;
  return (
    <div className="mt-6">
      <h3 className="mb-2 text-lg font-semibold text-slate-900">{t('supervision.closed.title')}</h3>
      <dl className="mb-4 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">{t('case.field.closureReason')}</dt>
        <dd>{label('closureReason', reason)}</dd>
        <dt className="text-slate-700">{t('supervision.closed.approvedBy')}</dt>
        <dd>
          {closure?.decidedAt
            ? t('supervision.byOn', {
                name: closure.decidedBy ?? t('supervision.someone'),
                date: f.dateTime(closure.decidedAt),
              })
            : t('supervision.closed.noRecord')}
        </dd>
      </dl>
      {reopening ? (
        <ReopenForm
          caseId={detail.id}
          onDone={(reopened) => {
            if (!reopened) returnFocus();
            setReopening(false);
            if (reopened) onDone(t('supervision.reopened'));
          }}
        />
      ) : (
        <button
          ref={target}
          type="button"
          className={buttonClass.secondary}
          onClick={() => setReopening(true)}
        >
          {t('supervision.reopen')}
        </button>
      )}
    </div>
  );
}

function ReopenForm({ caseId, onDone }: { caseId: string; onDone: (reopened: boolean) => void }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<ReopenFormValues, unknown, ReopenInput>({
    resolver: reopenResolver,
    defaultValues: { reason: '' },
  });
  useEffect(() => heading.current?.focus(), []);
  const reopen = useCareMutation(caseId, (input: ReopenInput) => careApi.reopen(caseId, input), {
    onSuccess: () => onDone(true),
    onError: (error) => {
      if (isApiError(error)) applyServerFieldErrors(error.fields, form.setError, (p) => p === 'reason');
    },
  });
  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => reopen.mutate(input))(event);
      }}
    >
      <h4
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('supervision.reopenTitle')}
      </h4>
      <TextAreaField
        label={t('supervision.reopenReason')}
        hint={t('supervision.reopenReasonHint')}
        required
        rows={3}
        registration={form.register('reason')}
        error={form.formState.errors.reason}
      />
      <Refusal error={reopen.error} shown={(f) => f.path === 'reason'} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={reopen.isPending}>
          {reopen.isPending ? t('common.saving') : t('supervision.reopenSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
