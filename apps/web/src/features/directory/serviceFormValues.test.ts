import { describe, expect, it } from 'vitest';
import type { DirectoryService } from '../../lib/directoryApi';
import { decodeFieldError } from '../../lib/fieldErrors';
import { decimalNumber, errorAt, wholeNumber } from './formValues';
import {
  emptyService,
  isServiceField,
  serviceChanges,
  serviceResolver,
  toServiceInput,
  valuesOfService,
  type ServiceFormValues,
} from './serviceFormValues';

const LOCATION = '0190a5f0-0000-7000-8000-000000000001';

const stored = (over: Partial<DirectoryService> = {}): DirectoryService => ({
  id: 's1',
  name: 'Albergue temporal',
  alternate_name: '',
  description: 'Estancia de hasta tres meses',
  status: 'active',
  url: '',
  email: '',
  categories: ['shelter_housing'],
  genders: ['woman'],
  minimum_age: 18,
  maximum_age: null,
  nationalities: [],
  required_documents: ['CURP'],
  eligibility_description: '',
  accepts_children: true,
  languages: ['es', 'ht'],
  interpretation_services: '',
  free: true,
  fees_description: '',
  schedule_description: 'Todos los días',
  service_areas: [{ state: '07', municipality: 'Tapachula' }],
  referral_method: 'senda',
  referral_phone: '',
  referral_email: '',
  application_process: '',
  response_business_days: 2,
  availability: 'limited',
  capacity_available: 3,
  alert: '',
  location_ids: [LOCATION],
  organization: { id: 'o1', name: 'Casa', on_senda: true, can_edit: true },
  locations: [],
  updated_at: '2026-11-30T10:00:00Z',
  ...over,
});

const resolve = (values: ServiceFormValues) =>
  serviceResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
const codeAt = (errors: unknown, path: string) => decodeFieldError(errorAt(errors, path)?.message).code;

describe('numbers typed in text boxes', () => {
  it('reads empty as null, digits as a number, and passes anything else on for the schema', () => {
    expect(wholeNumber(' ')).toBeNull();
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('12a')).toBe('12a');
    expect(decimalNumber('14,9')).toBe(14.9);
    expect(decimalNumber('-92.26')).toBe(-92.26);
    expect(decimalNumber('')).toBeNull();
    expect(decimalNumber('norte')).toBe('norte');
  });
});

describe('the service form', () => {
  it('starts referring inside Senda for an organization on Senda, by phone otherwise', () => {
    expect(emptyService(true).referral_method).toBe('senda');
    expect(emptyService(false).referral_method).toBe('phone');
  });

  it('turns a stored service into values and back without change', async () => {
    const service = stored();
    const result = await resolve(valuesOfService(service));
    expect(result.errors).toEqual({});
    expect(serviceChanges(service, result.values as never)).toEqual({});
  });

  it('drops empty documents, trims municipalities, and keeps only the contact of the chosen way', () => {
    const input = toServiceInput({
      ...valuesOfService(stored()),
      required_documents: [{ value: ' CURP ' }, { value: '  ' }],
      service_areas: [{ state: '07', municipality: ' Tuxtla ' }],
      referral_method: 'email',
      referral_phone: '555',
      referral_email: 'canaliza@casa.mx',
      free: true,
      fees_description: '$20',
      response_business_days: '',
    });
    expect(input.required_documents).toEqual(['CURP']);
    expect(input.service_areas).toEqual([{ state: '07', municipality: 'Tuxtla' }]);
    expect(input.referral_phone).toBe('');
    expect(input.referral_email).toBe('canaliza@casa.mx');
    expect(input.fees_description).toBe('');
    expect(input.response_business_days).toBe(3);
  });

  it('shows every error at once: fields, age range and the referral contact', async () => {
    const result = await resolve({
      ...emptyService(false),
      minimum_age: '30',
      maximum_age: '20',
      capacity_available: 'muchos',
      service_areas: [{ state: '', municipality: 'Tapachula' }],
    });
    expect(codeAt(result.errors, 'name')).toBe('required');
    expect(codeAt(result.errors, 'categories')).toBe('required');
    expect(codeAt(result.errors, 'maximum_age')).toBe('age_range_reversed');
    expect(codeAt(result.errors, 'referral_phone')).toBe('referral_contact_required');
    expect(codeAt(result.errors, 'capacity_available')).toBe('invalid_type');
    expect(codeAt(result.errors, 'service_areas')).toBe('invalid_choice');
  });

  it('reads whether she may come with her children as yes, no or not stated', async () => {
    expect(emptyService(true).accepts_children).toBe('');
    expect(valuesOfService(stored()).accepts_children).toBe('yes');
    expect(valuesOfService(stored({ accepts_children: false })).accepts_children).toBe('no');
    expect(valuesOfService(stored({ accepts_children: null })).accepts_children).toBe('');
    const values = valuesOfService(stored());
    expect(toServiceInput({ ...values, accepts_children: '' }).accepts_children).toBeNull();
    expect(toServiceInput({ ...values, accepts_children: 'no' }).accepts_children).toBe(false);
    const service = stored({ accepts_children: null });
    const result = await resolve({ ...valuesOfService(service), accepts_children: 'yes' });
    expect(serviceChanges(service, result.values as never)).toEqual({ accepts_children: true });
  });

  it('sends only what changed', async () => {
    const service = stored();
    const values = { ...valuesOfService(service), availability: 'full' as const, capacity_available: '0' };
    const result = await resolve(values);
    expect(serviceChanges(service, result.values as never)).toEqual({
      availability: 'full',
      capacity_available: 0,
    });
  });

  it('knows which server field errors land on its fields', () => {
    expect(isServiceField('location_ids.0')).toBe(true);
    expect(isServiceField('referral_phone')).toBe(true);
    expect(isServiceField('organization')).toBe(false);
  });
});
