/**
 * Referrals beyond access, on both databases: services that fit her and why;
 * a referral outside Senda recorded by the sender; shared documents and
 * narratives only when in scope and consented; the access log the sending
 * coordinators read; notices with the referral code only; My work; the
 * system's moves (overdue reminders, expiry, a consent that expires).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInMexico, type MyWorkView, type ReferralView, type ServiceMatchView } from '@senda/domain';
import { createTestEnv, multipartBody, must, request, type Session, type TestEnv } from './harness.js';
import {
  API,
  buildNetwork,
  consentToShare,
  ok,
  refer,
  referableCase,
  type Network,
} from './referral-fixtures.js';
import { referralSweep } from '../src/modules/referrals/sweep.js';
import { sendDigests } from '../src/modules/reminders/run.js';

let env: TestEnv;
let net: Network;

beforeAll(async () => {
  env = await createTestEnv();
  net = await buildNetwork(env);
});
afterAll(() => env.close());

const get = (who: Session, path: string) => request(env, who, 'GET', `${API}${path}`);
const post = (who: Session, path: string, body: unknown = {}) =>
  request(env, who, 'POST', `${API}${path}`, body);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(caseId: string, name: string): Promise<string> {
  const body = multipartBody({ kind: 'identity' }, { name, type: 'application/pdf', data: PDF });
  const res = await env.app.inject({
    method: 'POST',
    url: `${API}/cases/${caseId}/documents`,
    headers: {
      'content-type': body.contentType,
      cookie: net.clinicLawyer.cookie,
      'x-csrf-token': net.clinicLawyer.csrf,
    },
    payload: body.payload,
  });
  return ok(res, 201).json<{ id: string }>().id;
}

describe('services that fit her', () => {
  it('explains, criterion by criterion, why each service answering the need fits or not', async () => {
    const c = await referableCase(env, net);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['identity', 'family']);
    const matches = ok(
      await get(net.clinicLawyer, `/cases/${c.caseId}/service-matches?needId=${c.shelterNeed}`),
    ).json<{
      items: ServiceMatchView[];
    }>().items;
    expect(matches.map((m) => m.service.name)).toEqual(['Albergue temporal', 'Acompañamiento psicológico']);
    const [shelter, third] = matches.map((m) => m);
    expect(shelter).toMatchObject({ fits: true, consent: { holds: true, scopes: ['family', 'identity'] } });
    const reasons = (m: ServiceMatchView | undefined) =>
      Object.fromEntries(must(m).reasons.map((r) => [r.criterion, r.result]));
    expect(reasons(shelter)).toMatchObject({
      gender: 'fits',
      age: 'fits',
      children: 'fits',
      language: 'fits',
      location: 'fits',
    });
    // She is in Chiapas with a daughter and speaks Spanish: the third service is in Mexico City, French, no children.
    expect(third).toMatchObject({ fits: false, consent: { holds: false, scopes: [] } });
    expect(reasons(third)).toMatchObject({
      children: 'does_not_fit',
      language: 'does_not_fit',
      location: 'does_not_fit',
    });
    expect(
      (await get(net.shelterPartner, `/cases/${c.caseId}/service-matches?needId=${c.shelterNeed}`))
        .statusCode,
    ).toBe(404);
    expect((await get(net.clinicLawyer, `/cases/${c.caseId}/service-matches?needId=nope`)).statusCode).toBe(
      400,
    );
  });
});

describe('outside Senda', () => {
  it('is recorded, with a letter, and the sender records the answer', async () => {
    const c = await referableCase(env, net);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Hospital General', [
      'identity',
      'contact_details',
    ]);
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      needId: c.healthNeed,
      serviceId: net.outsideService.id,
      scope: ['identity', 'contact_details'],
    });
    expect(referral).toMatchObject({ mode: 'outside', state: 'sent', herLanguage: 'es' });
    expect(referral.can).toMatchObject({ letter: true, accept: true, decline: true });
    expect(Object.keys(must(referral.shared))).toEqual(['identity', 'contact']);
    ok(await post(net.clinicLawyer, `/referrals/${referral.id}/accept`, { comment: 'Cita el lunes' }));
    const done = ok(
      await post(net.clinicLawyer, `/referrals/${referral.id}/complete`, { outcome: 'partly_given' }),
    ).json<ReferralView>();
    expect(done).toMatchObject({ state: 'completed', outcome: 'partly_given' });
  });
});

describe('documents and narratives', () => {
  it('shares only the chosen documents, and her accounts only when she consented to exactly that', async () => {
    const c = await referableCase(env, net);
    const chosen = await upload(c.caseId, 'pasaporte.pdf');
    const other = await upload(c.caseId, 'otro.pdf');
    ok(
      await post(net.clinicLawyer, `/cases/${c.caseId}/incidents`, {
        from: '2025-11',
        phase: 'transit',
        country: 'GT',
        types: ['physical'],
        gbvType: 'physical_assault',
        perpetrator: 'gang_organized_crime',
        reported: 'no',
        narrative: 'Relato de ella, palabra por palabra',
      }),
      201,
    );
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['documents', 'violence_history']);
    const body = { needId: c.shelterNeed, serviceId: net.shelterService.id };
    const refused = await post(net.clinicLawyer, `/cases/${c.caseId}/referrals`, {
      ...body,
      scope: ['violence_history', 'narratives'],
    });
    expect(refused.statusCode).toBe(409);
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      ...body,
      scope: ['documents', 'violence_history'],
      documentIds: [chosen],
    });
    const seen = ok(await get(net.shelterPartner, `/referrals/${referral.id}`));
    const view = seen.json<ReferralView>();
    expect(view.shared?.documents?.map((d) => d.fileName)).toEqual(['pasaporte.pdf']);
    expect(view.shared?.violence).toEqual([
      {
        phase: 'transit',
        from: '2025-11',
        types: ['physical'],
        gbvType: 'physical_assault',
        perpetrator: 'gang_organized_crime',
      },
    ]);
    expect(seen.body).not.toContain('palabra por palabra');
    const file = await get(net.shelterPartner, `/referrals/${referral.id}/documents/${chosen}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await get(net.shelterPartner, `/referrals/${referral.id}/documents/${other}`)).statusCode).toBe(
      404,
    );
    expect((await get(net.thirdPartner, `/referrals/${referral.id}/documents/${chosen}`)).statusCode).toBe(
      404,
    );

    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['narratives']);
    const withAccounts = await refer(env, net.clinicLawyer, c.caseId, { ...body, scope: ['narratives'] });
    const accounts = ok(await get(net.shelterPartner, `/referrals/${withAccounts.id}`)).json<ReferralView>();
    expect(accounts.shared?.narratives).toEqual([
      { phase: 'transit', from: '2025-11', text: 'Relato de ella, palabra por palabra' },
    ]);
  });
});

describe('the loop', () => {
  it('audits every view for the sending coordinators, and notifies with the code only', async () => {
    const c = await referableCase(env, net);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['identity']);
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      needId: c.shelterNeed,
      serviceId: net.shelterService.id,
      scope: ['identity'],
    });
    ok(await get(net.shelterPartner, `/referrals/${referral.id}`));
    ok(await post(net.shelterPartner, `/referrals/${referral.id}/messages`, { body: '¿Trae documentos?' }));
    ok(await post(net.clinicLawyer, `/referrals/${referral.id}/messages`, { body: 'Sí, su pasaporte' }));

    const log = ok(await get(net.clinicCoord, `/referrals/${referral.id}/access-log`)).json<{
      items: { action: string; organization: string | null }[];
    }>();
    expect(log.items).toContainEqual(
      expect.objectContaining({ action: 'referral.read', organization: 'Casa Refugio' }),
    );
    expect((await get(net.clinicLawyer, `/referrals/${referral.id}/access-log`)).statusCode).toBe(403);
    expect((await get(net.shelterAdmin, `/referrals/${referral.id}/access-log`)).statusCode).toBe(403);

    const thread = ok(await get(net.clinicLawyer, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(thread.events.filter((e) => e.kind === 'message').map((e) => [e.side, e.body])).toEqual([
      ['recipient', '¿Trae documentos?'],
      ['sender', 'Sí, su pasaporte'],
    ]);

    const notices = ok(await get(net.shelterAdmin, '/notifications'));
    const mine = notices.json<{ referrals: { referralCode: string; event: string }[] }>().referrals;
    expect(mine).toContainEqual(expect.objectContaining({ referralCode: referral.code, event: 'received' }));
    expect(mine).toContainEqual(expect.objectContaining({ referralCode: referral.code, event: 'message' }));
    expect(notices.body).not.toContain('María');
    const clinicNotices = ok(await get(net.clinicLawyer, '/notifications')).json<{
      referrals: { event: string }[];
    }>();
    expect(clinicNotices.referrals.map((n) => n.event)).toContain('message');

    const shelterWork = ok(await get(net.shelterAdmin, '/my-work')).json<MyWorkView>();
    expect(shelterWork.referrals.map((r) => r.id)).toContain(referral.id);
  });

  it('flags overdue answers and reminds both sides once; expires unanswered ones; revokes on expired consent', async () => {
    const c = await referableCase(env, net);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['identity']);
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      needId: c.shelterNeed,
      serviceId: net.shelterService.id,
      scope: ['identity'],
    });
    const due = must(referral.answerDue);
    const dayAfter = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const first = await referralSweep(env.ctx, dayAfter);
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    expect((await referralSweep(env.ctx, dayAfter)).reminded).toBe(0);
    const notices = ok(await get(net.clinicLawyer, '/notifications')).json<{
      referrals: { referralCode: string; event: string }[];
    }>();
    expect(notices.referrals).toContainEqual(
      expect.objectContaining({ referralCode: referral.code, event: 'overdue' }),
    );

    const later = new Date(Date.parse(`${must(referral.sentOn)}T00:00:00Z`) + 31 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect((await referralSweep(env.ctx, later)).expired).toBeGreaterThanOrEqual(1);
    const expired = ok(await get(net.clinicLawyer, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(expired.state).toBe('expired');
    const shelterView = ok(await get(net.shelterPartner, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(shelterView).toMatchObject({ state: 'expired', shared: null });
  });

  it('a consent that expires takes the data away from the recipient, and the sweep revokes the referral', async () => {
    const c = await referableCase(env, net);
    const today = todayInMexico();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const consentId = ok(
      await post(net.clinicLawyer, `/cases/${c.caseId}/consents`, {
        purpose: 'referral_sharing',
        recipient: 'Casa Refugio',
        scope: ['identity'],
        method: 'electronic_signature',
        givenOn: '2026-01-12',
        expiresOn: tomorrow,
      }),
      201,
    ).json<{ id: string }>().id;
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      needId: c.shelterNeed,
      serviceId: net.shelterService.id,
      scope: ['identity'],
    });
    ok(await get(net.shelterPartner, `/referrals/${referral.id}`));
    // A day passes: the consent's last day is over.
    await env.ctx.db
      .updateTable('case_consents')
      .set({ expires_on: today })
      .where('id', '=', consentId)
      .execute();
    expect((await get(net.shelterPartner, `/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await referralSweep(env.ctx, today)).revoked).toBeGreaterThanOrEqual(1);
    const sender = ok(await get(net.clinicLawyer, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(sender).toMatchObject({ state: 'revoked', shared: null });
  });
});

describe('e-mail', () => {
  it('the daily digest names referrals by code only', async () => {
    const c = await referableCase(env, net);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['identity']);
    const referral = await refer(env, net.clinicLawyer, c.caseId, {
      needId: c.shelterNeed,
      serviceId: net.shelterService.id,
      scope: ['identity'],
    });
    const sent: { to: string; subject: string; text: string }[] = [];
    const mailer = {
      send: (m: { to: string; subject: string; text: string }) => Promise.resolve(void sent.push(m)),
    };
    expect(await sendDigests(env.ctx, mailer, '2099-01-01')).toBeGreaterThan(0);
    const toShelter = must(sent.find((m) => m.to === 'partner@ref.test'));
    expect(toShelter.text).toContain(`${referral.code} — nueva canalización recibida`);
    for (const m of sent) {
      expect(m.text).not.toContain('María');
      expect(m.subject).not.toContain('María');
    }
    expect(await sendDigests(env.ctx, mailer, '2099-01-01')).toBe(0);
  });
});
