import type { ReactNode } from 'react';
import type { ActionStatus, CarePlanStatus, NeedPriority, NeedStatus } from '@senda/domain';
import { useEnumLabel } from '../../lib/options';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';

const badgeClass =
  'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap';

/** A badge: colour, symbol and words (never colour alone). */
export function Badge({ tone, icon, children }: { tone: string; icon: string; children: ReactNode }) {
  return (
    <span className={cx(badgeClass, tone)}>
      <span aria-hidden="true">{icon}</span>
      {children}
    </span>
  );
}

const PRIORITY: Record<NeedPriority, [string, string]> = {
  urgent: ['border-red-900 bg-red-800 text-white', '‼'],
  high: ['border-red-700 bg-red-50 text-red-900', '!'],
  medium: ['border-amber-700 bg-amber-50 text-amber-950', '•'],
  low: ['border-slate-500 bg-white text-slate-900', '·'],
};

export function PriorityBadge({ priority }: { priority: NeedPriority }) {
  const t = useT();
  const label = useEnumLabel();
  const [tone, icon] = PRIORITY[priority];
  return (
    <Badge tone={tone} icon={icon}>
      {t('care.need.priorityBadge', { priority: label('needPriority', priority) })}
    </Badge>
  );
}

const NEED_STATUS: Record<NeedStatus, [string, string]> = {
  identified: ['border-slate-500 bg-white text-slate-900', '○'],
  in_progress: ['border-sky-800 bg-sky-50 text-sky-950', '◐'],
  met: ['border-emerald-800 bg-emerald-50 text-emerald-950', '✓'],
  unmet: ['border-slate-600 bg-slate-100 text-slate-900', '✗'],
};

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const label = useEnumLabel();
  const [tone, icon] = NEED_STATUS[status];
  return (
    <Badge tone={tone} icon={icon}>
      {label('needStatus', status)}
    </Badge>
  );
}

const ACTION_STATUS: Record<ActionStatus, [string, string]> = {
  pending: ['border-slate-500 bg-white text-slate-900', '○'],
  in_progress: ['border-sky-800 bg-sky-50 text-sky-950', '◐'],
  done: ['border-emerald-800 bg-emerald-50 text-emerald-950', '✓'],
  cancelled: ['border-slate-600 bg-slate-100 text-slate-900', '✗'],
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const label = useEnumLabel();
  const [tone, icon] = ACTION_STATUS[status];
  return (
    <Badge tone={tone} icon={icon}>
      {label('actionStatus', status)}
    </Badge>
  );
}

const PLAN_STATUS: Record<CarePlanStatus, [string, string]> = {
  empty: ['border-slate-500 bg-white text-slate-900', '○'],
  draft: ['border-slate-500 bg-slate-100 text-slate-900', '✎'],
  submitted: ['border-sky-800 bg-sky-50 text-sky-950', '◷'],
  approved: ['border-emerald-800 bg-emerald-50 text-emerald-950', '✓'],
  returned: ['border-amber-700 bg-amber-50 text-amber-950', '↩'],
  changed_since_approval: ['border-amber-700 bg-amber-50 text-amber-950', '⚠'],
};

export function PlanStatusBadge({ status }: { status: CarePlanStatus }) {
  const label = useEnumLabel();
  const [tone, icon] = PLAN_STATUS[status];
  return (
    <Badge tone={tone} icon={icon}>
      {label('carePlanStatus', status)}
    </Badge>
  );
}
