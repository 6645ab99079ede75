import { useRef, useState } from 'react';
import type { CareNeed, CareView } from '../../lib/careApi';
import { useReturnFocus } from '../../lib/focus';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NeedStatusBadge, PriorityBadge } from './Badges';
import { useCareContext } from './careContext';
import { GoalCard } from './GoalCard';
import { GoalForm } from './GoalForm';
import { PlanStatus } from './PlanStatus';
import { goalsByNeed } from './planValues';
import { useNeedTitle } from './useNeedTitle';

const headingClass =
  'text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/**
 * The care plan: the warning when her consent to receive services is not in
 * force, the plan's approval status (and sending it), then each need with
 * the goals that answer it, their actions and follow-ups.
 */
export function PlanPanel({ care }: { care: CareView }) {
  const t = useT();
  const { readOnly, servicesConsent } = useCareContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const groups = goalsByNeed(care.needs, care.goals);

  return (
    <div className="mt-8 border-t border-slate-300 pt-6">
      <h3 ref={heading} tabIndex={-1} className={headingClass}>
        {t('care.plan.title')}
      </h3>
      {!servicesConsent && !readOnly ? (
        <p
          id="care-consent-warning"
          className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 font-medium text-amber-950"
        >
          <span aria-hidden="true">⚠ </span>
          {t('care.plan.noConsent')}
        </p>
      ) : null}
      <p className="mt-2 text-slate-800">{t('care.plan.intro')}</p>
      <PlanStatus care={care} />
      {care.needs.length === 0 ? <p className="mt-4 text-slate-700">{t('care.plan.needsFirst')}</p> : null}
      {care.needs.length > 0 && groups.length === 0 ? (
        <p className="mt-4 text-slate-700">{t('care.plan.noOpenNeeds')}</p>
      ) : null}
      {groups.length > 0 ? (
        <ul className="mt-4 space-y-6" aria-label={t('care.plan.listLabel')}>
          {groups.map((group) => (
            <li key={group.need.id}>
              <NeedGoals
                need={group.need}
                goals={group.goals}
                needs={care.needs}
                focusPlan={() => heading.current?.focus()}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One need (its name, priority and status) with the goals that answer it and the button to add one. */
function NeedGoals({
  need,
  goals,
  needs,
  focusPlan,
}: {
  need: CareNeed;
  goals: CareView['goals'];
  needs: readonly CareNeed[];
  focusPlan: () => void;
}) {
  const t = useT();
  const { readOnly, announce } = useCareContext();
  const title = useNeedTitle()(need);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [adding, setAdding] = useState(false);
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);

  return (
    <div className="border-s-4 border-teal-800 ps-3">
      <h4 ref={headingRef} tabIndex={-1} className={`flex flex-wrap items-center gap-2 ${headingClass}`}>
        <span className="break-words">{t('care.plan.forNeed', { title })}</span>
        <PriorityBadge priority={need.priority} />
        <NeedStatusBadge status={need.status} />
      </h4>
      {goals.length === 0 ? <p className="mt-1 text-slate-700">{t('care.goal.none')}</p> : null}
      {goals.length > 0 ? (
        <ul className="mt-3 space-y-4">
          {goals.map((goal) => (
            <li key={goal.id}>
              <GoalCard
                goal={goal}
                needs={needs}
                onDeleted={() => {
                  // The need's group is gone when its last goal was deleted and the need is closed.
                  const target = addButton.current ?? headingRef.current;
                  if (target) target.focus();
                  else focusPlan();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <div className="mt-3">
          {adding ? (
            <GoalForm
              needId={need.id}
              needTitle={title}
              onDone={(outcome) => {
                returnFocusToAdd();
                setAdding(false);
                if (typeof outcome === 'object') announce(t('care.goal.added', outcome));
              }}
            />
          ) : (
            <button
              ref={addButton}
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                announce('');
                setAdding(true);
              }}
            >
              {goals.length === 0 ? t('care.goal.addFirst') : t('care.goal.add')}
              <span className="sr-only"> ({title})</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
