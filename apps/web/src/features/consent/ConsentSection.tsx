import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ConsentList } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ConsentCard } from './ConsentCard';
import { ConsentForm } from './ConsentForm';
import { useReturnFocus } from '../../lib/focus';

/** What is in force today, as plain statements with a symbol each (never colour alone). */
function InForce({ inForce }: { inForce: ConsentList['inForce'] }) {
  const t = useT();
  const line = (yes: boolean, key: 'services' | 'contact' | 'statistics') => (
    <li className="flex gap-2">
      <span aria-hidden="true" className={yes ? 'text-emerald-800' : 'text-slate-700'}>
        {yes ? '✓' : '✗'}
      </span>
      {t(`consents.inForce.${key}`, { yes: String(yes) })}
    </li>
  );
  const sharing = inForce.referralSharingWith;
  return (
    <div className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-3">
      <h3 className="mb-1 font-semibold text-slate-900">{t('consents.inForce.title')}</h3>
      <ul className="space-y-1 text-slate-900">
        {line(inForce.services, 'services')}
        {line(inForce.contact, 'contact')}
        {line(inForce.statistics, 'statistics')}
        <li className="flex gap-2">
          <span aria-hidden="true" className={sharing.length ? 'text-emerald-800' : 'text-slate-700'}>
            {sharing.length ? '✓' : '✗'}
          </span>
          {sharing.length
            ? t('consents.inForce.sharingWith', { names: sharing.join(', ') })
            : t('consents.inForce.sharingNone')}
        </li>
      </ul>
    </div>
  );
}

/**
 * Her consents: what is in force today, the records (with the button to
 * withdraw those in force or yet to start) and the form to record one.
 */
export function ConsentSection({ caseId }: { caseId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const consents = useQuery({
    queryKey: queryKeys.consents(caseId),
    queryFn: ({ signal }) => api.listConsents(caseId, signal),
  });
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { target: addButton, returnFocus: returnFocusToAdd } = useReturnFocus(adding);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.consents(caseId) });
    // What her consents allow shows elsewhere on the page: the care plan, contact details.
    await queryClient.invalidateQueries({ queryKey: queryKeys.care(caseId), exact: true });
    await queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId), exact: true });
  };
  const data = consents.data;
  return (
    <section aria-labelledby="consents-heading" className={cardClass}>
      <h2 id="consents-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('consents.title')}
      </h2>
      <p className="mb-2 text-slate-800">{t('consents.intro')}</p>
      <p className="mb-4 text-slate-800">{t('consents.introAges')}</p>
      <p role="status" className={announcement ? 'mb-3 text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {consents.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {consents.isError ? <FormError error={consents.error} /> : null}
      {data ? <InForce inForce={data.inForce} /> : null}
      {data?.items.length === 0 ? <p className="mb-4 text-slate-700">{t('consents.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="space-y-4" aria-label={t('consents.listLabel')}>
          {data.items.map((consent) => (
            <li key={consent.id}>
              <ConsentCard
                caseId={caseId}
                consent={consent}
                onWithdrawn={() => {
                  setAnnouncement(t('consents.withdrawn'));
                  void refresh();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-6">
        {adding ? (
          <ConsentForm
            caseId={caseId}
            onDone={(saved) => {
              returnFocusToAdd();
              setAdding(false);
              if (saved) {
                setAnnouncement(t('consents.added'));
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
            {t('consents.add')}
          </button>
        )}
      </div>
    </section>
  );
}
