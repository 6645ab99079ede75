/**
 * A realistic answer of `GET /statistics` for the unit tests (never used by
 * the app): a clinic's first half-year with k = 5, shaped as the server
 * publishes it — tables of counts with `cols: []`, cross tables with their
 * totals, small cells hidden and others hidden to protect them.
 */
import {
  GBV_CORE_TYPES,
  INCIDENT_PHASES,
  NEED_DOMAINS,
  NEED_STATUSES,
  PARTICIPANT_GENDERS,
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
  VULNERABILITIES,
  WORKSHOP_MEASURES,
  WORKSHOP_TOPICS,
  type StatDimension,
  type StatSection,
  type StatTableId,
} from '@senda/domain';
import type { Statistics, StatCell, StatTable } from '../../lib/statisticsApi';
import { VULNERABILITY_FLAGS } from './labels';

/** A published count. */
const n = (value: number): StatCell => ({ value, suppressed: null });
/** A count under k, hidden. */
const SMALL: StatCell = { value: null, suppressed: 'small' };
/** A count hidden so that a small one cannot be worked out from the totals. */
const COMPL: StatCell = { value: null, suppressed: 'complementary' };
type Given = number | StatCell;
const cell = (v: Given): StatCell => (typeof v === 'number' ? n(v) : v);

interface Spec {
  id: StatTableId;
  section: StatSection;
  rowDimension: StatDimension;
  colDimension?: StatDimension;
  rows: readonly string[];
  cols?: readonly string[];
  /** One value per row (a table of counts) or one list per row (a cross table). */
  cells: readonly (Given | readonly Given[])[];
  rowTotals?: readonly Given[];
  colTotals?: readonly Given[];
  total?: Given;
  ofServed?: boolean;
}

function table(spec: Spec): StatTable {
  const additive = spec.colTotals !== undefined;
  return {
    id: spec.id,
    section: spec.section,
    rowDimension: spec.rowDimension,
    colDimension: spec.colDimension ?? null,
    rows: [...spec.rows],
    cols: spec.colDimension ? [...(spec.cols ?? [])] : [],
    additive,
    cells: spec.cells.map((row) => (Array.isArray(row) ? row.map(cell) : [cell(row as Given)])),
    rowTotals: spec.rowTotals ? spec.rowTotals.map(cell) : null,
    colTotals: spec.colTotals ? spec.colTotals.map(cell) : null,
    total: spec.total === undefined ? null : cell(spec.total),
    ofServed: spec.ofServed ?? false,
  };
}

const people: StatTable[] = [
  table({
    id: 'people_summary',
    section: 'people',
    rowDimension: 'people_measure',
    rows: PEOPLE_MEASURES,
    cells: [148, 61, 112, 36, 27],
  }),
  table({
    id: 'by_nationality',
    section: 'people',
    rowDimension: 'nationality',
    rows: ['HN', 'SV', 'GT', 'VE', 'HT', 'CU', 'other', 'unknown'],
    cells: [52, 31, 24, 17, 11, SMALL, 7, COMPL],
    colTotals: [148],
    ofServed: true,
  }),
  table({
    id: 'by_age_band',
    section: 'people',
    rowDimension: 'age_band',
    rows: STAT_AGE_BANDS,
    cells: [12, 15, SMALL, 54, 43, 16, COMPL, 0],
    colTotals: [148],
    ofServed: true,
  }),
  table({
    id: 'by_language',
    section: 'people',
    rowDimension: 'language',
    rows: ['es', 'ht', 'fr', 'other'],
    cells: [121, 14, 6, 7],
    colTotals: [148],
    ofServed: true,
  }),
  table({
    id: 'by_state',
    section: 'people',
    rowDimension: 'state',
    rows: ['07', '09', '19', '02', '26', '27'],
    cells: [58, 41, 22, 15, SMALL, COMPL],
    colTotals: [148],
    ofServed: true,
  }),
  table({
    id: 'vulnerabilities',
    section: 'people',
    rowDimension: 'vulnerability',
    rows: [...VULNERABILITY_FLAGS, ...VULNERABILITIES],
    cells: [9, 6, 8, SMALL, 47, 11, 7, 0, 5, 13, SMALL, 6],
    ofServed: true,
  }),
  table({
    id: 'nationality_by_age',
    section: 'people',
    rowDimension: 'nationality',
    colDimension: 'age_band',
    rows: ['HN', 'SV', 'GT', 'other'],
    cols: STAT_AGE_BANDS,
    cells: [
      [5, 6, SMALL, 19, 14, 5, COMPL, 0],
      [SMALL, 5, 0, 12, 9, COMPL, 0, 0],
      [COMPL, SMALL, COMPL, 9, 8, SMALL, 0, 0],
      [5, COMPL, SMALL, 14, 12, 6, SMALL, 0],
    ],
    rowTotals: [52, 31, 24, 41],
    colTotals: [12, 15, SMALL, 54, 43, 16, COMPL, 0],
    total: 148,
  }),
];

