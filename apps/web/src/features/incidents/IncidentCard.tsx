import { useId, useState } from 'react';
import type { CaseIncident } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ContextFlagBadge } from './IncidentOverview';
import { IncidentForm, type IncidentFormOutcome } from './IncidentForm';
import { formatWhen } from './partialDates';
import { useReturnFocus } from '../../lib/focus';

/** "noviembre de 2025 · En tránsito": when (as precisely as it was written) and where on her journey. */
export function useIncidentTitle(): (incident: Pick<CaseIncident, 'from' | 'to' | 'phase'>) => string {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (incident) =>
    t('incidents.card.title', {
      when: formatWhen(incident.from, incident.to, f.tag),
      phase: label('incidentPhase', incident.phase),
    });
}

/**
 * One incident: its facts, its narrative behind a disclosure button (for the
 * roles that read it), and the buttons to change or delete it. Changing it
 * opens the form in place; the focus comes back to "Edit" afterwards.
 */
export function IncidentCard({
  caseId,
  incident,
  onSaved,
  onDelete,
}: {
  caseId: string;
  incident: CaseIncident;
  onSaved: (outcome: Exclude<IncidentFormOutcome, 'cancelled'>) => Promise<void>;
  onDelete: (incident: CaseIncident) => void;
}) {
  const t = useT();
  const title = useIncidentTitle()(incident);
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus: returnFocusToEdit } = useReturnFocus(editing);

  if (editing)
    return (
      <IncidentForm
        caseId={caseId}
        incident={incident}
        title={t('incidents.editTitle', { title })}
        onDone={(outcome) => {
          returnFocusToEdit();
          setEditing(false);
          if (outcome !== 'cancelled') void onSaved(outcome);
        }}
      />
    );

  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h3 id={titleId} className="text-lg font-semibold break-words text-slate-900">
        {title}
      </h3>
      <IncidentFacts incident={incident} />
      <Narrative narrative={incident.narrative} />
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          ref={editButton}
          type="button"
          className={buttonClass.secondary}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
          <span className="sr-only"> ({title})</span>
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => onDelete(incident)}>
          {t('incidents.delete')}
          <span className="sr-only"> ({title})</span>
        </button>
      </div>
    </article>
  );
}

function IncidentFacts({ incident }: { incident: CaseIncident }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const labels = (group: Parameters<typeof label>[0], values: readonly string[]) =>
    f.list(values.map((v) => label(group, v)));
  const place = incident.state
    ? t('incidents.place', { state: f.state(incident.state), country: f.country(incident.country ?? 'MX') })
    : incident.country
      ? f.country(incident.country)
      : '—';
  const perpetrator = label('perpetrator', incident.perpetrator);
  const reportedTo = [
    incident.reportedTo.length ? labels('reportRecipient', incident.reportedTo) : '',
    incident.reportedToDetail,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-slate-900 sm:grid-cols-[auto_1fr]">
      <dt className="text-slate-700">{t('incidents.field.when')}</dt>
      <dd>{formatWhen(incident.from, incident.to, f.tag)}</dd>
      <dt className="text-slate-700">{t('incidents.field.phase')}</dt>
      <dd>{label('incidentPhase', incident.phase)}</dd>
      <dt className="text-slate-700">{t('incidents.field.place')}</dt>
      <dd>{place}</dd>
      <dt className="text-slate-700">{t('incidents.field.types')}</dt>
      <dd>{labels('violenceType', incident.types)}</dd>
      {incident.modality ? (
        <>
          <dt className="text-slate-700">{t('incidents.field.modality')}</dt>
          <dd>{label('violenceModality', incident.modality)}</dd>
        </>
      ) : null}
      <dt className="text-slate-700">{t('incidents.field.gbvType')}</dt>
      <dd>{label('gbvType', incident.gbvType)}</dd>
      <dt className="text-slate-700">{t('incidents.field.perpetrator')}</dt>
      <dd>
        {incident.perpetratorCount === null
          ? perpetrator
          : t('incidents.perpetratorWithCount', { perpetrator, count: incident.perpetratorCount })}
      </dd>
      <dt className="text-slate-700">{t('incidents.field.reported')}</dt>
      <dd>{label('reported', incident.reported)}</dd>
      {reportedTo ? (
        <>
          <dt className="text-slate-700">{t('incidents.field.reportedTo')}</dt>
          <dd className="break-words">{reportedTo}</dd>
        </>
      ) : null}
      {incident.contextFlags.length > 0 ? (
        <>
          <dt className="text-slate-700">{t('incidents.field.contextFlags')}</dt>
          <dd>
            <ul className="flex flex-wrap gap-2">
              {incident.contextFlags.map((flag) => (
                <li key={flag}>
                  <ContextFlagBadge>{label('contextFlag', flag)}</ContextFlagBadge>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt className="text-slate-700">{t('incidents.recordedBy')}</dt>
      <dd>
        {t('incidents.recordedByValue', {
          name: incident.recordedBy ?? '—',
          date: f.dateTime(incident.createdAt),
        })}
      </dd>
    </dl>
  );
}

/** Her account: never open by default, and only for the roles that read it; others are told it exists. */
function Narrative({ narrative }: { narrative: CaseIncident['narrative'] }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const notice = 'mt-3 rounded-md border p-3';
  if (!narrative.present) return <p className="mt-3 text-slate-700">{t('incidents.narrative.none')}</p>;
  if (!narrative.readable)
    return (
      <p className={cx(notice, 'border-slate-400 bg-slate-50 text-slate-800')}>
        {t('incidents.narrative.hidden')}
      </p>
    );
  if (narrative.unreadable)
    return (
      <p className={cx(notice, 'border-red-700 bg-red-50 font-medium text-red-900')}>
        <span aria-hidden="true">⚠ </span>
        {t('incidents.narrative.unreadable')}
      </p>
    );
  return (
    <div className="mt-2">
      <button
        type="button"
        className={buttonClass.link}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('incidents.narrative.hide') : t('incidents.narrative.show')}
      </button>
      <div id={id} hidden={!open} className="mt-1 rounded-md bg-slate-50 p-3">
        {open ? <p className="break-words whitespace-pre-wrap text-slate-900">{narrative.text}</p> : null}
      </div>
    </div>
  );
}
