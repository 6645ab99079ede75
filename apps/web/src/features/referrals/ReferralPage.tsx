import type { ReactNode } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { isApiError } from '../../lib/api';
import type { Referral } from '../../lib/referralsApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cardClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { AccessLog } from './AccessLog';
import { ModeBadge, ReferralFlags, ReferralStateBadge, UrgencyBadge } from './Badges';
import { ReferralActions } from './ReferralActions';
import { ReferralThread } from './ReferralThread';
import { NoReferralAccess } from './ReferralsPage';
import { SharedData } from './SharedData';
import { canUseReferrals } from './referralValues';
import { useReferralQuery } from './useReferral';

export function ReferralPage() {
  const session = useRequiredSession();
  if (!canUseReferrals(session.user.role)) return <NoReferralAccess />;
  return <ReferralView />;
}

export function BackToReferrals({ box }: { box?: 'sent' | undefined }) {
  const t = useT();
  return (
    <Link to="/referrals" search={box ? { box } : {}} className={buttonClass.link}>
      <span aria-hidden="true">←&nbsp;</span>
      {t('referrals.backToList')}
    </Link>
  );
}

function ReferralView() {
  const t = useT();
  const { referralId = '' } = useParams({ strict: false });
  const query = useReferralQuery(referralId);
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
        <BackToReferrals />
        <PageHeading className="mt-2 mb-4">
          {missing ? t('referrals.notFound.title') : t('referrals.loadError')}
        </PageHeading>
        {missing ? (
          <p className="text-slate-800">{t('referrals.notFound.body')}</p>
        ) : (
          <FormError error={query.error} />
        )}
      </div>
    );
  }
  return <ReferralContent referral={query.data} />;
}

function Term({ term, children, className }: { term: string; children: ReactNode; className?: string }) {
  return (
    <div className="min-w-0 sm:contents">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className={cx('mb-1 min-w-0 break-words text-slate-900 sm:mb-0', className)}>{children}</dd>
    </div>
  );
}

function ReferralContent({ referral: r }: { referral: Referral }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <div className="flex flex-wrap gap-x-6 print:hidden">
          <BackToReferrals box={r.side === 'sender' ? 'sent' : undefined} />
          {r.caseId && r.caseCode ? (
            <Link to="/cases/$caseId" params={{ caseId: r.caseId }} className={buttonClass.link}>
              <span aria-hidden="true">←&nbsp;</span>
              {t('referrals.backToCaseCode', { code: r.caseCode })}
            </Link>
          ) : null}
        </div>
        <PageHeading className="mt-2 break-words">
          <span className="block font-mono">{t('referrals.page.title', { code: r.code })}</span>
        </PageHeading>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <ReferralStateBadge state={r.state} />
          <UrgencyBadge urgency={r.urgency} />
          <ModeBadge mode={r.mode} />
          <ReferralFlags flags={r.flags} />
        </p>
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
          <Term term={t('referrals.field.from')}>{r.from.name}</Term>
          <Term term={t('referrals.field.to')}>{r.to.name}</Term>
          <Term term={t('referrals.field.service')}>{r.service.name}</Term>
          <Term term={t('referrals.field.need')}>{label('needDomain', r.needDomain)}</Term>
          <Term term={t('referrals.field.sentOn')}>
            {r.sentOn ? f.date(r.sentOn) : t('referrals.notSent')}
          </Term>
          {r.answerDue ? (
            <Term
              term={t('referrals.field.answerDue')}
              className={r.flags.overdue ? 'font-semibold text-red-900' : undefined}
            >
              {f.date(r.answerDue)}
            </Term>
          ) : null}
          {r.assignedTo ? <Term term={t('referrals.field.assignedTo')}>{r.assignedTo.name}</Term> : null}
          {r.declineReason ? (
            <Term term={t('referrals.field.declineReason')}>{label('declineReason', r.declineReason)}</Term>
          ) : null}
          {r.outcome ? (
            <Term term={t('referrals.field.outcome')}>
              {label('referralOutcome', r.outcome)}
              {r.notGivenReason ? ` — ${label('notGivenReason', r.notGivenReason)}` : ''}
            </Term>
          ) : null}
          {r.message ? (
            <Term term={t('referrals.field.message')}>
              <span className="whitespace-pre-wrap">{r.message}</span>
            </Term>
          ) : null}
        </dl>
        {r.can.letter ? (
          <Link
            to="/referrals/$referralId/letter"
            params={{ referralId: r.id }}
            search={{}}
            className={cx(buttonClass.secondary, 'mt-3 print:hidden')}
          >
            {t('referrals.letter.open')}
          </Link>
        ) : null}
      </div>

      {!r.consentHolds ? (
        <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <span aria-hidden="true">⚠ </span>
          {t(r.side === 'sender' ? 'referrals.consentLapsed.sender' : 'referrals.consentLapsed.recipient', {
            organization: r.to.name,
          })}
        </p>
      ) : null}

      <section aria-labelledby="referral-shared-heading" className={cardClass}>
        <h2 id="referral-shared-heading" className="mb-2 text-xl font-semibold text-slate-900">
          {t('referrals.shared.title')}
        </h2>
        {r.shared === null ? (
          <p className="text-slate-800">{t('referrals.shared.notShared')}</p>
        ) : (
          <>
            <p className="mb-3 text-slate-800">
              {r.side === 'sender'
                ? t('referrals.shared.introSender', { organization: r.to.name })
                : t('referrals.shared.introRecipient', { organization: r.from.name })}
            </p>
            <SharedData shared={r.shared} referralId={r.side === 'recipient' ? r.id : null} />
          </>
        )}
      </section>

      <ReferralActions referral={r} />
      <ReferralThread referral={r} />
      {r.can.viewAccessLog ? <AccessLog referralId={r.id} /> : null}
    </div>
  );
}
