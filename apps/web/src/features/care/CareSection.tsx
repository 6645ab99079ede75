import { useEffect, useMemo, useRef, useState } from 'react';
import { todayInMexico } from '@senda/domain';
import { isApiError, type CaseDetail } from '../../lib/api';
import { careApi } from '../../lib/careApi';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/catalogues';
import { CareContext, type CareContextValue, type DeleteTarget } from './careContext';
import { CareError } from './CareError';
import { NeedsPanel } from './NeedsPanel';
import { PlanPanel } from './PlanPanel';
import { useCareMutation, useCareQuery } from './useCare';

const DELETE_TEXTS: Record<DeleteTarget['kind'], { title: MessageKey; body: MessageKey; done: MessageKey }> =
  {
    need: { title: 'care.need.deleteTitle', body: 'care.need.deleteBody', done: 'care.need.deleted' },
    goal: { title: 'care.goal.deleteTitle', body: 'care.goal.deleteBody', done: 'care.goal.deleted' },
    action: { title: 'care.action.deleteTitle', body: 'care.action.deleteBody', done: 'care.action.deleted' },
  };

/**
 * Her needs and care plan: the needs assessment across every domain, the
 * plan's goals (each under the need it answers) with their actions and
 * follow-ups, and the plan's approval status with the button to send it.
 * Actions and sending the plan need her consent to receive services; a
 * closed case is shown read-only. Needs, goals, actions and follow-ups are
 * sealed on the server.
 */
export function CareSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const caseId = detail.id;
  const care = useCareQuery(caseId);
  const [announcement, setAnnouncement] = useState('');
  const [removing, setRemoving] = useState<DeleteTarget | null>(null);
  const focusAfterDelete = useRef<(() => void) | null>(null);

  const remove = useCareMutation(
    caseId,
    (target: DeleteTarget) =>
      target.kind === 'need'
        ? careApi.deleteNeed(caseId, target.id)
        : target.kind === 'goal'
          ? careApi.deleteGoal(caseId, target.id)
          : careApi.deleteAction(caseId, target.id),
    {
      onSuccess: (_care, target) => {
        focusAfterDelete.current = target.focusAfter;
        setRemoving(null);
        setAnnouncement(t(DELETE_TEXTS[target.kind].done, { title: target.title }));
      },
    },
  );
  // Once the dialog is gone (and the deleted item with it), the focus goes where the item said.
  useEffect(() => {
    if (removing === null && focusAfterDelete.current) {
      focusAfterDelete.current();
      focusAfterDelete.current = null;
    }
  }, [removing]);

  // An action with follow-ups cannot be deleted: offer to cancel it instead.
  const cancel = useCareMutation(
    caseId,
    (target: DeleteTarget) => careApi.updateAction(caseId, target.id, { status: 'cancelled' }),
    {
      onSuccess: (_care, target) => {
        setRemoving(null);
        setAnnouncement(t('care.action.cancelled', { title: target.title }));
      },
    },
  );
  const cancellable =
    removing?.kind === 'action' &&
    isApiError(remove.error) &&
    remove.error.fields.some((f) => f.code === 'action_has_follow_ups');
  const resetRemove = remove.reset;
  const resetCancel = cancel.reset;
  const data = care.data;
  const readOnly = data?.caseStatus === 'closed';
  const context = useMemo<CareContextValue>(
    () => ({
      caseId,
      readOnly,
      servicesConsent: data?.servicesConsent ?? false,
      staff: detail.staff,
      today: todayInMexico(),
      announce: setAnnouncement,
      confirmDelete: (target) => {
        setAnnouncement('');
        resetRemove();
        resetCancel();
        setRemoving(target);
      },
    }),
    [caseId, readOnly, data?.servicesConsent, detail.staff, resetRemove, resetCancel],
  );
  const texts = removing ? DELETE_TEXTS[removing.kind] : null;

  return (
    <section aria-labelledby="care-heading" className={cardClass}>
      <h2 id="care-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('care.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('care.intro')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {care.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {care.isError ? <FormError error={care.error} /> : null}
      {data ? (
        <CareContext.Provider value={context}>
          {readOnly ? (
            <p className="mb-4 rounded-md border border-slate-500 bg-slate-100 p-3 text-slate-900">
              {t('care.closedNotice')}
            </p>
          ) : null}
          <NeedsPanel care={data} />
          <PlanPanel care={data} />
        </CareContext.Provider>
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
            cancel.reset();
          }
        }}
        title={texts ? t(texts.title) : ''}
        body={removing && texts ? t(texts.body, { title: removing.title }) : null}
        confirmLabel={t('care.delete')}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
        pending={remove.isPending}
        error={
          remove.isError ? (
            <div className="mt-4 space-y-3">
              <CareError error={cancel.error ?? remove.error} />
              {cancellable ? (
                <button
                  type="button"
                  className={buttonClass.primary}
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate(removing)}
                >
                  {t('care.action.cancelInstead')}
                </button>
              ) : null}
            </div>
          ) : null
        }
      />
    </section>
  );
}
