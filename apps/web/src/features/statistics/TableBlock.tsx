import { lazy, Suspense, useMemo } from 'react';
import type { StatCell, StatTable as StatTableData } from '../../lib/statisticsApi';
import { tableTitleKey } from './labels';
import { chartData, hasDrawableValue } from './statisticsValues';
import { StatTable } from './StatTable';
import { chartHeight } from './chartSize';
import type { StatText } from './statText';

// ECharts is loaded with the first chart, not with the app.
const StatChart = lazy(() => import('./StatChart'));

/** The chart of a table: its published values as bars, and what it leaves out. */
function ChartOf({ table, title, text }: { table: StatTableData; title: string; text: StatText }) {
  const { t } = text;
  const data = useMemo(() => chartData(table), [table]);
  const categories = useMemo(
    () => data.rows.map((row) => text.code(table.rowDimension, row)),
    [data, table.rowDimension, text],
  );
  const series = useMemo(
    () =>
      data.series.map((s) => ({
        name:
          s.col === null
            ? t('statistics.col.count')
            : text.code(table.colDimension ?? table.rowDimension, s.col),
        values: s.values,
      })),
    [data, table.colDimension, table.rowDimension, text, t],
  );
  if (!hasDrawableValue(data)) {
    return <p className="text-sm text-slate-800">{t('statistics.chart.nothing')}</p>;
  }
  return (
    <figure className="min-w-0">
      <Suspense
        fallback={
          <div
            className="w-full rounded-md bg-slate-100"
            style={{ height: chartHeight(categories.length, series.length) }}
          />
        }
      >
        <StatChart
          label={t('statistics.chart.label', { title })}
          categories={categories}
          series={series}
          formatNumber={text.count}
        />
      </Suspense>
      {data.hidden > 0 ? (
        <figcaption className="mt-2 text-sm text-slate-800">
          {t('statistics.chart.hiddenNotDrawn', { count: data.hidden })}
        </figcaption>
      ) : null}
    </figure>
  );
}

/**
 * One table of a section: its title, the table and, beside it on a wide
 * screen (below it on a phone), the chart of the same published values.
 */
export function TableBlock({
  table,
  universe,
  k,
  text,
}: {
  table: StatTableData;
  universe: StatCell;
  k: number;
  text: StatText;
}) {
  const { t } = text;
  const title = t(tableTitleKey(table.id));
  const idBase = `stat-${table.id}`;
  return (
    <article aria-labelledby={`${idBase}-title`} className="min-w-0 border-t border-slate-200 pt-4">
      <h3 id={`${idBase}-title`} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      {table.ofServed && !table.additive ? (
        <p className="mt-1 text-sm text-slate-800">{t('statistics.note.severalRows')}</p>
      ) : null}
      {table.ofServed ? <p className="mt-1 text-sm text-slate-800">{t('statistics.note.ofServed')}</p> : null}
      <div className="mt-3 grid gap-4 lg:grid-cols-2 lg:items-start">
        <div className="min-w-0">
          <StatTable table={table} universe={universe} k={k} text={text} idBase={idBase} />
        </div>
        <ChartOf table={table} title={title} text={text} />
      </div>
    </article>
  );
}
