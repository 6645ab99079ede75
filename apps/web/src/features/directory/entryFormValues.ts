/**
 * The forms of an entry other than its services: the organization (the whole
 * entry for her own organization's PUT and a new one, only what changed for
 * a PATCH) and a location (always the whole location: PUT). A confidential
 * location needs the contact path everyone else is told instead.
 */
import {
  directoryOrganizationInput,
  locationInput,
  type DirectoryLocation as Location,
  type DirectoryOrganizationInput,
  type LocationInput,
} from '@senda/domain';
import type { DirectoryLocation, DirectoryOrganization } from '../../lib/directoryApi';
import { decimalNumber, domainResolver, numberText } from './formValues';

export interface OrganizationFormValues {
  name: string;
  alternate_name: string;
  description: string;
  email: string;
  website: string;
}

export const ORGANIZATION_FIELDS = new Set(['name', 'alternate_name', 'description', 'email', 'website']);

export function valuesOfOrganization(org: DirectoryOrganization | null, name = ''): OrganizationFormValues {
  return {
    name: org?.name ?? name,
    alternate_name: org?.alternate_name ?? '',
    description: org?.description ?? '',
    email: org?.email ?? '',
    website: org?.website ?? '',
  };
}

export const organizationResolver = domainResolver<OrganizationFormValues, typeof directoryOrganizationInput>(
  directoryOrganizationInput,
  (values) => values,
  () => [],
);

/** Only the fields that differ from the stored entry. */
export function organizationChanges(
  org: DirectoryOrganization,
  next: DirectoryOrganizationInput,
): Partial<DirectoryOrganizationInput> {
  const change: Partial<DirectoryOrganizationInput> = {};
  for (const key of ['name', 'alternate_name', 'description', 'email', 'website'] as const)
    if ((next[key] ?? '') !== org[key]) change[key] = next[key] ?? '';
  return change;
}

export interface LocationFormValues {
  name: string;
  description: string;
  location_type: Location['location_type'];
  address_1: string;
  address_2: string;
  city: string;
  /** '' for "not recorded". */
  state_province: NonNullable<Location['state_province']> | '';
  postal_code: string;
  country: Location['country'];
  latitude: string;
  longitude: string;
  phone: string;
  confidential: boolean;
  confidential_contact: string;
}

export const LOCATION_FIELDS = new Set([
  'name',
  'description',
  'location_type',
  'address_1',
  'address_2',
  'city',
  'state_province',
  'postal_code',
  'country',
  'latitude',
  'longitude',
  'phone',
  'confidential',
  'confidential_contact',
]);

export function emptyLocation(): LocationFormValues {
  return {
    name: '',
    description: '',
    location_type: 'physical',
    address_1: '',
    address_2: '',
    city: '',
    state_province: '',
    postal_code: '',
    country: 'MX',
    latitude: '',
    longitude: '',
    phone: '',
    confidential: false,
    confidential_contact: '',
  };
}

export function valuesOfLocation(location: DirectoryLocation): LocationFormValues {
  return {
    name: location.name,
    description: location.description,
    location_type: location.location_type,
    address_1: location.address_1 ?? '',
    address_2: location.address_2 ?? '',
    city: location.city,
    state_province: location.state_province ?? '',
    postal_code: location.postal_code ?? '',
    country: location.country,
    latitude: numberText(location.latitude),
    longitude: numberText(location.longitude),
    phone: location.phone ?? '',
    confidential: location.confidential,
    confidential_contact: location.confidential_contact,
  };
}

/** The location as the API takes it (the contact path only for a confidential one). */
export function toLocationInput(values: LocationFormValues): LocationInput {
  return {
    ...values,
    state_province: values.state_province || null,
    latitude: decimalNumber(values.latitude),
    longitude: decimalNumber(values.longitude),
    confidential_contact: values.confidential ? values.confidential_contact : '',
  } as LocationInput;
}

/** A confidential location needs its contact path (checked with the other fields). */
export function locationIssues(input: Pick<LocationInput, 'confidential' | 'confidential_contact'>) {
  return input.confidential && !input.confidential_contact?.trim()
    ? [{ path: 'confidential_contact', code: 'confidential_contact_required' }]
    : [];
}

export const locationResolver = domainResolver<LocationFormValues, typeof locationInput>(
  locationInput,
  toLocationInput,
  locationIssues,
);
