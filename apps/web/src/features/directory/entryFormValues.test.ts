import { describe, expect, it } from 'vitest';
import type { DirectoryLocation, DirectoryOrganization } from '../../lib/directoryApi';
import { decodeFieldError } from '../../lib/fieldErrors';
import {
  emptyLocation,
  locationResolver,
  organizationChanges,
  organizationResolver,
  toLocationInput,
  valuesOfLocation,
  valuesOfOrganization,
  type LocationFormValues,
  type OrganizationFormValues,
} from './entryFormValues';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const code = (error: { message?: string } | undefined) => decodeFieldError(error?.message).code;

const org: DirectoryOrganization = {
  id: 'o1',
  name: 'Casa Refugio',
  alternate_name: '',
  description: 'Albergue',
  email: '',
  website: '',
  on_senda: true,
  is_own: true,
  can_edit: true,
  updated_at: '2026-11-30T10:00:00Z',
};

describe('the organization form', () => {
  it('starts a first entry with her organization’s name', () => {
    expect(valuesOfOrganization(null, 'Casa Refugio').name).toBe('Casa Refugio');
    expect(valuesOfOrganization(org).description).toBe('Albergue');
  });

  it('refuses an entry without a name or with a bad e-mail or website', async () => {
    const values: OrganizationFormValues = { ...valuesOfOrganization(null), email: 'no', website: 'ftp://x' };
    const result = await organizationResolver(values, undefined, options);
    expect(code(result.errors.name)).toBe('required');
    expect(code(result.errors.email)).toBe('invalid_email');
    expect(result.errors.website).toBeDefined();
  });

  it('sends only what changed', () => {
    expect(organizationChanges(org, { ...valuesOfOrganization(org), website: 'https://casa.mx' })).toEqual({
      website: 'https://casa.mx',
    });
  });
});

const location: DirectoryLocation = {
  id: 'l1',
  organization_id: 'o1',
  name: 'Casa',
  description: '',
  location_type: 'physical',
  address_1: 'Calle del Refugio 17',
  address_2: '',
  city: 'Tapachula',
  state_province: '07',
  postal_code: '30700',
  country: 'MX',
  latitude: 14.9,
  longitude: -92.26,
  phone: '+52 962 111 2233',
  confidential: true,
  confidential_contact: 'Canaliza por Senda',
  details_hidden: false,
  updated_at: '2026-11-30T10:00:00Z',
};

describe('the location form', () => {
  it('turns a stored location into values and back', async () => {
    const result = await locationResolver(valuesOfLocation(location), undefined, options);
    expect(result.errors).toEqual({});
    const { id: _id, organization_id: _o, details_hidden: _d, updated_at: _u, ...fields } = location;
    expect(result.values).toEqual(fields);
  });

  it('asks a confidential location for its contact path, with the other errors', async () => {
    const values: LocationFormValues = { ...emptyLocation(), confidential: true, latitude: 'norte' };
    const result = await locationResolver(values, undefined, options);
    expect(code(result.errors.name)).toBe('required');
    expect(code(result.errors.confidential_contact)).toBe('confidential_contact_required');
    expect(code(result.errors.latitude)).toBe('invalid_type');
  });

  it('keeps no contact path for a location that is not confidential, and no state when none is chosen', () => {
    const input = toLocationInput({ ...emptyLocation(), name: 'Oficina', confidential_contact: 'x' });
    expect(input.confidential_contact).toBe('');
    expect(input.state_province).toBeNull();
    expect(input.latitude).toBeNull();
  });
});
