/** The statistics page of an organization for a query: every table published under the disclosure rules. */
import {
  DEFAULT_K,
  minUniverse,
  quartilesOfHistogram,
  type StatCellView,
  type StatFilters,
  type StatisticsView,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import { sumsFor } from './aggregate.js';
import { DECISION_LIMIT, derive } from './derive.js';
import { refreshFacts, refreshStatus } from './refresh.js';
import { publishCell } from './tally.js';
import { workshopTables } from './workshops.js';

/** How many changed cases a page request brings up to date before counting (the job does the rest). */
export const REQUEST_REFRESH_LIMIT = 2_000;

export async function thresholdOf(db: Db, orgId: string): Promise<number> {
  const row = await db.selectFrom('stat_settings').select('k').where('org_id', '=', orgId).executeTakeFirst();
  return row?.k ?? DEFAULT_K;
}

export const HIDDEN: StatCellView = { value: null, suppressed: 'small' };
/** The durations of a view that shows none. */
export const NO_DURATIONS = {
  decisionTime: {
    observations: HIDDEN,
    q1: null,
    median: null,
    q3: null,
    limit: DECISION_LIMIT,
    beyondLimit: HIDDEN,
  },
  acceptanceTime: { observations: HIDDEN, q1: null, median: null, q3: null },
};

export async function statisticsOf(db: Db, orgId: string, filters: StatFilters): Promise<StatisticsView> {
  await refreshFacts(db, REQUEST_REFRESH_LIMIT);
  const k = await thresholdOf(db, orgId);
  const sums = await sumsFor(db, orgId, filters);
  const d = derive(sums.rows, filters.from, filters.to, k);
  const status = await refreshStatus(db);
  const decision = d.tooFew ? null : quartilesOfHistogram(d.decisionDays, k);
  const acceptance = d.tooFew ? null : quartilesOfHistogram(d.acceptanceDays, k);
  return {
    filters,
    k,
    minUniverse: minUniverse(k),
    universe: publishCell(d.universe, k),
    leftOut: publishCell(d.leftOut, k),
    tooFew: d.tooFew,
    tables: d.tooFew ? [] : [...d.tables, ...(await workshopTables(db, [orgId], filters, k))],
    decisionTime: {
      observations: d.tooFew ? HIDDEN : publishCell(d.decisionObservations, k),
      q1: decision?.q1 ?? null,
      median: decision?.median ?? null,
      q3: decision?.q3 ?? null,
      limit: DECISION_LIMIT,
      beyondLimit: d.tooFew ? HIDDEN : publishCell(d.beyondLimit, k),
    },
    acceptanceTime: {
      observations: d.tooFew ? HIDDEN : publishCell(d.acceptanceObservations, k),
      q1: acceptance?.q1 ?? null,
      median: acceptance?.median ?? null,
      q3: acceptance?.q3 ?? null,
    },
    refreshedAt: sums.asOf,
    pending: status.pending,
  };
}
