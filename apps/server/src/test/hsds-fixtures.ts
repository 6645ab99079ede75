/** Directory records for the HSDS tests: an organization, an office, a confidential shelter, services. */
import fs from 'node:fs';
import path from 'node:path';
import { directoryOrganizationInput, locationInput, serviceInput } from '@senda/domain';
import { hsdsSchemaDir } from '../modules/directory/hsds.js';
import type { DirLocation, DirOrganization, DirService, HsdsService } from '../modules/directory/hsds-map.js';

export const ORG = '0190a000-0000-7000-8000-000000000001';
export const SERVICE = '0190a000-0000-7000-8000-000000000002';
export const OFFICE = '0190a000-0000-7000-8000-000000000003';
export const SHELTER = '0190a000-0000-7000-8000-000000000004';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const organization: DirOrganization = {
  id: ORG,
  ...directoryOrganizationInput.parse({ name: 'Colectivo Frontera Sur', email: 'contacto@frontera.org.mx' }),
};

export const office: DirLocation = {
  id: OFFICE,
  organization_id: ORG,
  ...locationInput.parse({
    name: 'Oficina Centro',
    description: 'Planta baja, junto a la parroquia.',
    address_1: 'Av. Juárez 100',
    address_2: 'Col. Centro',
    city: 'Ciudad de México',
    state_province: '09',
    postal_code: '06000',
    latitude: 19.4326,
    longitude: -99.1332,
    phone: '+52 55 1234 5678',
  }),
};

export const shelter: DirLocation = {
  id: SHELTER,
  organization_id: ORG,
  ...locationInput.parse({
    name: 'Casa refugio',
    description: 'Albergue con 20 camas.',
    address_1: 'Calle Secreta 7',
    city: 'Tapachula',
    state_province: '07',
    postal_code: '30700',
    latitude: 14.9057,
    longitude: -92.2636,
    phone: '+52 962 555 0101',
    confidential: true,
    confidential_contact: 'Canalizar por Senda o por correo a la organización.',
  }),
};

export const fullService: DirService = {
  id: SERVICE,
  organization_id: ORG,
  ...serviceInput.parse({
    name: 'Acompañamiento jurídico',
    alternate_name: 'Asesoría legal',
    description: 'Asesoría en asilo y regularización migratoria.',
    status: 'active',
    url: 'https://frontera.org.mx/juridico',
    email: 'juridico@frontera.org.mx',
    categories: ['legal', 'documentation'],
    genders: ['woman', 'trans_woman'],
    minimum_age: 18,
    maximum_age: 99,
    nationalities: ['HN', 'GT', 'SV'],
    required_documents: ['Identificación (cualquiera)', 'CURP si la tiene'],
    eligibility_description: 'Mujeres migrantes.',
    languages: ['es', 'ht', 'mam'],
    interpretation_services: 'Intérprete de creole haitiano los martes.',
    free: true,
    fees_description: '',
    schedule_description: 'Lunes a viernes de 9 a 17 h',
    service_areas: [{ state: '09' }, { state: '07', municipality: 'Tapachula' }],
    referral_method: 'email',
    referral_email: 'canalizaciones@frontera.org.mx',
    referral_phone: '+52 55 8765 4321',
    application_process: 'Escribir al correo de canalizaciones.',
    response_business_days: 5,
    availability: 'limited',
    capacity_available: 3,
    alert: 'Cerrado el 2 de noviembre.',
    location_ids: [OFFICE, SHELTER],
  }),
};

export const minimalService: DirService = {
  id: SERVICE,
  organization_id: ORG,
  ...serviceInput.parse({ name: 'Orientación', categories: ['other'], referral_method: 'senda' }),
};

export const exampleService = () =>
  JSON.parse(
    fs.readFileSync(path.resolve(hsdsSchemaDir(), '../examples/service_full.json'), 'utf8'),
  ) as HsdsService;
