/**
 * A period's figures from monthly sums. With whole months, a woman is served
 * in [from, to] when she was opened by `to` and not closed before `from`, so
 *   served = Σ opened (month ≤ to) − Σ closed (month < from)
 * for every cell about her; new and closed cases are the sums of those
 * months; acts are the sums of the acts' months. Then every table is
 * published under the disclosure rules.
 */
import {
  GBV_CORE_TYPES,
  INCIDENT_PHASES,
  KEY_SPACE,
  NEED_DOMAINS,
  NEED_STATUSES,
  PEOPLE_MEASURES,
  PERPETRATOR_CATEGORIES,
  PROCEDURE_MEASURES,
  PROCEDURE_OUTCOMES,
  REFERRAL_MEASURES,
  REVISION_OUTCOMES,
  STAT_AGE_BANDS,
  VIOLENCE_MODALITIES,
  VIOLENCE_PHASE_ROWS,
  VIOLENCE_TYPES,
  emptyCell,
  minUniverse,
  type RawCell,
  type StatTableView,
} from '@senda/domain';
import { STAT_VULNERABILITIES } from './facts.js';
import { Tally, publishTable, type TableSpec } from './tally.js';
import { addVector, type CubeKind, type Vector } from './vectors.js';

/** COMAR's legal period to decide (LRPCAP art. 24), in business days. */
export const DECISION_LIMIT = 45;

export interface CubeRow {
  month: string;
  kind: CubeKind;
  vector: Vector;
}

export interface Derived {
  universe: RawCell;
  leftOut: RawCell;
  tooFew: boolean;
  tables: StatTableView[];
  decisionDays: Map<number, number>;
  decisionObservations: RawCell;
  beyondLimit: RawCell;
  acceptanceDays: Map<number, number>;
  acceptanceObservations: RawCell;
}

function sum(rows: readonly CubeRow[], kind: CubeKind, test: (month: string) => boolean): Vector {
  const out: Vector = new Map();
  for (const row of rows) if (row.kind === kind && test(row.month)) addVector(out, row.vector);
  return out;
}

const cellOf = (vector: Vector, name: string): RawCell => vector.get(name) ?? emptyCell();
/** A copy whose cells can change without changing the original's. */
const copyOf = (vector: Vector): Vector => new Map([...vector].map(([name, cell]) => [name, { ...cell }]));

/** The cells of one dimension as a tally: `dimension|row` or `dimension|row|column`. */
function tallyOf(
  vector: Vector,
  dimension: string,
  rows?: readonly string[],
  cols?: readonly string[],
): Tally {
  const tally = new Tally(rows, cols);
  const prefix = `${dimension}|`;
  for (const [name, cell] of vector) {
    if (!name.startsWith(prefix) || cell.count === 0) continue;
    const [row = '', col = 'count'] = name.slice(prefix.length).split('|');
    tally.merge(row, col, cell);
  }
  return tally;
}

/** Values of a histogram dimension (`decision_days|37`) with their cells. */
function histogramOf(vector: Vector, dimension: string, limit?: number) {
  const days = new Map<number, number>();
  const observations = emptyCell();
  const beyond = emptyCell();
  const all: RawCell[] = [];
  const over: RawCell[] = [];
  for (const [name, cell] of vector) {
    if (!name.startsWith(`${dimension}|`) || cell.count === 0) continue;
    const value = Number(name.slice(dimension.length + 1));
    days.set(value, cell.count);
    all.push(cell);
    if (limit !== undefined && value > limit) over.push(cell);
  }
  for (const [into, cells] of [
    [observations, all],
    [beyond, over],
  ] as const) {
    for (const cell of cells) {
      into.count += cell.count;
      into.keySum = (into.keySum + cell.keySum) % KEY_SPACE;
    }
  }
  return { days, observations, beyond };
}

/** How a counted table is published: by default under the cell-key rules (a release may use differential privacy). */
export type Publisher = (spec: TableSpec, tally: Tally) => StatTableView;

