import { useId, useRef, useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { DirectoryLocation, DirectoryOrganization, DirectoryService } from '../../lib/directoryApi';
import { useReturnFocus } from '../../lib/focus';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { AvailabilityBadge, ServiceStatusBadge } from './Badges';
import { useManageContext } from './manageContext';
import { ServiceForm } from './ServiceForm';
import { useLocations, useOrganizationServices } from './useDirectory';

const headingClass =
  'text-lg font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/** One service of the entry, in short: its page, status, availability, needs and locations; edit and delete. */
function ServiceItem({
  service,
  org,
  locations,
  focusPanel,
}: {
  service: DirectoryService;
  org: DirectoryOrganization;
  locations: readonly DirectoryLocation[];
  focusPanel: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const titleId = useId();
  const { announce, confirmDelete } = useManageContext();
  const [editing, setEditing] = useState(false);
  const { target: editButton, returnFocus } = useReturnFocus(editing);
  if (editing)
    return (
      <ServiceForm
        organization={org}
        service={service}
        locations={locations}
        onDone={(outcome) => {
          returnFocus();
          setEditing(false);
          if (outcome === 'unchanged') announce(t('directory.unchanged'));
          else if (outcome !== 'cancelled') announce(t('directory.service.saved', { name: outcome.name }));
        }}
      />
    );
  return (
    <article aria-labelledby={titleId} className="rounded-md border border-slate-300 bg-white p-4">
      <h4 id={titleId} className="text-lg font-semibold break-words">
        <Link
          to="/directory/services/$serviceId"
          params={{ serviceId: service.id }}
          className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          {service.name}
        </Link>
      </h4>
      <p className="flex flex-wrap items-center gap-2">
        <ServiceStatusBadge status={service.status} />
        <AvailabilityBadge availability={service.availability} />
      </p>
      <p className="mt-2 break-words text-slate-900">
        {f.list(service.categories.map((c) => label('needDomain', c)))}
      </p>
      <p className="mt-1 break-words text-slate-800">
        {service.locations.length
          ? t('directory.service.atLocations', { locations: f.list(service.locations.map((l) => l.name)) })
          : t('directory.service.noLocations')}
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
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
          <span className="sr-only"> ({service.name})</span>
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() =>
            confirmDelete({ kind: 'service', id: service.id, title: service.name, focusAfter: focusPanel })
          }
        >
          {t('directory.delete')}
          <span className="sr-only"> ({service.name})</span>
        </button>
      </div>
    </article>
  );
}

/**
 * The entry's services (every page of a search limited to this organization), and the form
 * to add one.
 */
export function ServicesPanel({ org }: { org: DirectoryOrganization }) {
  const t = useT();
  const { announce } = useManageContext();
  const heading = useRef<HTMLHeadingElement>(null);
  const search = useOrganizationServices(org.id);
  const locations = useLocations(org.id);
  const [adding, setAdding] = useState(false);
  const { target: addButton, returnFocus } = useReturnFocus(adding);
  const focusPanel = () => (addButton.current ?? heading.current)?.focus();
  const services = (search.data ?? []).filter((s) => s.organization.id === org.id);
  const places = locations.data ?? [];
  return (
    <section aria-labelledby={`services-${org.id}`} className="space-y-3">
      <h3 ref={heading} id={`services-${org.id}`} tabIndex={-1} className={headingClass}>
        {t('directory.services')}
      </h3>
      {search.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {search.isError ? <FormError error={search.error} /> : null}
      {search.isSuccess && services.length === 0 ? (
        <p className="text-slate-700">{t('directory.manage.noServices')}</p>
      ) : null}
      {services.length > 0 ? (
        <ul className="space-y-4" aria-labelledby={`services-${org.id}`}>
          {services.map((service) => (
            <li key={service.id}>
              <ServiceItem service={service} org={org} locations={places} focusPanel={focusPanel} />
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <ServiceForm
          organization={org}
          locations={places}
          onDone={(outcome) => {
            returnFocus();
            setAdding(false);
            if (typeof outcome === 'object') announce(t('directory.service.added', { name: outcome.name }));
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
          {t('directory.service.add')}
        </button>
      )}
    </section>
  );
}
