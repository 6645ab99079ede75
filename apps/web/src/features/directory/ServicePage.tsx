import { Link, useParams } from '@tanstack/react-router';
import { isApiError } from '../../lib/api';
import type { DirectoryService } from '../../lib/directoryApi';
import { useFormatters } from '../../lib/format';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { OnSendaBadge, ServiceStatusBadge } from './Badges';
import { NoDirectoryAccess } from './DirectoryPage';
import { canManageDirectory, canReadDirectory } from './directoryValues';
import { LocationDetails } from './LocationDetails';
import { ServiceFacts } from './ServiceFacts';
import { useService } from './useDirectory';

export function ServicePage() {
  const session = useRequiredSession();
  if (!canReadDirectory(session.user.role)) return <NoDirectoryAccess />;
  return <ServiceView />;
}

function BackLink() {
  const t = useT();
  return (
    <Link to="/directory" className={buttonClass.link}>
      <span aria-hidden="true">←&nbsp;</span>
      {t('directory.backToSearch')}
    </Link>
  );
}

function ServiceView() {
  const t = useT();
  const { serviceId } = useParams({ strict: false });
  const query = useService(serviceId ?? '');
  if (query.isPending)
    return (
      <p role="status" className="text-slate-800">
        {t('common.loading')}
      </p>
    );
  if (query.isError) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="max-w-2xl">
        <BackLink />
        <PageHeading className="mt-2 mb-4">
          {missing ? t('directory.service.notFound') : t('directory.service.loadError')}
        </PageHeading>
        {missing ? null : <FormError error={query.error} />}
      </div>
    );
  }
  return <ServiceContent service={query.data} />;
}

/** Everything the directory says of one service, and where it is offered. */
function ServiceContent({ service }: { service: DirectoryService }) {
  const t = useT();
  const f = useFormatters();
  const session = useRequiredSession();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <BackLink />
        <PageHeading className="mt-2 break-words">{service.name}</PageHeading>
        {service.alternate_name ? <p className="mt-1 text-slate-800">{service.alternate_name}</p> : null}
        <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-900">
          <span className="font-medium break-words">{service.organization.name}</span>
          {service.organization.on_senda ? <OnSendaBadge /> : null}
          <ServiceStatusBadge status={service.status} />
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {t('directory.service.updated', { date: f.dateTime(service.updated_at) })}
        </p>
        {service.organization.can_edit && canManageDirectory(session.user.role) ? (
          <Link
            to="/directory/manage"
            search={{ entry: service.organization.id }}
            className={cx(buttonClass.secondary, 'mt-3')}
          >
            {t('directory.service.editInManage')}
          </Link>
        ) : null}
      </div>
      {service.alert ? (
        <p
          role="note"
          className="rounded-md border border-amber-700 bg-amber-50 p-3 break-words text-amber-950"
        >
          <span aria-hidden="true">⚠ </span>
          <span className="font-medium">{t('directory.field.alert')}: </span>
          {service.alert}
        </p>
      ) : null}
      {service.description ? (
        <p className="max-w-3xl break-words whitespace-pre-wrap text-slate-900">{service.description}</p>
      ) : null}
      <section aria-labelledby="service-facts-heading" className={cardClass}>
        <h2 id="service-facts-heading" className="mb-3 text-xl font-semibold text-slate-900">
          {t('directory.service.facts')}
        </h2>
        <ServiceFacts service={service} full />
      </section>
      <section aria-labelledby="service-locations-heading" className={cardClass}>
        <h2 id="service-locations-heading" className="mb-3 text-xl font-semibold text-slate-900">
          {t('directory.locations')}
        </h2>
        {service.locations.length === 0 ? (
          <p className="text-slate-700">{t('directory.service.noLocations')}</p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {service.locations.map((location) => (
              <li key={location.id}>
                <LocationDetails location={location} heading="h3" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
