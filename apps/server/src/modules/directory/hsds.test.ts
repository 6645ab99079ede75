import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hsdsSchemaDir, validateHsds, type HsdsRoot } from './hsds.js';

const examples = path.resolve(hsdsSchemaDir(), '../examples');
const example = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8')) as Record<string, unknown>;

describe('HSDS 3.0 validation', () => {
  it.each([
    ['organization', 'organization_full.json'],
    ['service', 'service_full.json'],
    ['location', 'location.json'],
    ['service_at_location', 'service_at_location_full.json'],
  ] as [HsdsRoot, string][])('the official example of a %s is valid', (root, file) => {
    expect(validateHsds(root, example(file))).toEqual([]);
  });

  it('every item of the official list examples is valid', () => {
    for (const [root, file] of [
      ['organization', 'organization_list.json'],
      ['service', 'service_list.json'],
      ['service_at_location', 'service_at_location_list.json'],
    ] as [HsdsRoot, string][]) {
      const contents = example(file).contents as unknown[];
      expect(contents.length).toBeGreaterThan(0);
      for (const item of contents) expect(validateHsds(root, item)).toEqual([]);
    }
  });

  it('reports every error with its path, nested services included, never the value', () => {
    const org = example('organization_full.json');
    const services = org.services as Record<string, unknown>[];
    const broken = {
      ...org,
      name: undefined,
      email: 'not an e-mail',
      services: [{ ...services[0], id: 42, status: 'bogus' }],
    };
    const errors = validateHsds('organization', JSON.parse(JSON.stringify(broken)));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '', rule: 'required', detail: 'name' },
        { path: '/email', rule: 'format', detail: 'email' },
        { path: '/services/0/id', rule: 'type', detail: 'string' },
        { path: '/services/0/status', rule: 'enum', detail: 'active|inactive|defunct|temporarily closed' },
      ]),
    );
    expect(JSON.stringify(errors)).not.toContain('not an e-mail');
  });

  it('refuses what is not a record at all', () => {
    expect(validateHsds('service', null)).toEqual([{ path: '', rule: 'type', detail: 'object' }]);
    expect(validateHsds('location', [])).toEqual([{ path: '', rule: 'type', detail: 'object' }]);
  });
});
