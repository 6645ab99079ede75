import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { MIN_NETWORK_ORGS } from '@senda/domain';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { canReadStatistics } from '../statistics/statisticsValues';
import { NetworkCard } from './NetworkCard';
import { NetworkForm } from './NetworkForm';
import { networkKeys, networksApi } from './networksApi';

/** The page for someone whose role reads no statistics. */
export function NoNetworksAccess() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('statistics.noAccess.title')}</PageHeading>
      <p className="text-slate-800">{t('statistics.noAccess.body')}</p>
    </div>
  );
}

export function NetworksPage() {
  const session = useRequiredSession();
  if (!canReadStatistics(session.user.role)) return <NoNetworksAccess />;
  return <NetworksView />;
}

/**
 * The networks of the installation: each with the organizations that share
 * aggregates with it and the caller's organization's part; an
 * installation's admin creates them here.
 */
function NetworksView() {
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: networkKeys.all, queryFn: ({ signal }) => networksApi.list(signal) });
  // A new network's form starts empty again; the new network's name takes the focus.
  const [created, setCreated] = useState<{ id: string; name: string; count: number } | null>(null);
  const list = query.data;
  return (
    <div className="space-y-6">
      <div>
        <p>
          <Link to="/statistics" className="text-teal-800 underline">
            {t('networks.back')}
          </Link>
        </p>
        <PageHeading className="mt-2">{t('networks.title')}</PageHeading>
        <p className="mt-2 max-w-3xl text-slate-800">{t('networks.intro', { min: MIN_NETWORK_ORGS })}</p>
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('networks.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {list ? (
        <>
          {list.networks.length === 0 ? <p className="text-slate-800">{t('networks.empty')}</p> : null}
          {list.networks.map((network) => (
            <NetworkCard key={network.id} network={network} focusOnMount={created?.id === network.id} />
          ))}
          {list.canCreate ? (
            <section aria-labelledby="network-create-title" className={cardClass}>
              <h2 id="network-create-title" className="text-xl font-semibold text-slate-900">
                {t('networks.create.title')}
              </h2>
              <p className="mt-1 mb-4 text-slate-800">{t('networks.create.hint')}</p>
              <p role="status" className={created ? 'mb-4 font-medium text-emerald-900' : 'sr-only'}>
                {created ? t('networks.created', { name: created.name }) : ''}
              </p>
              <NetworkForm
                key={created?.count ?? 0}
                initial={{ name: '', description: '' }}
                label={t('networks.create.title')}
                submitLabel={t('networks.create.submit')}
                save={(input) => networksApi.create(input)}
                onSaved={async (network) => {
                  setCreated((c) => ({ id: network.id, name: network.name, count: (c?.count ?? 0) + 1 }));
                  await queryClient.invalidateQueries({ queryKey: networkKeys.all });
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
