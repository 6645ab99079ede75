/**
 * A network's figures: its members' combined, never one organization's
 * (decision 0013). Each member's monthly sums are cut to the months it
 * shares within the period; they are added up and published under the same
 * rules as an organization's figures, with the strictest k of the members,
 * and every cell, total and single count is also hidden when the p% rule
 * says a member could work out another's part from it (the parts are known
 * here because each member is counted on its own first).
 */
import {
  MIN_NETWORK_ORGS,
  DOMINANCE_P,
  OTHER_CATEGORY,
  minUniverse,
  quartilesOfHistogram,
  type NetworkStatisticsView,
  type StatFilters,
  type StatTableId,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import { invalid } from '../../http/errors.js';
import { sumsFor } from '../statistics/aggregate.js';
import { DECISION_LIMIT, derive, type CubeRow, type Derived } from '../statistics/derive.js';
import { refreshFacts, refreshStatus } from '../statistics/refresh.js';
import { Tally, publishCell, publishTable, rowsOf, type TableSpec } from '../statistics/tally.js';
import { HIDDEN, NO_DURATIONS, REQUEST_REFRESH_LIMIT, thresholdOf } from '../statistics/view.js';
import { gathered, workshopTallies } from '../statistics/workshops.js';
import { lastMonthOver } from './store.js';

/** A member's months within the period. */
export interface Window {
  orgId: string;
  from: string;
  to: string;
}

/** Before every month: a case opened or closed before a member's window counts as before the period. */
const EARLY = '0000-01';

/**
 * A member's monthly sums cut to its window [from, to] so that the period's
 * formulas give its figures for the window only: openings and closings
 * before the window move before the period, those after it go, acts outside
 * it go.
 */
export function clip(rows: readonly CubeRow[], from: string, to: string): CubeRow[] {
  const out: CubeRow[] = [];
  for (const row of rows) {
    if (row.month > to) continue;
    if (row.kind === 'act') {
      if (row.month >= from) out.push(row);
    } else out.push(row.month < from ? { ...row, month: EARLY } : row);
  }
  return out;
}

/** The members' windows within a period: those sharing at least one of its months. */
export function windowsOf(
  members: readonly { orgId: string; since: string; until: string | null }[],
  filters: Pick<StatFilters, 'from' | 'to'>,
): Window[] {
  const out: Window[] = [];
  for (const m of members) {
    const from = m.since > filters.from ? m.since : filters.from;
    const to = m.until !== null && m.until < filters.to ? m.until : filters.to;
    if (from <= to) out.push({ orgId: m.orgId, from, to });
  }
  return out;
}

interface Part {
  derived: Derived;
  tallies: Map<StatTableId, Tally>;
}

/** Each cell's parts by member, for a combined table; a member's rows the table does not name are in "other". */
function sharesOf(spec: TableSpec, combined: Tally, parts: readonly (Tally | undefined)[]): number[][][] {
  const rows = rowsOf(spec, combined);
  const named = new Set(rows);
  return rows.map((row) =>
    combined.cols.map((col) =>
      parts.map((tally) => {
        if (!tally) return 0;
        if (row !== OTHER_CATEGORY) return tally.cell(row, col).count;
        let n = 0;
        for (const [r, c, cell] of tally.entries())
          if (c === col && (r === OTHER_CATEGORY || !named.has(r))) n += cell.count;
        return n;
      }),
    ),
  );
}

export async function networkStatisticsOf(
  db: Db,
  network: { id: string; name: string },
  members: readonly { orgId: string; since: string; until: string | null }[],
  filters: StatFilters,
): Promise<NetworkStatisticsView> {
  const lastMonth = lastMonthOver();
  if (filters.to > lastMonth) throw invalid([{ path: 'to', code: 'month_not_over' }]);
  const windows = windowsOf(members, filters);
  const ks = await Promise.all(windows.map((w) => thresholdOf(db, w.orgId)));
  const k = Math.max(...ks, 0);
  const frame = {
    network: { id: network.id, name: network.name },
    organizations: windows.length,
    minOrganizations: MIN_NETWORK_ORGS,
    dominanceP: DOMINANCE_P,
    lastMonth,
    filters,
    k,
    minUniverse: minUniverse(k),
  };
  const nothing = {
    universe: HIDDEN,
    leftOut: HIDDEN,
    tooFew: true,
    tables: [],
    ...NO_DURATIONS,
  };
  if (windows.length < MIN_NETWORK_ORGS)
    return { ...frame, ...nothing, tooFewOrganizations: true, refreshedAt: null, pending: 0 };

  await refreshFacts(db, REQUEST_REFRESH_LIMIT);
  const combinedRows: CubeRow[] = [];
  const parts: Part[] = [];
  const workshopParts: Map<StatTableId, Tally>[] = [];
  let workshopSpecs: TableSpec[] = [];
  let refreshedAt: string | null = null;
  for (const w of windows) {
    const sums = await sumsFor(db, w.orgId, filters);
    if (refreshedAt === null || sums.asOf < refreshedAt) refreshedAt = sums.asOf;
    const rows = clip(sums.rows, w.from, w.to);
    combinedRows.push(...rows);
    const tallies = new Map<StatTableId, Tally>();
    // k = 0: every cell as counted, nothing gathered into "other".
    const derived = derive(rows, filters.from, filters.to, 0, (spec, tally) => {
      tallies.set(spec.id, tally);
      return publishTable(spec, tally, 0);
    });
    parts.push({ derived, tallies });
    const own = await workshopTallies(db, [w.orgId], { ...filters, from: w.from, to: w.to });
    workshopParts.push(new Map(own.map(([spec, tally]) => [spec.id, tally])));
    workshopSpecs = own.map(([spec]) => spec);
  }
  const status = await refreshStatus(db);
  const partsOf = (pick: (d: Derived) => { count: number }) => parts.map((p) => pick(p.derived).count);
  const d = derive(combinedRows, filters.from, filters.to, k, (spec, tally) =>
    publishTable(
      spec,
      tally,
      k,
      sharesOf(
        spec,
        tally,
        parts.map((p) => p.tallies.get(spec.id)),
      ),
    ),
  );
  const universe = publishCell(
    d.universe,
    k,
    partsOf((x) => x.universe),
  );
  const leftOut = publishCell(
    d.leftOut,
    k,
    partsOf((x) => x.leftOut),
  );
  if (d.tooFew)
    return {
      ...frame,
      ...nothing,
      universe,
      leftOut,
      tooFewOrganizations: false,
      refreshedAt,
      pending: status.pending,
    };

  const decisionObservations = publishCell(
    d.decisionObservations,
    k,
    partsOf((x) => x.decisionObservations),
  );
  const acceptanceObservations = publishCell(
    d.acceptanceObservations,
    k,
    partsOf((x) => x.acceptanceObservations),
  );
  // Quartiles only where the observations they come from are published.
  const decision = decisionObservations.value === null ? null : quartilesOfHistogram(d.decisionDays, k);
  const acceptance = acceptanceObservations.value === null ? null : quartilesOfHistogram(d.acceptanceDays, k);
  const workshops = workshopSpecs.map((spec) => {
    const combined = new Tally(spec.rows ?? []);
    for (const own of workshopParts)
      for (const [row, col, cell] of own.get(spec.id)?.entries() ?? []) combined.merge(row, col, cell);
    const table = gathered(spec, combined, k);
    return publishTable(
      spec,
      table,
      k,
      sharesOf(
        spec,
        table,
        workshopParts.map((p) => p.get(spec.id)),
      ),
    );
  });
  return {
    ...frame,
    universe,
    leftOut,
    tooFew: false,
    tables: [...d.tables, ...workshops],
    decisionTime: {
      observations: decisionObservations,
      q1: decision?.q1 ?? null,
      median: decision?.median ?? null,
      q3: decision?.q3 ?? null,
      limit: DECISION_LIMIT,
      beyondLimit: publishCell(
        d.beyondLimit,
        k,
        partsOf((x) => x.beyondLimit),
      ),
    },
    acceptanceTime: {
      observations: acceptanceObservations,
      q1: acceptance?.q1 ?? null,
      median: acceptance?.median ?? null,
      q3: acceptance?.q3 ?? null,
    },
    tooFewOrganizations: false,
    refreshedAt,
    pending: status.pending,
  };
}
