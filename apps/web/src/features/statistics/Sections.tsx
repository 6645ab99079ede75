import type { ReactNode } from 'react';
import type { StatSection } from '@senda/domain';
import type { Statistics } from '../../lib/statisticsApi';
import { cardClass, cx } from '../../components/styles';
import { sectionTitleKey } from './labels';
import { beyondLimitShare, sectionsOf } from './statisticsValues';
import { CellValue } from './StatTable';
import { TableBlock } from './TableBlock';
import type { StatText } from './statText';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm text-slate-800">{term}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">{children}</dd>
    </div>
  );
}

/** Quartiles of a duration in days, or the reason there are none. */
function Quartiles({
  q1,
  median,
  q3,
  unit,
  text,
}: {
  q1: number | null;
  median: number | null;
  q3: number | null;
  unit: 'business' | 'calendar';
  text: StatText;
}) {
  const { t } = text;
  const days = (value: number) =>
    t(unit === 'business' ? 'statistics.time.businessDays' : 'statistics.time.calendarDays', {
      count: value,
    });
  if (median === null) return null;
  return (
    <>
      {q1 !== null ? <Fact term={t('statistics.time.q1')}>{days(q1)}</Fact> : null}
      <Fact term={t('statistics.time.median')}>{days(median)}</Fact>
      {q3 !== null ? <Fact term={t('statistics.time.q3')}>{days(q3)}</Fact> : null}
    </>
  );
}

/** Time from filing to COMAR's decision, against the legal limit. */
function DecisionTime({ view, text }: { view: Statistics; text: StatText }) {
  const { t } = text;
  const time = view.decisionTime;
  const share = beyondLimitShare(time);
  return (
    <article aria-labelledby="stat-decision-time-title" className="border-t border-slate-200 pt-4">
      <h3 id="stat-decision-time-title" className="text-lg font-semibold text-slate-900">
        {t('statistics.time.decisionTitle')}
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-800">
        {t('statistics.time.decisionIntro', { limit: time.limit })}
      </p>
      <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact term={t('statistics.time.decisions')}>
          <CellValue cell={time.observations} k={view.k} text={text} showReason />
        </Fact>
        <Quartiles q1={time.q1} median={time.median} q3={time.q3} unit="business" text={text} />
        <Fact term={t('statistics.time.beyondLimit', { limit: time.limit })}>
          <CellValue cell={time.beyondLimit} k={view.k} text={text} share={share} showReason />
        </Fact>
      </dl>
      {time.median === null ? (
        <p className="mt-3 text-slate-800">{t('statistics.time.notEnoughDecisions')}</p>
      ) : null}
    </article>
  );
}

/** Time from sending a referral to its acceptance. */
function AcceptanceTime({ view, text }: { view: Statistics; text: StatText }) {
  const { t } = text;
  const time = view.acceptanceTime;
  return (
    <article aria-labelledby="stat-acceptance-time-title" className="border-t border-slate-200 pt-4">
      <h3 id="stat-acceptance-time-title" className="text-lg font-semibold text-slate-900">
        {t('statistics.time.acceptanceTitle')}
      </h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-800">{t('statistics.time.acceptanceIntro')}</p>
      <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Fact term={t('statistics.time.accepted')}>
          <CellValue cell={time.observations} k={view.k} text={text} showReason />
        </Fact>
        <Quartiles q1={time.q1} median={time.median} q3={time.q3} unit="calendar" text={text} />
      </dl>
      {time.median === null ? (
        <p className="mt-3 text-slate-800">{t('statistics.time.notEnoughAcceptances')}</p>
      ) : null}
    </article>
  );
}

/** The blocks a section shows after its tables. */
const EXTRA: Partial<Record<StatSection, (props: { view: Statistics; text: StatText }) => ReactNode>> = {
  procedure: DecisionTime,
  referrals: AcceptanceTime,
};

/** Every section of the figures (people, violence, procedure…): a region with its heading and tables. */
export function StatSections({ view, text }: { view: Statistics; text: StatText }) {
  const { t } = text;
  // The time blocks belong to their sections even when the tables of one are missing.
  const groups = sectionsOf(view, Object.keys(EXTRA) as StatSection[]);
  return (
    <>
      {groups.map(({ section, tables }) => {
        const Extra = EXTRA[section];
        const headingId = `stat-section-${section}`;
        return (
          <section key={section} aria-labelledby={headingId} className={cx(cardClass, 'space-y-6')}>
            <h2 id={headingId} className="text-xl font-semibold text-slate-900">
              {t(sectionTitleKey(section))}
            </h2>
            {tables.map((table) => (
              <TableBlock key={table.id} table={table} universe={view.universe} k={view.k} text={text} />
            ))}
            {Extra ? <Extra view={view} text={text} /> : null}
          </section>
        );
      })}
    </>
  );
}
