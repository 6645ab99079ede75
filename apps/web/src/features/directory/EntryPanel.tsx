import { useState } from 'react';
import type { DirectoryOrganization } from '../../lib/directoryApi';
import { useReturnFocus } from '../../lib/focus';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { Badge } from '../care/Badges';
import { OnSendaBadge } from './Badges';
import { LocationsPanel } from './LocationsPanel';
import { useManageContext } from './manageContext';
import { OrganizationForm } from './OrganizationForm';
import { ServicesPanel } from './ServicesPanel';

/** The entry's own fields: what everyone reads of the organization. */
function OrganizationDetails({ org }: { org: DirectoryOrganization }) {
  const t = useT();
  const { announce } = useManageContext();
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus } = useReturnFocus(editing);
  if (editing)
    return (
      <OrganizationForm
        mode={org.is_own ? 'own' : 'edit'}
        org={org}
        onDone={(outcome) => {
          returnFocus();
          setEditing(false);
          if (outcome === 'unchanged') announce(t('directory.unchanged'));
          else if (outcome !== 'cancelled') announce(t('directory.org.saved', { name: outcome.name }));
        }}
      />
    );
  const none = t('directory.notStated');
  return (
    <div>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
        <dt className="font-medium text-slate-700">{t('directory.field.alternate_name')}</dt>
        <dd className="break-words text-slate-900">{org.alternate_name || none}</dd>
        <dt className="font-medium text-slate-700">{t('directory.field.orgDescription')}</dt>
        <dd className="break-words whitespace-pre-wrap text-slate-900">{org.description || none}</dd>
        <dt className="font-medium text-slate-700">{t('directory.field.email')}</dt>
        <dd className="break-all text-slate-900">{org.email || none}</dd>
        <dt className="font-medium text-slate-700">{t('directory.field.website')}</dt>
        <dd className="break-all text-slate-900">{org.website || none}</dd>
      </dl>
      <button
        ref={editButton}
        type="button"
        className={`${buttonClass.secondary} mt-3`}
        onClick={() => {
          announce('');
          setEditing(true);
        }}
      >
        {t('directory.org.edit')}
      </button>
    </div>
  );
}

/** One entry she keeps: the organization, its locations (and who sees a confidential one), its services. */
export function EntryPanel({ org }: { org: DirectoryOrganization }) {
  const t = useT();
  return (
    <section aria-labelledby={`entry-${org.id}`} className={`${cardClass} space-y-6`}>
      <div>
        <h2
          id={`entry-${org.id}`}
          tabIndex={-1}
          className="flex flex-wrap items-center gap-2 text-xl font-semibold break-words text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          <span>{org.name}</span>
          {org.is_own ? (
            <Badge tone="border-slate-500 bg-slate-100 text-slate-900" icon="★">
              {t('directory.manage.ownBadge')}
            </Badge>
          ) : null}
          {org.on_senda ? <OnSendaBadge /> : null}
        </h2>
        <p className="mt-1 text-slate-800">
          {org.is_own ? t('directory.manage.ownIntro') : t('directory.manage.keptIntro')}
        </p>
      </div>
      <OrganizationDetails org={org} />
      <LocationsPanel org={org} />
      <ServicesPanel org={org} />
    </section>
  );
}
