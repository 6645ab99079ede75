/**
 * The service directory: organizations, their services and locations, in
 * Senda's own shape with Open Referral HSDS 3.0 field names where HSDS has
 * them (name, alternate_name, description, email, url, status,
 * application_process, interpretation_services, fees_description,
 * eligibility_description, minimum_age, maximum_age, alert, location_type,
 * address_1, city, state_province, postal_code, country, latitude,
 * longitude). What HSDS lacks — categories as our need domains, gender and
 * nationality eligibility, how to refer, availability and capacity, the
 * response time, and the confidential location — are Senda fields, exported
 * to HSDS as attributes (decision 0009).
 *
 * A confidential location (a shelter) shows its address and phone only to
 * its own organization and to the users it names; everyone else sees that it
 * is confidential and the contact path it gives instead.
 *
 * Custom field-error codes: `age_range_reversed`, `referral_contact_required`,
 * `confidential_contact_required`, `municipality_without_state`,
 * `referral_not_on_senda` (a referral inside Senda reaches only an organization on Senda).
 */
import { z } from 'zod';
import { GENDER_IDENTITIES } from '../case.js';
import { requiredText, shortText, text } from '../common.js';
import { COUNTRY_CODES, MX_STATE_CODES } from '../geo.js';
import { LANGUAGE_CODES } from '../languages.js';
import { NEED_DOMAINS } from '../care/needs.js';

/** HSDS service.status. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
/** How a referral reaches the service: inside Senda (the organization is on it), or outside by phone or e-mail. */
export const REFERRAL_METHODS = ['senda', 'phone', 'email'] as const;
export const AVAILABILITIES = ['available', 'limited', 'waitlist', 'full', 'unknown'] as const;
/** HSDS location.location_type. */
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

const email = z.union([z.literal(''), z.email().max(200)]).default('');
const url = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).default('');
const longText = (max: number) => text().trim().max(max).default('');

export const directoryOrganizationInput = z.strictObject({
  name: requiredText(200),
  alternate_name: shortText(200).default(''),
  description: longText(4000),
  email,
  website: url,
});
export type DirectoryOrganizationInput = z.input<typeof directoryOrganizationInput>;

/** Where a service is offered: a whole state, or one municipality of it. */
export const serviceAreaInput = z.strictObject({
  state: z.enum(MX_STATE_CODES),
  /** Empty: the whole state. */
  municipality: shortText(120).default(''),
});

export const serviceShape = {
  name: requiredText(200),
  alternate_name: shortText(200).default(''),
  description: longText(4000),
  status: z.enum(SERVICE_STATUSES).default('active'),
  url,
  email,
  /** Our need domains: what the service answers. */
  categories: z.array(z.enum(NEED_DOMAINS)).min(1).max(NEED_DOMAINS.length),
  // Eligibility.
  /** Empty: any gender. */
  genders: z.array(z.enum(GENDER_IDENTITIES)).max(GENDER_IDENTITIES.length).default([]),
  minimum_age: z.int().min(0).max(120).nullable().default(null),
  maximum_age: z.int().min(0).max(120).nullable().default(null),
  /** Empty: any nationality. */
  nationalities: z.array(z.enum(COUNTRY_CODES)).max(60).default([]),
  required_documents: z
    .array(shortText(200).pipe(z.string().min(1)))
    .max(20)
    .default([]),
  eligibility_description: longText(2000),
  /** Whether she may come with her children (a shelter); null: not stated. */
  accepts_children: z.boolean().nullable().default(null),
  // Languages and cost.
  languages: z.array(z.enum(LANGUAGE_CODES)).max(30).default([]),
  interpretation_services: shortText(500).default(''),
  free: z.boolean().default(true),
  fees_description: shortText(500).default(''),
  /** Opening hours in words (HSDS schedules are kept on import). */
  schedule_description: shortText(500).default(''),
  service_areas: z.array(serviceAreaInput).max(200).default([]),
  // How to refer.
  referral_method: z.enum(REFERRAL_METHODS),
  referral_phone: shortText(40).default(''),
  referral_email: email,
  /** How to apply, in words (HSDS application_process). */
  application_process: longText(2000),
  /** Business days the service takes to answer a referral. */
  response_business_days: z.int().min(1).max(30).default(3),
  // Availability.
  availability: z.enum(AVAILABILITIES).default('unknown'),
  capacity_available: z.int().min(0).max(100_000).nullable().default(null),
  /** A short-term notice (HSDS alert). */
  alert: shortText(500).default(''),
  /** The locations it is offered at (HSDS service_at_location). */
  location_ids: z.array(z.uuid()).max(50).default([]),
};

