import { Fragment, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { procedureCreateInput, timeline } from '@senda/domain';
import { api, isApiError, type Procedure, type ProcedureEvent } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { applyServerFieldErrors, zodErrorMap } from '../../lib/fieldErrors';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { FormError, TextField } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useOptionalT, useT } from '../../i18n/useT';
import { DeadlineCard } from './DeadlineCard';
import { EventForm } from './EventForm';

/** The case's asylum procedures: timeline, deadlines and the form to record an act. */
export function ProcedureSection({ caseId }: { caseId: string }) {
  const t = useT();
  const procedures = useQuery({
    queryKey: queryKeys.procedures(caseId),
    queryFn: ({ signal }) => api.listProcedures(caseId, signal),
  });
  return (
    <section aria-labelledby="procedure-heading" className={cardClass}>
      <h2 id="procedure-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('procedure.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('procedure.intro')}</p>
      {procedures.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {procedures.isError ? <FormError error={procedures.error} /> : null}
      {procedures.data?.length === 0 ? <p className="mb-4 text-slate-700">{t('procedure.none')}</p> : null}
      <div className="space-y-8">
        {procedures.data?.map((p, index) => (
          <ProcedureCard key={p.id} caseId={caseId} procedure={p} index={index + 1} />
        ))}
      </div>
      <AddProcedureForm caseId={caseId} />
    </section>
  );
}

function AddProcedureForm({ caseId }: { caseId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const form = useForm<z.input<typeof procedureCreateInput>, unknown, z.output<typeof procedureCreateInput>>({
    resolver: zodResolver(procedureCreateInput, zodErrorMap),
    defaultValues: { label: '' },
  });
  const create = useMutation({
    mutationFn: (values: z.output<typeof procedureCreateInput>) => api.createProcedure(caseId, values.label),
    onSuccess: async (created) => {
      form.reset({ label: '' });
      setAnnouncement(t('procedure.added', { label: created.label || t('procedure.untitled') }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.procedures(caseId) });
    },
    onError: (error) => {
      if (isApiError(error, 'validation_failed'))
        applyServerFieldErrors(error.fields, form.setError, (p) => p === 'label');
    },
  });
  return (
    <form
      noValidate
      aria-labelledby="procedure-add-title"
      className="mt-6 space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          setAnnouncement('');
          create.mutate(values);
        })(event)
      }
    >
      <h3 id="procedure-add-title" className="font-semibold text-slate-900">
        {t('procedure.addTitle')}
      </h3>
      <TextField
        label={t('procedure.label')}
        hint={t('procedure.labelHint')}
        registration={form.register('label')}
        error={form.formState.errors.label}
      />
      {create.isError && !isApiError(create.error, 'validation_failed') ? (
        <FormError error={create.error} />
      ) : null}
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      <button type="submit" className={buttonClass.secondary} disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('procedure.add')}
      </button>
    </form>
  );
}

