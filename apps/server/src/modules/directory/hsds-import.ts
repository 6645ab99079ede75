/** An HSDS 3.0 `service` document → Senda's directory records, with warnings (see hsds-map.ts). */
import type { z } from 'zod';
import {
  COUNTRY_CODES,
  GENDER_IDENTITIES,
  LANGUAGE_CODES,
  MX_STATES,
  NEED_DOMAINS,
  REFERRAL_METHODS,
  AVAILABILITIES,
  directoryOrganizationInput,
  locationInput,
  serviceInput,
  type MxStateCode,
  type HsdsImportWarningCode,
} from '@senda/domain';

import {
  DIMENSIONS,
  SERVICE_TEXTS,
  stableUuid,
  type DirLocation,
  type DirOrganization,
  type DirService,
  type HsdsAttribute,
  type HsdsLocation,
  type HsdsService,
  type Dimension,
} from './hsds-map.js';
export interface HsdsImportWarning {
  code: HsdsImportWarningCode;
  /** JSON Pointer of the HSDS object concerned ('' = the service itself). */
  path: string;
  /** The Senda field affected; for `not_kept`, the HSDS property. */
  field: string;
}
export interface HsdsImport {
  organization: DirOrganization;
  service: DirService;
  locations: DirLocation[];
  warnings: HsdsImportWarning[];
}
type Warn = (code: HsdsImportWarningCode, path: string, field: string) => void;

/** HSDS children Senda's records have no field for, per entity. */
const NOT_KEPT = {
  service: 'accreditations phones contacts funding program metadata'.split(' '),
  organization: 'phones contacts funding locations programs organization_identifiers attributes'.split(' '),
  service_at_location: 'description contacts phones schedules attributes metadata'.split(' '),
  location: 'alternate_name transportation url contacts accessibility schedules languages'.split(' '),
};
/** Shown instead of a confidential location whose document gives no contact path. */
const CONFIDENTIAL_FALLBACK = 'Contactar a la organización';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const firstText = (...values: (string | undefined)[]) =>
  values.map((v) => v?.trim() ?? '').find(Boolean) ?? '';
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** State names as written in addresses: the official name, its code, and the usual short forms. */
const STATE_BY_NAME = new Map<string, MxStateCode>([
  ...Object.entries(MX_STATES).flatMap(([code, name]) => [
    [fold(name), code as MxStateCode] as const,
    [code, code as MxStateCode] as const,
  ]),
  ['cdmx', '09'],
  ['distrito federal', '09'],
  ['estado de mexico', '15'],
  ['coahuila', '05'],
  ['michoacan', '16'],
  ['veracruz', '30'],
]);
const stateCode = (name: string) => STATE_BY_NAME.get(fold(name));

/** "State" or "Municipality, State", as exported; anything else is not understood. */
function parseArea(name: string): DirService['service_areas'][number] | undefined {
  const whole = stateCode(name);
  if (whole) return { state: whole, municipality: '' };
  const cut = name.lastIndexOf(',');
  const state = cut > 0 ? stateCode(name.slice(cut + 1)) : undefined;
  return state && { state, municipality: name.slice(0, cut).trim() };
}

function notKept(record: object, keys: readonly string[], path: string, warn: Warn): void {
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    if (value != null && value !== '' && !(Array.isArray(value) && value.length === 0))
      warn('not_kept', path, key);
  }
}

/** Senda's attributes by dimension; any other attribute is reported as not kept. */
function sendaAttributes(list: HsdsAttribute[] | undefined, path: string, warn: Warn) {
  const byDimension = new Map<Dimension, HsdsAttribute[]>();
  (list ?? []).forEach((a, i) => {
    const dim = a.link_type?.replace(/^senda:/, '') ?? '';
    if (a.taxonomy_term?.taxonomy !== 'senda' || !Object.hasOwn(DIMENSIONS, dim))
      return warn('not_kept', `${path}/attributes/${i}`, 'attributes');
    byDimension.set(dim as Dimension, [...(byDimension.get(dim as Dimension) ?? []), a]);
  });
  const codes = <T extends string>(dim: Dimension, allowed: readonly T[], field: string): T[] => {
    const all = (byDimension.get(dim) ?? []).map((a) => a.taxonomy_term?.code ?? '');
    for (const code of all) if (!isOneOf(allowed, code)) warn('invalid_value', path, field);
    return [...new Set(all.filter((c) => isOneOf(allowed, c)))];
  };
  const scalar = (dim: Dimension) => byDimension.get(dim)?.[0]?.value;
  return { has: (dim: Dimension) => byDimension.has(dim), codes, scalar, any: byDimension.size > 0 };
}

/**
 * Parses a record with its domain schema, repairing one issue per pass (a
 * removed array element shifts the paths of the next issues): too long →
 * truncated, a bad list item → removed, any other bad value → the default.
 */
