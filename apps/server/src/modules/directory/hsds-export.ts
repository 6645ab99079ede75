/** Senda's directory records → an HSDS 3.0 `service` document (see hsds-map.ts). */
import { LANGUAGES, MX_STATES } from '@senda/domain';

import {
  omitEmpty,
  SERVICE_TEXTS,
  attribute,
  scalarAttribute,
  stableUuid,
  type DirLocation,
  type DirOrganization,
  type DirService,
  type HsdsAddress,
  type HsdsAttribute,
  type HsdsLocation,
  type HsdsService,
  type Dimension,
} from './hsds-map.js';
function serviceAttributes(s: DirService): HsdsAttribute[] {
  const enums = (dim: Dimension, codes: readonly string[]) =>
    codes.map((c) => attribute(s.id, 'service', dim, c));
  const scalar = (dim: Dimension, value: string | number | null) =>
    scalarAttribute(s.id, 'service', dim, value);
  return [
    ...enums('category', s.categories),
    ...enums('gender', s.genders),
    ...enums('nationality', s.nationalities),
    ...enums('referral_method', [s.referral_method]),
    ...scalar('referral_phone', s.referral_phone),
    ...scalar('referral_email', s.referral_email),
    ...enums('availability', [s.availability]),
    ...scalar('capacity_available', s.capacity_available),
    ...scalar('response_business_days', s.response_business_days),
    ...scalar('schedule_description', s.schedule_description),
    ...scalar('accepts_children', s.accepts_children === null ? null : String(s.accepts_children)),
  ];
}

// -------------------------------------------------------------------- export

const languageNames = new Intl.DisplayNames(['es'], { type: 'language', fallback: 'none' });
/** The indigenous languages Intl does not name carry their own name in LANGUAGES. */
function languageName(code: string): string | undefined {
  const own = LANGUAGES.find((l) => l.code === code);
  return own && 'name' in own ? own.name : languageNames.of(code);
}

function areaName(area: DirService['service_areas'][number]): string {
  return area.municipality ? `${area.municipality}, ${MX_STATES[area.state]}` : MX_STATES[area.state];
}

/** Every required field of an HSDS address must be filled: a partial address is left out, not blanked. */
function hsdsAddresses(l: DirLocation): HsdsAddress[] {
  if (!l.address_1 || !l.city || !l.state_province || !l.postal_code) return [];
  const address = {
    id: stableUuid(l.id, 'address'),
    address_1: l.address_1,
    address_2: l.address_2,
    city: l.city,
    state_province: MX_STATES[l.state_province],
    postal_code: l.postal_code,
    country: l.country,
    address_type: l.location_type === 'postal' ? 'postal' : 'physical',
  };
  return [omitEmpty(address)];
}

function hsdsLocation(l: DirLocation, revealConfidential: boolean): HsdsLocation {
  const hidden = l.confidential && !revealConfidential;
  return omitEmpty({
    id: l.id,
    location_type: l.location_type,
    organization_id: l.organization_id,
    name: l.name,
    // Redacted: what a stranger may know is how to reach the shelter, not where it is.
    description: hidden ? l.confidential_contact : l.description,
    latitude: hidden ? null : l.latitude,
    longitude: hidden ? null : l.longitude,
    addresses: hidden ? [] : hsdsAddresses(l),
    phones: hidden || !l.phone ? [] : [{ id: stableUuid(l.id, 'phone'), number: l.phone }],
    attributes: l.confidential
      ? scalarAttribute(l.id, 'location', 'confidential_location', l.confidential_contact)
      : [],
  } as HsdsLocation);
}

/** The HSDS `service` document of a service, its organization and the locations it is offered at. */
export function toHsdsService(
  service: DirService,
  organization: DirOrganization,
  locations: DirLocation[],
  options: { revealConfidential: boolean },
): HsdsService {
  const location = (id: string) => {
    const found = locations.find((l) => l.id === id);
    if (!found) throw new Error(`Location ${id} of service ${service.id} was not given`);
    return found;
  };
  const org = omitEmpty({
    ...organization,
    description: organization.description || organization.name, // required by HSDS
  });
  return omitEmpty({
    id: service.id,
    name: service.name,
    status: service.status,
    ...Object.fromEntries(SERVICE_TEXTS.map((key) => [key, service[key]])),
    minimum_age: service.minimum_age,
    maximum_age: service.maximum_age,
    organization: org,
    languages: service.languages.map((code) =>
      omitEmpty({ id: stableUuid(service.id, `language:${code}`), code, name: languageName(code) }),
    ),
    required_documents: service.required_documents.map((document, i) => ({
      id: stableUuid(service.id, `required_document:${i}:${document}`),
      document,
    })),
    service_areas: service.service_areas.map((a) => ({
      id: stableUuid(service.id, `service_area:${a.state}:${a.municipality}`),
      name: areaName(a),
      extent_type: 'text',
    })),
    cost_options: service.free
      ? [{ id: stableUuid(service.id, 'cost_option:free'), option: 'Gratuito', currency: 'MXN', amount: 0 }]
      : [],
    service_at_locations: service.location_ids.map((id) => ({
      id: stableUuid(service.id, `service_at_location:${id}`),
      location: hsdsLocation(location(id), options.revealConfidential),
    })),
    attributes: serviceAttributes(service),
  } as HsdsService);
}

// -------------------------------------------------------------------- import
