/**
 * Documents on a case: typed by their first bytes (a renamed executable is
 * not a PDF), sealed at rest in the database, served as attachments to those
 * who may see them, every download audited; 404 outside the case's reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  intake,
  multipartBody,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** A Windows executable's header (MZ … PE), renamed. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);
const LIMIT = 1024 * 1024;

let env: TestEnv;
let lawyer: Session;
let psychologist: Session;
let socialWorker: Session;
let coordinator: Session;
let outsider: Session;
let otherOrg: Session;
let caseId: string;
const base = () => `/api/v1/cases/${caseId}/documents`;

function upload(
  session: Session | null,
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
  csrf = true,
) {
  const body = multipartBody(fields, file);
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (session) {
    headers.cookie = session.cookie;
    if (csrf) headers['x-csrf-token'] = session.csrf;
  }
  return env.app.inject({ method: 'POST', url: base(), headers, payload: body.payload });
}

function download(session: Session, id: string) {
  return env.app.inject({ method: 'GET', url: `${base()}/${id}/file`, headers: { cookie: session.cookie } });
}

beforeAll(async () => {
  env = await createTestEnv({ maxUploadBytes: LIMIT });
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'psychologist', 'psy@imu.test');
  await addUser(env, org, 'social_worker', 'social@imu.test');
  await addUser(env, org, 'coordinator', 'coord@imu.test');
  await addUser(env, org, 'lawyer', 'outsider@imu.test');
  await addUser(env, other, 'admin', 'admin@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  psychologist = await signIn(env, 'psy@imu.test');
  socialWorker = await signIn(env, 'social@imu.test');
  coordinator = await signIn(env, 'coord@imu.test');
  outsider = await signIn(env, 'outsider@imu.test');
  otherOrg = await signIn(env, 'admin@ali.test');
  caseId = (await request(env, lawyer, 'POST', '/api/v1/cases', intake())).json<{ id: string }>().id;
  for (const [who, role] of [
    [psychologist, 'psychologist'],
    [socialWorker, 'social_worker'],
  ] as const) {
    await request(env, lawyer, 'PUT', `/api/v1/cases/${caseId}/staff/${who.userId}`, { roleOnCase: role });
  }
});
afterAll(() => env.close());

describe('uploading', () => {
  let constanciaId: string;

  it('keeps a PDF, typed by its bytes, sealed in the database', async () => {
    const res = await upload(
      lawyer,
      { kind: 'constancia', documentDate: '2026-03-02', description: 'Constancia de trámite' },
      { name: 'constancia María Pérez.pdf', type: 'application/octet-stream', data: PDF },
    );
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<{
      id: string;
      mediaType: string;
      size: number;
      fileName: string;
      canDelete: boolean;
    }>();
    expect(doc).toMatchObject({
      mediaType: 'application/pdf',
      size: PDF.length,
      fileName: 'constancia María Pérez.pdf',
      canDelete: true,
    });
    constanciaId = doc.id;
    const row = await env.ctx.db
      .selectFrom('case_documents')
      .select(['content', 'file_name_enc', 'description_enc'])
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.content).includes(Buffer.from('%PDF'))).toBe(false);
    expect(row.file_name_enc).not.toContain('Pérez');
    expect(row.description_enc).not.toContain('Constancia');
  });

  it('serves it as an attachment with its type, and audits the download', async () => {
    const res = await download(socialWorker, constanciaId);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="constancia.pdf"; filename\*=UTF-8''/,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id'])
      .where('action', '=', 'case.document.download')
      .execute();
    expect(audit).toEqual([{ actor_id: socialWorker.userId, entity_id: constanciaId }]);
  });

  it('refuses a renamed executable, a text file called .pdf, an empty file and none at all', async () => {
    for (const [data, name] of [
      [EXE, 'resolucion.pdf'],
      [Buffer.from('hola, esto no es un PDF'), 'nota.pdf'],
    ] as const) {
      const res = await upload(lawyer, { kind: 'other' }, { name, type: 'application/pdf', data });
      expect(res.statusCode).toBe(415);
      expect(apiError(res).fields).toEqual([{ path: 'file', code: 'file_type_not_allowed' }]);
    }
    const empty = await upload(
      lawyer,
      { kind: 'other' },
      { name: 'x.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
    );
    expect(apiError(empty).fields).toEqual([{ path: 'file', code: 'file_empty' }]);
    const none = await upload(lawyer, { kind: 'other' });
    expect(apiError(none).fields).toEqual([{ path: 'file', code: 'file_required' }]);
    expect(await env.ctx.db.selectFrom('case_documents').select('id').execute()).toHaveLength(1);
  });

  it('refuses a file over the limit (413), a bad kind or unknown field (400), JSON (415), no CSRF token (403)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT)]);
    const tooBig = await upload(
      lawyer,
      { kind: 'other' },
      { name: 'big.pdf', type: 'application/pdf', data: big },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(apiError(tooBig).fields).toEqual([{ path: 'file', code: 'file_too_large', params: { max: 1 } }]);
    const badKind = await upload(
      lawyer,
      { kind: 'passport' },
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
    );
    expect(apiError(badKind).fields).toEqual([{ path: 'kind', code: 'invalid_choice' }]);
    const unknown = await upload(
      lawyer,
      { kind: 'other', owner: 'x' },
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
    );
    expect(apiError(unknown).fields).toEqual([{ path: 'owner', code: 'unknown_field' }]);
    const json = await request(env, lawyer, 'POST', base(), { kind: 'other' });
    expect(json.statusCode).toBe(415);
    const noToken = await upload(
      lawyer,
      { kind: 'other' },
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
      false,
    );
    expect(apiError(noToken).code).toBe('csrf_invalid');
  });
});

describe('who sees which documents', () => {
  let medicalId: string;

  it('keeps medical reports from roles that do not need them', async () => {
    const res = await upload(
      psychologist,
      { kind: 'medical', description: 'Valoración' },
      { name: 'valoracion.png', type: 'image/png', data: PNG },
    );
    expect(res.statusCode, res.body).toBe(201);
    medicalId = res.json<{ id: string }>().id;
    const forSocial = await request(env, socialWorker, 'GET', base());
    expect(forSocial.json<{ items: { kind: string }[] }>().items.map((d) => d.kind)).toEqual(['constancia']);
    expect((await download(socialWorker, medicalId)).statusCode).toBe(404);
    expect(
      (await upload(socialWorker, { kind: 'medical' }, { name: 'm.pdf', type: 'application/pdf', data: PDF }))
        .statusCode,
    ).toBe(403);
    const forLawyer = await request(env, lawyer, 'GET', base());
    expect(forLawyer.json<{ items: { kind: string }[] }>().items.map((d) => d.kind)).toEqual([
      'medical',
      'constancia',
    ]);
    const png = await download(lawyer, medicalId);
    expect(png.headers['content-type']).toBe('image/png');
  });

  it('answers 404 to anyone outside the case, for the list, the file and removal', async () => {
    for (const session of [outsider, otherOrg]) {
      expect((await request(env, session, 'GET', base())).statusCode).toBe(404);
      expect((await download(session, medicalId)).statusCode).toBe(404);
      expect((await request(env, session, 'DELETE', `${base()}/${medicalId}`)).statusCode).toBe(404);
      expect(
        (await upload(session, { kind: 'other' }, { name: 'a.pdf', type: 'application/pdf', data: PDF }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('lets the uploader and coordination remove a document, not others', async () => {
    const other = (await request(env, lawyer, 'GET', base())).json<{
      items: { id: string; kind: string }[];
    }>();
    const constancia = other.items.find((d) => d.kind === 'constancia');
    expect((await request(env, socialWorker, 'DELETE', `${base()}/${constancia?.id}`)).statusCode).toBe(403);
    expect((await request(env, psychologist, 'DELETE', `${base()}/${medicalId}`)).statusCode).toBe(204);
    expect((await request(env, coordinator, 'DELETE', `${base()}/${constancia?.id}`)).statusCode).toBe(204);
    expect((await request(env, lawyer, 'GET', base())).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