type ServiceFields = {
  minimum_age?: number | null;
  maximum_age?: number | null;
  referral_method?: (typeof REFERRAL_METHODS)[number];
  referral_phone?: string;
  referral_email?: string;
};

/** Rules a service obeys as a whole (checked again on every change). */
export function serviceIssues(s: ServiceFields): { path: string; code: string }[] {
  const issues: { path: string; code: string }[] = [];
  if (s.minimum_age != null && s.maximum_age != null && s.minimum_age > s.maximum_age)
    issues.push({ path: 'maximum_age', code: 'age_range_reversed' });
  if (s.referral_method === 'phone' && !s.referral_phone)
    issues.push({ path: 'referral_phone', code: 'referral_contact_required' });
  if (s.referral_method === 'email' && !s.referral_email)
    issues.push({ path: 'referral_email', code: 'referral_contact_required' });
  return issues;
}

export const serviceInput = z.strictObject(serviceShape).superRefine((s, ctx) => {
  for (const issue of serviceIssues(s))
    ctx.addIssue({ code: 'custom', path: [issue.path], params: { code: issue.code } });
});
export type ServiceInput = z.input<typeof serviceInput>;
export type Service = z.output<typeof serviceInput>;

/**
 * A partial change; the whole service it produces is checked with
 * `serviceIssues`. Fields with a default are filled in by the parser: keep
 * only the keys the caller sent (`sentKeys`).
 */
export const serviceUpdateInput = z.strictObject(serviceShape).partial();
export const SERVICE_FIELDS = Object.keys(serviceShape) as (keyof typeof serviceShape)[];

export const locationShape = {
  name: requiredText(200),
  description: longText(2000),
  location_type: z.enum(LOCATION_TYPES).default('physical'),
  address_1: shortText(200).default(''),
  address_2: shortText(200).default(''),
  city: shortText(120).default(''),
  state_province: z.enum(MX_STATE_CODES).nullable().default(null),
  postal_code: shortText(10).default(''),
  country: z.enum(COUNTRY_CODES).default('MX'),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  phone: shortText(40).default(''),
  /** A shelter: address, coordinates and phone only for its organization and the users it names. */
  confidential: z.boolean().default(false),
  /** What everyone else is told instead (required when confidential), e.g. "Refer through Senda". */
  confidential_contact: shortText(300).default(''),
};

export const locationInput = z.strictObject(locationShape).superRefine((l, ctx) => {
  if (l.confidential && !l.confidential_contact)
    ctx.addIssue({
      code: 'custom',
      path: ['confidential_contact'],
      params: { code: 'confidential_contact_required' },
    });
});
export type LocationInput = z.input<typeof locationInput>;
export type DirectoryLocation = z.output<typeof locationInput>;

/** Directory search, as a query string: nothing in it names a person. */
export const directorySearchQuery = z.strictObject({
  need: z.enum(NEED_DOMAINS).optional(),
  state: z.enum(MX_STATE_CODES).optional(),
  municipality: shortText(120).optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  q: shortText(100).optional(),
  /** Only the services of one directory organization. */
  organization: z.uuid().optional(),
  /** The `nextCursor` of the previous page. */
  cursor: shortText(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Naming a user (of any organization) who may see a confidential location's details. */
export const locationAccessInput = z.strictObject({ email: z.email().max(200) });
export type DirectorySearchQuery = z.input<typeof directorySearchQuery>;
