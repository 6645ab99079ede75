import { useId } from 'react';
import { Link } from '@tanstack/react-router';
import type { DirectoryService } from '../../lib/directoryApi';
import { cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { OnSendaBadge, ServiceStatusBadge } from './Badges';
import { LocationDetails } from './LocationDetails';
import { ServiceFacts } from './ServiceFacts';

/**
 * A search result: the service (a link to its page), its organization, what
 * a referral turns on, and where it is offered — a confidential location
 * only as its contact path, city and state.
 */
export function ServiceCard({ service }: { service: DirectoryService }) {
  const t = useT();
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className={cardClass}>
      <h3 id={titleId} className="text-lg font-semibold break-words text-slate-900">
        <Link
          to="/directory/services/$serviceId"
          params={{ serviceId: service.id }}
          className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          {service.name}
        </Link>
      </h3>
      <p className="mb-3 flex flex-wrap items-center gap-2 text-slate-900">
        <span className="break-words">{service.organization.name}</span>
        {service.organization.on_senda ? <OnSendaBadge /> : null}
        {service.status !== 'active' ? <ServiceStatusBadge status={service.status} /> : null}
      </p>
      {service.alert ? (
        <p className="mb-3 rounded-md border border-amber-700 bg-amber-50 p-2 break-words text-amber-950">
          <span aria-hidden="true">⚠ </span>
          {service.alert}
        </p>
      ) : null}
      <ServiceFacts service={service} />
      {service.locations.length > 0 ? (
        <div className="mt-3">
          <p className="mb-1 font-medium text-slate-700">{t('directory.locations')}</p>
          <ul className="grid gap-2 md:grid-cols-2">
            {service.locations.map((location) => (
              <li key={location.id}>
                <LocationDetails location={location} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
