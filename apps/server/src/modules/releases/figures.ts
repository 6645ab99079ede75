/**
 * The figures of a release, computed once and frozen. Standard mode is the
 * statistics page's publication (cell-key noise). Differential-privacy mode
 * publishes the same derived counts with geometric noise calibrated to the
 * release's ε instead (domain statistics/privacy.ts):
 * - ε is split equally over the tables and the two summary counts;
 * - a table where a woman is in one cell has sensitivity 1; the others
 *   (several rows per woman, and needs: several needs per woman) every cell;
 * - durations (quartiles, observations, decisions beyond the legal limit),
 *   the count of children (one woman may have many) and the workshop tables
 *   (counted per workshop, not per woman) are not published in this mode;
 * - rows met in the data are listed by code, not by size, so the order says
 *   nothing about the true counts.
 */
import crypto from 'node:crypto';
import {
  OTHER_CATEGORY,
  epsilonShare,
  isSmall,
  minUniverse,
  noisyCount,
  protectTableDp,
  tableSensitivity,
  type StatCellView,
  type StatFilters,
  type StatisticsView,
  type StatTableView,
  type UniformSource,
  type ReleaseMode,
  type releaseBudgetLine,
} from '@senda/domain';
import type { z } from 'zod';
import type { Db } from '../../db/database.js';
import { sumsFor } from '../statistics/aggregate.js';
import { buildCube } from '../statistics/cube.js';
import { derive } from '../statistics/derive.js';
import { refreshFacts, refreshStatus } from '../statistics/refresh.js';
import type { Tally, TableSpec } from '../statistics/tally.js';
import { HIDDEN, NO_DURATIONS, statisticsOf, thresholdOf } from '../statistics/view.js';

export type BudgetLine = z.infer<typeof releaseBudgetLine>;

export interface ReleaseFigures {
  view: StatisticsView;
  /** ε spent per table (differential-privacy mode), null otherwise. */
  budget: BudgetLine[] | null;
}

/** Uniform numbers in [0, 1) from the operating system's cryptographic generator (48 bits). */
export const cryptoUniform: UniformSource = () => crypto.randomInt(2 ** 48 - 1) / 2 ** 48;

/** Tables where a woman may be in several cells although their rows add up. */
const SEVERAL_CELLS_PER_WOMAN = new Set<string>(['needs']);

function dpCell(count: number, k: number, epsilon: number, random: UniformSource): StatCellView {
  const value = noisyCount(count, epsilon, 1, random);
  return isSmall(value, value, k) ? HIDDEN : { value, suppressed: null };
}

/** Rows met in the data by code (other and unknown last), so their order says nothing about their sizes. */
function rowsOf(spec: TableSpec, tally: Tally): string[] {
  // Her children are counted one by one: no bound per woman, so that row is left out.
  if (spec.id === 'people_summary') return (spec.rows ?? []).filter((row) => row !== 'children');
  if (spec.rows) return [...spec.rows];
  const last = (code: string) => (code === OTHER_CATEGORY ? 2 : code === 'unknown' ? 1 : 0);
  return tally.seenRows().sort((a, b) => last(a) - last(b) || a.localeCompare(b));
}

function publishDp(
  spec: TableSpec,
  tally: Tally,
  k: number,
  epsilon: number,
  random: UniformSource,
): { table: StatTableView; sensitivity: number } {
  const rows = rowsOf(spec, tally);
  const cols = [...tally.cols];
  const additive = spec.margins !== 'none';
  const sensitivity = tableSensitivity({
    additive: additive && !SEVERAL_CELLS_PER_WOMAN.has(spec.id),
    rows: rows.length,
    cols: cols.length,
  });
  const counts = rows.map((row) => cols.map((col) => tally.cell(row, col).count));
  const t = protectTableDp(counts, k, spec.margins, epsilon, sensitivity, random);
  return {
    sensitivity,
    table: {
      id: spec.id,
      section: spec.section,
      rowDimension: spec.rowDimension,
      colDimension: spec.colDimension ?? null,
      rows,
      cols: spec.colDimension ? cols : [],
      additive,
      cells: t.cells,
      rowTotals: t.rowTotals,
      colTotals: t.colTotals,
      total: t.total,
      ofServed: spec.ofServed ?? false,
    },
  };
}

/** Publish an organization's figures under differential privacy with a total budget ε. */
export async function differentiallyPrivateFigures(
  db: Db,
  orgId: string,
  filters: StatFilters,
  epsilon: number,
  random: UniformSource,
): Promise<ReleaseFigures> {
  const k = await thresholdOf(db, orgId);
  const sums = await sumsFor(db, orgId, filters);
  // First pass: collect the counted tables (the cell-key publication is discarded).
  const counted: [TableSpec, Tally][] = [];
  const d = derive(sums.rows, filters.from, filters.to, k, (spec, tally) => {
    counted.push([spec, tally]);
    return { id: spec.id } as StatTableView;
  });
  const share = epsilonShare(epsilon, counted.length);
  const universe = dpCell(d.universe.count, k, share, random);
  const leftOut = dpCell(d.leftOut.count, k, share, random);
  const budget: BudgetLine[] = [
    { table: 'universe', epsilon: share, sensitivity: 1 },
    { table: 'left_out', epsilon: share, sensitivity: 1 },
  ];
  // The minimum universe is checked on the true count, as on the page (decision 0012 says what this leaves open).
  const tooFew = d.tooFew;
  const tables: StatTableView[] = [];
  if (!tooFew) {
    for (const [spec, tally] of counted) {
      const { table, sensitivity } = publishDp(spec, tally, k, share, random);
      tables.push(table);
      budget.push({ table: spec.id, epsilon: share, sensitivity });
    }
  }
  const status = await refreshStatus(db);
  return {
    view: {
      filters,
      k,
      minUniverse: minUniverse(k),
      universe,
      leftOut,
      tooFew,
      tables,
      ...NO_DURATIONS,
      refreshedAt: sums.asOf,
      pending: status.pending,
    },
    budget,
  };
}

/** Bring the facts and sums up to date, then compute a release's figures. */
export async function releaseFigures(
  db: Db,
  orgId: string,
  filters: StatFilters,
  mode: ReleaseMode,
  epsilon: number | null,
  random: UniformSource = cryptoUniform,
): Promise<ReleaseFigures> {
  await refreshFacts(db);
  await buildCube(db, orgId);
  if (mode === 'differential_privacy' && epsilon !== null)
    return differentiallyPrivateFigures(db, orgId, filters, epsilon, random);
  return { view: await statisticsOf(db, orgId, filters), budget: null };
}
