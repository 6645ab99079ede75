import type {
  BusinessDaysExplanation,
  CalendarPeriodExplanation,
  DeadlineExplanation as Structured,
  NonBusinessReason,
  SkippedDay,
} from '@senda/domain';
import type { Deadline } from '../../lib/api';
import { useFormatters } from '../../lib/format';
import { useEnumLabel } from '../../lib/options';
import { useLocale } from '../../i18n/LocaleProvider';
import { useT } from '../../i18n/useT';

/**
 * How a due date was counted. Spanish and English use the server's own
 * sentence; the other languages are built here from the structured
 * explanation (start, first counted day, due date, every skipped day and why).
 */
export function DeadlineExplanation({ deadline }: { deadline: Deadline }) {
  const { locale } = useLocale();
  if (locale === 'es' || locale === 'en')
    return <p className="text-slate-900">{deadline.explanationText[locale]}</p>;
  const explanation = deadline.explanation as unknown as Structured;
  if (explanation.method === 'business_days') return <BusinessDays e={explanation} />;
  return <CalendarPeriod e={explanation} />;
}

function useReasonText(): (reason: NonBusinessReason) => string {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  return (reason) => {
    switch (reason.kind) {
      case 'weekend':
        return t('explain.reason.weekend');
      case 'holiday':
        return t('explain.reason.holiday', { name: label('holiday', reason.code), basis: reason.basis });
      case 'non_business_day':
        return t('explain.reason.entry', {
          what: reason.note || t('explain.reason.declared'),
          source: reason.source,
        });
      case 'suspension':
        return t('explain.reason.entry', {
          what: [
            t('explain.reason.suspension', { from: f.date(reason.from), to: f.date(reason.to) }),
            reason.note,
          ]
            .filter(Boolean)
            .join(', '),
          source: reason.source,
        });
    }
  };
}

/** Weekend-only days are counted; a suspension is listed once; any other day with all its reasons. */
function SkippedList({ skipped }: { skipped: readonly SkippedDay[] }) {
  const t = useT();
  const f = useFormatters();
  const reasonText = useReasonText();
  if (skipped.length === 0) return <p>{t('explain.noSkipped')}</p>;
  let weekends = 0;
  const items: string[] = [];
  const suspensions = new Set<string>();
  for (const day of skipped) {
    const suspension = day.reasons.find((r) => r.kind === 'suspension');
    if (suspension) {
      const key = JSON.stringify(suspension);
      if (!suspensions.has(key)) items.push(reasonText(suspension));
      suspensions.add(key);
    } else if (day.reasons.every((r) => r.kind === 'weekend')) weekends += 1;
    else
      items.push(
        t('explain.skippedDay', { date: f.date(day.date), reasons: day.reasons.map(reasonText).join('; ') }),
      );
  }
  if (weekends > 0) items.unshift(t('explain.weekendDays', { count: weekends }));
  return (
    <>
      <p>{t('explain.skipped')}</p>
      <ul className="list-disc ps-5">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium">{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function BusinessDays({ e }: { e: BusinessDaysExplanation }) {
  const t = useT();
  const f = useFormatters();
  const label = useEnumLabel();
  const reasonText = useReasonText();
  return (
    <div className="space-y-2 text-slate-900">
      <p>{t('explain.businessDays', { count: e.amount, calendar: label('authority', e.authority) })}</p>
      <dl className="space-y-1">
        <Row term={t('explain.effectDate')} value={f.date(e.effectDate)} />
        {e.effectDateReasons.length > 0 ? (
          <Row term={t('explain.effectNotBusiness')} value={e.effectDateReasons.map(reasonText).join('; ')} />
        ) : null}
        {e.countFrom !== e.effectDate ? <Row term={t('explain.deemed')} value={f.date(e.countFrom)} /> : null}
        <Row term={t('explain.firstCountedDay')} value={f.date(e.firstCountedDay)} />
        <Row term={t('explain.dueDate')} value={f.date(e.dueDate)} />
      </dl>
      <SkippedList skipped={e.skipped} />
    </div>
  );
}

function CalendarPeriod({ e }: { e: CalendarPeriodExplanation }) {
  const t = useT();
  const f = useFormatters();
  return (
    <div className="space-y-2 text-slate-900">
      <p>
        {e.method === 'months'
          ? t('explain.months', { count: e.amount })
          : t('explain.calendarDays', { count: e.amount })}
      </p>
      <dl className="space-y-1">
        <Row term={t('explain.effectDate')} value={f.date(e.effectDate)} />
        <Row term={t('explain.firstCountedDay')} value={f.date(e.firstCountedDay)} />
        {e.nominalDueDate !== e.dueDate ? (
          <Row term={t('explain.nominalDueDate')} value={f.date(e.nominalDueDate)} />
        ) : null}
        <Row term={t('explain.dueDate')} value={f.date(e.dueDate)} />
      </dl>
      {e.skipped.length > 0 ? <SkippedList skipped={e.skipped} /> : null}
    </div>
  );
}
