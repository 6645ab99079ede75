/**
 * Pure mapping between Senda's directory records and Open Referral HSDS 3.0
 * `service` documents (the `service_full.json` shape). No I/O.
 *
 * Export: HSDS fields carry what HSDS has; what it lacks (categories,
 * eligibility by gender and nationality, how to refer, availability, response
 * time, opening hours in words, the confidential flag) travels as attributes
 * with terms of a `senda` taxonomy, so a Senda↔Senda import restores them.
 * Every child gets a UUIDv5 id derived from its parent, so re-exporting the
 * same record gives the same document. A confidential location, unless the
 * viewer may see it, goes out without address, coordinates or phone: its
 * description is the contact path it gives instead.
 *
 * Import: the inverse for Senda's own documents, a best effort for foreign
 * ones. Whatever does not fit Senda's domain becomes a warning, never an
 * exception, and the records always parse with the domain schemas.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { directoryOrganizationInput, locationInput, serviceInput } from '@senda/domain';

export interface DirOrganization extends z.output<typeof directoryOrganizationInput> {
  id: string;
}
export interface DirService extends Omit<z.output<typeof serviceInput>, 'location_ids'> {
  id: string;
  organization_id: string;
  location_ids: string[];
}
export interface DirLocation extends z.output<typeof locationInput> {
  id: string;
  organization_id: string;
}

/** Service texts with the same name and meaning in Senda and HSDS. */
export const SERVICE_TEXTS = [
  'alternate_name',
  'description',
  'url',
  'email',
  'interpretation_services',
  'application_process',
  'fees_description',
  'eligibility_description',
  'alert',
] as const;

export type Texts<K extends string> = Partial<Record<K, string>>;

/** The part of HSDS 3.0 this module writes and reads; other properties are ignored (and reported). */
export interface HsdsTaxonomyTerm extends Texts<'code' | 'taxonomy'> {
  id: string;
  name: string;
  description: string;
}
export interface HsdsAttribute extends Texts<
  'link_id' | 'link_entity' | 'link_type' | 'taxonomy_term_id' | 'value'
> {
  id: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}
export interface HsdsPhone {
  id: string;
  number: string;
}
export interface HsdsAddress extends Record<
  'address_1' | 'city' | 'state_province' | 'postal_code' | 'country',
  string
> {
  id: string;
  address_type: string;
  address_2?: string;
}
export interface HsdsLocation extends Texts<'organization_id' | 'name' | 'alternate_name' | 'description'> {
  id: string;
  location_type: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
  phones?: HsdsPhone[];
  attributes?: HsdsAttribute[];
}
export interface HsdsOrganization extends Texts<'alternate_name' | 'email' | 'website'> {
  id: string;
  name: string;
  description: string;
  phones?: HsdsPhone[];
}
export interface HsdsService extends Texts<(typeof SERVICE_TEXTS)[number] | 'organization_id'> {
  id: string;
  name: string;
  status: string;
  minimum_age?: number;
  maximum_age?: number;
  organization?: HsdsOrganization;
  languages?: { id: string; code?: string; name?: string }[];
  required_documents?: { id: string; document?: string }[];
  service_areas?: { id: string; name?: string; extent_type?: string }[];
  cost_options?: { id: string; option?: string; currency?: string; amount?: number }[];
  phones?: HsdsPhone[];
  schedules?: { id: string; description?: string }[];
  service_at_locations?: { id: string; location?: HsdsLocation }[];
  attributes?: HsdsAttribute[];
}

/** Fixed namespace of Senda's derived ids (taxonomy terms, and parents that are not UUIDs). */
export const SENDA_NAMESPACE = '7370e78c-8e4f-43cd-9381-63709e91db5a';

/** RFC 4122 UUIDv5 of `name` under the `parent` UUID: the same inputs always give the same id. */
export function stableUuid(parent: string, name: string): string {
  const hex = parent.replace(/^urn:uuid:/i, '').replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return stableUuid(SENDA_NAMESPACE, `${parent}/${name}`);
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------- attributes

/** The Senda-only dimensions, as `link_type` = `senda:<dimension>`, with their term description. */
export const DIMENSIONS = {
  category: 'Ámbito de necesidad que atiende el servicio',
  gender: 'Identidad de género a la que se dirige el servicio',
  nationality: 'Nacionalidad a la que se dirige el servicio (ISO 3166-1)',
  referral_method: 'Cómo se canaliza a una persona al servicio',
  referral_phone: 'Teléfono para canalizaciones',
  referral_email: 'Correo electrónico para canalizaciones',
  availability: 'Disponibilidad actual del servicio',
  capacity_available: 'Lugares disponibles',
  response_business_days: 'Días hábiles en que el servicio responde a una canalización',
  schedule_description: 'Horario de atención',
  accepts_children: 'Recibe a la mujer con sus hijas e hijos (true/false)',
  confidential_location: 'Ubicación confidencial: la dirección sólo se da a quien la organización autoriza',
} as const;
export type Dimension = keyof typeof DIMENSIONS;

/** An enumerated value (`code`) or, with `value`, a scalar whose term is the dimension itself. */
export function attribute(linkId: string, entity: string, dim: Dimension, code: string, value?: string) {
  const term = { id: stableUuid(SENDA_NAMESPACE, `term:${dim}:${code}`), name: code, code };
  return omitEmpty({
    id: stableUuid(linkId, `attribute:${dim}:${code}`),
    link_id: linkId,
    link_entity: entity,
    link_type: `senda:${dim}`,
    taxonomy_term_id: term.id,
    value,
    taxonomy_term: { ...term, description: DIMENSIONS[dim], taxonomy: 'senda' },
  });
}

/** A scalar's term is its dimension; an empty or null scalar is left out, as HSDS has no null. */
export const scalarAttribute = (
  linkId: string,
  entity: string,
  dim: Dimension,
  value: string | number | null,
) => (value === null || value === '' ? [] : [attribute(linkId, entity, dim, dim, String(value))]);

/** HSDS rejects null and the formatted fields reject ''; the official examples carry no empty arrays either. */
export function omitEmpty<T extends object>(record: T): T {
  const empty = (v: unknown) => v === '' || v == null || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(Object.entries(record).filter(([, v]) => !empty(v))) as T;
}
