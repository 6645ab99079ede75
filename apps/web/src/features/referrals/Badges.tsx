import type { ReferralMode, ReferralState, ReferralUrgency } from '@senda/domain';
import type { ReferralSummary } from '../../lib/referralsApi';
import { useEnumLabel } from '../../lib/options';
import { useT } from '../../i18n/useT';
import { Badge } from '../care/Badges';

const STATE: Record<ReferralState, [string, string]> = {
  draft: ['border-slate-500 bg-slate-100 text-slate-900', '✎'],
  sent: ['border-sky-800 bg-sky-50 text-sky-950', '◷'],
  accepted: ['border-teal-800 bg-teal-50 text-teal-950', '◐'],
  declined: ['border-slate-600 bg-slate-100 text-slate-900', '✗'],
  expired: ['border-amber-700 bg-amber-50 text-amber-950', '⌛'],
  completed: ['border-emerald-800 bg-emerald-50 text-emerald-950', '✓'],
  not_completed: ['border-slate-600 bg-slate-100 text-slate-900', '○'],
  withdrawn: ['border-slate-600 bg-slate-100 text-slate-900', '↩'],
  revoked: ['border-red-700 bg-red-50 text-red-900', '⊘'],
};

/** Where the referral stands (words, symbol and colour). */
export function ReferralStateBadge({ state }: { state: ReferralState }) {
  const label = useEnumLabel();
  const [tone, icon] = STATE[state];
  return (
    <Badge tone={tone} icon={icon}>
      {label('referralState', state)}
    </Badge>
  );
}

const URGENCY: Record<ReferralUrgency, [string, string]> = {
  urgent: ['border-red-900 bg-red-800 text-white', '‼'],
  high: ['border-red-700 bg-red-50 text-red-900', '!'],
  normal: ['border-slate-500 bg-white text-slate-900', '·'],
};

export function UrgencyBadge({ urgency }: { urgency: ReferralUrgency }) {
  const t = useT();
  const label = useEnumLabel();
  const [tone, icon] = URGENCY[urgency];
  return (
    <Badge tone={tone} icon={icon}>
      {t('referrals.urgencyBadge', { urgency: label('referralUrgency', urgency) })}
    </Badge>
  );
}

/** Inside Senda, or recorded for an organization outside it. */
export function ModeBadge({ mode }: { mode: ReferralMode }) {
  const label = useEnumLabel();
  return mode === 'senda' ? (
    <Badge tone="border-teal-800 bg-teal-50 text-teal-950" icon="◆">
      {label('referralMode', mode)}
    </Badge>
  ) : (
    <Badge tone="border-slate-500 bg-white text-slate-900" icon="◇">
      {label('referralMode', mode)}
    </Badge>
  );
}

/** Waiting for an answer, overdue, without news for 14 days: in words and symbol (never colour alone). */
export function ReferralFlags({ flags }: { flags: ReferralSummary['flags'] }) {
  const t = useT();
  if (!flags.waiting && !flags.overdue && !flags.withoutNews) return null;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {flags.overdue ? (
        <Badge tone="border-red-800 bg-red-50 text-red-900" icon="⚠">
          {t('referrals.flag.overdue')}
        </Badge>
      ) : flags.waiting ? (
        <Badge tone="border-sky-800 bg-sky-50 text-sky-950" icon="◷">
          {t('referrals.flag.waiting')}
        </Badge>
      ) : null}
      {flags.withoutNews ? (
        <Badge tone="border-amber-700 bg-amber-50 text-amber-950" icon="…">
          {t('referrals.flag.withoutNews')}
        </Badge>
      ) : null}
    </span>
  );
}
