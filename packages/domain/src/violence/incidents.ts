/**
 * A woman's violence history: incidents, each classified twice — by Mexican
 * law (LGAMVLV types and modality) and by the humanitarian standard (GBVIMS
 * core type, one per incident, defined only by the act) — with the context
 * advocacy needs (phase of the journey, place, perpetrator, reporting). The
 * narrative is sealed at rest and read only by the roles that need it.
 * Custom field-error codes: `invalid_partial_date`, `range_reversed`,
 * `future_date`, `state_outside_mexico`, `phase_country_mismatch`,
 * `reported_to_without_report`.
 */
import { z } from 'zod';
import { isCleanText, shortText, todayInMexico } from '../common.js';
import { COUNTRY_CODES, MX_STATE_CODES } from '../geo.js';
import type { Role } from '../roles.js';
import { ageOn, type SurvivorAge } from '../age.js';

/** Where on her journey it happened. */
export const INCIDENT_PHASES = ['origin', 'transit', 'mexico'] as const;
/** LGAMVLV art. 6 (vicarious violence "a través de interpósita persona", DOF 17-01-2024). */
export const VIOLENCE_TYPES = [
  'psychological',
  'physical',
  'patrimonial',
  'economic',
  'sexual',
  'vicarious',
  'other',
] as const;
/** LGAMVLV modalities. */
export const VIOLENCE_MODALITIES = [
  'family',
  'work_school',
  'community',
  'institutional',
  'political',
  'digital_media',
  'femicidal',
] as const;
/** GBVIMS Incident Classification Tool: six core types, plus non-GBV. */
export const GBV_CORE_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
  'non_gbv',
] as const;
export const PERPETRATOR_CATEGORIES = [
  'intimate_partner',
  'former_partner',
  'family_member',
  'gang_organized_crime',
  'police',
  'migration_authority',
  'other_authority',
  'other',
  'unknown',
] as const;
export const REPORTED_ANSWERS = ['yes', 'no', 'unknown'] as const;
export const REPORT_RECIPIENTS = [
  'police',
  'prosecutor',
  'migration_authority',
  'comar',
  'human_rights_commission',
  'consulate',
  'organization',
  'other',
] as const;
/** Derived, never entered: what the classification implies for the response and for advocacy. */
export const INCIDENT_CONTEXT_FLAGS = [
  'intimate_partner_violence',
  'state_actor',
  'organized_crime',
  'child_survivor',
  'child_sexual_abuse',
  'child_marriage',
] as const;

export type IncidentPhase = (typeof INCIDENT_PHASES)[number];
export type ViolenceType = (typeof VIOLENCE_TYPES)[number];
export type GbvCoreType = (typeof GBV_CORE_TYPES)[number];
export type PerpetratorCategory = (typeof PERPETRATOR_CATEGORIES)[number];
export type IncidentContextFlag = (typeof INCIDENT_CONTEXT_FLAGS)[number];

