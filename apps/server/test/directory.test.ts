/**
 * The service directory through the API, on both databases: who reads and who
 * changes entries, search by need, place, language and words, and the
 * confidential location — a shelter's address and phone only for its own
 * organization, the one that keeps its entry, and the users it names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocationView, ServiceView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';
import { hsdsSchemaDir, validateHsds } from '../src/modules/directory/hsds.js';

const API = '/api/v1';
let env: TestEnv;
let clinic: Session;
let clinicLawyer: Session;
let shelterAdmin: Session;
let shelterWorker: Session;
let partner: Session;
let analyst: Session;
let shelterOrg: string;
let shelterLocation: LocationView;
let shelterService: ServiceView;

const SECRET_STREET = 'Calle del Refugio 17';
const SECRET_PHONE = '+52 962 111 2233';

/** The answer, once its status is the expected one. */
function ok(res: Awaited<ReturnType<typeof request>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

beforeAll(async () => {
  env = await createTestEnv();
  const a = await addOrganization(env, 'Clínica', 'IMU');
  const b = await addOrganization(env, 'Casa Refugio', 'REF');
  const c = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, a, 'coordinator', 'coord@imu.test');
  await addUser(env, a, 'lawyer', 'lawyer@imu.test');
  await addUser(env, a, 'analyst', 'analyst@imu.test');
  await addUser(env, b, 'admin', 'admin@ref.test');
  await addUser(env, b, 'social_worker', 'sw@ref.test');
  await addUser(env, c, 'partner', 'partner@ali.test');
  clinic = await signIn(env, 'coord@imu.test');
  clinicLawyer = await signIn(env, 'lawyer@imu.test');
  analyst = await signIn(env, 'analyst@imu.test');
  shelterAdmin = await signIn(env, 'admin@ref.test');
  shelterWorker = await signIn(env, 'sw@ref.test');
  partner = await signIn(env, 'partner@ali.test');

  shelterOrg = ok(
    await request(env, shelterAdmin, 'PUT', `${API}/directory/own-organization`, {
      name: 'Casa Refugio',
      description: 'Albergue para mujeres y sus hijas e hijos',
    }),
  ).json<{ id: string }>().id;
  shelterLocation = ok(
    await request(env, shelterAdmin, 'POST', `${API}/directory/organizations/${shelterOrg}/locations`, {
      name: 'Casa',
      address_1: SECRET_STREET,
      city: 'Tapachula',
      state_province: '07',
      postal_code: '30700',
      phone: SECRET_PHONE,
      confidential: true,
      confidential_contact: 'Canaliza por Senda o llama a la línea 800 000 0000',
    }),
    201,
  ).json<LocationView>();
  shelterService = ok(
    await request(env, shelterAdmin, 'POST', `${API}/directory/organizations/${shelterOrg}/services`, {
      name: 'Albergue temporal',
      description: 'Estancia de hasta 3 meses',
      categories: ['shelter_housing', 'food_basic_needs'],
      genders: ['woman', 'trans_woman'],
      minimum_age: 18,
      languages: ['es', 'ht'],
      service_areas: [{ state: '07', municipality: 'Tapachula' }],
      referral_method: 'senda',
      availability: 'limited',
      capacity_available: 2,
      location_ids: [shelterLocation.id],
    }),
    201,
  ).json<ServiceView>();
});
afterAll(() => env.close());

