import { describe, expect, it } from 'vitest';
import { directoryOrganizationInput, locationInput, serviceInput } from '@senda/domain';
import { validateHsds } from './hsds.js';
import { toHsdsService } from './hsds-export.js';
import { fromHsdsService, type HsdsImport } from './hsds-import.js';
import {
  ORG,
  SERVICE,
  OFFICE,
  SHELTER,
  UUID,
  organization,
  office,
  shelter,
  fullService,
  minimalService,
  exampleService,
} from '../../test/hsds-fixtures.js';
import { stableUuid, type DirService, type HsdsService } from './hsds-map.js';

/** The records parse with the domain schemas, unchanged. */
function expectDomainValid({ organization: o, service: s, locations }: HsdsImport) {
  const { id: _o, ...org } = o;
  expect(directoryOrganizationInput.parse(org)).toEqual(org);
  const { id: _s, organization_id: _so, ...service } = s;
  expect(serviceInput.parse(service)).toEqual(service);
  for (const { id: _l, organization_id: _lo, ...location } of locations)
    expect(locationInput.parse(location)).toEqual(location);
}

describe('toHsdsService', () => {
  it.each([
    ['full, revealed', fullService, [office, shelter], true],
    ['full, redacted', fullService, [office, shelter], false],
    ['minimal', minimalService, [], false],
  ] as const)('gives a valid HSDS service (%s)', (_, service, locations, revealConfidential) => {
    const doc = toHsdsService(service, organization, [...locations], { revealConfidential });
    expect(validateHsds('service', doc)).toEqual([]);
  });

  it('maps the HSDS fields, with stable derived ids', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true });
    expect(toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true })).toEqual(
      doc,
    );
    expect(doc).toMatchObject({
      id: SERVICE,
      status: 'active',
      minimum_age: 18,
      organization: { id: ORG, description: 'Colectivo Frontera Sur' }, // the name: HSDS requires one
      cost_options: [{ currency: 'MXN', amount: 0, option: 'Gratuito' }],
      service_areas: [
        { name: 'Ciudad de México', extent_type: 'text' },
        { name: 'Tapachula, Chiapas', extent_type: 'text' },
      ],
    });
    expect(doc.languages?.map((l) => [l.code, l.name])).toEqual([
      ['es', 'español'],
      ['ht', 'criollo haitiano'],
      ['mam', 'Mam'],
    ]);
    expect(doc.service_at_locations?.[0]?.location?.addresses?.[0]).toMatchObject({
      state_province: 'Ciudad de México',
      country: 'MX',
      address_type: 'physical',
    });
    const ids = JSON.stringify(doc).match(/"(?:id|taxonomy_term_id)":"[^"]+"/g) ?? [];
    const derived = ids
      .map((s) => s.split('"')[3] ?? '')
      .filter((id) => ![SERVICE, ORG, OFFICE, SHELTER].includes(id));
    expect(derived.length).toBeGreaterThan(20);
    for (const id of derived) expect(id).toMatch(UUID);
    expect(stableUuid(SERVICE, 'language:es')).toBe(doc.languages?.[0]?.id);
  });

  it('carries the Senda-only fields as attributes of a senda taxonomy', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true });
    const attrs = (doc.attributes ?? []).map((a) => [a.link_type, a.taxonomy_term?.code, a.value ?? null]);
    expect(attrs).toContainEqual(['senda:category', 'legal', null]);
    expect(attrs).toContainEqual(['senda:nationality', 'HN', null]);
    expect(attrs).toContainEqual(['senda:referral_method', 'email', null]);
    expect(attrs).toContainEqual(['senda:capacity_available', 'capacity_available', '3']);
    expect(attrs).toContainEqual(['senda:response_business_days', 'response_business_days', '5']);
    for (const a of doc.attributes ?? []) {
      expect(a).toMatchObject({
        link_id: SERVICE,
        link_entity: 'service',
        taxonomy_term_id: a.taxonomy_term?.id,
      });
      expect(a.taxonomy_term?.taxonomy).toBe('senda');
    }
    const shelterDoc = doc.service_at_locations?.[1]?.location;
    expect(shelterDoc?.attributes).toMatchObject([
      { link_id: SHELTER, link_entity: 'location', link_type: 'senda:confidential_location' },
    ]);
  });

  it('never shows a confidential address, position or phone unless revealed', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: false });
    const json = JSON.stringify(doc);
    for (const secret of [
      'Calle Secreta',
      '30700',
      'Tapachula"',
      '962 555',
      '14.9057',
      '-92.2636',
      'Albergue',
    ])
      expect(json.includes(secret)).toBe(false);
    const redacted = doc.service_at_locations?.[1]?.location;
    expect(redacted?.description).toBe(shelter.confidential_contact);
    expect(json.includes('Av. Juárez 100')).toBe(true); // the public office keeps its address
  });

  it('leaves out an address missing a field HSDS requires, rather than blanking it', () => {
    const partial = { ...office, postal_code: '' };
    const doc = toHsdsService({ ...minimalService, location_ids: [OFFICE] }, organization, [partial], {
      revealConfidential: true,
    });
    expect(validateHsds('service', doc)).toEqual([]);
    expect(doc.service_at_locations?.[0]?.location?.addresses).toBeUndefined();
  });

  it('derives ids as RFC 4122 UUIDv5', () => {
    expect(stableUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a location the caller did not give', () => {
    expect(() => toHsdsService(fullService, organization, [office], { revealConfidential: true })).toThrow(
      SHELTER,
    );
  });
});

