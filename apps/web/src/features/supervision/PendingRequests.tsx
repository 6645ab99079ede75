import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApprovalDecisionInput } from '@senda/domain';
import { isApiError } from '../../lib/api';
import { careApi, type CareApproval, type CareView } from '../../lib/careApi';
import { applyServerFieldErrors } from '../../lib/fieldErrors';
import { useEnumLabel } from '../../lib/options';
import { TextAreaField } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { Refusal } from '../../components/Refusal';
import { ApprovalDetails, ApprovalTitle } from './ApprovalDetails';
import {
  decisionResolver,
  mayDecide,
  mayWithdraw,
  pendingRequests,
  type DecisionFormValues,
} from './supervisionValues';
import { useCareMutation } from '../care/useCare';

/**
 * The requests waiting for a decision. A coordinator or an admin approves
 * one or returns it with a comment (never her own); whoever asked, or a
 * decider, may withdraw it.
 */
export function PendingRequests({
  caseId,
  care,
  userId,
  onDone,
}: {
  caseId: string;
  care: CareView;
  userId: string;
  /** After an act: what to announce (the card is gone; the section takes the focus). */
  onDone: (announcement: string) => void;
}) {
  const t = useT();
  const pending = pendingRequests(care);
  return (
    <div className="mt-4">
      <h3 className="mb-2 text-lg font-semibold text-slate-900">{t('supervision.pending.title')}</h3>
      {pending.length === 0 ? (
        <p className="text-slate-700">{t('supervision.pending.none')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('supervision.pending.title')}>
          {pending.map((a) => (
            <li key={a.id}>
              <PendingCard
                caseId={caseId}
                approval={a}
                userId={userId}
                canDecide={care.canDecide}
                onDone={onDone}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PendingCard({
  caseId,
  approval,
  userId,
  canDecide,
  onDone,
}: {
  caseId: string;
  approval: CareApproval;
  userId: string;
  canDecide: boolean;
  onDone: (announcement: string) => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const titleId = useId();
  const kind = label('approvalKind', approval.kind);
  const withdraw = useCareMutation(caseId, () => careApi.withdraw(caseId, approval.id), {
    onSuccess: () => onDone(t('supervision.withdrawn', { kind })),
  });
  const own = approval.requestedById === userId;
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-amber-700 bg-white p-4">
      <ApprovalTitle approval={approval} id={titleId} />
      <ApprovalDetails approval={approval} />
      {canDecide && own ? <p className="mt-3 text-slate-800">{t('supervision.pending.ownRequest')}</p> : null}
      {!canDecide && !own ? <p className="mt-3 text-slate-800">{t('supervision.pending.waiting')}</p> : null}
      {mayDecide(approval, userId, canDecide) ? (
        <DecisionForm
          caseId={caseId}
          approval={approval}
          kind={kind}
          onDecided={(decision) =>
            onDone(t(decision === 'approve' ? 'supervision.approved' : 'supervision.returned', { kind }))
          }
        />
      ) : null}
      {mayWithdraw(approval, userId, canDecide) ? (
        <div className="mt-3 space-y-2">
          <Refusal error={withdraw.error} />
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined)}
          >
            {t('supervision.withdraw')}
            <span className="sr-only"> ({kind})</span>
          </button>
        </div>
      ) : null}
    </article>
  );
}

/** Approve (a comment is optional) or return with a comment (required). */
function DecisionForm({
  caseId,
  approval,
  kind,
  onDecided,
}: {
  caseId: string;
  approval: CareApproval;
  kind: string;
  onDecided: (decision: ApprovalDecisionInput['decision']) => void;
}) {
  const t = useT();
  const id = useId();
  const [refusal, setRefusal] = useState<unknown>(null);
  const form = useForm<DecisionFormValues, unknown, ApprovalDecisionInput>({
    resolver: decisionResolver,
    defaultValues: { decision: 'approve', comment: '' },
  });
  const decide = useCareMutation(
    caseId,
    (input: ApprovalDecisionInput) => careApi.decide(caseId, approval.id, input),
    {
      onSuccess: (_care, input) => onDecided(input.decision),
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(error.fields, form.setError, (p) => p === 'comment');
        setRefusal(error);
      },
    },
  );
  const submit = (decision: DecisionFormValues['decision']) => {
    form.setValue('decision', decision);
    setRefusal(null);
    void form.handleSubmit((input) => decide.mutate(input))();
  };
  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-4 space-y-3 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit('approve');
      }}
    >
      <h5 id={`${id}-title`} className="font-semibold text-slate-900">
        {t('supervision.decide.title', { kind })}
      </h5>
      <TextAreaField
        label={t('supervision.decide.comment')}
        hint={t('supervision.decide.commentHint')}
        rows={3}
        registration={form.register('comment')}
        error={form.formState.errors.comment}
      />
      <Refusal error={refusal} shown={(f) => f.path === 'comment'} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass.primary} disabled={decide.isPending}>
          {approval.kind === 'closure'
            ? t('supervision.decide.approveClosure')
            : t('supervision.decide.approve')}
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          disabled={decide.isPending}
          onClick={() => submit('return')}
        >
          {t('supervision.decide.return')}
        </button>
      </div>
    </form>
  );
}
