/** Response shapes of the consent endpoints (server serialization, OpenAPI, web types). */
import { z } from 'zod';
import {
  AGE_BANDS,
  CONSENT_DATA_SCOPES,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATUSES,
  CONSENT_WITHDRAWERS,
} from './consent.js';

export const consentView = z.object({
  id: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  recipient: z.string(),
  scope: z.array(z.enum(CONSENT_DATA_SCOPES)),
  givenBy: z.enum(CONSENT_GIVERS),
  caregiverName: z.string(),
  caregiverRelationship: z.string(),
  childAssent: z.boolean().nullable(),
  method: z.enum(CONSENT_METHODS),
  witnessName: z.string(),
  documentId: z.string().nullable(),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  /** Her age band on the day it was given (which rule applied). */
  ageBand: z.enum(AGE_BANDS),
  /** Today, in Mexico City. */
  status: z.enum(CONSENT_STATUSES),
  withdrawal: z
    .object({
      on: z.string(),
      by: z.enum(CONSENT_WITHDRAWERS),
      note: z.string(),
      recordedBy: z.string().nullable(),
    })
    .nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsentView = z.infer<typeof consentView>;

/** What her consents allow today: what depends on each purpose checks this. */
export const consentsInForceView = z.object({
  services: z.boolean(),
  contact: z.boolean(),
  statistics: z.boolean(),
  /** Organizations information may be shared with today. */
  referralSharingWith: z.array(z.string()),
});
export type ConsentsInForceView = z.infer<typeof consentsInForceView>;

export const consentListView = z.object({ items: z.array(consentView), inForce: consentsInForceView });
export type ConsentListView = z.infer<typeof consentListView>;
