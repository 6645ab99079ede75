import { useId, useRef, useState } from 'react';
import type { CareGoal, CareNeed } from '../../lib/careApi';
import { useReturnFocus } from '../../lib/focus';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ActionForm } from './ActionForm';
import { ActionItem } from './ActionItem';
import { useCareContext } from './careContext';
import { GoalForm } from './GoalForm';
import { isOpenAction } from './planValues';
import { useNeedTitle } from './useNeedTitle';

/**
 * One goal: its title, its actions (each with its follow-ups), the button to
 * add an action (which needs her consent to receive services), and the
 * buttons to change or delete the goal.
 */
export function GoalCard({
  goal,
  needs,
  onDeleted,
}: {
  goal: CareGoal;
  needs: readonly CareNeed[];
  /** Where the focus goes once it is deleted. */
  onDeleted: () => void;
}) {
  const t = useT();
  const titleOf = useNeedTitle();
  const { readOnly, servicesConsent, announce, confirmDelete } = useCareContext();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);
  const need = needs.find((n) => n.id === goal.needId);
  const needTitle = need ? titleOf(need) : '—';

  if (editing)
    return (
      <GoalForm
        needId={goal.needId}
        needTitle={needTitle}
        goal={goal}
        needs={needs}
        onDone={(outcome) => {
          returnFocusToEdit();
          setEditing(false);
          if (outcome === 'unchanged') announce(t('care.unchanged'));
          else if (outcome !== 'cancelled') announce(t('care.goal.updated', outcome));
        }}
      />
    );

  const open = goal.actions.filter(isOpenAction).length;
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-3 sm:p-4">
      <h5
        ref={heading}
        id={titleId}
        tabIndex={-1}
        className="text-lg font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <span className="sr-only">{t('care.goal.label')}: </span>
        {goal.title}
      </h5>
      <p className="mt-1 text-sm text-slate-700">
        {goal.actions.length === 0
          ? t('care.goal.noActions')
          : t('care.goal.actionCount', { count: goal.actions.length, open })}
      </p>
      {goal.actions.length > 0 ? (
        <ul className="mt-3 space-y-3" aria-label={t('care.action.listLabel', { goal: goal.title })}>
          {goal.actions.map((action) => (
            <li key={action.id}>
              <ActionItem
                action={action}
                onDeleted={() => {
                  const add = addButton.current;
                  (add && !add.disabled ? add : heading.current)?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="mt-3 space-y-3">
          {adding ? (
            <ActionForm
              goalId={goal.id}
              goalTitle={goal.title}
              onDone={(outcome) => {
                returnFocusToAdd();
                setAdding(false);
                if (typeof outcome === 'object') announce(t('care.action.added', outcome));
              }}
            />
          ) : null}
          <div className="flex flex-wrap gap-3">
            {adding ? null : (
              <button
                ref={addButton}
                type="button"
                className={buttonClass.secondary}
                disabled={!servicesConsent}
                aria-describedby={servicesConsent ? undefined : 'care-consent-warning'}
                onClick={() => {
                  announce('');
                  setAdding(true);
                }}
              >
                {t('care.action.add')}
                <span className="sr-only"> ({goal.title})</span>
              </button>
            )}
            <button
              ref={editButton}
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                announce('');
                setEditing(true);
              }}
            >
              {t('care.goal.edit')}
              <span className="sr-only"> ({goal.title})</span>
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() =>
                confirmDelete({ kind: 'goal', id: goal.id, title: goal.title, focusAfter: onDeleted })
              }
            >
              {t('care.goal.delete')}
              <span className="sr-only"> ({goal.title})</span>
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
