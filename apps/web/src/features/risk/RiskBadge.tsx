import type { RiskLevel } from '@senda/domain';
import { useEnumLabel } from '../../lib/options';
import { cx } from '../../components/styles';
import { useT } from '../../i18n/useT';

const STYLE: Record<RiskLevel, string> = {
  low: 'border-slate-500 bg-white text-slate-900',
  medium: 'border-amber-700 bg-amber-50 text-amber-950',
  high: 'border-red-700 bg-red-50 text-red-900',
  critical: 'border-red-900 bg-red-800 text-white',
};
const ICON: Record<RiskLevel, string> = { low: '○', medium: '◔', high: '⚠', critical: '⚠' };

/** A case's current risk level: colour, symbol and words (never colour alone); "not assessed" when none. */
export function RiskBadge({ level }: { level: RiskLevel | null }) {
  const t = useT();
  const label = useEnumLabel();
  if (level === null) return <span className="text-sm text-slate-700">{t('risk.notAssessed')}</span>;
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap',
        STYLE[level],
      )}
    >
      <span aria-hidden="true">{ICON[level]}</span>
      {t('risk.levelBadge', { level: label('riskLevel', level) })}
    </span>
  );
}
