/**
 * Where a page's monthly sums come from: the stored cube for everyone or one
 * filter (state, nationality or age band), rebuilt first when out of date and
 * the organization is small; a pass over the matching facts when several
 * filters are combined (the cube holds one filter at a time, and such a
 * selection is a small share of the cases).
 */
import { periodDays, todayInMexico, type StatFilters } from '@senda/domain';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { SYNC_BUILD_LIMIT, buildCube, cubeRows, cubeStatus, factsOf } from './cube.js';
import type { CubeRow } from './derive.js';
import { Cube } from './vectors.js';

export interface Sums {
  rows: CubeRow[];
  /** When the sums were made. */
  asOf: string;
}

function singleFilter(filters: StatFilters): string | null | undefined {
  const set = [
    filters.state && `state:${filters.state}`,
    filters.nationality && `nationality:${filters.nationality}`,
    filters.ageBand && `age_band:${filters.ageBand}`,
  ].filter((f): f is string => Boolean(f));
  if (set.length > 1) return undefined;
  return set[0] ?? null;
}

/** The monthly sums of the women of one organization matching the filters. */
export async function sumsFor(db: Db, orgId: string, filters: StatFilters): Promise<Sums> {
  const today = todayInMexico();
  const filter = singleFilter(filters);
  if (filter === undefined) {
    const cube = new Cube();
    const where = {
      openedBy: periodDays(filters.from, filters.to).end,
      ...(filters.state ? { state: filters.state } : {}),
      ...(filters.nationality ? { nationality: filters.nationality } : {}),
      ...(filters.ageBand ? { ageBand: filters.ageBand } : {}),
    };
    for await (const page of factsOf(db, [orgId], where))
      for (const fact of page) cube.addFact(fact, today, ['*']);
    return { rows: cube.rowsOf('*'), asOf: new Date().toISOString() };
  }
  let status = await cubeStatus(db, orgId, today);
  if (!status.fresh) {
    const size = await db
      .selectFrom('stat_facts')
      .select(sql<number>`count(*)`.as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    if (status.builtAt === null || size.n <= SYNC_BUILD_LIMIT) {
      await buildCube(db, orgId, today);
      status = await cubeStatus(db, orgId, today);
    }
  }
  return {
    rows: await cubeRows(db, [orgId], filter ?? '*', filters.to),
    asOf: status.builtAt ?? new Date().toISOString(),
  };
}