describe('who reads and who changes the directory', () => {
  it('case staff and partners read it; analysts do not', async () => {
    for (const who of [clinic, clinicLawyer, shelterWorker, partner])
      expect((await request(env, who, 'GET', `${API}/directory/services`)).statusCode).toBe(200);
    expect((await request(env, analyst, 'GET', `${API}/directory/services`)).statusCode).toBe(403);
    expect((await request(env, analyst, 'GET', `${API}/directory/organizations`)).statusCode).toBe(403);
  });

  it('only admins and coordinators of the organization that keeps an entry change it', async () => {
    const service = `${API}/directory/services/${shelterService.id}`;
    for (const who of [clinic, shelterWorker, partner]) {
      expect((await request(env, who, 'PATCH', service, { availability: 'full' })).statusCode).toBe(403);
      expect(
        (await request(env, who, 'PATCH', `${API}/directory/organizations/${shelterOrg}`, { name: 'X' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await request(env, who, 'PUT', `${API}/directory/locations/${shelterLocation.id}`, { name: 'X' }))
          .statusCode,
      ).toBe(403);
    }
    expect(
      (await request(env, clinicLawyer, 'PUT', `${API}/directory/own-organization`, { name: 'X' }))
        .statusCode,
    ).toBe(403);
    const changed = ok(
      await request(env, shelterAdmin, 'PATCH', service, { capacity_available: 1 }),
    ).json<ServiceView>();
    expect(changed).toMatchObject({
      capacity_available: 1,
      availability: 'limited',
      categories: ['shelter_housing', 'food_basic_needs'],
    });
    expect(
      (
        await request(
          env,
          shelterAdmin,
          'GET',
          `${API}/directory/services/00000000-0000-7000-8000-000000000000`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('a clinic keeps entries for organizations outside Senda that it refers to', async () => {
    const external = ok(
      await request(env, clinic, 'POST', `${API}/directory/organizations`, {
        name: 'Centro de Salud Tapachula',
      }),
      201,
    ).json<{ id: string; on_senda: boolean; can_edit: boolean }>();
    expect(external).toMatchObject({ on_senda: false, can_edit: true });
    const created = await request(
      env,
      clinic,
      'POST',
      `${API}/directory/organizations/${external.id}/services`,
      {
        name: 'Consulta médica',
        categories: ['physical_sexual_health'],
        referral_method: 'phone',
      },
    );
    expect(apiError(created).fields).toEqual([{ path: 'referral_phone', code: 'referral_contact_required' }]);
    const service = ok(
      await request(env, clinic, 'POST', `${API}/directory/organizations/${external.id}/services`, {
        name: 'Consulta médica',
        categories: ['physical_sexual_health'],
        referral_method: 'phone',
        referral_phone: '962 000 0000',
        service_areas: [{ state: '07' }],
        minimum_age: 12,
        maximum_age: 60,
      }),
      201,
    ).json<ServiceView>();
    expect(service.organization).toMatchObject({ name: 'Centro de Salud Tapachula', on_senda: false });
    expect(
      apiError(
        await request(env, clinic, 'PATCH', `${API}/directory/services/${service.id}`, { maximum_age: 10 }),
      ).fields,
    ).toEqual([{ path: 'maximum_age', code: 'age_range_reversed' }]);
    // A referral inside Senda reaches only an organization on Senda.
    expect(
      apiError(
        await request(env, clinic, 'PATCH', `${API}/directory/services/${service.id}`, {
          referral_method: 'senda',
        }),
      ).fields,
    ).toEqual([{ path: 'referral_method', code: 'referral_not_on_senda' }]);
    // A service is offered only at its own organization's locations.
    expect(
      apiError(
        await request(env, clinic, 'PATCH', `${API}/directory/services/${service.id}`, {
          location_ids: [shelterLocation.id],
        }),
      ).fields,
    ).toEqual([{ path: 'location_ids.0', code: 'location_not_found' }]);
  });
});

describe('search', () => {
  const found = async (query: string) =>
    ok(await request(env, partner, 'GET', `${API}/directory/services?${query}`))
      .json<{ items: ServiceView[] }>()
      .items.map((s) => s.name);

  it('by need, place, language and words, ignoring accents and case', async () => {
    expect(await found('need=shelter_housing')).toEqual(['Albergue temporal']);
    expect(await found('need=legal')).toEqual([]);
    expect(await found('state=07&municipality=TAPACHULA')).toEqual(['Albergue temporal', 'Consulta médica']);
    expect(await found('state=07&municipality=Tuxtla%20Guti%C3%A9rrez')).toEqual(['Consulta médica']);
    expect(await found('state=09')).toEqual([]);
    expect(await found('language=ht')).toEqual(['Albergue temporal']);
    expect(await found('q=MEDICA')).toEqual(['Consulta médica']);
    expect(await found('q=estancia&need=food_basic_needs')).toEqual(['Albergue temporal']);
    // Words also find a service by its organization's name, also after the organization is renamed.
    expect(await found('q=casa%20refugio')).toEqual(['Albergue temporal']);
    ok(
      await request(env, shelterAdmin, 'PATCH', `${API}/directory/organizations/${shelterOrg}`, {
        name: 'Casa Esperanza',
      }),
    );
    expect(await found('q=esperanza')).toEqual(['Albergue temporal']);
    expect(await found('q=casa%20refugio')).toEqual([]);
    expect(await found(`organization=${shelterOrg}`)).toEqual(['Albergue temporal']);
    const bad = await request(env, partner, 'GET', `${API}/directory/services?municipality=Tapachula`);
    expect(apiError(bad).fields).toEqual([{ path: 'municipality', code: 'municipality_without_state' }]);
  });
});

describe('a confidential location', () => {
  const seen = async (who: Session) =>
    ok(
      await request(env, who, 'GET', `${API}/directory/locations/${shelterLocation.id}`),
    ).json<LocationView>();

  it('hides its address and phone from other organizations, everywhere', async () => {
    for (const who of [clinic, clinicLawyer, partner]) {
      const location = await seen(who);
      expect(location).toMatchObject({
        confidential: true,
        details_hidden: true,
        address_1: null,
        postal_code: null,
        phone: null,
        latitude: null,
        city: 'Tapachula',
        confidential_contact: 'Canaliza por Senda o llama a la línea 800 000 0000',
      });
      const search = await request(env, who, 'GET', `${API}/directory/services?need=shelter_housing`);
      const service = await request(env, who, 'GET', `${API}/directory/services/${shelterService.id}`);
      const list = await request(env, who, 'GET', `${API}/directory/organizations/${shelterOrg}/locations`);
      for (const res of [search, service, list]) {
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(SECRET_STREET);
        expect(res.body).not.toContain(SECRET_PHONE);
      }
    }
  });

  it('shows them to its own organization, and to the users it names until it removes them', async () => {
    expect(await seen(shelterWorker)).toMatchObject({
      details_hidden: false,
      address_1: SECRET_STREET,
      phone: SECRET_PHONE,
    });
    const access = `${API}/directory/locations/${shelterLocation.id}/access`;
    expect((await request(env, clinic, 'POST', access, { email: 'lawyer@imu.test' })).statusCode).toBe(403);
    expect(
      apiError(await request(env, shelterAdmin, 'POST', access, { email: 'nobody@imu.test' })).fields,
    ).toEqual([{ path: 'email', code: 'user_not_found' }]);
    expect((await request(env, shelterAdmin, 'POST', access, { email: 'lawyer@imu.test' })).statusCode).toBe(
      204,
    );
    expect(await seen(clinicLawyer)).toMatchObject({ details_hidden: false, address_1: SECRET_STREET });
    expect(await seen(clinic)).toMatchObject({ details_hidden: true, address_1: null });
    const named = ok(await request(env, shelterAdmin, 'GET', access)).json<{
      items: { user_id: string; organization: string }[];
    }>();
    expect(named.items).toMatchObject([{ user_id: clinicLawyer.userId, organization: 'Clínica' }]);
    expect((await request(env, shelterAdmin, 'DELETE', `${access}/${clinicLawyer.userId}`)).statusCode).toBe(
      204,
    );
    expect(await seen(clinicLawyer)).toMatchObject({ details_hidden: true, address_1: null });
  });

  it('is sealed at rest, and needs a contact path', async () => {
    const rows = await env.ctx.db.selectFrom('dir_locations').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(SECRET_STREET);
    expect(JSON.stringify(rows)).not.toContain(SECRET_PHONE);
    const res = await request(
      env,
      shelterAdmin,
      'POST',
      `${API}/directory/organizations/${shelterOrg}/locations`,
      {
        name: 'Otra casa',
        confidential: true,
      },
    );
    expect(apiError(res).fields).toEqual([
      { path: 'confidential_contact', code: 'confidential_contact_required' },
    ]);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', shelterLocation.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'directory.location.create',
        'directory.location.grant',
        'directory.location.revoke',
      ]),
    );
    expect(must(shelterService.locations[0]).id).toBe(shelterLocation.id);
  });
});

describe('HSDS 3.0 import and export', () => {
  const example = () =>
    JSON.parse(
      fs.readFileSync(path.resolve(hsdsSchemaDir(), '../examples/service_full.json'), 'utf8'),
    ) as Record<string, unknown>;
  const counts = async () =>
    Promise.all(
      (['dir_organizations', 'dir_services', 'dir_locations'] as const).map(
        async (t) =>
          (
            await env.ctx.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
      ),
    );

  it('exports the directory as an HSDS page whose documents validate, without a shelter address for outsiders', async () => {
    for (const who of [clinic, shelterWorker]) {
      const res = await request(env, who, 'GET', `${API}/directory/hsds/services`);
      const page = ok(res).json<{ total_items: number; contents: unknown[] }>();
      expect(page.total_items).toBe(page.contents.length);
      for (const doc of page.contents) expect(validateHsds('service', doc)).toEqual([]);
      expect(res.body.includes(SECRET_STREET)).toBe(who === shelterWorker);
      expect(res.body.includes(SECRET_PHONE)).toBe(who === shelterWorker);
    }
    expect((await request(env, analyst, 'GET', `${API}/directory/hsds/services`)).statusCode).toBe(403);
  });

  it('imports the official example, kept by the importing organization, with warnings for what Senda does not keep', async () => {
    const lawyerTry = await request(env, clinicLawyer, 'POST', `${API}/directory/hsds/import`, {
      contents: [example()],
    });
    expect(lawyerTry.statusCode, lawyerTry.body).toBe(403);
    const answer = ok(
      await request(env, clinic, 'POST', `${API}/directory/hsds/import`, { contents: [example()] }),
    ).json<{
      imported: { services: number };
      warnings: { document: number; code: string; field: string }[];
    }>();
    expect(answer.imported.services).toBe(1);
    expect(answer.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 0, code: 'defaulted', field: 'categories' }),
      ]),
    );
    const id = example().id as string;
    const service = ok(
      await request(env, clinic, 'GET', `${API}/directory/services/${id}`),
    ).json<ServiceView>();
    expect(service).toMatchObject({ name: example().name, categories: ['other'] });
    expect(service.organization.can_edit).toBe(true);
    // Importing it again updates the same records; another organization may not overwrite them.
    ok(await request(env, clinic, 'POST', `${API}/directory/hsds/import`, { contents: [example()] }));
    const before = await counts();
    const refused = await request(env, shelterAdmin, 'POST', `${API}/directory/hsds/import`, {
      contents: [example()],
    });
    expect(apiError(refused).fields?.map((f) => f.code)).toContain('not_yours');
    expect(await counts()).toEqual(before);
  });

  it('refuses a file with errors whole, naming every error by document and path, and changes nothing', async () => {
    const before = await counts();
    const good = { ...example(), id: '0190b000-0000-7000-8000-0000000000aa', organization: undefined };
    const bad = { ...example(), id: 42, status: 'bogus' };
    const res = await request(env, clinic, 'POST', `${API}/directory/hsds/import`, {
      contents: [JSON.parse(JSON.stringify(good)), bad, { name: 'sin id' }],
    });
    const fields = apiError(res).fields ?? [];
    expect(res.statusCode).toBe(400);
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'contents.1/id', code: 'hsds_invalid', params: { rule: 'type', detail: 'string' } },
        {
          path: 'contents.1/status',
          code: 'hsds_invalid',
          params: { rule: 'enum', detail: 'active|inactive|defunct|temporarily closed' },
        },
        { path: 'contents.2', code: 'hsds_invalid', params: { rule: 'required', detail: 'id' } },
        { path: 'contents.2', code: 'hsds_invalid', params: { rule: 'required', detail: 'status' } },
      ]),
    );
    expect(fields.some((f) => f.path.startsWith('contents.0'))).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
