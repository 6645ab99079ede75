import type { StatCell, StatTable as StatTableData } from '../../lib/statisticsApi';
import { cx } from '../../components/styles';
import { dimensionKey, tableTitleKey } from './labels';
import { MISSING_CELL, cellAt, columnCount, hidesAnything, hidesFor, shareOf } from './statisticsValues';
import type { StatText } from './statText';

/** The visible marks of a hidden cell; a screen reader reads the words instead. */
export const SUPPRESSION_MARKS = { small: '*', complementary: '†', dominance: '‡' } as const;

const numberCell = 'px-3 py-2 text-end tabular-nums whitespace-nowrap';
const headCell = 'px-3 py-2 font-semibold text-slate-900';

/** What a hidden cell says in words: under k, hidden to protect another, or one organization's part (a network). */
export function suppressionText(text: StatText, reason: NonNullable<StatCell['suppressed']>, k: number) {
  switch (reason) {
    case 'small':
      return text.t('statistics.hidden.small', { k });
    case 'complementary':
      return text.t('statistics.hidden.complementary');
    case 'dominance':
      return text.t('statistics.hidden.dominance');
  }
}

/** A published value, or the mark of a hidden one with its reason in words. */
export function CellValue({
  cell,
  k,
  text,
  share,
  showReason = false,
}: {
  cell: StatCell;
  k: number;
  text: StatText;
  /** The share of the women served, shown after the count (cross tables of shares). */
  share?: number | null;
  /** Say why a hidden value is hidden in visible words (a figure standing alone, with no legend). */
  showReason?: boolean;
}) {
  if (cell.value !== null) {
    return (
      <>
        {text.count(cell.value)}
        {share != null ? <span className="text-slate-700"> ({text.percent(share)})</span> : null}
      </>
    );
  }
  const reason = cell.suppressed ?? 'complementary';
  if (showReason) {
    return (
      <>
        <span aria-hidden="true">— </span>
        <span className="text-base font-normal">{suppressionText(text, reason, k)}</span>
      </>
    );
  }
  return (
    <>
      <span aria-hidden="true" className="text-slate-700">
        —<sup>{SUPPRESSION_MARKS[reason]}</sup>
      </span>
      <span className="sr-only">{suppressionText(text, reason, k)}</span>
    </>
  );
}

/** A share of the women served, or a dash (read as words) where it cannot be worked out. */
function ShareValue({ share, text }: { share: number | null; text: StatText }) {
  if (share !== null) return <>{text.percent(share)}</>;
  return (
    <>
      <span aria-hidden="true" className="text-slate-700">
        —
      </span>
      <span className="sr-only">{text.t('statistics.share.none')}</span>
    </>
  );
}

/** The legend of the marks, under a table that hides something (the ‡ of a network only where a cell has it). */
export function SuppressionLegend({
  id,
  k,
  text,
  dominance = false,
}: {
  id: string;
  k: number;
  text: StatText;
  dominance?: boolean;
}) {
  const reasons = dominance
    ? (['small', 'complementary', 'dominance'] as const)
    : (['small', 'complementary'] as const);
  return (
    <ul id={id} className="mt-2 space-y-1 text-sm text-slate-800">
      {reasons.map((reason) => (
        <li key={reason}>
          <span aria-hidden="true" className="inline-block w-8 font-semibold">
            —<sup>{SUPPRESSION_MARKS[reason]}</sup>
          </span>
          {suppressionText(text, reason, k)}
        </li>
      ))}
    </ul>
  );
}

/**
 * One table of the statistics as an HTML table: a caption equal to its
 * title, the row codes as row headers, totals where the server published
 * them, and — for tables of the women served — their share of the universe.
 * Wide tables scroll inside their own focusable region, never the page.
 */
