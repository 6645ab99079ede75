/**
 * HSDS 3.0's tabular form: one CSV file per table (services.csv,
 * organizations.csv, locations.csv, service_at_location.csv, addresses.csv,
 * phones.csv…), rows linked by the `<entity>_id` columns (and, for
 * attributes, `link_id` and `link_entity`). Converted to and from the nested
 * `service` documents the JSON import and export use, so both forms go through
 * the same checks. The structure is read from the official schemas
 * themselves: every scalar property is a column (in the schema's order), an
 * array of `$ref` is a child table, a single `$ref` a linked row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { hsdsSchemaDir } from './hsds.js';

/** The file of each entity's table, as in the official tabular examples. */
export const TABLE_OF: Record<string, string> = {
  organization: 'organizations.csv',
  service: 'services.csv',
  location: 'locations.csv',
  service_at_location: 'service_at_location.csv',
  address: 'addresses.csv',
  phone: 'phones.csv',
  language: 'languages.csv',
  service_area: 'service_areas.csv',
  required_document: 'required_documents.csv',
  attribute: 'attributes.csv',
  taxonomy_term: 'taxonomy_terms.csv',
  taxonomy: 'taxonomies.csv',
  cost_option: 'cost_options.csv',
  schedule: 'schedules.csv',
  contact: 'contacts.csv',
  funding: 'funding.csv',
  program: 'programs.csv',
  accessibility: 'accessibility.csv',
  organization_identifier: 'organization_identifiers.csv',
  metadata: 'metadata.csv',
  meta_table_description: 'meta_table_descriptions.csv',
};
const ENTITY_OF = Object.fromEntries(Object.entries(TABLE_OF).map(([e, t]) => [t, e]));
export const TABLE_FILES = Object.values(TABLE_OF);

/** Arrays the tabular form does not nest inside a service document (they would pull in the whole organization). */
const NOT_NESTED = new Set(['organization.locations', 'organization.programs']);
/** The link columns a child row may carry, nearest owner first: a phone of a contact is not the service's phone. */
const OWNER_ORDER = ['contact', 'phone', 'service_at_location', 'location', 'service', 'organization'];
/** A single linked row's id column, where it is not `<entity>_id`. */
const LINK_COLUMN: Record<string, string> = { taxonomy_detail: 'taxonomy_id' };

type Kind = 'string' | 'number' | 'integer' | 'boolean';
interface EntityShape {
  columns: { name: string; kind: Kind }[];
  arrays: { prop: string; entity: string }[];
  objects: { prop: string; entity: string; column: string }[];
}

let shapes: Map<string, EntityShape> | undefined;

function loadShapes(): Map<string, EntityShape> {
  const map = new Map<string, EntityShape>();
  for (const entity of Object.keys(TABLE_OF)) {
    const file = path.join(hsdsSchemaDir(), `${entity}.json`);
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      properties: Record<string, { type?: string; $ref?: string; items?: { $ref?: string } }>;
    };
    const shape: EntityShape = { columns: [], arrays: [], objects: [] };
    for (const [prop, def] of Object.entries(schema.properties)) {
      const ref = def.type === 'array' ? def.items?.$ref : def.$ref;
      const child = ref?.replace(/\.json$/, '');
      if (def.type === 'array' && child) shape.arrays.push({ prop, entity: child });
      else if (child) shape.objects.push({ prop, entity: child, column: LINK_COLUMN[prop] ?? `${child}_id` });
      else shape.columns.push({ name: prop, kind: (def.type ?? 'string') as Kind });
    }
    map.set(entity, shape);
  }
  return map;
}

function shapeOf(entity: string): EntityShape {
  shapes ??= loadShapes();
  const shape = shapes.get(entity);
  if (!shape) throw new Error(`no HSDS table for ${entity}`);
  return shape;
}

type Row = Record<string, string>;
type Doc = Record<string, unknown>;
export type Tables = Record<string, Row[]>;

function cell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

// ---------------------------------------------------------------- export

/** Service documents → rows of every table (a row shared by several services appears once). */
export function toTables(services: readonly Doc[]): Tables {
  const tables: Tables = Object.fromEntries(TABLE_FILES.map((t) => [t, []]));
  const seen = new Set<string>();
  // Rows reached through a link (an organization, a location, a taxonomy term) are shared: written once.
  const put = (entity: string, doc: Doc, owner: { entity: string; id: string } | null) => {
    const shape = shapeOf(entity);
    const row: Row = {};
    for (const c of shape.columns) row[c.name] = cell(doc[c.name]);
    if (owner) {
      if (entity === 'attribute') {
        row.link_id ||= owner.id;
        row.link_entity ||= owner.entity;
      } else if (`${owner.entity}_id` in row) row[`${owner.entity}_id`] ||= owner.id;
    }
    for (const o of shape.objects) {
      const child = doc[o.prop] as Doc | undefined;
      if (!child || typeof child !== 'object') continue;
      if (o.column in row) row[o.column] ||= cell(child.id);
      put(o.entity, child, null);
    }
    const key = `${entity}:${row.id ?? ''}`;
    if (owner) tables[TABLE_OF[entity] ?? '']?.push(row);
    else if (!seen.has(key)) {
      seen.add(key);
      tables[TABLE_OF[entity] ?? '']?.push(row);
    } else return;
    for (const a of shape.arrays) {
      if (NOT_NESTED.has(`${entity}.${a.prop}`)) continue;
      const children = doc[a.prop];
      if (!Array.isArray(children)) continue;
      for (const child of children as Doc[]) put(a.entity, child, { entity, id: cell(doc.id) });
    }
  };
  for (const service of services) put('service', service, null);
  return tables;
}