/** Who reads incident narratives (the structured facts are visible to everyone on the case). */
export const NARRATIVE_READERS: readonly Role[] = ['coordinator', 'lawyer', 'psychologist'];
export function canReadNarratives(role: Role): boolean {
  return NARRATIVE_READERS.includes(role);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day a partial date (YYYY, YYYY-MM or YYYY-MM-DD) covers, or null if it is not one. */
export function partialDateRange(value: string): { first: string; last: string } | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1900 || (month !== null && (month < 1 || month > 12))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const daysIn = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (month === null) return { first: `${year}-01-01`, last: `${year}-12-31` };
  if (day === null)
    return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(daysIn(month))}` };
  if (day < 1 || day > daysIn(month)) return null;
  return { first: value, last: value };
}

const partialDate = z
  .string()
  .refine((v) => partialDateRange(v) !== null, { params: { code: 'invalid_partial_date' } })
  .refine((v) => (partialDateRange(v)?.first ?? '') <= todayInMexico(), { params: { code: 'future_date' } });

const narrative = z
  .string()
  .max(20000)
  .refine(isCleanText, { params: { code: 'invalid' } });

/** The structured fields, before the rules that tie them together (no defaults: a change names only what it changes). */
const fields = {
  /** A date or a period; each end a partial date. */
  from: partialDate,
  to: partialDate.nullable(),
  phase: z.enum(INCIDENT_PHASES),
  country: z.enum(COUNTRY_CODES).nullable(),
  /** Only in Mexico. */
  state: z.enum(MX_STATE_CODES).nullable(),
  types: z.array(z.enum(VIOLENCE_TYPES)).min(1).max(VIOLENCE_TYPES.length),
  modality: z.enum(VIOLENCE_MODALITIES).nullable(),
  gbvType: z.enum(GBV_CORE_TYPES),
  perpetrator: z.enum(PERPETRATOR_CATEGORIES),
  /** How many perpetrators, when known. */
  perpetratorCount: z.int().min(1).max(100).nullable(),
  reported: z.enum(REPORTED_ANSWERS),
  reportedTo: z.array(z.enum(REPORT_RECIPIENTS)).max(REPORT_RECIPIENTS.length),
  reportedToDetail: shortText(200),
  /** Her account, sealed at rest. Left out of a change: kept as it is. */
  narrative: narrative.optional(),
};

const incidentShape = z.strictObject({
  ...fields,
  to: fields.to.default(null),
  country: fields.country.default(null),
  state: fields.state.default(null),
  modality: fields.modality.default(null),
  perpetratorCount: fields.perpetratorCount.default(null),
  reported: fields.reported.default('unknown'),
  reportedTo: fields.reportedTo.default([]),
  reportedToDetail: fields.reportedToDetail.default(''),
});
type IncidentShape = z.output<typeof incidentShape>;

function checkIncident(incident: IncidentShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, code: string) =>
    ctx.addIssue({ code: 'custom', path: [path], params: { code } });
  const from = partialDateRange(incident.from);
  const to = incident.to === null ? null : partialDateRange(incident.to);
  if (from && to && to.last < from.first) issue('to', 'range_reversed');
  if (incident.state !== null && incident.country !== 'MX') issue('state', 'state_outside_mexico');
  if (incident.phase === 'mexico' && incident.country !== null && incident.country !== 'MX')
    issue('country', 'phase_country_mismatch');
  if (incident.reported !== 'yes' && (incident.reportedTo.length > 0 || incident.reportedToDetail !== ''))
    issue('reportedTo', 'reported_to_without_report');
  if (new Set(incident.types).size !== incident.types.length) issue('types', 'invalid');
}

/** A new incident. An incident "in Mexico" without a country is in Mexico. */
export const incidentInput = incidentShape
  .transform((incident) =>
    incident.phase === 'mexico' && incident.country === null
      ? { ...incident, country: 'MX' as const }
      : incident,
  )
  .superRefine(checkIncident);
export type IncidentInput = z.input<typeof incidentInput>;
export type Incident = z.output<typeof incidentInput>;

/** A change: any of the fields, nothing filled in; the result is checked again as a whole. */
export const incidentPatch = z.strictObject(fields).partial();
export type IncidentPatch = z.input<typeof incidentPatch>;

/** What the classification implies, derived from the facts and her age at the time (when known). */
export function incidentContextFlags(
  incident: Pick<Incident, 'perpetrator' | 'gbvType'>,
  ageAtIncident: number | null,
): IncidentContextFlag[] {
  const flags: IncidentContextFlag[] = [];
  if (incident.perpetrator === 'intimate_partner' || incident.perpetrator === 'former_partner')
    flags.push('intimate_partner_violence');
  if (['police', 'migration_authority', 'other_authority'].includes(incident.perpetrator))
    flags.push('state_actor');
  if (incident.perpetrator === 'gang_organized_crime') flags.push('organized_crime');
  if (ageAtIncident !== null && ageAtIncident < 18) {
    flags.push('child_survivor');
    if (incident.gbvType === 'rape' || incident.gbvType === 'sexual_assault')
      flags.push('child_sexual_abuse');
    if (incident.gbvType === 'forced_marriage') flags.push('child_marriage');
  }
  return flags;
}

/**
 * Her age (in whole years) when the incident began, at the earliest day it
 * may have happened: from her birth date, or from the age estimated when the
 * case was opened. Null when neither is known.
 */
export function ageAtIncident(survivor: SurvivorAge, from: string): number | null {
  const start = partialDateRange(from)?.first;
  return start ? ageOn(survivor, start) : null;
}
