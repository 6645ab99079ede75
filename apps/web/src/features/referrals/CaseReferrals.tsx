import { useQuery } from '@tanstack/react-query';
import { referralsApi } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ReferralList } from './ReferralList';

/** The case's referrals (sender side): each links to its page. New ones start from a need ("Refer"). */
export function CaseReferrals({ caseId }: { caseId: string }) {
  const t = useT();
  const query = useQuery({
    queryKey: queryKeys.caseReferrals(caseId),
    queryFn: ({ signal }) => referralsApi.listForCase(caseId, signal),
  });
  return (
    <section aria-labelledby="case-referrals-heading" className={cardClass}>
      <h2 id="case-referrals-heading" className="mb-2 text-xl font-semibold text-slate-900">
        {t('referrals.case.title')}
      </h2>
      <p className="mb-4 text-slate-800">{t('referrals.case.intro')}</p>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {query.data?.length === 0 ? <p className="text-slate-700">{t('referrals.case.none')}</p> : null}
      {query.data?.length ? <ReferralList items={query.data} label={t('referrals.case.title')} /> : null}
    </section>
  );
}