/** One table as CSV text, with every column of its schema as the header. */
export function tableCsv(file: string, rows: readonly Row[]): string {
  const columns = shapeOf(ENTITY_OF[file] ?? '').columns.map((c) => c.name);
  return stringify(rows as Row[], { header: true, columns });
}

/** A Frictionless data package naming the tables (what HSDS's tabular form ships with). */
export function dataPackage(): string {
  return JSON.stringify(
    {
      name: 'senda-directorio-hsds',
      profile: 'tabular-data-package',
      resources: TABLE_FILES.map((t) => ({
        name: t.replace(/\.csv$/, ''),
        path: t,
        profile: 'tabular-data-resource',
      })),
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------- import

export interface TableError {
  path: string;
  detail: string;
}

/** Parse CSV texts by file name; every file that is not an HSDS table or does not parse is an error. */
export function parseTables(files: Record<string, string>): { tables: Tables; errors: TableError[] } {
  const tables: Tables = {};
  const errors: TableError[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.basename(name).toLowerCase();
    if (file === 'datapackage.json') continue;
    if (!ENTITY_OF[file]) {
      errors.push({ path: name, detail: 'not an HSDS 3.0 table' });
      continue;
    }
    try {
      const rows: Row[] = parse(text.replace(/^\uFEFF/, ''), {
        columns: true,
        skip_empty_lines: true,
        relax_column_count: false,
      });
      tables[file] = rows;
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      errors.push({ path: line ? `${file}:${line}` : file, detail: 'the CSV cannot be read' });
    }
  }
  if (!errors.length && !tables['services.csv']) errors.push({ path: 'services.csv', detail: 'missing' });
  return { tables, errors };
}

function coerce(value: string, kind: Kind): unknown {
  if (kind === 'number' || kind === 'integer') {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

/** The entity and id that own a child row: its nearest link column that is filled in. */
function ownerOf(entity: string, row: Row): string | null {
  // Attributes name their owner by id alone (ids are unique across tables).
  if (entity === 'attribute') return row.link_id ? `*:${row.link_id}` : null;
  // A column that links the row to an object of its own (a service_at_location's location) does not own it.
  const links = new Set(shapeOf(entity).objects.map((o) => o.column));
  for (const owner of OWNER_ORDER) {
    if (owner === entity || links.has(`${owner}_id`)) continue;
    const id = row[`${owner}_id`];
    if (id) return `${owner}:${id}`;
  }
  return null;
}

/** Rows of every table → one `service` document per row of services.csv, in file order. */
export function fromTables(tables: Tables): Doc[] {
  const byId = new Map<string, Row>();
  const byOwner = new Map<string, Row[]>();
  for (const [file, rows] of Object.entries(tables)) {
    const entity = ENTITY_OF[file] ?? '';
    for (const row of rows) {
      if (row.id) byId.set(`${entity}:${row.id}`, row);
      const owner = ownerOf(entity, row);
      if (owner) {
        const key = `${entity}<${owner}`;
        byOwner.set(key, [...(byOwner.get(key) ?? []), row]);
      }
    }
  }
  const build = (entity: string, row: Row, depth: number): Doc => {
    const shape = shapeOf(entity);
    const doc: Doc = {};
    for (const c of shape.columns) {
      const value = row[c.name];
      if (value !== undefined && value !== '') doc[c.name] = coerce(value, c.kind);
    }
    if (depth > 6) return doc;
    for (const o of shape.objects) {
      const linked = row[o.column] ? byId.get(`${o.entity}:${row[o.column]}`) : undefined;
      if (linked) doc[o.prop] = build(o.entity, linked, depth + 1);
    }
    for (const a of shape.arrays) {
      if (NOT_NESTED.has(`${entity}.${a.prop}`)) continue;
      const owner = a.entity === 'attribute' ? '*' : entity;
      const children = row.id ? byOwner.get(`${a.entity}<${owner}:${row.id}`) : undefined;
      if (!children?.length) continue;
      // Nested, the link to the owner is implied: the JSON form leaves it out.
      const link = a.entity === 'attribute' ? 'link_id' : `${entity}_id`;
      doc[a.prop] = children.map((child) =>
        Object.fromEntries(
          Object.entries(build(a.entity, child, depth + 1)).filter(([k, v]) => k !== link || v !== row.id),
        ),
      );
    }
    return doc;
  };
  return (tables['services.csv'] ?? []).map((row) => build('service', row, 0));
}