describe('fromHsdsService', () => {
  it('round-trips a Senda service with a public and a confidential location', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true });
    expect(validateHsds('service', doc)).toEqual([]);
    const back = fromHsdsService(structuredClone(doc));
    expect(back.warnings).toEqual([]);
    expect(back.organization).toEqual(organization);
    for (const key of Object.keys(fullService) as (keyof DirService)[])
      expect([key, back.service[key]]).toEqual([key, fullService[key]]);
    expect(back.service).toEqual(fullService);
    expect(back.locations).toEqual([office, shelter]);
    expectDomainValid(back);
  });

  it('round-trips a minimal service and non-default scalars', () => {
    const service = { ...minimalService, free: false, availability: 'full' as const, capacity_available: 0 };
    const back = fromHsdsService(toHsdsService(service, organization, [], { revealConfidential: false }));
    expect(back).toEqual({ organization, service, locations: [], warnings: [] });
  });

  it('keeps a redacted location confidential, with its contact path and no address', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: false });
    const back = fromHsdsService(doc);
    expect(back.warnings).toEqual([]);
    expect(back.locations[1]).toEqual({
      ...shelter,
      ...locationInput.parse({
        name: shelter.name,
        confidential: true,
        confidential_contact: shelter.confidential_contact,
      }),
    });
    expectDomainValid(back);
  });

  it('imports the official example, with a warning for every value Senda cannot hold', () => {
    const doc = exampleService();
    expect(validateHsds('service', doc)).toEqual([]);
    const result = fromHsdsService(doc);
    expectDomainValid(result);
    const { organization: org, service, locations, warnings } = result;
    expect(org).toMatchObject({ id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', website: 'http://example.com' });
    expect(service).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      organization_id: org.id,
      categories: ['other'],
      languages: ['ur'],
      referral_method: 'email',
      referral_email: 'email@example.com',
      free: false,
      minimum_age: 12,
      service_areas: [],
      location_ids: ['3a19ff88-4620-4d17-9830-ac1d859eb5d5'],
    });
    expect(service.required_documents[0]).toHaveLength(200);
    expect(service.schedule_description).toMatch(/^The service is available from 10 am/);
    expect(locations).toMatchObject([
      { name: 'MyCity Civic Center', state_province: null, country: 'US', latitude: null, longitude: null },
    ]);
    const loc = '/service_at_locations/0/location';
    for (const warning of [
      { code: 'defaulted', path: '', field: 'categories' },
      { code: 'defaulted', path: '', field: 'referral_method' },
      { code: 'defaulted', path: '', field: 'genders' },
      { code: 'defaulted', path: '', field: 'availability' },
      { code: 'truncated', path: '', field: 'required_documents' },
      { code: 'unknown_service_area', path: '/service_areas/0', field: 'service_areas' },
      { code: 'not_kept', path: '/attributes/0', field: 'attributes' },
      { code: 'not_kept', path: '', field: 'cost_options' },
      { code: 'not_kept', path: '', field: 'schedules' },
      { code: 'not_kept', path: '/organization', field: 'programs' },
      { code: 'unknown_state', path: `${loc}/addresses/0`, field: 'state_province' },
      { code: 'invalid_value', path: loc, field: 'latitude' },
      { code: 'invalid_value', path: loc, field: 'longitude' },
      { code: 'not_kept', path: loc, field: 'accessibility' },
    ])
      expect(warnings).toContainEqual(warning);
    expect(warnings.some((w) => w.field === 'free')).toBe(false); // its cost option says it is not
  });

  it('understands Mexican places and guesses how to refer to a foreign service', () => {
    const doc: HsdsService = {
      id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b6c',
      name: 'Comedor',
      status: 'active',
      languages: [
        { id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b60', code: 'es-MX' },
        { id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b61', code: 'xx' },
      ],
      service_areas: [
        { id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b62', name: 'Tapachula, Chiapas' },
        { id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b63', name: 'CDMX' },
      ],
      phones: [{ id: '9b2a3c1e-5f4d-4e6a-8b7c-1d2e3f4a5b64', number: '962 111 2233' }],
    };
    const result = fromHsdsService(doc);
    expectDomainValid(result);
    expect(result.service).toMatchObject({
      languages: ['es'],
      service_areas: [
        { state: '07', municipality: 'Tapachula' },
        { state: '09', municipality: '' },
      ],
      referral_method: 'phone',
      referral_phone: '962 111 2233',
    });
    expect(result.warnings).toContainEqual({
      code: 'unknown_language',
      path: '/languages/1',
      field: 'languages',
    });
    expect(result.warnings).toContainEqual({ code: 'defaulted', path: '', field: 'organization' });
    expect(result.organization.name).toBe('Comedor');
  });

  it('falls back to referral through Senda when the document gives no contact at all', () => {
    const result = fromHsdsService({ id: SERVICE, name: 'Sin contacto', status: 'inactive' });
    expect(result.service.referral_method).toBe('senda');
    expect(result.warnings).toContainEqual({
      code: 'referral_contact_missing',
      path: '',
      field: 'referral_method',
    });
    expectDomainValid(result);
  });
});