export function derive(
  rows: readonly CubeRow[],
  from: string,
  to: string,
  k: number,
  publish: Publisher = (spec, tally) => publishTable(spec, tally, k),
): Derived {
  const openedToEnd = sum(rows, 'opened', (m) => m <= to);
  const served = copyOf(openedToEnd);
  addVector(
    served,
    sum(rows, 'closed', (m) => m < from),
    -1,
  );
  const inPeriod = (m: string) => m >= from && m <= to;
  const opened = sum(rows, 'opened', inPeriod);
  const closed = sum(rows, 'closed', inPeriod);
  const openAtEnd = copyOf(openedToEnd);
  addVector(
    openAtEnd,
    sum(rows, 'closed', (m) => m <= to),
    -1,
  );
  const acts = sum(rows, 'act', inPeriod);
  const universe = cellOf(served, 'served');
  const leftOut = cellOf(served, 'left_out');
  const decision = histogramOf(acts, 'decision_days', DECISION_LIMIT);
  const acceptance = histogramOf(acts, 'acceptance_days');
  const base = {
    universe,
    leftOut,
    decisionDays: decision.days,
    decisionObservations: decision.observations,
    beyondLimit: decision.beyond,
    acceptanceDays: acceptance.days,
    acceptanceObservations: acceptance.observations,
  };
  if (universe.count < minUniverse(k)) return { ...base, tooFew: true, tables: [] };

  const people = new Tally(PEOPLE_MEASURES);
  people.merge('served', 'count', universe);
  people.merge('new_cases', 'count', cellOf(opened, 'served'));
  people.merge('open_at_end', 'count', cellOf(openAtEnd, 'served'));
  people.merge('closed', 'count', cellOf(closed, 'served'));
  people.merge('children', 'count', cellOf(served, 'children'));
  const nationality = tallyOf(served, 'nationality').collapsed(k);
  const crossRaw = tallyOf(served, 'nationality_by_age', [], STAT_AGE_BANDS);
  const cross = new Tally([], STAT_AGE_BANDS);
  for (const row of crossRaw.seenRows()) {
    for (const band of STAT_AGE_BANDS) {
      const cell = crossRaw.cell(row, band);
      if (cell.count) cross.merge(nationality.rowOf(row), band, cell);
    }
  }
  const t = publish;
  const tables: StatTableView[] = [
    t(
      {
        id: 'people_summary',
        section: 'people',
        rowDimension: 'people_measure',
        margins: 'none',
        rows: PEOPLE_MEASURES,
      },
      people,
    ),
    t(
      {
        id: 'by_nationality',
        section: 'people',
        rowDimension: 'nationality',
        margins: 'columns',
        ofServed: true,
      },
      nationality.tally,
    ),
    t(
      {
        id: 'by_age_band',
        section: 'people',
        rowDimension: 'age_band',
        margins: 'columns',
        ofServed: true,
        rows: STAT_AGE_BANDS,
      },
      tallyOf(served, 'age_band'),
    ),
    t(
      { id: 'by_language', section: 'people', rowDimension: 'language', margins: 'columns', ofServed: true },
      tallyOf(served, 'language').collapsed(k).tally,
    ),
    t(
      { id: 'by_state', section: 'people', rowDimension: 'state', margins: 'columns', ofServed: true },
      tallyOf(served, 'state'),
    ),
    t(
      {
        id: 'vulnerabilities',
        section: 'people',
        rowDimension: 'vulnerability',
        margins: 'none',
        ofServed: true,
        rows: STAT_VULNERABILITIES,
      },
      tallyOf(served, 'vulnerability'),
    ),
    t(
      {
        id: 'nationality_by_age',
        section: 'people',
        rowDimension: 'nationality',
        colDimension: 'age_band',
        margins: 'both',
      },
      cross,
    ),
    t(
      {
        id: 'violence_phase',
        section: 'violence',
        rowDimension: 'violence_phase',
        margins: 'none',
        ofServed: true,
        rows: VIOLENCE_PHASE_ROWS,
      },
      tallyOf(served, 'violence_phase'),
    ),
    t(
      {
        id: 'violence_types',
        section: 'violence',
        rowDimension: 'violence_type',
        colDimension: 'violence_phase',
        margins: 'none',
        rows: VIOLENCE_TYPES,
      },
      tallyOf(served, 'violence_type', VIOLENCE_TYPES, INCIDENT_PHASES),
    ),
    t(
      {
        id: 'violence_modalities',
        section: 'violence',
        rowDimension: 'modality',
        margins: 'none',
        ofServed: true,
        rows: VIOLENCE_MODALITIES,
      },
      tallyOf(served, 'modality'),
    ),
    t(
      {
        id: 'gbv_types',
        section: 'violence',
        rowDimension: 'gbv_type',
        margins: 'none',
        ofServed: true,
        rows: GBV_CORE_TYPES,
      },
      tallyOf(served, 'gbv_type'),
    ),
    t(
      {
        id: 'perpetrators',
        section: 'violence',
        rowDimension: 'perpetrator',
        colDimension: 'violence_phase',
        margins: 'none',
        rows: PERPETRATOR_CATEGORIES,
      },
      tallyOf(served, 'perpetrator', PERPETRATOR_CATEGORIES, INCIDENT_PHASES),
    ),
    t(
      {
        id: 'procedure_acts',
        section: 'procedure',
        rowDimension: 'procedure_measure',
        margins: 'none',
        rows: PROCEDURE_MEASURES,
      },
      tallyOf(acts, 'procedure_measure'),
    ),
    t(
      {
        id: 'outcomes',
        section: 'procedure',
        rowDimension: 'outcome',
        margins: 'columns',
        rows: PROCEDURE_OUTCOMES,
      },
      tallyOf(acts, 'outcome'),
    ),
    t(
      {
        id: 'revision_outcomes',
        section: 'procedure',
        rowDimension: 'revision_outcome',
        margins: 'columns',
        rows: REVISION_OUTCOMES,
      },
      tallyOf(acts, 'revision_outcome'),
    ),
    t(
      {
        id: 'needs',
        section: 'needs',
        rowDimension: 'need_domain',
        colDimension: 'need_status',
        margins: 'both',
        rows: NEED_DOMAINS,
      },
      tallyOf(served, 'needs', NEED_DOMAINS, NEED_STATUSES),
    ),
    t(
      {
        id: 'referrals',
        section: 'referrals',
        rowDimension: 'referral_measure',
        margins: 'none',
        rows: REFERRAL_MEASURES,
      },
      tallyOf(acts, 'referral_measure'),
    ),
  ];
  return { ...base, tooFew: false, tables };
}
