import type { CareAction } from '../../lib/careApi';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { useT } from '../../i18n/useT';
import { newestFirst } from './planValues';

/**
 * An action's follow-ups, newest first, behind a disclosure that says how
 * many there are: each with what changed with it (the action's new status,
 * the next follow-up set) when something did.
 */
export function FollowUpList({
  followUps,
  actionTitle,
}: {
  followUps: CareAction['followUps'];
  actionTitle: string;
}) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  if (followUps.length === 0) return <p className="mt-1 text-sm text-slate-700">{t('care.followUp.none')}</p>;
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-teal-800">
        {t('care.followUp.count', { count: followUps.length })}
        <span className="sr-only"> ({actionTitle})</span>
      </summary>
      <ol className="space-y-2">
        {newestFirst(followUps).map((entry) => (
          <li key={entry.id} className="rounded-md bg-slate-50 p-2 text-slate-900">
            <p className="text-sm text-slate-700">
              {t('care.followUp.meta', { date: f.date(entry.on), name: entry.recordedBy ?? '—' })}
            </p>
            <p className="break-words whitespace-pre-wrap">{entry.note}</p>
            {entry.status || entry.nextFollowUpOn ? (
              <p className="mt-1 text-sm text-slate-800">
                {[
                  entry.status
                    ? t('care.followUp.entryStatus', { status: label('actionStatus', entry.status) })
                    : null,
                  entry.nextFollowUpOn
                    ? t('care.followUp.entryNext', { date: f.date(entry.nextFollowUpOn) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
