/**
 * The incident form's values and their conversion to what the API takes: the
 * whole incident for a new one (POST), or only what changed (PATCH). The form
 * keeps text as typed; empty choices become null, so the domain schema
 * (browser and server alike) reports anything missing or inconsistent on the
 * same paths as the form's fields.
 */
import {
  INCIDENT_PHASES,
  REPORTED_ANSWERS,
  REPORT_RECIPIENTS,
  VIOLENCE_TYPES,
  type IncidentInput,
  type IncidentPatch,
} from '@senda/domain';
import type { CaseIncident } from '../../lib/api';

type ReportedAnswer = (typeof REPORTED_ANSWERS)[number];

export interface IncidentFormValues {
  from: string;
  to: string;
  /** '' until chosen. */
  phase: (typeof INCIDENT_PHASES)[number] | '';
  country: string;
  state: string;
  types: string[];
  modality: string;
  gbvType: string;
  perpetrator: string;
  perpetratorCount: string;
  reported: ReportedAnswer;
  reportedTo: string[];
  reportedToDetail: string;
  narrative: string;
}

export const EMPTY_INCIDENT: IncidentFormValues = {
  from: '',
  to: '',
  phase: '',
  country: '',
  state: '',
  types: [],
  modality: '',
  gbvType: '',
  perpetrator: '',
  perpetratorCount: '',
  reported: 'unknown',
  reportedTo: [],
  reportedToDetail: '',
  narrative: '',
};

/** The form's fields that the API's field errors may name. */
export const INCIDENT_FIELDS = new Set(Object.keys(EMPTY_INCIDENT));

/** The state is asked only where it can apply: in Mexico. */
export function showsState(values: Pick<IncidentFormValues, 'phase' | 'country'>): boolean {
  return values.country === 'MX' || values.phase === 'mexico';
}

/**
 * The narrative box of the form: `write` a first one; `edit` the one she
 * reads (erasing it removes it); `replace` one that could not be read (left
 * empty, it stays); `kept`: she may not read it, so she gets no box at all.
 */
export type NarrativeMode = 'write' | 'edit' | 'replace' | 'kept';

export function narrativeMode(incident: Pick<CaseIncident, 'narrative'> | undefined): NarrativeMode {
  if (!incident?.narrative.present) return 'write';
  if (!incident.narrative.readable) return 'kept';
  return incident.narrative.unreadable ? 'replace' : 'edit';
}

/** The form as it opens for a stored incident (the narrative only if this person reads it). */
export function valuesOfIncident(incident: CaseIncident): IncidentFormValues {
  const { narrative } = incident;
  return {
    from: incident.from,
    to: incident.to ?? '',
    phase: incident.phase,
    country: incident.country ?? '',
    state: incident.state ?? '',
    types: [...incident.types],
    modality: incident.modality ?? '',
    gbvType: incident.gbvType,
    perpetrator: incident.perpetrator,
    perpetratorCount: incident.perpetratorCount === null ? '' : String(incident.perpetratorCount),
    reported: incident.reported,
    reportedTo: [...incident.reportedTo],
    reportedToDetail: incident.reportedToDetail,
    narrative: narrative.readable && !narrative.unreadable ? (narrative.text ?? '') : '',
  };
}

/** A number typed in a text box: null when empty, the number, or the text for the schema to report. */
function countOf(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Checked values in the enumeration's order, so that ticking order is no change. */
function inOrder(order: readonly string[], values: readonly string[]): string[] {
  return order.filter((v) => values.includes(v)).concat(values.filter((v) => !order.includes(v)));
}

/**
 * The incident as the API takes it. Fields the form hides are sent empty (the
 * state outside Mexico, to whom it was reported when it was not); a blank
 * narrative is left out.
 */
export function incidentOfValues(values: IncidentFormValues): IncidentInput {
  const reported = values.reported === 'yes';
  const incident = {
    from: values.from.trim(),
    to: values.to.trim() || null,
    phase: values.phase,
    country: values.country || null,
    state: showsState(values) ? values.state || null : null,
    types: inOrder(VIOLENCE_TYPES, values.types),
    modality: values.modality || null,
    gbvType: values.gbvType,
    perpetrator: values.perpetrator,
    perpetratorCount: countOf(values.perpetratorCount),
    reported: values.reported,
    reportedTo: reported ? inOrder(REPORT_RECIPIENTS, values.reportedTo) : [],
    reportedToDetail: reported ? values.reportedToDetail.trim() : '',
    ...(values.narrative.trim() ? { narrative: values.narrative } : {}),
  };
  // Values the schema may refuse (no phase chosen, a typed "dos") are passed on for it to report.
  return incident as IncidentInput;
}

const FACTS = [
  'from',
  'to',
  'phase',
  'country',
  'state',
  'types',
  'modality',
  'gbvType',
  'perpetrator',
  'perpetratorCount',
  'reported',
  'reportedTo',
  'reportedToDetail',
] as const;

/**
 * Only what changed between the form as it opened and as it is sent. The
 * narrative travels only when its box was typed in: '' (a readable narrative
 * erased) removes it, and a box left empty never does.
 */
export function incidentPatchOf(initial: IncidentFormValues, values: IncidentFormValues): IncidentPatch {
  const before = incidentOfValues(initial);
  const after = incidentOfValues(values);
  const patch: Record<string, unknown> = {};
  for (const key of FACTS)
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) patch[key] = after[key];
  if (values.narrative.trim() !== initial.narrative.trim())
    patch.narrative = values.narrative.trim() ? values.narrative : '';
  return patch;
}
