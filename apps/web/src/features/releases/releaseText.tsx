import type { ReleaseMode, ReleaseStatus } from '@senda/domain';
import { useFormatters } from '../../lib/format';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';

const STATUS_CLASS: Record<ReleaseStatus, string> = {
  pending: 'border-amber-700 bg-amber-50',
  approved: 'border-teal-700 bg-teal-50',
  returned: 'border-red-700 bg-red-50',
  withdrawn: 'border-slate-500 bg-slate-50',
};

/** A release's status in words (with a border, never colour alone). */
export function StatusBadge({ status }: { status: ReleaseStatus }) {
  const t = useT();
  return (
    <span
      className={cx('inline-block rounded border px-2 py-0.5 text-sm text-slate-900', STATUS_CLASS[status])}
    >
      {t(`releases.status.${status}`)}
    </span>
  );
}

/** "Estándar" or "Privacidad diferencial (ε = 1)". */
export function ModeText({ mode, epsilon }: { mode: ReleaseMode; epsilon: number | null }) {
  const t = useT();
  const f = useFormatters();
  return (
    <span>
      {mode === 'differential_privacy'
        ? t('releases.mode.dpWithEpsilon', { epsilon: f.number(epsilon ?? 0) })
        : t('releases.mode.standard')}
    </span>
  );
}
