/**
 * The directory in HSDS's tabular form through the API, on both databases:
 * the export is a ZIP of CSV tables that imports back to the same entries; a
 * table with errors changes nothing and names every error by CSV row and
 * path; a large import reports its progress as it goes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
let env: TestEnv;
let clinic: Session;
let lawyer: Session;

beforeAll(async () => {
  env = await createTestEnv();
  const a = await addOrganization(env, 'Clínica', 'IMU');
  await addUser(env, a, 'coordinator', 'coord@imu.test');
  await addUser(env, a, 'lawyer', 'lawyer@imu.test');
  clinic = await signIn(env, 'coord@imu.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  const org = await request(env, clinic, 'POST', `${API}/directory/organizations`, {
    name: 'Centro de Salud',
  });
  expect(org.statusCode).toBe(201);
  const service = await request(
    env,
    clinic,
    'POST',
    `${API}/directory/organizations/${org.json<{ id: string }>().id}/services`,
    {
      name: 'Consulta, "general" y ginecológica',
      categories: ['physical_sexual_health'],
      languages: ['es', 'ht'],
      minimum_age: 15,
      accepts_children: true,
      service_areas: [{ state: '07', municipality: 'Tapachula' }],
      referral_method: 'phone',
      referral_phone: '+52 962 000 1111',
    },
  );
  expect(service.statusCode, service.body).toBe(201);
});
afterAll(() => env.close());

async function exportZip(): Promise<Record<string, string>> {
  const res = await env.app.inject({
    method: 'GET',
    url: `${API}/directory/hsds/tabular`,
    headers: { cookie: clinic.cookie },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  return Object.fromEntries(
    Object.entries(unzipSync(res.rawPayload)).map(([name, data]) => [name, strFromU8(data)]),
  );
}

const services = async () =>
  (await request(env, clinic, 'GET', `${API}/directory/services`)).json<{
    items: Record<string, unknown>[];
  }>().items;

describe('HSDS tabular', () => {
  it('exports a ZIP of CSV tables that imports back to the same entries', async () => {
    const files = await exportZip();
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['datapackage.json', 'services.csv', 'organizations.csv', 'attributes.csv']),
    );
    expect(files['services.csv']?.split('\n')[0]).toMatch(/^id,organization_id,program_id,name,/);
    expect(files['services.csv']).toContain('"Consulta, ""general"" y ginecológica"');
    const before = await services();

    const asTables = await request(env, clinic, 'POST', `${API}/directory/hsds/import`, { tables: files });
    expect(asTables.statusCode, asTables.body).toBe(200);
    expect(asTables.json()).toMatchObject({ imported: { services: 1, organizations: 1 } });
    const zipped = Buffer.from(
      zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))),
    ).toString('base64');
    expect(
      (await request(env, clinic, 'POST', `${API}/directory/hsds/import`, { zip: zipped })).statusCode,
    ).toBe(200);
    const after = await services();
    const strip = (items: Record<string, unknown>[]) => items.map(({ updated_at: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });

  it('a table with errors changes nothing and names each error by CSV row and path', async () => {
    const files = await exportZip();
    const before = await services();
    const broken = (files['services.csv'] ?? '').replace(',active,', ',bogus,');
    const res = await request(env, clinic, 'POST', `${API}/directory/hsds/import`, {
      tables: { ...files, 'services.csv': broken, 'notes.csv': 'id\n1' },
    });
    expect(res.statusCode).toBe(400);
    expect(apiError(res).fields).toEqual([
      {
        path: 'tables.notes.csv',
        code: 'hsds_invalid',
        params: { rule: 'tabular', detail: 'not an HSDS 3.0 table' },
      },
    ]);
    const bad = await request(env, clinic, 'POST', `${API}/directory/hsds/import`, {
      tables: { ...files, 'services.csv': broken },
    });
    expect(apiError(bad).fields).toContainEqual(
      expect.objectContaining({ path: 'tables.services.csv:2/status', code: 'hsds_invalid' }),
    );
    const notZip = await request(env, clinic, 'POST', `${API}/directory/hsds/import`, {
      zip: Buffer.from('hola').toString('base64'),
    });
    expect(apiError(notZip).fields?.[0]?.path).toBe('tables.zip');
    expect(await services()).toEqual(before);
    expect(
      (await request(env, lawyer, 'POST', `${API}/directory/hsds/import`, { tables: files })).statusCode,
    ).toBe(403);
  });

  it('reports progress line by line when asked, and ends with the result or the errors', async () => {
    const files = await exportZip();
    const run = async (body: unknown) => {
      const res = await env.app.inject({
        method: 'POST',
        url: `${API}/directory/hsds/import`,
        headers: {
          cookie: clinic.cookie,
          'x-csrf-token': clinic.csrf,
          accept: 'application/x-ndjson',
          'content-type': 'application/json',
        },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/x-ndjson');
      return res.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const lines = await run({ tables: files });
    expect(lines[0]).toEqual({ phase: 'checking', done: 0, total: 1 });
    expect(lines).toContainEqual({ phase: 'writing', done: 1, total: 1 });
    expect(lines.at(-1)).toMatchObject({ result: { imported: { services: 1 } } });
    const failed = await run({ contents: [{ name: 'sin id' }] });
    expect(failed.at(-1)).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
