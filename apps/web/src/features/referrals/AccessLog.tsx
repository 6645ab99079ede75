import { useQuery } from '@tanstack/react-query';
import { referralsApi } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useFormatters } from '../../lib/format';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useOptionalT, useT } from '../../i18n/useT';

/** Who opened the referred data and when: for the sending organization's coordinators and admins. */
export function AccessLog({ referralId }: { referralId: string }) {
  const t = useT();
  const optional = useOptionalT();
  const f = useFormatters();
  const query = useQuery({
    queryKey: queryKeys.referralAccessLog(referralId),
    queryFn: ({ signal }) => referralsApi.accessLog(referralId, signal),
  });
  return (
    <section aria-labelledby="referral-access-heading" className={`${cardClass} print:hidden`}>
      <h2 id="referral-access-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('referrals.access.title')}
      </h2>
      <p className="mb-3 text-slate-800">{t('referrals.access.intro')}</p>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {query.data?.length === 0 ? <p className="text-slate-700">{t('referrals.access.none')}</p> : null}
      {query.data?.length ? (
        <ul className="space-y-2" aria-label={t('referrals.access.title')}>
          {query.data.map((entry, i) => (
            <li key={i} className="rounded-md border border-slate-300 p-3 break-words">
              <p className="font-medium text-slate-900">
                {optional(`referrals.access.action.${entry.action}`) ?? entry.action}
              </p>
              <p className="text-sm text-slate-800">
                {entry.by ?? t('supervision.someone')}
                {entry.organization ? <> · {entry.organization}</> : null}
                {' · '}
                <time dateTime={entry.at}>{f.dateTime(entry.at)}</time>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
