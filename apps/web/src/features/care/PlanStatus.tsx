import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { carePlanSubmitInput, type CarePlanStatus, type CarePlanSubmitInput } from '@senda/domain';
import { careApi, type CareView } from '../../lib/careApi';
import { zodErrorMap } from '../../lib/fieldErrors';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { TextAreaField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { PlanStatusBadge } from './Badges';
import { useCareContext } from './careContext';
import { CareError } from './CareError';
import { canSendPlan, latestPlanRequest, sentPlanChanged } from './planValues';
import { useCareMutation } from './useCare';

const EXPLAIN: Record<CarePlanStatus, MessageKey> = {
  empty: 'care.plan.explain.empty',
  draft: 'care.plan.explain.draft',
  submitted: 'care.plan.explain.submitted',
  approved: 'care.plan.explain.approved',
  returned: 'care.plan.explain.returned',
  changed_since_approval: 'care.plan.explain.changed_since_approval',
};

/**
 * Where the plan stands, what that means, who decided and what they said;
 * and, when it may be sent, the button to send it for approval with an
 * optional comment. Sending needs her consent to receive services.
 */
export function PlanStatus({ care }: { care: CareView }) {
  const t = useT();
  const f = useFormatters();
  const { readOnly, servicesConsent, announce } = useCareContext();
  const box = useRef<HTMLDivElement>(null);
  const [sending, setSending] = useState(false);
  const { target: sendButton, returnFocus: returnFocusToSend } = useReturnFocus(sending);
  const status = care.plan.status;
  const latest = latestPlanRequest(care);

  let decision: string | null = null;
  if (latest && status === 'submitted')
    decision = t('care.plan.sentBy', {
      name: latest.requestedBy ?? '—',
      date: f.dateTime(latest.requestedAt),
    });
  if (
    latest &&
    (status === 'approved' || status === 'changed_since_approval') &&
    latest.status === 'approved'
  )
    decision = t('care.plan.approvedBy', {
      name: latest.decidedBy ?? '—',
      date: f.dateTime(latest.decidedAt),
    });
  if (latest && status === 'returned')
    decision = t('care.plan.returnedBy', {
      name: latest.decidedBy ?? '—',
      date: f.dateTime(latest.decidedAt),
    });

  return (
    <div
      ref={box}
      tabIndex={-1}
      className="mt-4 space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t('care.plan.status')}</span>
        <PlanStatusBadge status={status} />
      </p>
      <p>{t(EXPLAIN[status])}</p>
      {decision ? <p>{decision}</p> : null}
      {status === 'returned' && latest?.decisionComment ? (
        <blockquote className="border-s-4 border-amber-700 bg-white p-2 break-words whitespace-pre-wrap">
          {latest.decisionComment}
        </blockquote>
      ) : null}
      {sentPlanChanged(care) ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 p-2 text-amber-950">
          <span aria-hidden="true">⚠ </span>
          {t('care.plan.changedAfterSending')}
        </p>
      ) : null}
      {status !== 'empty' && !readOnly ? (
        <p className="text-sm text-slate-700">{t('care.plan.whatNeedsApproval')}</p>
      ) : null}
      {!readOnly && canSendPlan(status) ? (
        sending ? (
          <SendPlanForm
            onDone={(sent) => {
              if (sent) {
                setSending(false);
                announce(t('care.plan.sent'));
                // The button is gone once sent: the focus goes to the plan's status.
                box.current?.focus();
              } else {
                returnFocusToSend();
                setSending(false);
              }
            }}
          />
        ) : (
          <button
            ref={sendButton}
            type="button"
            className={buttonClass.primary}
            disabled={!servicesConsent}
            aria-describedby={servicesConsent ? undefined : 'care-consent-warning'}
            onClick={() => {
              announce('');
              setSending(true);
            }}
          >
            {t('care.plan.send')}
          </button>
        )
      ) : null}
    </div>
  );
}

/** Send the plan for approval, with an optional comment for the coordinator. */
function SendPlanForm({ onDone }: { onDone: (sent: boolean) => void }) {
  const t = useT();
  const id = useId();
  const { caseId } = useCareContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<CarePlanSubmitInput>({
    resolver: zodResolver(carePlanSubmitInput, zodErrorMap),
    defaultValues: { comment: '' },
  });
  useEffect(() => heading.current?.focus(), []);
  const send = useCareMutation(caseId, (input: CarePlanSubmitInput) => careApi.submitPlan(caseId, input), {
    onSuccess: () => onDone(true),
  });

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md border border-slate-300 bg-white p-3"
      onSubmit={(event) => {
        event.stopPropagation();
        void form.handleSubmit((input) => send.mutate(input))(event);
      }}
    >
      <h4
        ref={heading}
        id={`${id}-title`}
        tabIndex={-1}
        className="font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('care.plan.sendTitle')}
      </h4>
      <TextAreaField
        label={t('care.plan.comment')}
        hint={t('care.plan.commentHint')}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
      {send.isError ? <CareError error={send.error} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={send.isPending}>
          {send.isPending ? t('common.saving') : t('care.plan.sendSubmit')}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
