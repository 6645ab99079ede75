import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CaseIncident } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { IncidentCard, useIncidentTitle } from './IncidentCard';
import { IncidentForm } from './IncidentForm';
import { IncidentOverview } from './IncidentOverview';
import { useReturnFocus } from '../../lib/focus';
import { refreshCasePart } from '../../lib/refresh';

/**
 * The case's violence history: a summary at a glance, the incidents one by
 * one (each classified by Mexican law and by GBVIMS), and the form to record
 * one. The server decides who reads narratives; everyone on the case may
 * record and correct the facts.
 */
export function IncidentsSection({ caseId }: { caseId: string }) {
  const t = useT();
  const titleOf = useIncidentTitle();
  const queryClient = useQueryClient();
  const incidents = useQuery({
    queryKey: queryKeys.incidents(caseId),
    queryFn: ({ signal }) => api.listIncidents(caseId, signal),
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CaseIncident | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);

  const refresh = () => refreshCasePart(queryClient, caseId, queryKeys.incidents(caseId));

  const remove = useMutation({
    mutationFn: (incident: CaseIncident) => api.deleteIncident(caseId, incident.id),
    onSuccess: async (_data, incident) => {
      setRemoving(null);
      setAnnouncement(t('incidents.deleted', { title: titleOf(incident) }));
      await refresh();
      // The deleted card and its buttons are gone: on to "Record an incident", or the section's title.
      (addButton.current ?? heading.current)?.focus();
    },
  });

  const data = incidents.data;
  return (
    <section aria-labelledby="incidents-heading" className={cardClass}>
      <h2
        ref={heading}
        id="incidents-heading"
        tabIndex={-1}
        className="mb-2 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('incidents.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('incidents.intro')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {incidents.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {incidents.isError ? <FormError error={incidents.error} /> : null}
      {data?.items.length === 0 ? <p className="mb-4 text-slate-700">{t('incidents.none')}</p> : null}
      {data && data.items.length > 0 ? <IncidentOverview summary={data.summary} /> : null}
      {data && data.items.length > 0 ? (
        <ol className="space-y-4" aria-label={t('incidents.listLabel')}>
          {data.items.map((incident) => (
            <li key={incident.id}>
              <IncidentCard
                caseId={caseId}
                incident={incident}
                onSaved={async (outcome) => {
                  setAnnouncement(
                    outcome === 'unchanged'
                      ? t('incidents.unchanged')
                      : t('incidents.updated', { title: titleOf(outcome) }),
                  );
                  if (outcome !== 'unchanged') await refresh();
                }}
                onDelete={(chosen) => {
                  setAnnouncement('');
                  remove.reset();
                  setRemoving(chosen);
                }}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="mt-6">
        {adding ? (
          <IncidentForm
            caseId={caseId}
            title={t('incidents.addTitle')}
            onDone={(outcome) => {
              returnFocusToAdd();
              setAdding(false);
              if (typeof outcome === 'object') {
                setAnnouncement(t('incidents.added', { title: titleOf(outcome) }));
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
            {t('incidents.add')}
          </button>
        )}
      </div>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(null);
            remove.reset();
          }
        }}
        title={t('incidents.deleteTitle')}
        body={removing ? t('incidents.deleteBody', { title: titleOf(removing) }) : null}
        confirmLabel={t('incidents.delete')}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
        }}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
      />
    </section>
  );
}