export function StatTable({
  table,
  universe,
  k,
  text,
  idBase,
}: {
  table: StatTableData;
  universe: StatCell;
  k: number;
  text: StatText;
  /** A unique prefix for the ids of the caption and the legend. */
  idBase: string;
}) {
  const { t } = text;
  const title = t(tableTitleKey(table.id));
  const cols = columnCount(table);
  const single = table.colDimension === null;
  // One column of counts gets a column of shares; a cross table shows them inside the cells.
  const shareColumn = table.ofServed && single;
  const inlineShare = (cell: StatCell) => (table.ofServed && !single ? shareOf(cell, universe) : null);
  const legendId = `${idBase}-legend`;
  const hides = hidesAnything(table);
  const colTotals = table.colTotals;

  return (
    <div>
      <div
        role="region"
        aria-label={t('statistics.scrollRegion', { title })}
        // Focusable so a keyboard can scroll a table wider than the screen.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="relative max-w-full overflow-x-auto rounded-md border border-slate-300 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
      >
        <table
          className="w-full border-collapse text-left text-sm"
          aria-describedby={hides ? legendId : undefined}
        >
          <caption className="sr-only">{title}</caption>
          <thead className="bg-slate-100">
            {table.colDimension ? (
              // A cross table names what its columns are, above their codes.
              <tr>
                <td />
                <th
                  scope="colgroup"
                  colSpan={cols}
                  className={cx(headCell, 'border-b border-slate-300 text-start')}
                >
                  {t(dimensionKey(table.colDimension))}
                </th>
                {table.rowTotals ? <td /> : null}
              </tr>
            ) : null}
            <tr>
              <th scope="col" className={headCell}>
                {t(dimensionKey(table.rowDimension))}
              </th>
              {single ? (
                <th scope="col" className={cx(headCell, 'text-end')}>
                  {t('statistics.col.count')}
                </th>
              ) : (
                table.cols.map((col) => (
                  <th key={col} scope="col" className={cx(headCell, 'text-end')}>
                    {text.code(table.colDimension ?? table.rowDimension, col)}
                  </th>
                ))
              )}
              {shareColumn ? (
                <th scope="col" className={cx(headCell, 'text-end')}>
                  {t('statistics.col.share')}
                </th>
              ) : null}
              {table.rowTotals ? (
                <th scope="col" className={cx(headCell, 'text-end')}>
                  {t('statistics.col.total')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={row} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                  {text.code(table.rowDimension, row)}
                </th>
                {Array.from({ length: cols }, (_, j) => {
                  const cell = cellAt(table, i, j);
                  return (
                    <td key={j} className={numberCell}>
                      <CellValue cell={cell} k={k} text={text} share={inlineShare(cell)} />
                    </td>
                  );
                })}
                {shareColumn ? (
                  <td className={numberCell}>
                    <ShareValue share={shareOf(cellAt(table, i, 0), universe)} text={text} />
                  </td>
                ) : null}
                {table.rowTotals ? (
                  <td className={cx(numberCell, 'font-semibold')}>
                    <CellValue cell={table.rowTotals[i] ?? MISSING_CELL} k={k} text={text} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          {colTotals ? (
            <tfoot className="border-t-2 border-slate-400 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className="px-3 py-2 text-slate-900">
                  {t('statistics.col.total')}
                </th>
                {Array.from({ length: cols }, (_, j) => (
                  <td key={j} className={numberCell}>
                    <CellValue cell={colTotals[j] ?? MISSING_CELL} k={k} text={text} />
                  </td>
                ))}
                {shareColumn ? (
                  <td className={numberCell}>
                    <ShareValue share={shareOf(colTotals[0], universe)} text={text} />
                  </td>
                ) : null}
                {table.rowTotals ? (
                  <td className={numberCell}>
                    <CellValue cell={table.total ?? MISSING_CELL} k={k} text={text} />
                  </td>
                ) : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {hides ? (
        <SuppressionLegend id={legendId} k={k} text={text} dominance={hidesFor(table, 'dominance')} />
      ) : null}
    </div>
  );
}
