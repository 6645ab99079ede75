/**
 * The published tables as files: one CSV of every cell, or a workbook with a
 * sheet per section. Only published values leave: a suppressed cell is
 * empty with its reason. A text cell that a spreadsheet would read as a
 * formula (= + - @, tab, carriage return) is prefixed with an apostrophe.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { STAT_SECTIONS, type StatCellView, type StatisticsView, type StatTableView } from '@senda/domain';

/** Neutralise a text cell a spreadsheet would otherwise run as a formula. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type Labeller = (dimension: string, code: string) => string;

export const EXPORT_COLUMNS = [
  'section',
  'table',
  'row',
  'row_label',
  'column',
  'column_label',
  'value',
  'suppressed',
] as const;

interface ExportRow {
  section: string;
  table: string;
  row: string;
  rowLabel: string;
  column: string;
  columnLabel: string;
  cell: StatCellView;
}

/** A published cell of a list; a missing one reads as hidden. */
const cellAt = (cells: readonly StatCellView[] | undefined, i: number): StatCellView =>
  cells?.[i] ?? { value: null, suppressed: 'small' };

function tableRows(table: StatTableView, label: Labeller): ExportRow[] {
  const out: ExportRow[] = [];
  const cols = table.cols.length ? table.cols : ['count'];
  const colLabel = (col: string) =>
    table.colDimension ? label(table.colDimension, col) : label('column', col);
  const push = (row: string, rowLabel: string, column: string, cell: StatCellView) =>
    out.push({
      section: table.section,
      table: table.id,
      row,
      rowLabel,
      column,
      columnLabel: colLabel(column),
      cell,
    });
  table.rows.forEach((row, i) => {
    cols.forEach((col, j) => push(row, label(table.rowDimension, row), col, cellAt(table.cells[i], j)));
    if (table.rowTotals) push(row, label(table.rowDimension, row), 'total', cellAt(table.rowTotals, i));
  });
  table.colTotals?.forEach((cell, j) => push('total', label('column', 'total'), cols[j] ?? '', cell));
  if (table.total) push('total', label('column', 'total'), 'total', table.total);
  return out;
}

/** Every published figure of the page, in order: the summary first, then each table. */
export function exportRows(view: StatisticsView, label: Labeller): ExportRow[] {
  const summary = (row: string, cell: StatCellView): ExportRow => ({
    section: 'summary',
    table: 'summary',
    row,
    rowLabel: label('summary', row),
    column: 'count',
    columnLabel: label('column', 'count'),
    cell,
  });
  const rows: ExportRow[] = [summary('universe', view.universe), summary('left_out', view.leftOut)];
  if (!view.tooFew) {
    const d = view.decisionTime;
    rows.push(
      summary('decisions_observed', d.observations),
      summary('decisions_beyond_limit', d.beyondLimit),
    );
    for (const [row, value] of [
      ['decision_days_q1', d.q1],
      ['decision_days_median', d.median],
      ['decision_days_q3', d.q3],
      ['acceptance_days_median', view.acceptanceTime.median],
    ] as const) {
      rows.push(
        summary(row, value === null ? { value: null, suppressed: 'small' } : { value, suppressed: null }),
      );
    }
  }
  for (const table of view.tables) rows.push(...tableRows(table, label));
  return rows;
}

const flat = (r: ExportRow) => [
  r.section,
  r.table,
  r.row,
  safeText(r.rowLabel),
  r.column,
  safeText(r.columnLabel),
  r.cell.value ?? '',
  r.cell.suppressed ?? '',
];

export function statisticsCsv(view: StatisticsView, label: Labeller): string {
  // A BOM so spreadsheet programs read the accents right.
  return '\uFEFF' + stringify([[...EXPORT_COLUMNS], ...exportRows(view, label).map(flat)]);
}

export async function statisticsWorkbook(view: StatisticsView, label: Labeller): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Senda';
  const rows = exportRows(view, label);
  for (const section of ['summary', ...STAT_SECTIONS]) {
    const mine = rows.filter((r) => r.section === section);
    if (!mine.length) continue;
    const sheet = book.addWorksheet(label('section', section).slice(0, 31));
    sheet.addRow([...EXPORT_COLUMNS]);
    sheet.getRow(1).font = { bold: true };
    for (const r of mine) sheet.addRow(flat(r));
    sheet.columns.forEach((column) => {
      column.width = 22;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
