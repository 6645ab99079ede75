import { useId, useRef, useState } from 'react';
import type { CareAction } from '../../lib/careApi';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ActionStatusBadge, Badge } from './Badges';
import { ActionForm } from './ActionForm';
import { useCareContext } from './careContext';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpList } from './FollowUpList';
import { followUpDue, isOverdue } from './planValues';

/**
 * One action: what will be done, who is responsible, when it is due (and
 * whether that has passed), its status and next follow-up; its follow-ups,
 * newest first; the buttons to record a follow-up, change or delete it.
 */
export function ActionItem({ action, onDeleted }: { action: CareAction; onDeleted: () => void }) {
  const t = useT();
  const f = useFormatters();
  const { readOnly, today, announce, confirmDelete } = useCareContext();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [following, setFollowing] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);
  const { target: followButton, returnFocus: returnFocusToFollow } = useReturnFocus(following);
  const overdue = isOverdue(action, today);
  const due = followUpDue(action, today);

  if (editing)
    return (
      <ActionForm
        goalId={action.goalId}
        action={action}
        onDone={(outcome) => {
          returnFocusToEdit();
          setEditing(false);
          if (outcome === 'unchanged') announce(t('care.unchanged'));
          else if (outcome !== 'cancelled') announce(t('care.action.updated', outcome));
        }}
      />
    );

  return (
    <article aria-labelledby={titleId} className="border-s-2 border-slate-400 ps-3">
      <h6
        ref={heading}
        id={titleId}
        tabIndex={-1}
        className="flex flex-wrap items-center gap-2 font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <span className="break-words">{action.title}</span>
        <ActionStatusBadge status={action.status} />
        {overdue ? (
          <Badge tone="border-red-700 bg-red-50 text-red-900" icon="⚠">
            {t('care.action.overdue')}
          </Badge>
        ) : null}
      </h6>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">{t('care.action.responsible')}</dt>
        <dd>{action.responsibleName ?? t('care.action.nobody')}</dd>
        <dt className="text-slate-700">{t('care.action.dueOn')}</dt>
        <dd>{action.dueOn ? f.date(action.dueOn) : t('care.action.noDueDate')}</dd>
        {action.nextFollowUpOn ? (
          <>
            <dt className="text-slate-700">{t('care.action.nextFollowUpOn')}</dt>
            <dd className={due ? 'font-medium text-red-900' : undefined}>
              {due ? <span aria-hidden="true">⚠ </span> : null}
              {due
                ? t('care.action.followUpDue', { date: f.date(action.nextFollowUpOn) })
                : f.date(action.nextFollowUpOn)}
            </dd>
          </>
        ) : null}
      </dl>
      <FollowUpList followUps={action.followUps} actionTitle={action.title} />
      {readOnly ? null : following ? (
        <FollowUpForm
          action={action}
          onDone={(saved) => {
            returnFocusToFollow();
            setFollowing(false);
            if (saved) announce(t('care.followUp.added', { title: action.title }));
          }}
        />
      ) : (
        <div className="mt-2 flex flex-wrap gap-3">
          <button
            ref={followButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              announce('');
              setFollowing(true);
            }}
          >
            {t('care.followUp.add')}
            <span className="sr-only"> ({action.title})</span>
          </button>
          <button
            ref={editButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              announce('');
              setEditing(true);
            }}
          >
            {t('common.edit')}
            <span className="sr-only"> ({action.title})</span>
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() =>
              confirmDelete({ kind: 'action', id: action.id, title: action.title, focusAfter: onDeleted })
            }
          >
            {t('care.delete')}
            <span className="sr-only"> ({action.title})</span>
          </button>
        </div>
      )}
    </article>
  );
}
