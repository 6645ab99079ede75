/** Response shapes of the directory endpoints. */
import { z } from 'zod';
import { directoryOrganizationInput, locationShape, serviceShape } from './directory.js';

export const directoryOrganizationView = directoryOrganizationInput.extend({
  id: z.string(),
  /** The entry is a Senda organization: referrals inside Senda reach it. */
  on_senda: z.boolean(),
  /** The entry is the caller's own organization. */
  is_own: z.boolean(),
  /** Whether the caller may change it and its services and locations. */
  can_edit: z.boolean(),
  updated_at: z.string(),
});
export type DirectoryOrganizationView = z.infer<typeof directoryOrganizationView>;

/**
 * A location as the caller may see it: for a confidential location outside
 * her reach, the street address, postal code, coordinates and phone are null
 * and `details_hidden` is true (city and state stay).
 */
export const locationView = z.object({
  ...locationShape,
  id: z.string(),
  organization_id: z.string(),
  address_1: z.string().nullable(),
  address_2: z.string().nullable(),
  postal_code: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  details_hidden: z.boolean(),
  updated_at: z.string(),
});
export type LocationView = z.infer<typeof locationView>;

export const serviceView = z.object({
  ...serviceShape,
  id: z.string(),
  organization: directoryOrganizationView.pick({ id: true, name: true, on_senda: true, can_edit: true }),
  locations: z.array(locationView),
  updated_at: z.string(),
});
export type ServiceView = z.infer<typeof serviceView>;

export const serviceListView = z.object({
  items: z.array(serviceView),
  /** Where the next page starts; null on the last page. */
  nextCursor: z.string().nullable(),
});
export const directoryOrganizationListView = z.object({ items: z.array(directoryOrganizationView) });
export const locationListView = z.object({ items: z.array(locationView) });
export const locationAccessView = z.object({
  items: z.array(
    z.object({
      user_id: z.string(),
      display_name: z.string(),
      organization: z.string(),
      granted_at: z.string(),
    }),
  ),
});

/** What an HSDS import warns about a document it kept. */
export const HSDS_IMPORT_WARNINGS = [
  /** A Senda field the document does not carry: a default or a guess took its place. */
  'defaulted',
  'unknown_language',
  'unknown_state',
  'unknown_country',
  'unknown_service_area',
  /** A value Senda's domain refuses (out of range, bad e-mail…): dropped, the default used. */
  'invalid_value',
  'truncated',
  /** HSDS data with no place in Senda's records. */
  'not_kept',
  /** Nothing to refer by (no e-mail, no phone): the referral method fell back to Senda. */
  'referral_contact_missing',
  'location_missing',
] as const;
export type HsdsImportWarningCode = (typeof HSDS_IMPORT_WARNINGS)[number];

/** The answer of an HSDS import (the last line of its progress stream, as `result`). */
export const hsdsImportAnswer = z.object({
  imported: z.object({ organizations: z.number(), services: z.number(), locations: z.number() }),
  warnings: z.array(
    z.object({
      /** The document (or services.csv row, from 0) it is about. */
      document: z.number(),
      code: z.enum(HSDS_IMPORT_WARNINGS),
      /** JSON Pointer of the HSDS object concerned ('' = the service itself). */
      path: z.string(),
      field: z.string(),
    }),
  ),
});
export type HsdsImportAnswer = z.infer<typeof hsdsImportAnswer>;
