/**
 * Workshop figures of a period: workshops held and people reached, by topic,
 * gender, age band and nationality. Participants are counted, never named;
 * each workshop carries a key derived from its id, so the same workshops give
 * the same noise, and the tables go through the same disclosure rules.
 */
import crypto from 'node:crypto';
import {
  PARTICIPANT_GENDERS,
  STAT_AGE_BANDS,
  WORKSHOP_MEASURES,
  WORKSHOP_TOPICS,
  periodDays,
  type StatFilters,
  type StatTableView,
} from '@senda/domain';
import type { Db } from '../../db/database.js';
import { Tally, publishTable, type TableSpec } from './tally.js';

const keyOf = (id: string) => crypto.createHash('sha256').update(id).digest().readUInt32BE(0) & 0x7fffffff;

/** The workshop tables of a period, counted (not yet published); nationalities not yet gathered. */
export async function workshopTallies(
  db: Db,
  orgIds: readonly string[],
  filters: StatFilters,
): Promise<[TableSpec, Tally][]> {
  const { start, end } = periodDays(filters.from, filters.to);
  let query = db
    .selectFrom('workshops as w')
    .leftJoin('workshop_participants as p', 'p.workshop_id', 'w.id')
    .select(['w.id', 'w.topic', 'p.gender', 'p.age_band', 'p.nationality', 'p.count'])
    .where('w.org_id', 'in', orgIds)
    .where('w.held_on', '>=', start)
    .where('w.held_on', '<=', end);
  if (filters.state) query = query.where('w.state', '=', filters.state);
  const rows = await query.execute();
  const measures = new Tally(WORKSHOP_MEASURES);
  const topics = new Tally(WORKSHOP_TOPICS);
  const gender = new Tally(PARTICIPANT_GENDERS);
  const age = new Tally(STAT_AGE_BANDS);
  const nationality = new Tally();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = keyOf(r.id);
    if (!seen.has(r.id)) {
      seen.add(r.id);
      measures.add('held', key);
      topics.add(r.topic, key);
    }
    if (!r.count || !r.gender || !r.age_band || !r.nationality) continue;
    if (filters.nationality && r.nationality !== filters.nationality) continue;
    if (filters.ageBand && r.age_band !== filters.ageBand) continue;
    measures.add('participants', key, 'count', r.count);
    gender.add(r.gender, key, 'count', r.count);
    age.add(r.age_band, key, 'count', r.count);
    nationality.add(r.nationality, key, 'count', r.count);
  }
  const section = 'workshops' as const;
  return [
    [
      {
        id: 'workshops',
        section,
        rowDimension: 'workshop_measure',
        margins: 'none',
        rows: WORKSHOP_MEASURES,
      },
      measures,
    ],
    [
      {
        id: 'workshop_topics',
        section,
        rowDimension: 'workshop_topic',
        margins: 'columns',
        rows: WORKSHOP_TOPICS,
      },
      topics,
    ],
    [
      {
        id: 'workshop_gender',
        section,
        rowDimension: 'participant_gender',
        margins: 'columns',
        rows: PARTICIPANT_GENDERS,
      },
      gender,
    ],
    [
      { id: 'workshop_age', section, rowDimension: 'age_band', margins: 'columns', rows: STAT_AGE_BANDS },
      age,
    ],
    [{ id: 'workshop_nationality', section, rowDimension: 'nationality', margins: 'columns' }, nationality],
  ];
}

/** Nationalities of fewer than k participants gathered into "other". */
export const gathered = (spec: TableSpec, tally: Tally, k: number): Tally =>
  spec.rowDimension === 'nationality' ? tally.collapsed(k).tally : tally;

export async function workshopTables(
  db: Db,
  orgIds: readonly string[],
  filters: StatFilters,
  k: number,
): Promise<StatTableView[]> {
  const tallies = await workshopTallies(db, orgIds, filters);
  return tallies.map(([spec, tally]) => publishTable(spec, gathered(spec, tally, k), k));
}
