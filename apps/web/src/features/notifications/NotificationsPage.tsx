import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import type { AppNotification } from '../../lib/api';
import type { ReferralNotice } from '../../lib/referralsApi';
import { useFormatters } from '../../lib/format';
import { PageHeading } from '../../components/PageHeading';
import { FormError } from '../../components/forms';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoticeHeader, noticeCardClass } from './NoticeHeader';
import { useMarkNotificationRead, useNotifications } from './useNotifications';
import { useRuleLabel } from '../procedure/DeadlineCard';
import { useEnumLabel } from '../../lib/options';
import { ReferralNoticeCard } from './ReferralNoticeCard';

const headingIdOf = (n: { id: string }) => `notification-${n.id}`;

type Notice = { kind: 'deadline'; notice: AppNotification } | { kind: 'referral'; notice: ReferralNotice };

/** Both kinds of notice in one list, newest first. */
function merged(items: readonly AppNotification[], referrals: readonly ReferralNotice[]): Notice[] {
  return [
    ...items.map((notice) => ({ kind: 'deadline' as const, notice })),
    ...referrals.map((notice) => ({ kind: 'referral' as const, notice })),
  ].sort((a, b) => b.notice.createdAt.localeCompare(a.notice.createdAt));
}

/** Her deadline reminders and referral notices, newest first, by case or referral code only (never a name). */
export function NotificationsPage() {
  const t = useT();
  const query = useNotifications();
  const markRead = useMarkNotificationRead();
  const [announcement, setAnnouncement] = useState('');
  const ruleLabel = useRuleLabel();
  const label = useEnumLabel();

  const onMarkReferralRead = (n: ReferralNotice) => {
    setAnnouncement('');
    markRead.mutate(n, {
      onSuccess: () => {
        setAnnouncement(
          t('notifications.referral.markedRead', {
            code: n.referralCode,
            event: label('referralNotice', n.event),
          }),
        );
        document.getElementById(headingIdOf(n))?.focus();
      },
    });
  };
  const notices = query.data ? merged(query.data.items, query.data.referrals) : [];

  const onMarkRead = (n: AppNotification) => {
    setAnnouncement('');
    markRead.mutate(n, {
      onSuccess: () => {
        setAnnouncement(t('notifications.markedRead', { rule: ruleLabel(n), code: n.caseCode }));
        // The button goes away: keep her place on the reminder it belonged to.
        document.getElementById(headingIdOf(n))?.focus();
      },
    });
  };

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <PageHeading>{t('notifications.title')}</PageHeading>
        <p className="mt-2 text-slate-800">{t('notifications.intro')}</p>
      </div>
      {query.isPending ? (
        <p role="status" className="text-slate-800">
          {t('common.loading')}
        </p>
      ) : null}
      {query.isError ? <FormError error={query.error} /> : null}
      {query.data ? (
        <>
          <p role="status" className="font-medium text-slate-900">
            {t('notifications.count', { count: notices.length, unread: query.data.unread })}
          </p>
          <p role="status" className={announcement ? 'font-medium text-emerald-900' : 'sr-only'}>
            {announcement}
          </p>
          {markRead.isError ? <FormError error={markRead.error} /> : null}
          {notices.length === 0 ? (
            <p className="text-slate-800">{t('notifications.empty')}</p>
          ) : (
            <ul className="space-y-3" aria-label={t('notifications.listLabel')}>
              {notices.map(({ kind, notice: n }) => (
                <li key={n.id}>
                  {kind === 'deadline' ? (
                    <NotificationCard
                      notification={n}
                      pending={markRead.isPending && markRead.variables.id === n.id}
                      onMarkRead={() => onMarkRead(n)}
                      onOpenCase={() => {
                        if (!n.read) markRead.mutate(n);
                      }}
                    />
                  ) : (
                    <ReferralNoticeCard
                      notice={n}
                      headingId={headingIdOf(n)}
                      pending={markRead.isPending && markRead.variables.id === n.id}
                      onMarkRead={() => onMarkReferralRead(n)}
                      onOpen={() => {
                        if (!n.read) markRead.mutate(n);
                      }}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}

function NotificationCard({
  notification: n,
  pending,
  onMarkRead,
  onOpenCase,
}: {
  notification: AppNotification;
  pending: boolean;
  onMarkRead: () => void;
  onOpenCase: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const ruleLabel = useRuleLabel();
  const rule = ruleLabel(n);
  const headingId = headingIdOf(n);
  return (
    <article aria-labelledby={headingId} className={noticeCardClass(n.read)}>
      <NoticeHeader id={headingId} read={n.read}>
        {rule}
      </NoticeHeader>
      <p className="mt-1 font-medium text-slate-900">{t('notifications.lead', { count: n.leadDays })}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1">
        <dt className="text-slate-700">{t('deadlines.col.case')}</dt>
        <dd>
          <Link
            to="/cases/$caseId"
            params={{ caseId: n.caseId }}
            onClick={onOpenCase}
            className="inline-flex min-h-11 items-center font-mono text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500"
          >
            {n.caseCode}
          </Link>
        </dd>
        <dt className="text-slate-700">{t('deadline.dueDate')}</dt>
        <dd className="font-semibold">{f.date(n.dueDate)}</dd>
        <dt className="text-slate-700">{t('notifications.createdAt')}</dt>
        <dd>{f.dateTime(n.createdAt)}</dd>
      </dl>
      {n.read ? null : (
        <button
          type="button"
          className={cx(buttonClass.secondary, 'mt-3')}
          onClick={onMarkRead}
          disabled={pending}
        >
          {t('notifications.markRead')}
          <span className="sr-only">
            {' '}
            ({rule}, {n.caseCode})
          </span>
        </button>
      )}
    </article>
  );
}