function fit<S extends z.ZodType>(schema: S, record: Record<string, unknown>, path: string, warn: Warn) {
  for (let pass = 0; pass < 200; pass++) {
    const result = schema.safeParse(record);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (!issue) break;
    warn(repair(record, issue), path, String(issue.path[0]));
  }
  throw new Error(`The HSDS record at '${path}' cannot be fitted to Senda's directory`);
}

function repair(record: Record<string, unknown>, issue: z.core.$ZodIssue): HsdsImportWarningCode {
  const [field = '', index] = issue.path;
  const code = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : issue.code;
  if (code === 'referral_contact_required') {
    record.referral_method = 'senda';
    return 'referral_contact_missing';
  }
  if (code === 'confidential_contact_required') {
    // Never lift the confidentiality: give the generic contact path instead.
    record.confidential_contact = CONFIDENTIAL_FALLBACK;
    return 'defaulted';
  }
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
    truncateAt(record, issue.path, Number(issue.maximum));
    return 'truncated';
  }
  const value = record[String(field)];
  if (Array.isArray(value) && typeof index === 'number') value.splice(index, 1);
  else record[String(field)] = undefined; // the schema's default takes its place
  return 'invalid_value';
}

function truncateAt(target: unknown, path: readonly PropertyKey[], max: number): void {
  const [key, ...rest] = path;
  if (key === undefined || typeof target !== 'object' || target === null) return;
  const record = target as Record<PropertyKey, unknown>;
  const value = record[key];
  if (rest.length > 0) truncateAt(value, rest, max);
  else if (typeof value === 'string') record[key] = value.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  else if (Array.isArray(value)) record[key] = value.slice(0, max);
}

function importOrganization(doc: HsdsService, warn: Warn): DirOrganization {
  const org = doc.organization;
  if (org) notKept(org, NOT_KEPT.organization, '/organization', warn);
  else warn('defaulted', '', 'organization');
  const record = {
    name: firstText(org?.name, doc.name, 'Organización sin nombre'),
    alternate_name: org?.alternate_name,
    // Senda exports its name as the description HSDS requires when there is none.
    description: org?.description === org?.name ? '' : org?.description,
    email: org?.email,
    website: org?.website,
  };
  const id = org?.id ?? doc.organization_id ?? stableUuid(doc.id, 'organization');
  return { id, ...fit(directoryOrganizationInput, record, '/organization', warn) };
}

function importLocation(loc: HsdsLocation, orgId: string, serviceName: string, path: string, warn: Warn) {
  const attrs = sendaAttributes(loc.attributes, path, warn);
  const confidential = attrs.has('confidential_location');
  const contact = attrs.scalar('confidential_location') ?? '';
  const addresses = loc.addresses ?? [];
  const physical = addresses.findIndex((a) => a.address_type === 'physical');
  const at = physical < 0 ? 0 : physical;
  const address = addresses[at];
  const addressPath = `${path}/addresses/${at}`;
  notKept(loc, NOT_KEPT.location, path, warn);
  if (addresses.length > 1) warn('not_kept', path, 'addresses');
  if ((loc.phones?.length ?? 0) > 1) warn('not_kept', path, 'phones');
  if (!loc.name?.trim()) warn('defaulted', path, 'name');
  const state = address?.state_province.trim() ? stateCode(address.state_province) : undefined;
  if (address?.state_province.trim() && !state) warn('unknown_state', addressPath, 'state_province');
  const country = address?.country.trim().toUpperCase() ?? 'MX';
  if (!isOneOf(COUNTRY_CODES, country)) warn('unknown_country', addressPath, 'country');
  const record = {
    name: firstText(loc.name, loc.alternate_name, address?.address_1, serviceName),
    // A redacted location carries the contact path as its description: not a description of its own.
    description: confidential && loc.description === contact ? '' : loc.description,
    location_type: loc.location_type,
    address_1: address?.address_1,
    address_2: address?.address_2,
    city: address?.city,
    state_province: state ?? null,
    postal_code: address?.postal_code,
    country: isOneOf(COUNTRY_CODES, country) ? country : undefined,
    latitude: loc.latitude ?? null,
    longitude: loc.longitude ?? null,
    phone: loc.phones?.[0]?.number,
    confidential,
    confidential_contact: contact,
  };
  const fitted = fit(locationInput, record, path, warn);
  if ((fitted.latitude === null) !== (fitted.longitude === null)) {
    // A position needs both coordinates: the other one was out of range or missing.
    warn('invalid_value', path, fitted.latitude === null ? 'longitude' : 'latitude');
    fitted.latitude = fitted.longitude = null;
  }
  return { id: loc.id, organization_id: loc.organization_id ?? orgId, ...fitted } satisfies DirLocation;
}

/** How to refer to a foreign service: its e-mail, else the first phone found, else through Senda. */
function guessReferral(doc: HsdsService, warn: Warn) {
  warn('defaulted', '', 'referral_method');
  const isEmail = (e: string | undefined) => !!e && serviceInput.shape.referral_email.safeParse(e).success;
  const email = [doc.email, doc.organization?.email].find(isEmail);
  if (email) return { referral_method: 'email', referral_email: email };
  const phones = [
    ...(doc.phones ?? []),
    ...(doc.organization?.phones ?? []),
    ...(doc.service_at_locations ?? []).flatMap((sal) => sal.location?.phones ?? []),
  ];
  const phone = firstText(...phones.map((p) => p.number));
  if (phone) return { referral_method: 'phone', referral_phone: phone };
  warn('referral_contact_missing', '', 'referral_method');
  return { referral_method: 'senda' };
}

