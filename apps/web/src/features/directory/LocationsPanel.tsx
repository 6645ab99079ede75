import { useId, useRef, useState } from 'react';
import type { DirectoryLocation, DirectoryOrganization } from '../../lib/directoryApi';
import { useReturnFocus } from '../../lib/focus';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { LocationAccess } from './LocationAccess';
import { LocationDetails } from './LocationDetails';
import { LocationForm } from './LocationForm';
import { useManageContext } from './manageContext';
import { useLocations } from './useDirectory';

const headingClass =
  'text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/** One location of the entry: what it shows, edit and delete, and for a confidential one who sees it. */
function LocationItem({ location, focusPanel }: { location: DirectoryLocation; focusPanel: () => void }) {
  const t = useT();
  const titleId = useId();
  const { announce, confirmDelete } = useManageContext();
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus } = useReturnFocus(editing);
  if (editing)
    return (
      <LocationForm
        organizationId={location.organization_id}
        location={location}
        onDone={(outcome) => {
          returnFocus();
          setEditing(false);
          if (outcome !== 'cancelled') announce(t('directory.location.saved', { name: outcome.name }));
        }}
      />
    );
  return (
    <article aria-labelledby={titleId} className="space-y-2">
      <LocationDetails location={location} heading="h4" headingId={titleId} />
      <div className="flex flex-wrap gap-3">
        <button
          ref={editButton}
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            announce('');
            setEditing(true);
          }}
        >
          {t('common.edit')}
          <span className="sr-only"> ({location.name})</span>
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() =>
            confirmDelete({ kind: 'location', id: location.id, title: location.name, focusAfter: focusPanel })
          }
        >
          {t('directory.delete')}
          <span className="sr-only"> ({location.name})</span>
        </button>
      </div>
      {location.confidential ? (
        <LocationAccess location={location} onRemoved={() => editButton.current?.focus()} />
      ) : null}
    </article>
  );
}

/** The entry's locations, and the form to add one. */
export function LocationsPanel({ org }: { org: DirectoryOrganization }) {
  const t = useT();
  const { announce } = useManageContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const locations = useLocations(org.id);
  const [adding, setAdding] = useState(false);
  const { target: addButton, returnFocus } = useReturnFocus(adding);
  const focusPanel = () => (addButton.current ?? heading.current)?.focus();
  const items = locations.data ?? [];
  return (
    <section aria-labelledby={`locations-${org.id}`} className="space-y-3">
      <h3 ref={heading} id={`locations-${org.id}`} tabIndex={-1} className={headingClass}>
        {t('directory.locations')}
      </h3>
      <p className="text-slate-800">{t('directory.manage.locationsIntro')}</p>
      {locations.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {locations.isError ? <FormError error={locations.error} /> : null}
      {locations.isSuccess && items.length === 0 ? (
        <p className="text-slate-700">{t('directory.manage.noLocations')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="space-y-4" aria-labelledby={`locations-${org.id}`}>
          {items.map((location) => (
            <li key={location.id}>
              <LocationItem location={location} focusPanel={focusPanel} />
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <LocationForm
          organizationId={org.id}
          onDone={(outcome) => {
            returnFocus();
            setAdding(false);
            if (outcome !== 'cancelled') announce(t('directory.location.added', { name: outcome.name }));
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
          {t('directory.location.add')}
        </button>
      )}
    </section>
  );
}
