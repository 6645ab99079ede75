import type { ReactNode } from 'react';
import type { ApprovalStatus } from '@senda/domain';
import type { CareApproval } from '../../lib/careApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';

const STATUS_STYLE: Record<ApprovalStatus, string> = {
  pending: 'border-amber-700 bg-amber-50 text-amber-950',
  approved: 'border-emerald-800 bg-emerald-50 text-emerald-950',
  returned: 'border-red-800 bg-red-50 text-red-900',
  withdrawn: 'border-slate-500 bg-slate-100 text-slate-900',
};
const STATUS_ICON: Record<ApprovalStatus, string> = {
  pending: '◷',
  approved: '✓',
  returned: '↩',
  withdrawn: '✗',
};

/** A request's state: colour, symbol and words (never colour alone). */
export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const label = useEnumLabel();
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap',
        STATUS_STYLE[status],
      )}
    >
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {label('approvalStatus', status)}
    </span>
  );
}

/** The heading of a request's card: its kind and its state. */
export function ApprovalTitle({ approval, id }: { approval: CareApproval; id: string }) {
  const label = useEnumLabel();
  return (
    <h4 id={id} className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
      <span>{label('approvalKind', approval.kind)}</span>
      <ApprovalStatusBadge status={approval.status} />
    </h4>
  );
}

/**
 * Who asked and when, with what comment; for a closure, the reason and the
 * items confirmed; who decided (or withdrew) and when, with the comment; and
 * the reopening that undid a closure.
 */
export function ApprovalDetails({ approval: a }: { approval: CareApproval }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className="text-slate-700">{term}</dt>
      <dd className="break-words whitespace-pre-line">{value}</dd>
    </>
  );
  const someone = t('supervision.someone');
  const decidedKey =
    a.status === 'withdrawn'
      ? 'supervision.withdrawnBy'
      : a.status === 'returned'
        ? 'supervision.returnedBy'
        : 'supervision.approvedBy';
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
      {row(
        t('supervision.requested'),
        t('supervision.byOn', { name: a.requestedBy ?? someone, date: f.dateTime(a.requestedAt) }),
      )}
      {a.kind === 'care_plan' && a.planVersion !== null
        ? row(t('supervision.planVersion'), f.number(a.planVersion))
        : null}
      {a.closureReason ? row(t('case.field.closureReason'), label('closureReason', a.closureReason)) : null}
      {a.kind === 'closure' && a.checklist.length > 0
        ? row(
            t('supervision.checklistConfirmed'),
            <ul className="list-disc ps-5">
              {a.checklist.map((item) => (
                <li key={item}>{label('closureChecklist', item)}</li>
              ))}
            </ul>,
          )
        : null}
      {a.comment ? row(t('supervision.comment'), a.comment) : null}
      {a.status !== 'pending' && a.decidedAt
        ? row(
            t(decidedKey),
            t('supervision.byOn', { name: a.decidedBy ?? someone, date: f.dateTime(a.decidedAt) }),
          )
        : null}
      {a.decisionComment ? row(t('supervision.decisionComment'), a.decisionComment) : null}
      {a.reopened
        ? row(
            t('supervision.reopenedBy'),
            t('supervision.byOn', { name: a.reopened.by ?? someone, date: f.dateTime(a.reopened.at) }) +
              (a.reopened.reason ? ` — ${a.reopened.reason}` : ''),
          )
        : null}
    </dl>
  );
}

/** Every request already decided or withdrawn, newest first. */
export function RequestHistory({ approvals }: { approvals: CareApproval[] }) {
  const t = useT();
  return (
    <div className="mt-6">
      <h3 className="mb-2 text-lg font-semibold text-slate-900">{t('supervision.history.title')}</h3>
      {approvals.length === 0 ? (
        <p className="text-slate-700">{t('supervision.history.none')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('supervision.history.title')}>
          {approvals.map((a) => (
            <li key={a.id}>
              <article
                aria-labelledby={`approval-${a.id}`}
                className="rounded-md border border-slate-300 bg-white p-4"
              >
                <ApprovalTitle approval={a} id={`approval-${a.id}`} />
                <ApprovalDetails approval={a} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
