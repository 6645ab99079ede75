/**
 * Consent through the API: recorded with who, how and for what; a girl's
 * consent follows her age band; names of third people sealed; a withdrawn or
 * expired consent is no longer in force from that day on; 404 outside reach.
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

interface InForce {
  services: boolean;
  contact: boolean;
  statistics: boolean;
  referralSharingWith: string[];
}
interface Consent {
  id: string;
  status: string;
  ageBand: string;
  witnessName: string;
  withdrawal: { on: string; by: string; note: string } | null;
}

let env: TestEnv;
let lawyer: Session;
let outsider: Session;
let otherOrg: Session;
let adultCase: string;
let girlCase: string;

const base = (caseId: string) => `/api/v1/cases/${caseId}/consents`;
async function inForce(caseId: string): Promise<InForce> {
  const res = await request(env, lawyer, 'GET', base(caseId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ inForce: InForce }>().inForce;
}
const services = {
  purpose: 'services',
  scope: ['identity', 'violence_history'],
  method: 'verbal_witnessed',
  witnessName: 'Lucía Gómez (trabajadora social)',
  givenOn: '2026-01-12',
};

beforeAll(async () => {
  env = await createTestEnv();
  const org = await addOrganization(env, 'Clínica', 'IMU');
  const other = await addOrganization(env, 'Aliada', 'ALI');
  await addUser(env, org, 'lawyer', 'lawyer@imu.test');
  await addUser(env, org, 'lawyer', 'outsider@imu.test');
  await addUser(env, other, 'admin', 'admin@ali.test');
  lawyer = await signIn(env, 'lawyer@imu.test');
  outsider = await signIn(env, 'outsider@imu.test');
  otherOrg = await signIn(env, 'admin@ali.test');
  adultCase = (await request(env, lawyer, 'POST', '/api/v1/cases', intake())).json<{ id: string }>().id;
  // A girl born on 1 March 2015: 10 years old in January 2026.
  girlCase = (
    await request(
      env,
      lawyer,
      'POST',
      '/api/v1/cases',
      intake({ birthDate: '2015-03-01', familyMembers: [] }),
    )
  ).json<{ id: string }>().id;
});
afterAll(() => env.close());

describe('recording consent', () => {
  it('records consent to services, seals the witness’s name and puts it in force', async () => {
    expect(await inForce(adultCase)).toEqual({
      services: false,
      contact: false,
      statistics: false,
      referralSharingWith: [],
    });
    const res = await request(env, lawyer, 'POST', base(adultCase), services);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Consent>()).toMatchObject({
      status: 'active',
      ageBand: 'adult',
      witnessName: services.witnessName,
    });
    const row = await env.ctx.db.selectFrom('case_consents').select('people_enc').executeTakeFirstOrThrow();
    expect(row.people_enc).not.toContain('Lucía');
    expect((await inForce(adultCase)).services).toBe(true);
  });

  it('records a referral consent for a named organization', async () => {
    const res = await request(env, lawyer, 'POST', base(adultCase), {
      ...services,
      purpose: 'referral_sharing',
      recipient: 'Casa Refugio Tapachula',
      scope: ['identity', 'contact_details'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await inForce(adultCase)).referralSharingWith).toEqual(['Casa Refugio Tapachula']);
  });

  it('needs a signed form to be a consent form uploaded to the same case', async () => {
    const missing = await request(env, lawyer, 'POST', base(adultCase), {
      ...services,
      method: 'signed_form',
      documentId: crypto.randomUUID(),
    });
    expect(apiError(missing).fields).toEqual([{ path: 'documentId', code: 'document_not_found' }]);
    const body = multipartBody(
      { kind: 'consent_form' },
      { name: 'consentimiento.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    );
    const uploaded = await env.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${adultCase}/documents`,
      headers: { cookie: lawyer.cookie, 'x-csrf-token': lawyer.csrf, 'content-type': body.contentType },
      payload: body.payload,
    });
    const documentId = uploaded.json<{ id: string }>().id;
    const signed = await request(env, lawyer, 'POST', base(adultCase), {
      ...services,
      purpose: 'statistics',
      method: 'signed_form',
      documentId,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    // The same form does not count for another case.
    const elsewhere = await request(env, lawyer, 'POST', base(girlCase), {
      purpose: 'statistics',
      scope: ['identity'],
      givenBy: 'caregiver',
      caregiverName: 'Rosa',
      childAssent: true,
      method: 'signed_form',
      documentId,
      givenOn: '2026-01-12',
    });
    expect(apiError(elsewhere).fields).toEqual([{ path: 'documentId', code: 'document_not_found' }]);
  });
});

describe('a girl of ten', () => {
  it('needs her caregiver’s consent and her own assent', async () => {
    const hers = await request(env, lawyer, 'POST', base(girlCase), { ...services });
    expect(apiError(hers).fields).toEqual([
      { path: 'givenBy', code: 'caregiver_required' },
      { path: 'childAssent', code: 'child_assent_required' },
    ]);
    const ok = await request(env, lawyer, 'POST', base(girlCase), {
      ...services,
      givenBy: 'caregiver',
      caregiverName: 'Rosa Martínez',
      caregiverRelationship: 'madre',
      childAssent: true,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Consent>().ageBand).toBe('age_6_14');
  });
});

describe('withdrawal and expiry', () => {
  it('stops what depends on the consent from the day it is withdrawn, once', async () => {
    const list = await request(env, lawyer, 'GET', base(adultCase));
    const consent = list
      .json<{ items: (Consent & { purpose: string })[] }>()
      .items.find((c) => c.purpose === 'services');
    const path = `${base(adultCase)}/${consent?.id}/withdraw`;
    const early = await request(env, lawyer, 'POST', path, {
      withdrawnOn: '2026-01-01',
      withdrawnBy: 'herself',
    });
    expect(apiError(early).fields).toEqual([{ path: 'withdrawnOn', code: 'withdrawal_before_given' }]);
    const res = await request(env, lawyer, 'POST', path, {
      withdrawnOn: '2026-02-01',
      withdrawnBy: 'herself',
      note: 'Ya no quiere el acompañamiento',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Consent>()).toMatchObject({
      status: 'withdrawn',
      withdrawal: { on: '2026-02-01', by: 'herself' },
    });
    expect((await inForce(adultCase)).services).toBe(false);
    expect(
      (await request(env, lawyer, 'POST', path, { withdrawnOn: '2026-02-02', withdrawnBy: 'herself' }))
        .statusCode,
    ).toBe(409);
    const row = await env.ctx.db
      .selectFrom('case_consents')
      .select('withdrawal_note_enc')
      .where('id', '=', consent?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.withdrawal_note_enc).not.toContain('acompañamiento');
  });

  it('is no longer in force once expired', async () => {
    const res = await request(env, lawyer, 'POST', base(adultCase), {
      ...services,
      purpose: 'contact',
      scope: ['contact_details'],
      givenOn: '2025-01-10',
      expiresOn: '2025-07-10',
    });
    expect(res.json<Consent>().status).toBe('expired');
    expect((await inForce(adultCase)).contact).toBe(false);
  });
});

describe('reach', () => {
  it('answers 404 outside the case and 401 without a session, and audits reads and changes', async () => {
    for (const session of [outsider, otherOrg]) {
      expect((await request(env, session, 'GET', base(adultCase))).statusCode).toBe(404);
      expect((await request(env, session, 'POST', base(adultCase), services)).statusCode).toBe(404);
    }
    expect((await request(env, null, 'GET', base(adultCase))).statusCode).toBe(401);
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'case.consent%')
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['case.consents.read', 'case.consent.create', 'case.consent.withdraw']),
    );
  });
});
