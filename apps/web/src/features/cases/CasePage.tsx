import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { api, isApiError, type CaseDetail } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { useEnumLabel } from '../../lib/options';
import { useFormatters } from '../../lib/format';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from './CaseListPage';
import { StatusBadge } from './CaseResults';
import { ProfileSection } from './ProfileSection';
import { FamilySection } from './FamilySection';
import { StaffSection } from './StaffSection';
import { NotesSection } from './NotesSection';
import { AuditSection, HistorySection } from './AuditSections';
import { ProcedureSection } from '../procedure/ProcedureSection';
import { IncidentsSection } from '../incidents/IncidentsSection';
import { DocumentsSection } from '../documents/DocumentsSection';
import { RiskSection } from '../risk/RiskSection';
import { ConsentSection } from '../consent/ConsentSection';
import { CareSection } from '../care/CareSection';
import { SupervisionSection } from '../supervision/SupervisionSection';
import { CaseReferrals } from '../referrals/CaseReferrals';

export function CasePage() {
  const session = useRequiredSession();
  if (!session.abilities.readCases) return <NoCaseAccess />;
  return <CaseView />;
}

export function CaseNotFound() {
  const t = useT();
  return (
    <div className="max-w-2xl">
      <PageHeading className="mb-4">{t('case.notFound.title')}</PageHeading>
      <p className="mb-6 text-slate-800">{t('case.notFound.body')}</p>
      <Link to="/cases" className={buttonClass.secondary}>
        {t('case.backToList')}
      </Link>
    </div>
  );
}

function CaseView() {
  const t = useT();
  const { caseId } = useParams({ strict: false });
  const id = caseId ?? '';
  const query = useQuery({
    queryKey: queryKeys.case(id),
    queryFn: ({ signal }) => api.getCase(id, signal),
    enabled: id !== '',
  });

  if (query.isPending) {
    return (
      <p role="status" className="text-slate-800">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))
      return <CaseNotFound />;
    return (
      <div>
        <PageHeading className="mb-4">{t('case.loadError')}</PageHeading>
        <FormError error={query.error} />
      </div>
    );
  }
  return <CaseContent detail={query.data} />;
}

export function caseName(c: Pick<CaseDetail, 'givenNames' | 'familyNames'>): string {
  return [c.givenNames, c.familyNames].filter(Boolean).join(' ');
}

function CaseContent({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const { abilities } = detail;
  return (
    <div className="space-y-8">
      <div>
        <Link to="/cases" className={buttonClass.link}>
          <span aria-hidden="true">←&nbsp;</span>
          {t('case.backToList')}
        </Link>
        <PageHeading className="mt-2 break-words">
          <span className="block font-mono text-lg font-semibold text-teal-800 sm:text-xl">
            {detail.code}
          </span>
          <span className="block">{caseName(detail)}</span>
        </PageHeading>
        {detail.preferredName ? (
          <p className="mt-1 text-slate-800">{t('cases.preferredName', { name: detail.preferredName })}</p>
        ) : null}
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-slate-900">
          <div className="flex items-center gap-2">
            <dt className="text-slate-700">{t('case.field.status')}</dt>
            <dd>
              <StatusBadge status={detail.status} />
              {detail.status === 'closed' && detail.closureReason ? (
                <span className="ms-2 text-sm">({label('closureReason', detail.closureReason)})</span>
              ) : null}
            </dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-slate-700">{t('case.field.step')}</dt>
            <dd className="font-medium">{label('step', detail.step)}</dd>
          </div>
          <div className="flex items-center gap-2">
            <dt className="text-slate-700">{t('case.lastActivity')}</dt>
            <dd>{f.dateTime(detail.lastActivityAt)}</dd>
          </div>
        </dl>
        <PrivacyNoticeLine notice={detail.privacyNotice} />
      </div>

      <ProfileSection detail={detail} />
      <FamilySection detail={detail} />
      <IncidentsSection caseId={detail.id} />
      <RiskSection caseId={detail.id} />
      <CareSection detail={detail} />
      <CaseReferrals caseId={detail.id} />
      <SupervisionSection detail={detail} />
      <DocumentsSection caseId={detail.id} />
      <ConsentSection caseId={detail.id} />
      <StaffSection detail={detail} />
      <ProcedureSection caseId={detail.id} />
      {abilities.readNoteClasses.length > 0 ? <NotesSection detail={detail} /> : null}
      {abilities.viewHistory ? <HistorySection caseId={detail.id} /> : null}
      {abilities.viewAudit ? <AuditSection caseId={detail.id} /> : null}
    </div>
  );
}

/** When and how she accepted the privacy notice at intake (cases opened before it have none). */
function PrivacyNoticeLine({ notice }: { notice: CaseDetail['privacyNotice'] }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  if (!notice)
    return (
      <p className="mt-2 flex gap-2 text-slate-800">
        <span aria-hidden="true">○</span>
        {t('case.privacyNotice.none')}
      </p>
    );
  return (
    <p className="mt-2 flex gap-2 text-slate-900">
      <span aria-hidden="true" className="text-emerald-800">
        ✓
      </span>
      {t('case.privacyNotice.accepted', {
        date: f.date(notice.acceptedOn),
        language: label('noticeLanguage', notice.language),
        version: notice.version,
      })}
    </p>
  );
}
