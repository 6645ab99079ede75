import { useId, useState } from 'react';
import type { DeadlineStatus } from '@senda/domain';
import type { Deadline } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ENUM_GROUPS } from '../../i18n/enums';
import { DeadlineExplanation } from './Explanation';

const STATUS_STYLE: Record<DeadlineStatus, string> = {
  overdue: 'border-red-700 bg-red-50 text-red-900',
  due_today: 'border-red-700 bg-red-50 text-red-900',
  due_soon: 'border-amber-700 bg-amber-50 text-amber-950',
  upcoming: 'border-slate-500 bg-white text-slate-900',
  met: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  not_applicable: 'border-slate-400 bg-slate-100 text-slate-800',
  comar_overdue: 'border-purple-700 bg-purple-50 text-purple-900',
};
const STATUS_ICON: Record<DeadlineStatus, string> = {
  overdue: '⚠',
  due_today: '⚠',
  due_soon: '◔',
  upcoming: '○',
  met: '✓',
  not_applicable: '–',
  comar_overdue: '⏱',
};

/** A deadline's status: colour, symbol and text (never colour alone). */
export function DeadlineStatusBadge({ status }: { status: DeadlineStatus }) {
  const label = useEnumLabel();
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap',
        STATUS_STYLE[status],
      )}
    >
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {label('deadlineStatus', status)}
    </span>
  );
}

const RULE_CODES = new Set<string>(ENUM_GROUPS.rule);

/** A deadline rule's name: translated for the default rules, the rule's own name for one a clinic added. */
export function useRuleLabel(): (deadline: { ruleCode: string; ruleName?: string | null }) => string {
  const label = useEnumLabel();
  return ({ ruleCode, ruleName }) =>
    RULE_CODES.has(ruleCode) ? label('rule', ruleCode) : (ruleName ?? ruleCode);
}

/** "Abogada: Ana Ruiz", or the role and that nobody holds it on the case yet. */
export function useResponsibleText(): (
  deadline: Pick<Deadline, 'responsible' | 'responsibleStaff'>,
) => string {
  const t = useT();
  const label = useEnumLabel();
  return ({ responsible, responsibleStaff }) => {
    const role = label('responsible', responsible);
    if (responsibleStaff.length)
      return t('deadline.responsiblePeople', {
        role,
        names: responsibleStaff.map((s) => s.displayName).join(', '),
      });
    if (responsible === 'applicant' || responsible === 'authority') return role;
    return t('deadline.responsibleNobody', { role });
  };
}

/** "3 días hábiles restantes", "vence hoy", "2 días hábiles de atraso"; nothing when closed. */
export function useDaysLeftText(): (deadline: Pick<Deadline, 'businessDaysLeft'>) => string {
  const t = useT();
  return ({ businessDaysLeft: left }) => {
    if (left === null) return '—';
    if (left < 0) return t('deadline.daysLate', { count: -left });
    return t('deadline.daysLeft', { count: left });
  };
}

/** One deadline of a procedure, with its explanation behind a disclosure button. */
export function DeadlineCard({ deadline }: { deadline: Deadline }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const daysLeft = useDaysLeftText();
  const ruleLabel = useRuleLabel();
  const responsibleText = useResponsibleText();
  const [open, setOpen] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const panelId = `${id}-explanation`;
  return (
    <article
      aria-labelledby={titleId}
      className={cx('rounded-md border border-s-4 bg-white p-4', STATUS_STYLE[deadline.status])}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h4 id={titleId} className="text-lg font-semibold break-words text-slate-900">
          {ruleLabel(deadline)}
        </h4>
        <DeadlineStatusBadge status={deadline.status} />
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">{t('deadline.dueDate')}</dt>
        <dd className="font-semibold">{f.date(deadline.dueDate)}</dd>
        {deadline.businessDaysLeft !== null ? (
          <>
            <dt className="text-slate-700">{t('deadline.businessDaysLeft')}</dt>
            <dd>{daysLeft(deadline)}</dd>
          </>
        ) : null}
        {deadline.met ? (
          <>
            <dt className="text-slate-700">{t('deadline.met')}</dt>
            <dd>
              {deadline.met.late
                ? t('deadline.metLate', {
                    date: f.date(deadline.met.date),
                    count: deadline.met.businessDaysLate,
                  })
                : t('deadline.metOnTime', { date: f.date(deadline.met.date) })}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('deadline.responsible')}</dt>
        <dd>{responsibleText(deadline)}</dd>
        <dt className="text-slate-700">{t('deadline.calendar')}</dt>
        <dd>{label('authority', deadline.calendar)}</dd>
        <dt className="text-slate-700">{t('deadline.legalBasis')}</dt>
        <dd className="break-words">{deadline.legalBasis}</dd>
      </dl>
      {deadline.justificationNeeded ? (
        <p className="mt-2 rounded-md border border-red-700 bg-red-50 p-2 font-medium text-red-900">
          <span aria-hidden="true">⚠ </span>
          {t('deadline.justificationNeeded')}
        </p>
      ) : null}
      <button
        type="button"
        className={cx(buttonClass.link, 'mt-2')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('deadline.hideExplanation') : t('deadline.showExplanation')}
      </button>
      <div id={panelId} hidden={!open} className="mt-2 rounded-md bg-slate-50 p-3">
        {open ? <DeadlineExplanation deadline={deadline} /> : null}
      </div>
    </article>
  );
}
