import type { AVAILABILITIES, SERVICE_STATUSES } from '@senda/domain';
import { useEnumLabel } from '../../lib/options';
import { useT } from '../../i18n/useT';
import { Badge } from '../care/Badges';

const AVAILABILITY: Record<(typeof AVAILABILITIES)[number], [string, string]> = {
  available: ['border-emerald-800 bg-emerald-50 text-emerald-950', '✓'],
  limited: ['border-amber-700 bg-amber-50 text-amber-950', '◐'],
  waitlist: ['border-sky-800 bg-sky-50 text-sky-950', '◷'],
  full: ['border-red-700 bg-red-50 text-red-900', '✗'],
  unknown: ['border-slate-500 bg-white text-slate-900', '?'],
};

/** Whether it takes people now (words, symbol and colour). */
export function AvailabilityBadge({ availability }: { availability: (typeof AVAILABILITIES)[number] }) {
  const label = useEnumLabel();
  const [tone, icon] = AVAILABILITY[availability];
  return (
    <Badge tone={tone} icon={icon}>
      {label('availability', availability)}
    </Badge>
  );
}

const STATUS: Record<(typeof SERVICE_STATUSES)[number], [string, string]> = {
  active: ['border-emerald-800 bg-emerald-50 text-emerald-950', '●'],
  inactive: ['border-slate-600 bg-slate-100 text-slate-900', '○'],
  defunct: ['border-slate-600 bg-slate-100 text-slate-900', '✗'],
  'temporarily closed': ['border-amber-700 bg-amber-50 text-amber-950', '⏸'],
};

export function ServiceStatusBadge({ status }: { status: (typeof SERVICE_STATUSES)[number] }) {
  const label = useEnumLabel();
  const [tone, icon] = STATUS[status];
  return (
    <Badge tone={tone} icon={icon}>
      {label('serviceStatus', status)}
    </Badge>
  );
}

/** The organization is on Senda: referrals inside Senda reach it. */
export function OnSendaBadge() {
  const t = useT();
  return (
    <Badge tone="border-teal-800 bg-teal-50 text-teal-950" icon="◆">
      {t('directory.onSenda')}
    </Badge>
  );
}

export function ConfidentialBadge() {
  const t = useT();
  return (
    <Badge tone="border-amber-700 bg-amber-50 text-amber-950" icon="⊘">
      {t('directory.location.confidential')}
    </Badge>
  );
}
