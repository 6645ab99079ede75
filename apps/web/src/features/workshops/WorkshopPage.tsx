import { useState } from 'react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { workshopsApi, type WorkshopDetail } from '../../lib/workshopsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { useReturnFocus } from '../../lib/focus';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { ConfirmDialog } from '../../components/Dialogs';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { MaterialsSection } from './MaterialsSection';
import { WorkshopForm } from './WorkshopForm';
import { NoWorkshopAccess } from './WorkshopsPage';
import { canUseWorkshops } from './workshopValues';

/** Record a new workshop; once saved, on to its page (where materials are attached). */
export function WorkshopNewPage() {
  const t = useT();
  const session = useRequiredSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!canUseWorkshops(session.user.role)) return <NoWorkshopAccess />;
  return (
    <div className="max-w-4xl">
      <PageHeading className="mb-2">{t('workshops.newTitle')}</PageHeading>
      <p className="mb-6 text-slate-800">{t('workshops.newIntro')}</p>
      <WorkshopForm
        onSaved={(saved) => {
          queryClient.setQueryData(queryKeys.workshop(saved.id), saved);
          void queryClient.invalidateQueries({ queryKey: queryKeys.workshops, refetchType: 'none' });
          void navigate({ to: '/workshops/$workshopId', params: { workshopId: saved.id } });
        }}
        onCancel={() => void navigate({ to: '/workshops' })}
      />
    </div>
  );
}

export function WorkshopPage() {
  const session = useRequiredSession();
  if (!canUseWorkshops(session.user.role)) return <NoWorkshopAccess />;
  return <WorkshopView />;
}

/** One workshop: what, when, where, with whom, who came (counted), its materials; changed or removed here. */
function WorkshopView() {
  const t = useT();
  const { workshopId } = useParams({ from: '/app/workshops/$workshopId' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.workshop(workshopId),
    queryFn: ({ signal }) => workshopsApi.get(workshopId, signal),
  });
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { target: editButton, returnFocus } = useReturnFocus(editing);
  const remove = useMutation({
    mutationFn: () => workshopsApi.remove(workshopId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.workshop(workshopId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.workshops });
      await navigate({ to: '/workshops' });
    },
  });

  if (query.isPending)
    return (
      <p role="status" className="text-slate-800">
        {t('common.loading')}
      </p>
    );
  if (query.isError)
    return (
      <div className="max-w-2xl space-y-4">
        <PageHeading>{t('workshops.title')}</PageHeading>
        <FormError error={query.error} />
        <Link to="/workshops" className={buttonClass.secondary}>
          {t('workshops.back')}
        </Link>
      </div>
    );
  const workshop = query.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.workshops });

  return (
    <div className="max-w-4xl space-y-6">
      <Link to="/workshops" className={buttonClass.link}>
        {t('workshops.back')}
      </Link>
      <PageHeading className="break-words">{workshop.title}</PageHeading>
      <p role="status" className={announcement ? 'text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {editing ? (
        <section aria-labelledby="workshop-edit-heading" className="space-y-4">
          <h2 id="workshop-edit-heading" className="text-xl font-semibold text-slate-900">
            {t('workshops.editTitle')}
          </h2>
          <WorkshopForm
            workshop={workshop}
            onSaved={(saved) => {
              queryClient.setQueryData(queryKeys.workshop(saved.id), saved);
              void refresh();
              returnFocus();
              setEditing(false);
              setAnnouncement(t('workshops.saved'));
            }}
            onCancel={() => {
              // Read it again: after a refused stale change, the next edit starts from what is stored now.
              void refresh();
              returnFocus();
              setEditing(false);
            }}
          />
        </section>
      ) : (
        <>
          <Facts workshop={workshop} />
          <div className="flex flex-wrap gap-3">
            <button
              ref={editButton}
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                setAnnouncement('');
                setEditing(true);
              }}
            >
              {t('workshops.edit')}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setRemoving(true)}>
              {t('workshops.delete')}
            </button>
          </div>
        </>
      )}
      <MaterialsSection workshop={workshop} />
      <ConfirmDialog
        isOpen={removing}
        onOpenChange={(open) => {
          if (!open) {
            setRemoving(false);
            remove.reset();
          }
        }}
        title={t('workshops.deleteTitle')}
        body={t('workshops.deleteBody', { title: workshop.title })}
        confirmLabel={t('workshops.delete')}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.isError ? <FormError error={remove.error} /> : null}
      />
    </div>
  );
}

function Facts({ workshop }: { workshop: WorkshopDetail }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const topic = label('workshopTopic', workshop.topic);
  const place = [workshop.municipality, f.state(workshop.state)].filter(Boolean).join(', ');
  return (
    <>
      <section aria-labelledby="workshop-facts-heading" className={cardClass}>
        <h2 id="workshop-facts-heading" className="mb-3 text-xl font-semibold text-slate-900">
          {t('workshops.form.activity')}
        </h2>
        <dl className="grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-700">{t('workshops.field.kind')}</dt>
          <dd>{label('workshopKind', workshop.kind)}</dd>
          <dt className="text-slate-700">{t('workshops.field.heldOn')}</dt>
          <dd>{f.date(workshop.heldOn)}</dd>
          <dt className="text-slate-700">{t('workshops.field.topic')}</dt>
          <dd className="break-words">{workshop.otherTopic ? `${topic}: ${workshop.otherTopic}` : topic}</dd>
          <dt className="text-slate-700">{t('workshops.field.language')}</dt>
          <dd>{f.language(workshop.language)}</dd>
          <dt className="text-slate-700">{t('workshops.form.place')}</dt>
          <dd className="break-words">{place}</dd>
          <dt className="text-slate-700">{t('workshops.field.coFacilitators')}</dt>
          <dd className="break-words">
            {workshop.coFacilitators.length
              ? f.list(workshop.coFacilitators)
              : t('workshops.noCoFacilitators')}
          </dd>
          <dt className="text-slate-700">{t('workshops.recordedBy')}</dt>
          <dd>
            {t('workshops.recordedByValue', {
              name: workshop.createdBy ?? '—',
              date: f.dateTime(workshop.createdAt),
            })}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="workshop-people-heading" className={cardClass}>
        <h2 id="workshop-people-heading" className="mb-3 text-xl font-semibold text-slate-900">
          {t('workshops.participants.title')}
        </h2>
        <table className="w-full table-fixed border-collapse text-start text-slate-900">
          <caption className="sr-only">{t('workshops.participants.caption')}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="py-2 pe-2 text-start">
                {t('workshops.participants.gender')}
              </th>
              <th scope="col" className="py-2 pe-2 text-start">
                {t('workshops.participants.ageBand')}
              </th>
              <th scope="col" className="py-2 pe-2 text-start">
                {t('workshops.participants.nationality')}
              </th>
              <th scope="col" className="w-20 py-2 text-end">
                {t('workshops.participants.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {workshop.participants.map((row) => (
              <tr
                key={`${row.gender}|${row.ageBand}|${row.nationality}`}
                className="border-b border-slate-200"
              >
                <td className="py-2 pe-2 break-words">{label('participantGender', row.gender)}</td>
                <td className="py-2 pe-2 break-words">{label('statAgeBand', row.ageBand)}</td>
                <td className="py-2 pe-2 break-words">
                  {row.nationality === 'unknown'
                    ? t('workshops.nationalityUnknown')
                    : f.country(row.nationality)}
                </td>
                <td className="py-2 text-end">{f.number(row.count)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="py-2 pe-2 text-start">
                {t('workshops.participants.totalLabel')}
              </th>
              <td className="py-2 text-end font-bold">{f.number(workshop.participantTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}
