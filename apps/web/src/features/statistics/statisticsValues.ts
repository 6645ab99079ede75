/**
 * The statistics page's rules as plain functions: who reads the figures, the
 * filters of the URL and their default period, the share of the women
 * served, and the published values a chart may draw. Nothing here computes a
 * figure the server did not publish: a hidden cell stays hidden.
 */
import {
  COUNTRY_CODES,
  MX_STATE_CODES,
  STAT_AGE_BANDS,
  STAT_SECTIONS,
  todayInMexico,
  type CountryCode,
  type MxStateCode,
  type Role,
  type StatAgeBand,
  type StatSection,
} from '@senda/domain';
import type { Statistics, StatCell, StatisticsFilters, StatTable } from '../../lib/statisticsApi';

/** Admins, coordinators and analysts read the statistics (analysts read nothing else). */
export function canReadStatistics(role: Role): boolean {
  return role === 'admin' || role === 'coordinator' || role === 'analyst';
}

/** Only admins change the suppression threshold. */
export const canEditStatSettings = (role: Role): boolean => role === 'admin';

/** The filters as the URL holds them: an absent one is "all", or the default period. */
export interface StatisticsSearch {
  from?: string | undefined;
  to?: string | undefined;
  state?: MxStateCode | undefined;
  nationality?: CountryCode | undefined;
  ageBand?: StatAgeBand | undefined;
}

/** A month as the URL may hold it: `YYYY-MM` (the server checks the rest: order, length). */
const MONTH_SHAPE = /^\d{4}-\d{2}(-\d{2})?$/;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  // TanStack Router JSON-parses search values: the state "10" may arrive as the number 10.
  const text = typeof value === 'number' ? String(value).padStart(2, '0') : value;
  return typeof text === 'string' && (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/**
 * The route's `validateSearch`. A month keeps the shape the person typed (a
 * whole day is kept too, so the server's `whole_months_only` says why it is
 * refused); anything else unknown is dropped.
 */
export function parseStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  const out: StatisticsSearch = {};
  const month = (value: unknown) =>
    typeof value === 'string' && MONTH_SHAPE.test(value) ? value : undefined;
  const from = month(search.from);
  const to = month(search.to);
  const state = oneOf(MX_STATE_CODES, search.state);
  const nationality = oneOf(COUNTRY_CODES, search.nationality);
  const ageBand = oneOf(STAT_AGE_BANDS, search.ageBand);
  if (from) out.from = from;
  if (to) out.to = to;
  if (state) out.state = state;
  if (nationality) out.nationality = nationality;
  if (ageBand) out.ageBand = ageBand;
  return out;
}

/** January of the current year to the current month, in Mexico City's calendar. */
export function defaultPeriod(now: Date = new Date()): { from: string; to: string } {
  const month = todayInMexico(now).slice(0, 7);
  return { from: `${month.slice(0, 4)}-01`, to: month };
}

/** The filters to ask the server for: the URL's, with the default period where it has none. */
export function filtersOf(search: StatisticsSearch, now: Date = new Date()): StatisticsFilters {
  const period = defaultPeriod(now);
  const filters: StatisticsFilters = { from: search.from ?? period.from, to: search.to ?? period.to };
  if (search.state) filters.state = search.state;
  if (search.nationality) filters.nationality = search.nationality;
  if (search.ageBand) filters.ageBand = search.ageBand;
  return filters;
}

/**
 * A published count as a share (0…1) of the published universe, or null when
 * either is hidden (or there is nobody to share): a share is never worked out
 * from a hidden value.
 */
export function shareOf(cell: StatCell | null | undefined, of: StatCell | null | undefined): number | null {
  if (!cell || !of || cell.value === null || of.value === null || of.value <= 0) return null;
  return cell.value / of.value;
}

/** How many data columns a table has (a table of counts has one, and no column codes). */
export function columnCount(table: StatTable): number {
  return table.colDimension ? table.cols.length : 1;
}

/** What stands for a cell the answer lacks: hidden, never zero. */
export const MISSING_CELL: StatCell = { value: null, suppressed: 'complementary' };

/** A cell of the table; a missing one is treated as hidden. */
export function cellAt(table: StatTable, row: number, col: number): StatCell {
  return table.cells[row]?.[col] ?? MISSING_CELL;
}

export interface ChartSeries {
  /** The column's code; null for a table of counts. */
  col: string | null;
  /** One value per row; null where the cell is hidden (not drawn). */
  values: (number | null)[];
}

export interface ChartData {
  rows: readonly string[];
  series: ChartSeries[];
  /** How many cells are hidden and so left out of the chart. */
  hidden: number;
}

/** What the chart of a table draws: the published cells only (totals are not bars). */
export function chartData(table: StatTable): ChartData {
  const cols = table.colDimension ? table.cols.map((c): string | null => c) : [null];
  let hidden = 0;
  const series = cols.map((col, j) => ({
    col,
    values: table.rows.map((_, i) => {
      const cell = cellAt(table, i, j);
      if (cell.value === null) hidden += 1;
      return cell.value;
    }),
  }));
  return { rows: table.rows, series, hidden };
}

/** Whether a table has any bar to draw at all (a published value above zero). */
export const hasDrawableValue = (data: ChartData): boolean =>
  data.series.some((s) => s.values.some((v) => v !== null && v > 0));

/** Every cell of a table, totals included. */
function allCells(table: StatTable): StatCell[] {
  const cells = [...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.colTotals ?? [])];
  if (table.total) cells.push(table.total);
  return cells;
}

/** Whether a table hides any cell, total included (to show the legend of the marks). */
export function hidesAnything(table: StatTable): boolean {
  return allCells(table).some((cell) => cell.suppressed !== null);
}

/** Whether a table hides a cell for this reason (a network's ‡ gets its legend line only then). */
export function hidesFor(table: StatTable, reason: NonNullable<StatCell['suppressed']>): boolean {
  return allCells(table).some((cell) => cell.suppressed === reason);
}

/** The tables of each section, in the sections' order; a section without tables only if it is to be kept. */
export function sectionsOf(
  view: Statistics,
  keep: readonly StatSection[] = [],
): { section: StatSection; tables: StatTable[] }[] {
  return STAT_SECTIONS.map((section) => ({
    section,
    tables: view.tables.filter((table) => table.section === section),
  })).filter((group) => group.tables.length > 0 || keep.includes(group.section));
}

/** The share of decisions that came after the legal limit, when both counts are published. */
export function beyondLimitShare(decisionTime: Statistics['decisionTime']): number | null {
  return shareOf(decisionTime.beyondLimit, decisionTime.observations);
}
