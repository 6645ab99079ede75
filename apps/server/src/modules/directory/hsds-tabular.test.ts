import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullService, office, organization, shelter } from '../../test/hsds-fixtures.js';
import { hsdsSchemaDir, validateHsds } from './hsds.js';
import { toHsdsService } from './hsds-export.js';
import { fromHsdsService } from './hsds-import.js';
import { fromTables, parseTables, tableCsv, toTables, TABLE_FILES } from './hsds-tabular.js';

const csvDir = path.resolve(hsdsSchemaDir(), '../examples/csv');

/** Documents → CSV texts → documents, as an export and an import of the tabular form do. */
function throughCsv(docs: Record<string, unknown>[]) {
  const tables = toTables(docs);
  const files = Object.fromEntries(TABLE_FILES.map((t) => [t, tableCsv(t, tables[t] ?? [])]));
  const parsed = parseTables(files);
  expect(parsed.errors).toEqual([]);
  return fromTables(parsed.tables);
}

describe('HSDS tabular form', () => {
  it('reads the official tabular examples into a service document that validates', () => {
    const files = Object.fromEntries(
      fs
        .readdirSync(csvDir)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => [f, fs.readFileSync(path.join(csvDir, f), 'utf8')]),
    );
    const { tables, errors } = parseTables(files);
    expect(errors).toEqual([]);
    const [service] = fromTables(tables);
    expect(validateHsds('service', service)).toEqual([]);
    expect(service).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      minimum_age: 12,
      organization: { id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Organization Inc.' },
      service_at_locations: [
        {
          id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
          location: { id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5' },
        },
      ],
      cost_options: [{ amount: 35, currency: 'gbp' }],
    });
  });

  it('a Senda export goes to tables and back to the same records', () => {
    const doc = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true });
    const [back] = throughCsv([doc as unknown as Record<string, unknown>]);
    expect(validateHsds('service', back)).toEqual([]);
    const again = fromHsdsService(back as never);
    const first = fromHsdsService(structuredClone(doc));
    expect(again.service).toEqual(first.service);
    expect(again.organization).toEqual(first.organization);
    expect(again.locations).toEqual(first.locations);
  });

  it('writes an organization shared by two services once', () => {
    const a = toHsdsService(fullService, organization, [office, shelter], { revealConfidential: true });
    const b = { ...structuredClone(a), id: '0190a000-0000-7000-8000-0000000000ff', service_at_locations: [] };
    const tables = toTables([a, b] as unknown as Record<string, unknown>[]);
    expect(tables['services.csv']).toHaveLength(2);
    expect(tables['organizations.csv']).toHaveLength(1);
  });

  it('names every file that is not an HSDS table or does not parse, and needs services.csv', () => {
    expect(parseTables({ 'servicios.csv': 'id\n1' }).errors).toEqual([
      { path: 'servicios.csv', detail: 'not an HSDS 3.0 table' },
    ]);
    expect(parseTables({ 'services.csv': 'id,name\n"1,x' }).errors[0]?.path).toMatch(/^services\.csv/);
    expect(parseTables({ 'organizations.csv': 'id,name\n1,x\n' }).errors).toEqual([
      { path: 'services.csv', detail: 'missing' },
    ]);
  });
});
