/**
 * Validation against the official Open Referral HSDS 3.0 schemas (vendored in
 * vendor/hsds-3.0/schema, unchanged). The schemas are draft-07-compatible,
 * refer to each other by bare file name and carry HSDS's own keywords (name,
 * path, datapackage_metadata…), which are declared as a vocabulary so Ajv
 * stays strict about everything else. They are compiled once.
 *
 * The modular organization and service_at_location schemas do not describe
 * the nested `services[]` and `service` the API form of HSDS carries; those
 * are validated with the service schema on their own, so nothing nested goes
 * unchecked. Every error is reported with its path (JSON Pointer), never the
 * value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default;
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
/** Keywords of the HSDS schema files that are not JSON Schema. */
const HSDS_KEYWORDS = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'example',
  'core',
  'datapackage_type',
  'tabular_required',
];

export const HSDS_ROOTS = ['organization', 'service', 'location', 'service_at_location'] as const;
export type HsdsRoot = (typeof HSDS_ROOTS)[number];

export interface HsdsError {
  /** JSON Pointer into the document, e.g. `/service_at_locations/0/location/addresses/0/country`. */
  path: string;
  /** The schema rule broken: `required`, `type`, `enum`, `format`… */
  rule: string;
  /** For `required`, the missing property; for `enum`, the allowed values; for `type`, the type. */
  detail: string;
}

export function hsdsSchemaDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../vendor/hsds-3.0/schema');
}

let validators: Map<HsdsRoot, ValidateFunction> | undefined;

function compile(): Map<HsdsRoot, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  const dir = hsdsSchemaDir();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: BASE + file });
  }
  const map = new Map<HsdsRoot, ValidateFunction>();
  for (const root of HSDS_ROOTS) {
    const validate = ajv.getSchema(`${BASE}${root}.json`);
    if (!validate) throw new Error(`HSDS schema ${root}.json is missing`);
    map.set(root, validate);
  }
  return map;
}

function errorsOf(validate: ValidateFunction, doc: unknown, prefix = ''): HsdsError[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    path: prefix + e.instancePath,
    rule: e.keyword,
    detail:
      e.keyword === 'required'
        ? (e.params as { missingProperty: string }).missingProperty
        : e.keyword === 'enum'
          ? (e.params as { allowedValues: unknown[] }).allowedValues.join('|')
          : e.keyword === 'type'
            ? (e.params as { type: string }).type
            : e.keyword === 'format'
              ? (e.params as { format: string }).format
              : '',
  }));
}

/** Every way a document breaks the HSDS 3.0 schema of its root entity (empty when it is valid). */
export function validateHsds(root: HsdsRoot, doc: unknown): HsdsError[] {
  validators ??= compile();
  const own = errorsOf(must(validators.get(root)), doc);
  const service = must(validators.get('service'));
  const record = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  const nested: HsdsError[] = [];
  if (root === 'organization' && Array.isArray(record.services))
    record.services.forEach((s, i) => nested.push(...errorsOf(service, s, `/services/${i}`)));
  if (root === 'service_at_location' && record.service !== undefined)
    nested.push(...errorsOf(service, record.service, '/service'));
  return [...own, ...nested];
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('HSDS validators not compiled');
  return value;
}
