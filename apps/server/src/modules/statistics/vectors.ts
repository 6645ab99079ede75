/**
 * What each case contributes to the figures, as named cells: cells about her
 * (nationality, violence, needs…) counted while she is served, and acts dated
 * in a month (an application, a decision, a referral). Cells are named
 * `dimension|row` or `dimension|row|column`. A cube sums the contributions of
 * many cases by filter, month and kind (opened, closed, act); a period's
 * figures are derived from those sums (derive.ts).
 */
import {
  GBV_CORE_TYPES,
  INCIDENT_PHASES,
  KEY_SPACE,
  PERPETRATOR_CATEGORIES,
  VIOLENCE_MODALITIES,
  VIOLENCE_PHASE_ROWS,
  VIOLENCE_TYPES,
  emptyCell,
  type RawCell,
} from '@senda/domain';
import type { StatFactsTable } from '../../db/schema-statistics.js';
import { PERPETRATOR_STRIDE, STAT_VULNERABILITIES, TYPE_STRIDE, VIOLENCE_BITS } from './facts.js';

export type FactRow = Omit<StatFactsTable, 'org_id' | 'version' | 'refreshed_at' | 'case_id'>;
export type Vector = Map<string, RawCell>;
export type CubeKind = 'opened' | 'closed' | 'act';

export const consentInForce = (row: Pick<FactRow, 'consent_from' | 'consent_until'>, today: string) =>
  row.consent_from !== null &&
  row.consent_from <= today &&
  (row.consent_until === null || row.consent_until >= today);

const has = (mask: number, bit: number) => Math.floor(mask / 2 ** bit) % 2 === 1;
const monthOf = (day: string) => day.slice(0, 7);

/** The cells a woman counts in while she is served (each repeated as often as she counts in it). */
export function caseCells(f: FactRow): string[] {
  const cells = [
    'served',
    `nationality|${f.nationality}`,
    `age_band|${f.age_band}`,
    `language|${f.language}`,
  ];
  cells.push(`state|${f.state}`, `nationality_by_age|${f.nationality}|${f.age_band}`);
  for (let i = 0; i < f.children; i++) cells.push('children');
  STAT_VULNERABILITIES.forEach(
    (code, bit) => has(f.vulnerabilities, bit) && cells.push(`vulnerability|${code}`),
  );
  for (const row of VIOLENCE_PHASE_ROWS)
    if (has(f.violence, VIOLENCE_BITS[row])) cells.push(`violence_phase|${row}`);
  INCIDENT_PHASES.forEach((phase, p) => {
    VIOLENCE_TYPES.forEach((type, t) => {
      if (has(f.violence_types, p * TYPE_STRIDE + t)) cells.push(`violence_type|${type}|${phase}`);
    });
    PERPETRATOR_CATEGORIES.forEach((who, w) => {
      if (has(f.perpetrators, p * PERPETRATOR_STRIDE + w)) cells.push(`perpetrator|${who}|${phase}`);
    });
  });
  VIOLENCE_MODALITIES.forEach((code, bit) => has(f.modalities, bit) && cells.push(`modality|${code}`));
  GBV_CORE_TYPES.forEach((code, bit) => has(f.gbv_types, bit) && cells.push(`gbv_type|${code}`));
  if (f.needs) for (const need of f.needs.split(',')) cells.push(`needs|${need.replace(':', '|')}`);
  return cells;
}

