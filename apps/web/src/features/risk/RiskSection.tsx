import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RiskBadge } from './RiskBadge';
import { AssessmentCard } from './AssessmentCard';
import { AssessmentForm } from './AssessmentForm';
import { useReturnFocus } from '../../lib/focus';

/**
 * Her risk: the level of the newest assessment, the assessments (newest first,
 * the older ones behind a disclosure) with their safety plans, and the form
 * for a new assessment. Answers, notes and plans are sealed on the server.
 */
export function RiskSection({ caseId }: { caseId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const risk = useQuery({
    queryKey: queryKeys.risk(caseId),
    queryFn: ({ signal }) => api.listRiskAssessments(caseId, signal),
  });
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.risk(caseId) });
    // The case list shows each case's current risk.
    await queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'list'] });
    // The closure checks show her current risk; a high risk gives someone a task.
    await queryClient.invalidateQueries({ queryKey: queryKeys.care(caseId), exact: true });
    await queryClient.invalidateQueries({ queryKey: queryKeys.myWork });
  };

  const data = risk.data;
  const [newest, ...older] = data?.items ?? [];
  return (
    <section aria-labelledby="risk-heading" className={cardClass}>
      <h2 id="risk-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('risk.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('risk.intro')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {risk.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {risk.isError ? <FormError error={risk.error} /> : null}
      {data ? (
        <p className="mb-4 flex flex-wrap items-center gap-2 text-lg text-slate-900">
          <span className="font-medium">{t('risk.current')}</span>
          <RiskBadge level={data.current} />
        </p>
      ) : null}
      {data && !newest ? <p className="mb-4 text-slate-700">{t('risk.none')}</p> : null}
      {newest ? (
        <AssessmentCard
          caseId={caseId}
          assessment={newest}
          newest
          onPlanSaved={() => {
            setAnnouncement(t('risk.plan.saved'));
            void refresh();
          }}
        />
      ) : null}
      {older.length > 0 ? (
        <details className="mt-4">
          <summary className="min-h-11 cursor-pointer py-2 font-medium text-teal-800">
            {t('risk.older', { count: older.length })}
          </summary>
          <ul className="mt-2 space-y-4">
            {older.map((assessment) => (
              <li key={assessment.id}>
                <AssessmentCard
                  caseId={caseId}
                  assessment={assessment}
                  newest={false}
                  onPlanSaved={() => {
                    setAnnouncement(t('risk.plan.saved'));
                    void refresh();
                  }}
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="mt-6">
        {adding ? (
          <AssessmentForm
            caseId={caseId}
            onDone={(outcome) => {
              returnFocusToAdd();
              setAdding(false);
              if (outcome !== 'cancelled') {
                setAnnouncement(t('risk.added'));
                void refresh();
              }
            }}
          />
        ) : (
          <button
            ref={addButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            {t('risk.add')}
          </button>
        )}
      </div>
    </section>
  );
}