const violence: StatTable[] = [
  table({
    id: 'violence_phase',
    section: 'violence',
    rowDimension: 'violence_phase',
    rows: VIOLENCE_PHASE_ROWS,
    cells: [121, 109, 64, 38, 12],
    ofServed: true,
  }),
  table({
    id: 'violence_types',
    section: 'violence',
    rowDimension: 'violence_type',
    colDimension: 'violence_phase',
    rows: VIOLENCE_TYPES,
    cols: INCIDENT_PHASES,
    cells: [
      [98, 51, 30],
      [74, 33, 17],
      [21, 19, 6],
      [35, 12, SMALL],
      [42, 28, 9],
      [8, 0, 0],
      [SMALL, SMALL, 0],
    ],
  }),
  table({
    id: 'violence_modalities',
    section: 'violence',
    rowDimension: 'modality',
    rows: VIOLENCE_MODALITIES,
    cells: [83, 17, 69, 29, SMALL, 11, 6],
    ofServed: true,
  }),
  table({
    id: 'gbv_types',
    section: 'violence',
    rowDimension: 'gbv_type',
    rows: GBV_CORE_TYPES,
    cells: [26, 18, 71, SMALL, 33, 92, 8],
    ofServed: true,
  }),
  table({
    id: 'perpetrators',
    section: 'violence',
    rowDimension: 'perpetrator',
    colDimension: 'violence_phase',
    rows: PERPETRATOR_CATEGORIES,
    cols: INCIDENT_PHASES,
    cells: [
      [46, 7, SMALL],
      [22, SMALL, 0],
      [19, 0, 0],
      [61, 27, 9],
      [9, 11, 14],
      [0, 13, 10],
      [SMALL, 6, 7],
      [8, 12, 5],
      [SMALL, 5, SMALL],
    ],
  }),
];

const procedure: StatTable[] = [
  table({
    id: 'procedure_acts',
    section: 'procedure',
    rowDimension: 'procedure_measure',
    rows: PROCEDURE_MEASURES,
    cells: [57, 9, 23, 6, SMALL],
  }),
  table({
    id: 'outcomes',
    section: 'procedure',
    rowDimension: 'outcome',
    rows: PROCEDURE_OUTCOMES,
    cells: [11, 6, SMALL, COMPL, 0],
    colTotals: [23],
  }),
  table({
    id: 'revision_outcomes',
    section: 'procedure',
    rowDimension: 'revision_outcome',
    rows: REVISION_OUTCOMES,
    cells: [SMALL, COMPL, 0, COMPL],
    colTotals: [SMALL],
  }),
];

const needs: StatTable[] = [
  table({
    id: 'needs',
    section: 'needs',
    rowDimension: 'need_domain',
    colDimension: 'need_status',
    rows: NEED_DOMAINS,
    cols: NEED_STATUSES,
    cells: [
      [21, 64, 38, 7],
      [12, 19, 25, 9],
      [8, 11, 31, SMALL],
      [9, 14, 17, 12],
      [SMALL, 6, 29, COMPL],
      [5, 8, 6, 5],
      [7, 10, 5, 11],
      [6, 15, 22, SMALL],
      [0, SMALL, 6, COMPL],
      [SMALL, COMPL, 5, 0],
    ],
    rowTotals: [130, 65, 53, 52, 44, 24, 33, 46, 12, 9],
    colTotals: [73, 156, 184, 55],
    total: 468,
  }),
];

const referrals: StatTable[] = [
  table({
    id: 'referrals',
    section: 'referrals',
    rowDimension: 'referral_measure',
    rows: REFERRAL_MEASURES,
    cells: [86, 61, 12, 38, 44],
  }),
];

const workshops: StatTable[] = [
  table({
    id: 'workshops',
    section: 'workshops',
    rowDimension: 'workshop_measure',
    rows: WORKSHOP_MEASURES,
    cells: [14, 203],
  }),
  table({
    id: 'workshop_topics',
    section: 'workshops',
    rowDimension: 'workshop_topic',
    colDimension: 'workshop_measure',
    rows: WORKSHOP_TOPICS,
    cols: WORKSHOP_MEASURES,
    cells: [
      [5, 68],
      [SMALL, 41],
      [SMALL, 22],
      [0, 0],
      [SMALL, 17],
      [SMALL, 30],
      [SMALL, 25],
      [0, 0],
    ],
  }),
  table({
    id: 'workshop_gender',
    section: 'workshops',
    rowDimension: 'participant_gender',
    rows: PARTICIPANT_GENDERS,
    cells: [171, 24, SMALL, COMPL],
    colTotals: [203],
  }),
  table({
    id: 'workshop_age',
    section: 'workshops',
    rowDimension: 'age_band',
    rows: STAT_AGE_BANDS,
    cells: [0, 18, 11, 82, 61, 23, 8, 0],
    colTotals: [203],
  }),
  table({
    id: 'workshop_nationality',
    section: 'workshops',
    rowDimension: 'nationality',
    rows: ['HN', 'SV', 'GT', 'MX', 'other'],
    cells: [77, 41, 33, 29, 23],
    colTotals: [203],
  }),
];

export const statisticsFixture: Statistics = {
  filters: { from: '2025-01', to: '2025-06', state: '07' },
  k: 5,
  minUniverse: 20,
  universe: n(148),
  leftOut: n(9),
  tooFew: false,
  tables: [...people, ...violence, ...procedure, ...needs, ...referrals, ...workshops],
  decisionTime: {
    observations: n(23),
    q1: 31,
    median: 47,
    q3: 68,
    limit: 45,
    beyondLimit: n(12),
  },
  acceptanceTime: { observations: n(8), q1: null, median: null, q3: null },
  refreshedAt: '2025-06-30T14:05:00.000Z',
  pending: 3,
};

/** The same clinic filtered down to one nationality and age band: too few women to show anything. */
export const tooFewFixture: Statistics = {
  ...statisticsFixture,
  filters: { from: '2025-01', to: '2025-06', nationality: 'CU', ageBand: 'age_60_plus' },
  universe: SMALL,
  leftOut: n(0),
  tooFew: true,
  tables: [],
  decisionTime: { observations: SMALL, q1: null, median: null, q3: null, limit: 45, beyondLimit: SMALL },
  acceptanceTime: { observations: SMALL, q1: null, median: null, q3: null },
};
