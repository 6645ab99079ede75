import type { ReactNode, RefObject } from 'react';
import { Link } from '@tanstack/react-router';
import { todayInMexico } from '@senda/domain';
import type { MyWork } from '../../lib/careApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RiskBadge } from '../risk/RiskBadge';
import { followUpDue } from './workValues';

/** One list of "My work": a heading with its count, the items, or what "none" means. */
export function WorkSection({
  id,
  title,
  count,
  empty,
  headingRef,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children: ReactNode;
}) {
  const f = useFormatters();
  return (
    <section aria-labelledby={id} className={cardClass}>
      <h2
        ref={headingRef}
        id={id}
        tabIndex={-1}
        className="mb-3 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {title} <span className="font-normal text-slate-700">({f.number(count)})</span>
      </h2>
      {count === 0 ? <p className="text-slate-700">{empty}</p> : children}
    </section>
  );
}

function CaseLink({ caseId, code }: { caseId: string; code: string }) {
  return (
    <Link
      to="/cases/$caseId"
      params={{ caseId }}
      className="inline-flex min-h-11 items-center font-mono font-semibold text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500"
    >
      {code}
    </Link>
  );
}

/** A flag in words and symbol (never colour alone). */
function Flag({ children }: { children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-red-800 bg-red-50 px-2 py-0.5 text-sm font-medium whitespace-nowrap text-red-900">
      <span aria-hidden="true">⚠</span>
      {children}
    </span>
  );
}

const itemClass = 'rounded-md border border-slate-300 bg-white p-3';
const termsClass = 'mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm';

function ItemList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="space-y-3" aria-label={label}>
      {children}
    </ul>
  );
}

export function TaskList({
  items,
  pendingId,
  onDone,
}: {
  items: MyWork['tasks'];
  pendingId: string | null;
  onDone: (task: MyWork['tasks'][number]) => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <ItemList label={t('work.tasks.title')}>
      {items.map((task) => (
        <li key={task.id} className={itemClass}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CaseLink caseId={task.caseId} code={task.caseCode} />
            <RiskBadge level={task.riskLevel} />
          </div>
          <p className="font-medium text-slate-900">{label('taskKind', task.kind)}</p>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.tasks.since')}</dt>
            <dd>{f.dateTime(task.createdAt)}</dd>
          </dl>
          <button
            type="button"
            className={cx(buttonClass.secondary, 'mt-2')}
            disabled={pendingId === task.id}
            onClick={() => onDone(task)}
          >
            {t('work.tasks.markDone')}
            <span className="sr-only"> ({task.caseCode})</span>
          </button>
        </li>
      ))}
    </ItemList>
  );
}

export function ActionList({ items }: { items: MyWork['actions'] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <ItemList label={t('work.actions.title')}>
      {items.map((action) => (
        <li key={action.actionId} className={cx(itemClass, action.overdue && 'border-s-4 border-s-red-800')}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CaseLink caseId={action.caseId} code={action.caseCode} />
            {action.overdue ? <Flag>{t('work.actions.overdue')}</Flag> : null}
          </div>
          <p className="font-medium break-words text-slate-900">{action.title}</p>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.actions.dueOn')}</dt>
            <dd className={action.overdue ? 'font-semibold text-red-900' : undefined}>
              {action.dueOn ? f.date(action.dueOn) : t('work.actions.noDueDate')}
            </dd>
            <dt className="text-slate-700">{t('work.actions.status')}</dt>
            <dd>{label('actionStatus', action.status)}</dd>
          </dl>
        </li>
      ))}
    </ItemList>
  );
}

export function FollowUpList({ items }: { items: MyWork['followUps'] }) {
  const t = useT();
  const f = useFormatters();
  const today = todayInMexico();
  return (
    <ItemList label={t('work.followUps.title')}>
      {items.map((item) => (
        <li key={item.actionId} className={itemClass}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CaseLink caseId={item.caseId} code={item.caseCode} />
            {followUpDue(item.nextFollowUpOn, today) ? <Flag>{t('work.followUps.due')}</Flag> : null}
          </div>
          <p className="font-medium break-words text-slate-900">{item.title}</p>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.followUps.on')}</dt>
            <dd>{f.date(item.nextFollowUpOn)}</dd>
          </dl>
        </li>
      ))}
    </ItemList>
  );
}

export function ApprovalList({ items }: { items: MyWork['approvals'] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <ItemList label={t('work.approvals.title')}>
      {items.map((item) => (
        <li key={item.approvalId} className={itemClass}>
          <CaseLink caseId={item.caseId} code={item.caseCode} />
          <p className="font-medium text-slate-900">{label('approvalKind', item.kind)}</p>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.approvals.requestedBy')}</dt>
            <dd className="break-words">{item.requestedBy ?? t('supervision.someone')}</dd>
            <dt className="text-slate-700">{t('work.approvals.requestedAt')}</dt>
            <dd>{f.dateTime(item.requestedAt)}</dd>
          </dl>
        </li>
      ))}
    </ItemList>
  );
}

export function ReturnedList({ items }: { items: MyWork['returned'] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <ItemList label={t('work.returned.title')}>
      {items.map((item) => (
        <li key={item.approvalId} className={itemClass}>
          <CaseLink caseId={item.caseId} code={item.caseCode} />
          <p className="font-medium text-slate-900">{label('approvalKind', item.kind)}</p>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.returned.by')}</dt>
            <dd className="break-words">{item.decidedBy ?? t('supervision.someone')}</dd>
            <dt className="text-slate-700">{t('work.returned.at')}</dt>
            <dd>{f.dateTime(item.decidedAt)}</dd>
          </dl>
        </li>
      ))}
    </ItemList>
  );
}

export function HighRiskList({ items }: { items: MyWork['highRiskCases'] }) {
  const t = useT();
  const f = useFormatters();
  return (
    <ItemList label={t('work.highRisk.title')}>
      {items.map((item) => (
        <li key={item.caseId} className={itemClass}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CaseLink caseId={item.caseId} code={item.caseCode} />
            <RiskBadge level={item.riskLevel} />
          </div>
          <dl className={termsClass}>
            <dt className="text-slate-700">{t('work.highRisk.lastActivity')}</dt>
            <dd>{f.dateTime(item.lastActivityAt)}</dd>
          </dl>
        </li>
      ))}
    </ItemList>
  );
}
