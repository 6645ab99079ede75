import { Link } from '@tanstack/react-router';
import type { ReferralSummary } from '../../lib/referralsApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';
import { ReferralFlags, ReferralStateBadge, UrgencyBadge } from './Badges';

const linkClass =
  'inline-flex min-h-11 items-center font-mono font-semibold text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500';

/** A referral's code, linking to its page (the code names no one). */
export function ReferralLink({ id, code }: { id: string; code: string }) {
  return (
    <Link to="/referrals/$referralId" params={{ referralId: id }} className={linkClass}>
      {code}
    </Link>
  );
}

/**
 * Referrals as cards (they stay readable on a phone): code, state, urgency
 * and flags; the service and the organizations it goes from and to; when it
 * was sent and the answer is due. `showCase` adds the case's code (sender
 * side, outside the case page).
 */
export function ReferralList({
  items,
  label,
  showCase = false,
}: {
  items: readonly ReferralSummary[];
  label: string;
  showCase?: boolean;
}) {
  const t = useT();
  const f = useFormatters();
  const enumLabel = useEnumLabel();
  return (
    <ul className="space-y-3" aria-label={label}>
      {items.map((r) => (
        <li
          key={r.id}
          className={cx(
            'rounded-md border border-slate-300 bg-white p-3',
            r.flags.overdue && 'border-s-4 border-s-red-800',
          )}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ReferralLink id={r.id} code={r.code} />
            <ReferralStateBadge state={r.state} />
            <UrgencyBadge urgency={r.urgency} />
            <ReferralFlags flags={r.flags} />
          </div>
          <p className="font-medium break-words text-slate-900">
            {t('referrals.serviceFor', {
              service: r.service.name,
              need: enumLabel('needDomain', r.needDomain),
            })}
          </p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-700">{t('referrals.field.from')}</dt>
            <dd className="min-w-0 break-words">{r.from.name}</dd>
            <dt className="text-slate-700">{t('referrals.field.to')}</dt>
            <dd className="min-w-0 break-words">{r.to.name}</dd>
            {showCase && r.caseId && r.caseCode ? (
              <>
                <dt className="text-slate-700">{t('referrals.field.case')}</dt>
                <dd>
                  <Link
                    to="/cases/$caseId"
                    params={{ caseId: r.caseId }}
                    className="font-mono text-teal-800 underline underline-offset-2 focus-visible:outline-3 focus-visible:outline-amber-500"
                  >
                    {r.caseCode}
                  </Link>
                </dd>
              </>
            ) : null}
            <dt className="text-slate-700">{t('referrals.field.sentOn')}</dt>
            <dd>{r.sentOn ? f.date(r.sentOn) : t('referrals.notSent')}</dd>
            {r.answerDue ? (
              <>
                <dt className="text-slate-700">{t('referrals.field.answerDue')}</dt>
                <dd className={r.flags.overdue ? 'font-semibold text-red-900' : undefined}>
                  {f.date(r.answerDue)}
                </dd>
              </>
            ) : null}
            {r.assignedTo ? (
              <>
                <dt className="text-slate-700">{t('referrals.field.assignedTo')}</dt>
                <dd className="min-w-0 break-words">{r.assignedTo.name}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
