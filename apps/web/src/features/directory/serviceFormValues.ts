/**
 * The service form's values and their conversion to what the API takes: the
 * whole service for a new one (POST), only what changed for a change
 * (PATCH; the server checks the whole service again). Numbers are typed in
 * text boxes; empty required documents are dropped; the rules of the whole
 * service (`serviceIssues`: age range, contact for a referral by phone or
 * e-mail) show with the other errors.
 */
import { SERVICE_FIELDS, serviceInput, serviceIssues, type Service, type ServiceInput } from '@senda/domain';
import type { DirectoryService, ServiceUpdate } from '../../lib/directoryApi';
import { domainResolver, numberText, wholeNumber } from './formValues';

type Area = Service['service_areas'][number];

/** Yes, no, or not stated (null in the API). */
export type ChildrenAnswer = 'yes' | 'no' | '';
export const childrenAnswer = (value: boolean | null): ChildrenAnswer =>
  value === null ? '' : value ? 'yes' : 'no';
export const acceptsChildren = (answer: ChildrenAnswer): boolean | null =>
  answer === '' ? null : answer === 'yes';

export interface ServiceFormValues {
  name: string;
  alternate_name: string;
  description: string;
  status: Service['status'];
  url: string;
  email: string;
  categories: Service['categories'];
  genders: Service['genders'];
  minimum_age: string;
  maximum_age: string;
  nationalities: Service['nationalities'];
  /** One text box per document (objects, for the field array). */
  required_documents: { value: string }[];
  eligibility_description: string;
  /** Whether she may come with her children: '' when the service does not say. */
  accepts_children: ChildrenAnswer;
  languages: Service['languages'];
  interpretation_services: string;
  free: boolean;
  fees_description: string;
  schedule_description: string;
  /** '' until a state is chosen. */
  service_areas: { state: Area['state'] | ''; municipality: string }[];
  referral_method: Service['referral_method'];
  referral_phone: string;
  referral_email: string;
  application_process: string;
  response_business_days: string;
  availability: Service['availability'];
  capacity_available: string;
  alert: string;
  location_ids: string[];
}

/** A new service: referred inside Senda when its organization is on Senda, by phone otherwise. */
export function emptyService(onSenda: boolean): ServiceFormValues {
  return {
    name: '',
    alternate_name: '',
    description: '',
    status: 'active',
    url: '',
    email: '',
    categories: [],
    genders: [],
    minimum_age: '',
    maximum_age: '',
    nationalities: [],
    required_documents: [],
    eligibility_description: '',
    accepts_children: '',
    languages: [],
    interpretation_services: '',
    free: true,
    fees_description: '',
    schedule_description: '',
    service_areas: [],
    referral_method: onSenda ? 'senda' : 'phone',
    referral_phone: '',
    referral_email: '',
    application_process: '',
    response_business_days: '3',
    availability: 'unknown',
    capacity_available: '',
    alert: '',
    location_ids: [],
  };
}

export function valuesOfService(service: DirectoryService): ServiceFormValues {
  return {
    name: service.name,
    alternate_name: service.alternate_name,
    description: service.description,
    status: service.status,
    url: service.url,
    email: service.email,
    categories: [...service.categories],
    genders: [...service.genders],
    minimum_age: numberText(service.minimum_age),
    maximum_age: numberText(service.maximum_age),
    nationalities: [...service.nationalities],
    required_documents: service.required_documents.map((value) => ({ value })),
    eligibility_description: service.eligibility_description,
    accepts_children: childrenAnswer(service.accepts_children),
    languages: [...service.languages],
    interpretation_services: service.interpretation_services,
    free: service.free,
    fees_description: service.fees_description,
    schedule_description: service.schedule_description,
    service_areas: service.service_areas.map((a) => ({ state: a.state, municipality: a.municipality })),
    referral_method: service.referral_method,
    referral_phone: service.referral_phone,
    referral_email: service.referral_email,
    application_process: service.application_process,
    response_business_days: String(service.response_business_days),
    availability: service.availability,
    capacity_available: numberText(service.capacity_available),
    alert: service.alert,
    location_ids: [...service.location_ids],
  };
}

/** The form's top-level fields, which the API's field errors may name. */
export const SERVICE_FORM_FIELDS = new Set<string>(SERVICE_FIELDS);
export const isServiceField = (path: string): boolean => SERVICE_FORM_FIELDS.has(path.split('.')[0] ?? '');

/** The service as the API takes it; values the schema refuses (a typed "abc") are passed on for it to report. */
export function toServiceInput(values: ServiceFormValues): ServiceInput {
  const days = wholeNumber(values.response_business_days);
  return {
    ...values,
    minimum_age: wholeNumber(values.minimum_age),
    maximum_age: wholeNumber(values.maximum_age),
    required_documents: values.required_documents.map((d) => d.value.trim()).filter(Boolean),
    accepts_children: acceptsChildren(values.accepts_children),
    service_areas: values.service_areas.map((a) => ({ state: a.state, municipality: a.municipality.trim() })),
    // A fee only for a service that is not free.
    fees_description: values.free ? '' : values.fees_description,
    // The contact of the chosen way only.
    referral_phone: values.referral_method === 'phone' ? values.referral_phone : '',
    referral_email: values.referral_method === 'email' ? values.referral_email : '',
    response_business_days: days === null ? 3 : days,
    capacity_available: wholeNumber(values.capacity_available),
  } as ServiceInput;
}

export const serviceResolver = domainResolver<ServiceFormValues, typeof serviceInput>(
  serviceInput,
  toServiceInput,
  serviceIssues,
);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields of `next` that differ from the stored service. */
export function serviceChanges(service: DirectoryService, next: Service): ServiceUpdate {
  const change: Record<string, unknown> = {};
  for (const key of SERVICE_FIELDS) if (!same(next[key], service[key])) change[key] = next[key];
  return change;
}