/** Her acts, each with its month: procedure acts and referrals sent. */
export function actCells(f: FactRow): [string, string][] {
  const acts: [string, string][] = [];
  if (f.filed_on) {
    acts.push([monthOf(f.filed_on), 'procedure_measure|applications']);
    if (f.late) acts.push([monthOf(f.filed_on), 'procedure_measure|late_applications']);
  }
  if (f.decided_on) {
    const month = monthOf(f.decided_on);
    acts.push([month, 'procedure_measure|decisions']);
    if (f.outcome) acts.push([month, `outcome|${f.outcome}`]);
    if (f.decision_days !== null) acts.push([month, `decision_days|${f.decision_days}`]);
  }
  if (f.revision_filed_on) acts.push([monthOf(f.revision_filed_on), 'procedure_measure|revisions_filed']);
  if (f.revision_decided_on) {
    const month = monthOf(f.revision_decided_on);
    acts.push([month, 'procedure_measure|revision_decisions']);
    if (f.revision_outcome) acts.push([month, `revision_outcome|${f.revision_outcome}`]);
  }
  if (f.referrals) {
    for (const entry of f.referrals.split(',')) {
      const [month = '', flags = '', days = ''] = entry.split(':');
      acts.push([month, 'referral_measure|sent']);
      if (flags.includes('a')) acts.push([month, 'referral_measure|accepted']);
      if (flags.includes('d')) acts.push([month, 'referral_measure|declined']);
      if (flags.includes('c')) acts.push([month, 'referral_measure|completed']);
      if (flags.includes('g')) acts.push([month, 'referral_measure|service_given']);
      if (days !== '') acts.push([month, `acceptance_days|${days}`]);
    }
  }
  return acts;
}

export function addCell(vector: Vector, cell: string, recordKey: number): void {
  let into = vector.get(cell);
  if (!into) {
    into = emptyCell();
    vector.set(cell, into);
  }
  into.count += 1;
  into.keySum = (into.keySum + recordKey) % KEY_SPACE;
}

/** Add (sign 1) or take away (sign −1) one vector's cells into another. */
export function addVector(into: Vector, from: Vector, sign: 1 | -1 = 1): void {
  for (const [name, cell] of from) {
    let target = into.get(name);
    if (!target) {
      target = emptyCell();
      into.set(name, target);
    }
    target.count += sign * cell.count;
    target.keySum = (((target.keySum + sign * cell.keySum) % KEY_SPACE) + KEY_SPACE) % KEY_SPACE;
  }
}

/** Sums by filter, month and kind. */
export class Cube {
  readonly vectors = new Map<string, Vector>();

  static key(filter: string, month: string, kind: CubeKind): string {
    return `${filter}\u0000${month}\u0000${kind}`;
  }

  vector(filter: string, month: string, kind: CubeKind): Vector {
    const key = Cube.key(filter, month, kind);
    let vector = this.vectors.get(key);
    if (!vector) {
      vector = new Map();
      this.vectors.set(key, vector);
    }
    return vector;
  }

  /** Count one case under each of the filters it matches. */
  addFact(f: FactRow, today: string, filters: readonly string[]): void {
    const consented = consentInForce(f, today);
    const cells = consented ? caseCells(f) : ['left_out'];
    const acts = consented ? actCells(f) : [];
    for (const filter of filters) {
      const opened = this.vector(filter, monthOf(f.opened_on), 'opened');
      for (const cell of cells) addCell(opened, cell, f.record_key);
      if (f.closed_on) {
        const closed = this.vector(filter, monthOf(f.closed_on), 'closed');
        for (const cell of cells) addCell(closed, cell, f.record_key);
      }
      for (const [month, cell] of acts) addCell(this.vector(filter, month, 'act'), cell, f.record_key);
    }
  }

  /** The rows of one filter: month, kind and sums. */
  rowsOf(filter: string): { month: string; kind: CubeKind; vector: Vector }[] {
    const rows: { month: string; kind: CubeKind; vector: Vector }[] = [];
    for (const [key, vector] of this.vectors) {
      const [f = '', month = '', kind = ''] = key.split('\u0000');
      if (f === filter) rows.push({ month, kind: kind as CubeKind, vector });
    }
    return rows;
  }
}

/** The filters a case is counted under in a stored cube: everyone, her state, her nationality, her age band. */
export function filtersOf(f: Pick<FactRow, 'state' | 'nationality' | 'age_band'>): string[] {
  return ['*', `state:${f.state}`, `nationality:${f.nationality}`, `age_band:${f.age_band}`];
}

export function vectorToJson(vector: Vector): string {
  const out: Record<string, [number, number]> = {};
  for (const [name, cell] of vector) if (cell.count !== 0) out[name] = [cell.count, cell.keySum];
  return JSON.stringify(out);
}

export function vectorFromJson(json: string): Vector {
  const vector: Vector = new Map();
  for (const [name, [count, keySum]] of Object.entries(
    JSON.parse(json) as Record<string, [number, number]>,
  )) {
    vector.set(name, { count, keySum });
  }
  return vector;
}
