import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { careApi, type MyWork } from '../../lib/careApi';
import { queryKeys } from '../../lib/queryKeys';
import { useRequiredSession } from '../../lib/session';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { useT } from '../../i18n/useT';
import { NoCaseAccess } from '../cases/CaseListPage';
import {
  ActionList,
  ApprovalList,
  FollowUpList,
  HighRiskList,
  ReturnedList,
  TaskList,
  WorkSection,
} from './WorkLists';
import { decidesRequests, workCount } from './workValues';
import { ReferralList } from '../referrals/ReferralList';

/** What she has to do across her cases. Case codes only, never names. */
export function MyWorkPage() {
  const session = useRequiredSession();
  if (!session.abilities.createCases) return <NoCaseAccess />;
  return <MyWorkView />;
}

type Task = MyWork['tasks'][number];

function MyWorkView() {
  const t = useT();
  const session = useRequiredSession();
  const queryClient = useQueryClient();
  const tasksHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const query = useQuery({
    queryKey: queryKeys.myWork,
    queryFn: ({ signal }) => careApi.getMyWork(signal),
  });
  const markDone = useMutation({
    mutationFn: (task: Task) => careApi.markTaskDone(task.id),
    onSuccess: async (_, task) => {
      setAnnouncement(t('work.tasks.marked', { code: task.caseCode }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.myWork });
      // The task is gone: keep her place on its list.
      tasksHeading.current?.focus();
    },
  });
  const role = session.user.role;
  const work = query.data;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <PageHeading>{t('work.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('work.intro')}</p>
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      <p role="status" className={announcement ? 'font-medium text-emerald-900' : 'sr-only'}>
        {announcement}
      </p>
      {work ? (
        <>
          <p className="font-medium text-slate-900">{t('work.count', { count: workCount(work, role) })}</p>
          <WorkSection
            id="work-tasks"
            headingRef={tasksHeading}
            title={t('work.tasks.title')}
            count={work.tasks.length}
            empty={t('work.tasks.none')}
          >
            {markDone.isError ? <FormError error={markDone.error} /> : null}
            <TaskList
              items={work.tasks}
              pendingId={markDone.isPending ? markDone.variables.id : null}
              onDone={(task) => {
                setAnnouncement('');
                markDone.mutate(task);
              }}
            />
          </WorkSection>
          <WorkSection
            id="work-referrals"
            title={t('work.referrals.title')}
            count={work.referrals.length}
            empty={t('work.referrals.none')}
          >
            <p className="mb-3 text-slate-800">{t('work.referrals.intro')}</p>
            <ReferralList items={work.referrals} label={t('work.referrals.title')} showCase />
          </WorkSection>
          <WorkSection
            id="work-actions"
            title={t('work.actions.title')}
            count={work.actions.length}
            empty={t('work.actions.none')}
          >
            <ActionList items={work.actions} />
          </WorkSection>
          <WorkSection
            id="work-follow-ups"
            title={t('work.followUps.title')}
            count={work.followUps.length}
            empty={t('work.followUps.none')}
          >
            <FollowUpList items={work.followUps} />
          </WorkSection>
          {decidesRequests(role) ? (
            <WorkSection
              id="work-approvals"
              title={t('work.approvals.title')}
              count={work.approvals.length}
              empty={t('work.approvals.none')}
            >
              <ApprovalList items={work.approvals} />
            </WorkSection>
          ) : null}
          <WorkSection
            id="work-returned"
            title={t('work.returned.title')}
            count={work.returned.length}
            empty={t('work.returned.none')}
          >
            <ReturnedList items={work.returned} />
          </WorkSection>
          <WorkSection
            id="work-high-risk"
            title={t('work.highRisk.title')}
            count={work.highRiskCases.length}
            empty={t('work.highRisk.none')}
          >
            <HighRiskList items={work.highRiskCases} />
          </WorkSection>
        </>
      ) : null}
    </div>
  );
}