function ProcedureCard({
  caseId,
  procedure,
  index,
}: {
  caseId: string;
  procedure: Procedure;
  index: number;
}) {
  const t = useT();
  const headingId = `procedure-${procedure.id}`;
  const title = procedure.label || t('procedure.numbered', { index });
  return (
    <section aria-labelledby={headingId} className="space-y-6 border-t border-slate-300 pt-4">
      <h3 id={headingId} className="text-xl font-semibold break-words text-slate-900">
        {title}
      </h3>
      <section aria-labelledby={`${headingId}-deadlines`}>
        <h4 id={`${headingId}-deadlines`} className="mb-2 text-lg font-semibold text-slate-900">
          {t('procedure.deadlines')}
        </h4>
        {procedure.deadlines.length === 0 ? (
          <p className="text-slate-700">{t('procedure.noDeadlines')}</p>
        ) : (
          <ul className="space-y-3">
            {procedure.deadlines.map((d) => (
              <li key={`${d.ruleCode}-${d.triggerEventId}`}>
                <DeadlineCard deadline={d} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Timeline caseId={caseId} procedure={procedure} headingId={`${headingId}-timeline`} />
      <EventForm caseId={caseId} procedure={procedure} />
    </section>
  );
}

function Timeline({
  caseId,
  procedure,
  headingId,
}: {
  caseId: string;
  procedure: Procedure;
  headingId: string;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const queryClient = useQueryClient();
  const [toDelete, setToDelete] = useState<ProcedureEvent | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const events = timeline(procedure.events);
  const remove = useMutation({
    mutationFn: (event: ProcedureEvent) => api.deleteProcedureEvent(caseId, procedure.id, event.id),
    onSuccess: async (_, event) => {
      setToDelete(null);
      setAnnouncement(t('procedure.event.deleted', { type: label('eventType', event.type) }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.procedures(caseId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
    },
  });
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId} className="mb-2 text-lg font-semibold text-slate-900">
        {t('procedure.timeline')}
      </h4>
      <p role="status" className={announcement ? 'mb-2 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {events.length === 0 ? (
        <p className="text-slate-700">{t('procedure.noEvents')}</p>
      ) : (
        <ol className="space-y-3 border-s-2 border-teal-800 ps-4">
          {events.map((event) => {
            const warnings = procedure.warnings.filter((w) => w.eventId === event.id);
            return (
              <li key={event.id} className="rounded-md border border-slate-300 bg-white p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="text-slate-900">
                    <span className="font-semibold">{f.date(event.date)}</span>
                    {' — '}
                    <span className="font-semibold">{label('eventType', event.type)}</span>
                  </p>
                  <button
                    type="button"
                    className={buttonClass.secondary}
                    onClick={() => {
                      remove.reset();
                      setToDelete(event);
                    }}
                  >
                    {t('procedure.event.delete')}
                    <span className="sr-only">
                      {' '}
                      ({label('eventType', event.type)}, {f.date(event.date)})
                    </span>
                  </button>
                </div>
                <EventDetails event={event} />
                {warnings.map((w) => (
                  <p
                    key={`${w.code}-${w.relatedEventId ?? ''}`}
                    className="mt-2 rounded-md border border-amber-700 bg-amber-50 p-2 text-sm text-amber-950"
                  >
                    <span aria-hidden="true">⚠ </span>
                    {label('warning', w.code)}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      )}
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(open) => {
          if (!open) setToDelete(null);
        }}
        title={t('procedure.event.deleteTitle')}
        body={
          toDelete
            ? t('procedure.event.deleteBody', {
                type: label('eventType', toDelete.type),
                date: f.date(toDelete.date),
              })
            : null
        }
        confirmLabel={t('procedure.event.deleteConfirm')}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
      />
    </section>
  );
}

const DETAIL_GROUPS: Record<string, Parameters<ReturnType<typeof useEnumLabel>>[0]> = {
  filedBy: 'filedBy',
  frequency: 'frequency',
  authority: 'signingAuthority',
};

function EventDetails({ event }: { event: ProcedureEvent }) {
  const t = useT();
  const optionalT = useOptionalT();
  const f = useFormatters();
  const label = useEnumLabel();
  const valueOf = (key: string, value: unknown): string => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (key === 'state') return f.state(text);
    if (key === 'outcome')
      return label(event.type === 'decision_notified' ? 'outcome' : 'revisionOutcome', text);
    const group = DETAIL_GROUPS[key];
    return group ? label(group, text) : text;
  };
  const entries = Object.entries(event.details).filter(([, v]) => v !== undefined && v !== '');
  return (
    <dl className="mt-1 grid gap-x-3 gap-y-1 text-sm text-slate-900 sm:grid-cols-[auto_1fr]">
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt className="text-slate-700">{optionalT(`procedure.detail.${key}`) ?? key}</dt>
          <dd className="break-words">{valueOf(key, value)}</dd>
        </Fragment>
      ))}
      {event.effectiveOn && event.effectiveOn !== event.date ? (
        <>
          <dt className="text-slate-700">{t('procedure.event.effectiveOn')}</dt>
          <dd>{f.date(event.effectiveOn)}</dd>
        </>
      ) : null}
      <dt className="text-slate-700">{t('procedure.event.recordedBy')}</dt>
      <dd>
        {t('procedure.event.recordedByValue', {
          name: event.recordedBy ?? '—',
          date: f.dateTime(event.recordedAt),
        })}
      </dd>
    </dl>
  );
}
