/**
 * Workshops, on both databases: their materials (typed by their bytes,
 * served as attachments, refused with a code on the file field), and who may
 * reach them — every case role of the organization; analysts and partners
 * refused (403); another organization finds nothing (404); 401 without a
 * session; writes without the CSRF token refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopListView, WorkshopView } from '@senda/domain';
import { apiError, must, request, unknownId, type Session, type TestEnv } from './harness.js';
import {
  API,
  CASE_ROLES,
  EXE,
  LIMIT,
  PDF,
  auditEntries,
  buildWorld,
  codes,
  createWorkshop,
  uploadMaterial,
  workshop,
  type UploadFile,
  type WorkshopWorld,
} from './workshop-fixtures.js';

let env: TestEnv;
let staff: WorkshopWorld['staff'];
let otherAdmin: Session;
const create = (who: Session, overrides: Record<string, unknown> = {}) => createWorkshop(env, who, overrides);
const upload = (
  who: Session | null,
  workshopId: string,
  fields: Record<string, string>,
  file?: UploadFile,
  csrf?: boolean,
) => uploadMaterial(env, who, workshopId, fields, file, csrf);

beforeAll(async () => {
  ({ env, staff, otherAdmin } = await buildWorld());
});
afterAll(() => env.close());

const auditOf = (action: string, id: string) => auditEntries(env, action, id);

describe('materials', () => {
  let workshopId: string;
  beforeAll(async () => {
    workshopId = (await create(staff.lawyer)).id;
  });

  it('keeps a PDF typed by its bytes and serves it back as an attachment', async () => {
    const res = await upload(
      staff.lawyer,
      workshopId,
      {},
      { name: 'programa del taller.pdf', type: 'application/octet-stream', data: PDF },
    );
    expect(res.statusCode, res.body).toBe(201);
    const material = res.json<{
      id: string;
      fileName: string;
      mediaType: string;
      size: number;
      uploadedBy: string;
    }>();
    expect(material).toMatchObject({
      fileName: 'programa del taller.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      uploadedBy: 'lawyer lawyer',
    });
    const file = await env.app.inject({
      method: 'GET',
      url: `${API}/workshops/${workshopId}/materials/${material.id}`,
      headers: { cookie: staff.intake.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // The name as uploaded, and a plain fallback for old browsers.
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="material.pdf"; filename*=UTF-8''programa%20del%20taller.pdf`,
    );
    expect(file.headers['cache-control']).toBe('private, no-store');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const view = (
      await request(env, staff.intake, 'GET', `${API}/workshops/${workshopId}`)
    ).json<WorkshopView>();
    expect(view.materials.map((m) => m.id)).toEqual([material.id]);
    const list = (await request(env, staff.intake, 'GET', `${API}/workshops`)).json<WorkshopListView>();
    expect(list.items.find((w) => w.id === workshopId)?.materialCount).toBe(1);
    expect(await auditOf('workshop.material.create', material.id)).toHaveLength(1);

    const url = `${API}/workshops/${workshopId}/materials/${material.id}`;
    expect((await request(env, staff.admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await request(env, staff.admin, 'GET', url)).statusCode).toBe(404);
    expect((await request(env, staff.admin, 'DELETE', url)).statusCode).toBe(404);
    expect(await auditOf('workshop.material.delete', material.id)).toHaveLength(1);
  });

  it('refuses what is not an accepted file, with the code on the file field', async () => {
    const exe = await upload(
      staff.lawyer,
      workshopId,
      {},
      { name: 'programa.pdf', type: 'application/pdf', data: EXE },
    );
    expect(exe.statusCode).toBe(415);
    expect(codes(exe)).toEqual(['file:file_type_not_allowed']);
    const empty = await upload(
      staff.lawyer,
      workshopId,
      {},
      { name: 'vacío.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
    );
    expect(codes(empty)).toEqual(['file:file_empty']);
    expect(codes(await upload(staff.lawyer, workshopId, {}))).toEqual(['file:file_required']);
    const extra = await upload(
      staff.lawyer,
      workshopId,
      { note: 'x' },
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
    );
    expect(codes(extra)).toEqual(['note:unknown_field']);
    const big = await upload(
      staff.lawyer,
      workshopId,
      {},
      { name: 'grande.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(LIMIT)]) },
    );
    expect(big.statusCode).toBe(413);
    expect(codes(big)).toEqual(['file:file_too_large']);
    const json = await request(env, staff.lawyer, 'POST', `${API}/workshops/${workshopId}/materials`, {
      file: 'x',
    });
    expect(json.statusCode).toBe(415);
    const view = (
      await request(env, staff.lawyer, 'GET', `${API}/workshops/${workshopId}`)
    ).json<WorkshopView>();
    expect(view.materials).toEqual([]);
  });
});

describe('who may reach workshops', () => {
  it('every case role of the organization records, reads, changes and removes them', async () => {
    for (const role of CASE_ROLES) {
      const who = staff[role];
      const created = await create(who, { title: `Taller de ${role}` });
      const url = `${API}/workshops/${created.id}`;
      expect((await request(env, who, 'GET', url)).statusCode, role).toBe(200);
      const put = await request(env, who, 'PUT', url, workshop({ version: 1, municipality: 'Suchiate' }));
      expect(put.statusCode, role).toBe(200);
      const file = await upload(who, created.id, {}, { name: 'a.pdf', type: 'application/pdf', data: PDF });
      expect(file.statusCode, role).toBe(201);
      expect((await request(env, who, 'GET', `${API}/workshops`)).statusCode, role).toBe(200);
      expect((await request(env, who, 'DELETE', url)).statusCode, role).toBe(204);
    }
  });

  it('analysts and partners are refused (403); another organization finds nothing (404)', async () => {
    const created = await create(staff.coordinator);
    const material = (
      await upload(staff.coordinator, created.id, {}, { name: 'a.pdf', type: 'application/pdf', data: PDF })
    ).json<{ id: string }>();
    const url = `${API}/workshops/${created.id}`;
    const materialUrl = `${url}/materials/${material.id}`;
    const calls = (who: Session) => [
      request(env, who, 'GET', `${API}/workshops`),
      request(env, who, 'POST', `${API}/workshops`, workshop()),
      request(env, who, 'GET', url),
      request(env, who, 'PUT', url, workshop({ version: 1 })),
      request(env, who, 'GET', materialUrl),
      request(env, who, 'DELETE', materialUrl),
      upload(who, created.id, {}, { name: 'a.pdf', type: 'application/pdf', data: PDF }),
      request(env, who, 'DELETE', url),
    ];
    for (const role of ['analyst', 'partner'] as const) {
      for (const res of await Promise.all(calls(staff[role]))) {
        expect(res.statusCode, `${role} ${res.body}`).toBe(403);
        expect(apiError(res).code).toBe('forbidden');
      }
    }
    const [list, post, ...others] = await Promise.all(calls(otherAdmin));
    expect(must(list).json<WorkshopListView>().items).toEqual([]);
    expect(must(post).statusCode).toBe(201);
    for (const res of others) {
      expect(res.statusCode, res.body).toBe(404);
      expect(apiError(res).code).toBe('not_found');
    }
    expect((await request(env, staff.coordinator, 'GET', `${API}/workshops/${unknownId()}`)).statusCode).toBe(
      404,
    );
    // Still there, untouched.
    const kept = (await request(env, staff.coordinator, 'GET', url)).json<WorkshopView>();
    expect(kept).toMatchObject({ version: 1, materials: [{ id: material.id }] });
  });

  it('answers 401 without a session and refuses writes without the CSRF token', async () => {
    const created = await create(staff.admin);
    const url = `${API}/workshops/${created.id}`;
    const materialUrl = `${url}/materials/${unknownId()}`;
    const endpoints = [
      { method: 'GET', url: `${API}/workshops` },
      { method: 'POST', url: `${API}/workshops`, payload: workshop() },
      { method: 'GET', url },
      { method: 'PUT', url, payload: workshop({ version: 1 }) },
      { method: 'DELETE', url },
      { method: 'GET', url: materialUrl },
      { method: 'DELETE', url: materialUrl },
    ] as const;
    for (const ep of endpoints) {
      const res = await env.app.inject({
        method: ep.method,
        url: ep.url,
        ...('payload' in ep ? { payload: ep.payload } : {}),
      });
      expect(res.statusCode, `${ep.method} ${ep.url}`).toBe(401);
      expect(apiError(res).code).toBe('unauthenticated');
    }
    expect(
      (await upload(null, created.id, {}, { name: 'a.pdf', type: 'application/pdf', data: PDF })).statusCode,
    ).toBe(401);

    for (const ep of endpoints.filter((e) => e.method !== 'GET')) {
      for (const token of [undefined, staff.coordinator.csrf]) {
        const headers: Record<string, string> = { cookie: staff.admin.cookie };
        if (token) headers['x-csrf-token'] = token;
        const res = await env.app.inject({
          method: ep.method,
          url: ep.url,
          headers,
          ...('payload' in ep ? { payload: ep.payload } : {}),
        });
        expect(res.statusCode, `${ep.method} ${ep.url}`).toBe(403);
        expect(apiError(res).code).toBe('csrf_invalid');
      }
    }
    const noToken = await upload(
      staff.admin,
      created.id,
      {},
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
      false,
    );
    expect(apiError(noToken).code).toBe('csrf_invalid');
    const kept = (await request(env, staff.admin, 'GET', url)).json<WorkshopView>();
    expect(kept).toMatchObject({ version: 1, materials: [] });
  });
});
