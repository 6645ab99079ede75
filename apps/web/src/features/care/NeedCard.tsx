import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { NeedStatus } from '@senda/domain';
import type { CareNeed } from '../../lib/careApi';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NeedStatusBadge, PriorityBadge } from './Badges';
import { useCareContext } from './careContext';
import { NeedForm } from './NeedForm';
import { NeedQuickForm } from './NeedQuickForm';
import { isOpenNeed } from './needValues';
import { useNeedTitle } from './useNeedTitle';

/**
 * One need: its domain (and finer kind), priority and status, when it was
 * identified and by whom, her words; the quick change of status and
 * priority, and the buttons to edit or delete it. Editing opens the form in
 * place; the focus comes back to "Edit" afterwards.
 */
export function NeedCard({
  need,
  goals,
  onDeleted,
  onMoved,
  takeMoved,
}: {
  need: CareNeed;
  /** How many goals of the plan answer it. */
  goals: number;
  /** Where the focus goes once it is deleted. */
  onDeleted: () => void;
  /** Its status moved it to the other list (open, or met and unmet). */
  onMoved: (id: string) => void;
  /** Whether it has just moved here (once). */
  takeMoved: (id: string) => boolean;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const { caseId, readOnly, announce, confirmDelete } = useCareContext();
  const title = useNeedTitle()(need);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);

  useEffect(() => {
    if (!takeMoved(need.id)) return;
    const list = heading.current?.closest('details');
    if (list) list.open = true;
    heading.current?.focus();
  });
  const saved = (status: NeedStatus) => {
    if (isOpenNeed(need) !== isOpenNeed({ status })) onMoved(need.id);
  };

  if (editing)
    return (
      <NeedForm
        need={need}
        onDone={(outcome) => {
          if (typeof outcome === 'object') saved(outcome.status);
          returnFocusToEdit();
          setEditing(false);
          if (outcome === 'unchanged') announce(t('care.unchanged'));
          else if (outcome !== 'cancelled') announce(t('care.need.updated', { title }));
        }}
      />
    );

  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h4
        ref={heading}
        id={titleId}
        tabIndex={-1}
        className="flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <span className="break-words">{title}</span>
        <PriorityBadge priority={need.priority} />
        <NeedStatusBadge status={need.status} />
      </h4>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
        {need.status === 'unmet' ? (
          <>
            <dt className="text-slate-700">{t('care.need.unmetReason')}</dt>
            <dd>{label('unmetReason', need.unmetReason)}</dd>
          </>
        ) : null}
        {need.description ? (
          <>
            <dt className="text-slate-700">{t('care.need.description')}</dt>
            <dd className="break-words whitespace-pre-wrap">{need.description}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{t('care.need.identified')}</dt>
        <dd>
          {t('care.need.identifiedValue', { date: f.date(need.identifiedOn), name: need.recordedBy ?? '—' })}
        </dd>
        <dt className="text-slate-700">{t('care.need.inPlan')}</dt>
        <dd>{t('care.need.goalCount', { count: goals })}</dd>
      </dl>
      {readOnly ? null : (
        <>
          <NeedQuickForm need={need} title={title} onSaved={saved} />
          <div className="mt-3 flex flex-wrap gap-3">
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
              <span className="sr-only"> ({title})</span>
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => confirmDelete({ kind: 'need', id: need.id, title, focusAfter: onDeleted })}
            >
              {t('care.delete')}
              <span className="sr-only"> ({title})</span>
            </button>
            {isOpenNeed(need) ? (
              <Link
                to="/cases/$caseId/refer"
                params={{ caseId }}
                search={{ needId: need.id }}
                className={buttonClass.secondary}
              >
                {t('referrals.referNeed')}
                <span className="sr-only"> ({title})</span>
              </Link>
            ) : null}
          </div>
        </>
      )}
    </article>
  );
}