function importService(doc: HsdsService, orgId: string, locationIds: string[], warn: Warn): DirService {
  const attrs = sendaAttributes(doc.attributes, '', warn);
  // Senda's own documents leave defaults out; only a foreign document's gaps are worth a warning.
  const fallback = <T>(field: string, value: T, always = false): T => {
    if (always || !attrs.any) warn('defaulted', '', field);
    return value;
  };
  const categories = attrs.codes('category', NEED_DOMAINS, 'categories');
  const method = attrs.codes('referral_method', REFERRAL_METHODS, 'referral_method')[0];
  const availability = attrs.codes('availability', AVAILABILITIES, 'availability')[0];
  const days = attrs.scalar('response_business_days');
  const capacity = attrs.scalar('capacity_available');
  const children = attrs.scalar('accepts_children');
  const costs = doc.cost_options ?? [];
  const free = costs.length > 0 && costs.every((c) => c.amount === 0);
  if (costs.length > 0 && !free) warn('not_kept', '', 'cost_options');
  if (costs.length === 0 && !doc.fees_description?.trim()) fallback('free', false);
  const schedules = doc.schedules ?? [];
  if (schedules.length > 0) warn('not_kept', '', 'schedules');
  notKept(doc, NOT_KEPT.service, '', warn);
  const languages = (doc.languages ?? []).flatMap((l, i) => {
    const code = (l.code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    if (isOneOf(LANGUAGE_CODES, code)) return [code];
    warn('unknown_language', `/languages/${i}`, 'languages');
    return [];
  });
  const areas = (doc.service_areas ?? []).flatMap((a, i) => {
    const area = parseArea(a.name ?? '');
    if (!area) warn('unknown_service_area', `/service_areas/${i}`, 'service_areas');
    return area ? [area] : [];
  });
  const record = {
    name: firstText(doc.name, 'Servicio sin nombre'),
    status: doc.status,
    ...Object.fromEntries(SERVICE_TEXTS.map((key) => [key, doc[key]])),
    categories: categories.length > 0 ? categories : fallback('categories', ['other'], true),
    genders: attrs.has('gender')
      ? attrs.codes('gender', GENDER_IDENTITIES, 'genders')
      : fallback('genders', []),
    nationalities: attrs.has('nationality')
      ? attrs.codes('nationality', COUNTRY_CODES, 'nationalities')
      : fallback('nationalities', []),
    minimum_age: doc.minimum_age ?? null,
    maximum_age: doc.maximum_age ?? null,
    required_documents: (doc.required_documents ?? []).map((d) => d.document?.trim() ?? '').filter(Boolean),
    languages: [...new Set(languages)],
    free,
    schedule_description:
      attrs.scalar('schedule_description') ?? schedules.map((s) => s.description?.trim() ?? '').join(' '),
    service_areas: areas,
    ...(method
      ? {
          referral_method: method,
          referral_phone: attrs.scalar('referral_phone'),
          referral_email: attrs.scalar('referral_email'),
        }
      : guessReferral(doc, warn)),
    response_business_days: days ? Number(days) : fallback('response_business_days', undefined),
    availability: availability ?? fallback('availability', undefined),
    capacity_available: capacity ? Number(capacity) : null,
    accepts_children: children === 'true' ? true : children === 'false' ? false : null,
    location_ids: locationIds,
  };
  return { id: doc.id, organization_id: orgId, ...fit(serviceInput, record, '', warn) };
}

/**
 * The Senda records of an HSDS `service` document (validate it with
 * `validateHsds` first). Ids are kept; every value Senda cannot hold is a
 * warning.
 */
export function fromHsdsService(doc: HsdsService): HsdsImport {
  const warnings: HsdsImportWarning[] = [];
  const warn: Warn = (code, path, field) => void warnings.push({ code, path, field });
  const organization = importOrganization(doc, warn);
  const serviceName = firstText(doc.name, 'Servicio sin nombre');
  const locations: DirLocation[] = [];
  (doc.service_at_locations ?? []).forEach((sal, i) => {
    const path = `/service_at_locations/${i}`;
    notKept(sal, NOT_KEPT.service_at_location, path, warn);
    const loc = sal.location;
    if (!loc) return warn('location_missing', path, 'location');
    if (locations.some((l) => l.id === loc.id)) return; // offered twice at the same place
    locations.push(importLocation(loc, organization.id, serviceName, `${path}/location`, warn));
  });
  const ids = locations.map((l) => l.id);
  const service = importService(doc, organization.id, ids, warn);
  const kept = locations.filter((l) => service.location_ids.includes(l.id));
  return { organization, service, locations: kept, warnings };
}
