import { Link } from '@tanstack/react-router';
import type { ReferralNotice } from '../../lib/referralsApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { buttonClass, cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { NoticeHeader, noticeCardClass } from './NoticeHeader';

/** "Referral R-XXXX: received": a referral notice, by its code only (never a name). */
export function ReferralNoticeCard({
  notice: n,
  headingId,
  pending,
  onMarkRead,
  onOpen,
}: {
  notice: ReferralNotice;
  headingId: string;
  pending: boolean;
  onMarkRead: () => void;
  onOpen: () => void;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const title = t('notifications.referral.title', {
    code: n.referralCode,
    event: label('referralNotice', n.event),
  });
  return (
    <article aria-labelledby={headingId} className={noticeCardClass(n.read)}>
      <NoticeHeader id={headingId} read={n.read}>
        {title}
      </NoticeHeader>
      <dl className="mt-2 grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1">
        <dt className="text-slate-700">{t('notifications.referral.referral')}</dt>
        <dd>
          <Link
            to="/referrals/$referralId"
            params={{ referralId: n.referralId }}
            onClick={onOpen}
            className="inline-flex min-h-11 items-center font-mono text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500"
          >
            {n.referralCode}
          </Link>
        </dd>
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
          <span className="sr-only"> ({title})</span>
        </button>
      )}
    </article>
  );
}
