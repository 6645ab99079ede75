/** What the workshop API tests share: an organization with every role, another organization, a valid workshop. */
import { expect } from 'vitest';
import type { Role, WorkshopView } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  multipartBody,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';

export const API = '/api/v1';
export const CASE_ROLES: Role[] = [
  'admin',
  'coordinator',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
];
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A Windows executable's header (MZ … PE), whatever its name says. */
export const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(300),
]);
/** The upload limit of these tests. */
export const LIMIT = 64 * 1024;

export interface WorkshopWorld {
  env: TestEnv;
  /** Every role of the organization. */
  staff: Record<Role, Session>;
  /** An admin of another organization. */
  otherAdmin: Session;
}

export async function buildWorld(): Promise<WorkshopWorld> {
  const env = await createTestEnv({ maxUploadBytes: LIMIT });
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Otra clínica', 'OTR');
  const staff = {} as Record<Role, Session>;
  for (const role of [...CASE_ROLES, 'analyst', 'partner'] as Role[]) {
    await addUser(env, org, role, `${role}@imu.test`);
    staff[role] = await signIn(env, `${role}@imu.test`);
  }
  await addUser(env, other, 'admin', 'admin@otr.test');
  return { env, staff, otherAdmin: await signIn(env, 'admin@otr.test') };
}

/** A valid workshop: 19 people in three rows. */
export const workshop = (overrides: Record<string, unknown> = {}) => ({
  kind: 'workshop',
  title: 'Tus derechos en el asilo',
  heldOn: '2026-02-14',
  state: '07',
  municipality: 'Tapachula',
  topic: 'asylum_rights',
  language: 'es',
  coFacilitators: ['Casa Refugio'],
  participants: [
    { gender: 'woman', ageBand: 'age_18_29', nationality: 'HN', count: 12 },
    { gender: 'woman', ageBand: 'age_30_44', nationality: 'HT', count: 5 },
    { gender: 'man', ageBand: 'age_18_29', nationality: 'unknown', count: 2 },
  ],
  ...overrides,
});

/** The field errors of an answer, as `path:code`. */
export const codes = (res: Awaited<ReturnType<typeof request>>) =>
  (apiError(res).fields ?? []).map((f) => `${f.path}:${f.code}`);

export async function createWorkshop(
  env: TestEnv,
  who: Session,
  overrides: Record<string, unknown> = {},
): Promise<WorkshopView> {
  const res = await request(env, who, 'POST', `${API}/workshops`, workshop(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<WorkshopView>();
}

/** A file to upload. */
export interface UploadFile {
  name: string;
  type: string;
  data: Buffer;
}

/** Upload a material as the web app does (multipart/form-data), with the CSRF header unless told not to. */
export function uploadMaterial(
  env: TestEnv,
  who: Session | null,
  workshopId: string,
  fields: Record<string, string>,
  file?: UploadFile,
  csrf = true,
) {
  const body = multipartBody(fields, file);
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (who) {
    headers.cookie = who.cookie;
    if (csrf) headers['x-csrf-token'] = who.csrf;
  }
  return env.app.inject({
    method: 'POST',
    url: `${API}/workshops/${workshopId}/materials`,
    headers,
    payload: body.payload,
  });
}

/** The audit entries of an act on one workshop or material. */
export const auditEntries = (env: TestEnv, action: string, entityId: string) =>
  env.ctx.db
    .selectFrom('audit_log')
    .select(['actor_id', 'org_id', 'entity_type', 'fields'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
