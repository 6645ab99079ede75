/** Response shapes of the violence-history endpoints (server serialization, OpenAPI, web types). */
import { z } from 'zod';
import {
  GBV_CORE_TYPES,
  INCIDENT_CONTEXT_FLAGS,
  INCIDENT_PHASES,
  PERPETRATOR_CATEGORIES,
  REPORTED_ANSWERS,
  REPORT_RECIPIENTS,
  VIOLENCE_MODALITIES,
  VIOLENCE_TYPES,
  type IncidentContextFlag,
} from './incidents.js';

export const incidentView = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  phase: z.enum(INCIDENT_PHASES),
  country: z.string().nullable(),
  state: z.string().nullable(),
  types: z.array(z.enum(VIOLENCE_TYPES)),
  modality: z.enum(VIOLENCE_MODALITIES).nullable(),
  gbvType: z.enum(GBV_CORE_TYPES),
  perpetrator: z.enum(PERPETRATOR_CATEGORIES),
  perpetratorCount: z.number().nullable(),
  reported: z.enum(REPORTED_ANSWERS),
  reportedTo: z.array(z.enum(REPORT_RECIPIENTS)),
  reportedToDetail: z.string(),
  contextFlags: z.array(z.enum(INCIDENT_CONTEXT_FLAGS)),
  /**
   * `readable`: this person's role reads narratives; `text` is then the
   * narrative ('' when none), otherwise null. `present` says whether there is one.
   * `unreadable`: it exists but could not be decrypted (never a 500).
   */
  narrative: z.object({
    present: z.boolean(),
    readable: z.boolean(),
    text: z.string().nullable(),
    unreadable: z.boolean(),
  }),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IncidentView = z.infer<typeof incidentView>;

const counts = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.object({ value: z.enum(values), count: z.number() }));

/** The case page's one-glance summary: no narrative, no dates. */
export const incidentSummaryView = z.object({
  incidents: z.number(),
  types: counts(VIOLENCE_TYPES),
  phases: counts(INCIDENT_PHASES),
  perpetrators: counts(PERPETRATOR_CATEGORIES),
  gbvTypes: counts(GBV_CORE_TYPES),
  contextFlags: counts(INCIDENT_CONTEXT_FLAGS),
});
export type IncidentSummaryView = z.infer<typeof incidentSummaryView>;

export const incidentListView = z.object({ items: z.array(incidentView), summary: incidentSummaryView });
export type IncidentListView = z.infer<typeof incidentListView>;

function tally<T extends string>(order: readonly T[], values: readonly T[]): { value: T; count: number }[] {
  return order
    .map((value) => ({ value, count: values.filter((v) => v === value).length }))
    .filter((c) => c.count > 0);
}

/** Counts per type, phase, perpetrator, GBVIMS type and context flag, in the enumerations' order. */
export function summarizeIncidents(
  incidents: readonly Pick<IncidentView, 'types' | 'phase' | 'perpetrator' | 'gbvType' | 'contextFlags'>[],
): IncidentSummaryView {
  return {
    incidents: incidents.length,
    types: tally(
      VIOLENCE_TYPES,
      incidents.flatMap((i) => i.types),
    ),
    phases: tally(
      INCIDENT_PHASES,
      incidents.map((i) => i.phase),
    ),
    perpetrators: tally(
      PERPETRATOR_CATEGORIES,
      incidents.map((i) => i.perpetrator),
    ),
    gbvTypes: tally(
      GBV_CORE_TYPES,
      incidents.map((i) => i.gbvType),
    ),
    contextFlags: tally<IncidentContextFlag>(
      INCIDENT_CONTEXT_FLAGS,
      incidents.flatMap((i) => i.contextFlags),
    ),
  };
}
