import { useRef, useState } from 'react';
import type { CaseDetail } from '../../lib/api';
import { useCareQuery } from '../care/useCare';
import { useRequiredSession } from '../../lib/session';
import { FormError } from '../../components/forms';
import { cardClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { RequestHistory } from './ApprovalDetails';
import { ClosedCase } from './ClosedCase';
import { ClosurePanel } from './ClosureRequest';
import { PendingRequests } from './PendingRequests';
import { pastRequests } from './supervisionValues';

/**
 * Supervision of the case: the care plan and closure requests waiting for a
 * decision, closing the case (reason, checklist, approval) or reopening it,
 * and every past request. After each act the section takes the focus and
 * says what happened.
 */
export function SupervisionSection({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const session = useRequiredSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const care = useCareQuery(detail.id);
  const done = (message: string) => {
    setAnnouncement(message);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const data = care.data;
  return (
    <section aria-labelledby="supervision-heading" className={cardClass}>
      <h2
        ref={heading}
        id="supervision-heading"
        tabIndex={-1}
        className="mb-2 text-xl font-semibold text-slate-900 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        {t('supervision.title')}
      </h2>
      <p className="text-slate-800">{t('supervision.intro')}</p>
      <p role="status" className={announcement ? 'mt-3 font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {care.isPending ? (
        <p role="status" className="mt-3 text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {care.isError ? <FormError error={care.error} /> : null}
      {data ? (
        <>
          <PendingRequests caseId={detail.id} care={data} userId={session.user.id} onDone={done} />
          {data.caseStatus === 'open' ? (
            <ClosurePanel caseId={detail.id} care={data} onDone={done} />
          ) : (
            <ClosedCase detail={detail} care={data} onDone={done} />
          )}
          <RequestHistory approvals={pastRequests(data)} />
        </>
      ) : null}
    </section>
  );
}
