import { useState } from 'react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api';
import { referralsApi } from '../../lib/referralsApi';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from '../cases/CaseListPage';
import { CaseNotFound } from '../cases/CasePage';
import { useCareQuery } from '../care/useCare';
import { useNeedTitle } from '../care/useNeedTitle';
import { isOpenNeed } from '../care/needValues';
import { ReferralForm } from './ReferralForm';
import { ServiceMatches } from './ServiceMatches';
import { parseReferSearch } from './referralValues';

/** Refer one of her open needs: the services that fit her, then the referral to the one chosen. */
export function ReferPage() {
  const session = useRequiredSession();
  if (!session.abilities.readCases) return <NoCaseAccess />;
  return <ReferView />;
}

function BackToCase({ caseId }: { caseId: string }) {
  const t = useT();
  return (
    <Link to="/cases/$caseId" params={{ caseId }} className={buttonClass.link}>
      <span aria-hidden="true">←&nbsp;</span>
      {t('referrals.backToCase')}
    </Link>
  );
}

function Loading() {
  const t = useT();
  return (
    <p role="status" className="text-slate-800">
      {t('common.loading')}
    </p>
  );
}

function ReferView() {
  const t = useT();
  const navigate = useNavigate();
  const titleOf = useNeedTitle();
  const { caseId = '' } = useParams({ strict: false });
  const { needId, serviceId } = parseReferSearch(useSearch({ strict: false }));
  // After choosing (or changing) the service, the focus goes to what appears.
  const [moved, setMoved] = useState(false);
  const detail = useQuery({
    queryKey: queryKeys.case(caseId),
    queryFn: ({ signal }) => api.getCase(caseId, signal),
    enabled: caseId !== '',
  });
  const care = useCareQuery(caseId);
  const matches = useQuery({
    queryKey: queryKeys.serviceMatches(caseId, needId ?? ''),
    queryFn: ({ signal }) => referralsApi.serviceMatches(caseId, needId ?? '', signal),
    enabled: needId !== undefined,
  });

  if (detail.isPending || care.isPending) return <Loading />;
  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400))
      return <CaseNotFound />;
    return <FormError error={detail.error} />;
  }
  const need = care.data?.needs.find((n) => n.id === needId);
  if (!needId || !need || !isOpenNeed(need))
    return (
      <div className="max-w-2xl">
        <BackToCase caseId={caseId} />
        <PageHeading className="mt-2 mb-4">{t('referrals.refer.noNeed')}</PageHeading>
        <p className="text-slate-800">{t('referrals.refer.noNeedBody')}</p>
        {care.isError ? <FormError error={care.error} /> : null}
      </div>
    );
  const chosen = serviceId ? matches.data?.find((m) => m.service.id === serviceId) : undefined;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <BackToCase caseId={caseId} />
        <PageHeading className="mt-2 break-words">
          <span className="block font-mono text-lg font-semibold text-teal-800 sm:text-xl">
            {detail.data.code}
          </span>
          <span className="block">{t('referrals.refer.title', { need: titleOf(need) })}</span>
        </PageHeading>
        <p className="mt-2 text-slate-800">{t('referrals.refer.intro')}</p>
      </div>
      {matches.isPending ? <Loading /> : null}
      {matches.isError ? <FormError error={matches.error} /> : null}
      {chosen ? (
        <ReferralForm
          key={chosen.service.id}
          caseId={caseId}
          needId={needId}
          match={chosen}
          focusOnMount={moved}
          onChangeService={() => {
            setMoved(true);
            void navigate({ to: '/cases/$caseId/refer', params: { caseId }, search: { needId } });
          }}
        />
      ) : matches.data ? (
        <ServiceMatches
          matches={matches.data}
          focusOnMount={moved}
          onChoose={(match) => {
            setMoved(true);
            void navigate({
              to: '/cases/$caseId/refer',
              params: { caseId },
              search: { needId, serviceId: match.service.id },
            });
          }}
        />
      ) : null}
    </div>
  );
}
