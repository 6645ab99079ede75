import { useRef, useState } from 'react';
import type { CareView } from '../../lib/careApi';
import { useReturnFocus } from '../../lib/focus';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { useCareContext } from './careContext';
import { NeedCard } from './NeedCard';
import { NeedForm } from './NeedForm';
import { orderNeeds } from './needValues';
import { goalCounts } from './planValues';
import { useNeedTitle } from './useNeedTitle';

const headingClass =
  'text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/**
 * The needs assessment: open needs first (most urgent first), those met or
 * unmet behind a disclosure, and the form to record a need.
 */
export function NeedsPanel({ care }: { care: CareView }) {
  const t = useT();
  const { readOnly, announce } = useCareContext();
  const titleOf = useNeedTitle();
  const heading = useRef<HTMLHeadingElement>(null);
  const [adding, setAdding] = useState(false);
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);
  const { open, closed } = orderNeeds(care.needs);
  const counts = goalCounts(care.goals);
  const unmet = closed.filter((n) => n.status === 'unmet').length;
  const focusPanel = () => (addButton.current ?? heading.current)?.focus();
  // A need that moves between open and met/unmet is shown anew in the other list: the focus follows it.
  const moved = useRef<string | null>(null);
  const follow = {
    onMoved: (id: string) => (moved.current = id),
    takeMoved: (id: string) => {
      if (moved.current !== id) return false;
      moved.current = null;
      return true;
    },
  };

  return (
    <div className="mt-2">
      <h3 ref={heading} tabIndex={-1} className={headingClass}>
        {t('care.needs.title')}
      </h3>
      <p className="mt-1 mb-3 text-slate-800">{t('care.needs.intro')}</p>
      {care.needs.length === 0 ? (
        <p className="mb-4 text-slate-700">{t('care.needs.none')}</p>
      ) : (
        <p className="mb-3 text-slate-900">
          {t('care.needs.summary', { open: open.length, met: closed.length - unmet, unmet })}
        </p>
      )}
      {open.length > 0 ? (
        <ul className="space-y-4" aria-label={t('care.needs.openLabel')}>
          {open.map((need) => (
            <li key={need.id}>
              <NeedCard need={need} goals={counts.get(need.id) ?? 0} onDeleted={focusPanel} {...follow} />
            </li>
          ))}
        </ul>
      ) : care.needs.length > 0 ? (
        <p className="mb-3 text-slate-700">{t('care.needs.noneOpen')}</p>
      ) : null}
      {closed.length > 0 ? (
        <details className="mt-4">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-teal-800">
            {t('care.needs.closed', { count: closed.length })}
          </summary>
          <ul className="mt-2 space-y-4">
            {closed.map((need) => (
              <li key={need.id}>
                <NeedCard need={need} goals={counts.get(need.id) ?? 0} onDeleted={focusPanel} {...follow} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {readOnly ? null : (
        <div className="mt-4">
          {adding ? (
            <NeedForm
              onDone={(outcome) => {
                returnFocusToAdd();
                setAdding(false);
                if (typeof outcome === 'object') announce(t('care.need.added', { title: titleOf(outcome) }));
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
              {t('care.need.add')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
