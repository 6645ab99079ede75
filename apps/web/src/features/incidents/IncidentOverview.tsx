import { Fragment } from 'react';
import type { IncidentSummary } from '../../lib/api';
import { useEnumLabel } from '../../lib/options';
import { cx } from '../../components/styles';
import type { EnumGroup } from '../../i18n/enums';
import type { MessageKey } from '../../i18n/catalogues';
import { useT } from '../../i18n/useT';

const ROWS: { key: Exclude<keyof IncidentSummary, 'incidents'>; group: EnumGroup; label: MessageKey }[] = [
  { key: 'types', group: 'violenceType', label: 'incidents.summary.types' },
  { key: 'gbvTypes', group: 'gbvType', label: 'incidents.summary.gbvTypes' },
  { key: 'phases', group: 'incidentPhase', label: 'incidents.summary.phases' },
  { key: 'perpetrators', group: 'perpetrator', label: 'incidents.summary.perpetrators' },
  { key: 'contextFlags', group: 'contextFlag', label: 'incidents.summary.contextFlags' },
];

const badgeClass =
  'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium break-words';

/** A derived context flag: a symbol, a border and the words (never colour alone). */
export function ContextFlagBadge({ children }: { children: string }) {
  return (
    <span className={cx(badgeClass, 'border-amber-700 bg-amber-50 text-amber-950')}>
      <span aria-hidden="true">⚑</span>
      <span>{children}</span>
    </span>
  );
}

/** The violence history at a glance: counts only, no narrative and no dates. */
export function IncidentOverview({ summary }: { summary: IncidentSummary }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <section
      aria-labelledby="incidents-summary-heading"
      className="mb-6 rounded-md border border-slate-300 bg-slate-50 p-4"
    >
      <h3 id="incidents-summary-heading" className="text-lg font-semibold text-slate-900">
        {t('incidents.summary.title')}
      </h3>
      <p className="mb-3 font-semibold text-slate-900">
        {t('incidents.summary.incidents', { count: summary.incidents })}
      </p>
      <dl className="grid gap-x-4 gap-y-3 text-slate-900 sm:grid-cols-[auto_1fr]">
        {ROWS.map(({ key, group, label: rowLabel }) => {
          const counts = summary[key];
          return (
            <Fragment key={key}>
              <dt className="text-slate-700">{t(rowLabel)}</dt>
              <dd>
                {counts.length === 0 ? (
                  t('incidents.summary.none')
                ) : (
                  <ul className="flex flex-wrap gap-2">
                    {counts.map(({ value, count }) => {
                      const text = t('incidents.summary.item', { label: label(group, value), count });
                      return (
                        <li key={value}>
                          {key === 'contextFlags' ? (
                            <ContextFlagBadge>{text}</ContextFlagBadge>
                          ) : (
                            <span className={cx(badgeClass, 'border-slate-500 bg-white text-slate-900')}>
                              {text}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </section>
  );
}
