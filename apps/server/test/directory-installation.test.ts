/**
 * The installation's admins, and search pages, on both databases: the first admin of a new
 * installation is one; they manage every organization's directory entries
 * and services, but never change a confidential location they cannot see;
 * an organization's own admin manages only what her organization keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceView } from '@senda/domain';
import { bootstrapIfEmpty } from '../src/modules/organizations/service.js';
import {
  addOrganization,
  addUser,
  createTestEnv,
  must,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

const API = '/api/v1';
let env: TestEnv;
let firstAdmin: Session;
let otherAdmin: Session;
let shelterCoord: Session;
let service: ServiceView;
let location: { id: string };
let shelterEntry: string;

beforeAll(async () => {
  env = await createTestEnv();
  const first = must(await bootstrapIfEmpty(env.ctx));
  firstAdmin = await signIn(env, first.email, first.password);
  const clinic = await addOrganization(env, 'Clínica', 'IMU');
  const shelter = await addOrganization(env, 'Casa Refugio', 'REF');
  await addUser(env, clinic, 'admin', 'admin@imu.test');
  await addUser(env, shelter, 'coordinator', 'coord@ref.test');
  otherAdmin = await signIn(env, 'admin@imu.test');
  shelterCoord = await signIn(env, 'coord@ref.test');
  shelterEntry = (
    await request(env, shelterCoord, 'PUT', `${API}/directory/own-organization`, { name: 'Casa Refugio' })
  ).json<{
    id: string;
  }>().id;
  location = (
    await request(env, shelterCoord, 'POST', `${API}/directory/organizations/${shelterEntry}/locations`, {
      name: 'Casa',
      address_1: 'Calle Secreta 1',
      city: 'Tapachula',
      confidential: true,
      confidential_contact: 'Canaliza por Senda',
    })
  ).json<{ id: string }>();
  service = (
    await request(env, shelterCoord, 'POST', `${API}/directory/organizations/${shelterEntry}/services`, {
      name: 'Albergue',
      categories: ['shelter_housing'],
      referral_method: 'senda',
      location_ids: [location.id],
    })
  ).json<ServiceView>();
});
afterAll(() => env.close());

describe('installation admins', () => {
  it('the first admin of an installation manages every entry', async () => {
    const orgs = (await request(env, firstAdmin, 'GET', `${API}/directory/organizations`)).json<{
      items: { id: string; can_edit: boolean }[];
    }>();
    expect(orgs.items.find((o) => o.id === shelterEntry)?.can_edit).toBe(true);
    const changed = await request(env, firstAdmin, 'PATCH', `${API}/directory/services/${service.id}`, {
      availability: 'full',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<ServiceView>()).toMatchObject({
      availability: 'full',
      organization: { can_edit: true },
    });
    expect(
      (
        await request(env, firstAdmin, 'PATCH', `${API}/directory/organizations/${shelterEntry}`, {
          alternate_name: 'CR',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('but never changes a confidential location it cannot see, nor sees its address', async () => {
    const seen = await request(env, firstAdmin, 'GET', `${API}/directory/locations/${location.id}`);
    expect(seen.json()).toMatchObject({ details_hidden: true, address_1: null });
    const put = await request(env, firstAdmin, 'PUT', `${API}/directory/locations/${location.id}`, {
      name: 'Casa',
      confidential: true,
      confidential_contact: 'Otra cosa',
    });
    expect(put.statusCode).toBe(403);
    expect(
      (await request(env, firstAdmin, 'DELETE', `${API}/directory/locations/${location.id}`)).statusCode,
    ).toBe(403);
  });

  it('an organization’s own admin changes only what her organization keeps', async () => {
    expect(
      (
        await request(env, otherAdmin, 'PATCH', `${API}/directory/services/${service.id}`, {
          availability: 'full',
        })
      ).statusCode,
    ).toBe(403);
    const orgs = (await request(env, otherAdmin, 'GET', `${API}/directory/organizations`)).json<{
      items: { id: string; can_edit: boolean }[];
    }>();
    expect(orgs.items.find((o) => o.id === shelterEntry)?.can_edit).toBe(false);
  });
});

describe('search pages', () => {
  it('walks every service once, in name order, page by page', async () => {
    for (const n of [3, 1, 5, 2, 4])
      expect(
        (
          await request(
            env,
            shelterCoord,
            'POST',
            `${API}/directory/organizations/${shelterEntry}/services`,
            {
              name: `Servicio ${n}`,
              categories: ['legal'],
              referral_method: 'senda',
            },
          )
        ).statusCode,
      ).toBe(201);
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${API}/directory/services?need=legal&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await request(env, otherAdmin, 'GET', url)).json<{
        items: { name: string }[];
        nextCursor: string | null;
      }>();
      names.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(names).toEqual(['Servicio 1', 'Servicio 2', 'Servicio 3', 'Servicio 4', 'Servicio 5']);
    expect(pages).toBe(3);
    const bad = await request(env, otherAdmin, 'GET', `${API}/directory/services?cursor=nope`);
    expect(bad.statusCode).toBe(400);
  });
});
