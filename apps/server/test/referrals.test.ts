/**
 * Referrals across organizations, on both databases: the receiving side sees
 * exactly the scoped data and nothing else of the case; a third organization
 * gets 404 on everything; consent withdrawal or the sender's withdrawal takes
 * access away at once; the same case referred to two organizations — each
 * sees only its own; moves outside the graph are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_CODE_PATTERN, type ReferralListView, type ReferralView } from '@senda/domain';
import { apiError, createTestEnv, must, request, type Session, type TestEnv } from './harness.js';
import {
  API,
  buildNetwork,
  consentToShare,
  ok,
  refer,
  referableCase,
  type Network,
} from './referral-fixtures.js';

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
const fieldCodes = (res: Awaited<ReturnType<typeof request>>) =>
  apiError(res).fields?.map((f) => `${f.path}:${f.code}`);

/** A case referred to the shelter with identity only, sent. */
async function sentToShelter(scope = ['identity'], consentScope = ['identity']) {
  const c = await referableCase(env, net);
  await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', consentScope);
  const referral = await refer(env, net.clinicLawyer, c.caseId, {
    needId: c.shelterNeed,
    serviceId: net.shelterService.id,
    scope,
    urgency: 'urgent',
    message: 'Llega mañana con su hija',
  });
  return { ...c, referral };
}

describe('sending', () => {
  it('refuses to send without a consent covering what it shares, and keeps a draft', async () => {
    const c = await referableCase(env, net);
    const body = { needId: c.shelterNeed, serviceId: net.shelterService.id, scope: ['identity'] };
    const refused = await post(net.clinicLawyer, `/cases/${c.caseId}/referrals`, body);
    expect(refused.statusCode).toBe(409);
    expect(fieldCodes(refused)).toEqual(['consent:consent_required']);

    // A consent to another organization does not count; one covering less does not either.
    await consentToShare(env, net.clinicLawyer, c.caseId, 'Aliada', ['identity', 'family']);
    await consentToShare(env, net.clinicLawyer, c.caseId, 'casa refugio', ['identity']);
    const wider = await post(net.clinicLawyer, `/cases/${c.caseId}/referrals`, {
      ...body,
      scope: ['identity', 'family'],
    });
    expect(fieldCodes(wider)).toEqual(['consent:consent_required']);

    const draft = await refer(env, net.clinicLawyer, c.caseId, {
      ...body,
      scope: ['identity', 'family'],
      send: false,
    });
    expect(draft).toMatchObject({ state: 'draft', sentOn: null, side: 'sender', mode: 'senda' });
    expect(draft.can).toMatchObject({ send: true, withdraw: true, accept: false });
    expect(fieldCodes(await post(net.clinicLawyer, `/referrals/${draft.id}/send`))).toEqual([
      'consent:consent_required',
    ]);
    // The shelter never sees a draft.
    expect((await get(net.shelterPartner, `/referrals/${draft.id}`)).statusCode).toBe(404);

    const sent = await refer(env, net.clinicLawyer, c.caseId, body);
    expect(sent.code).toMatch(REFERRAL_CODE_PATTERN);
    expect(sent).toMatchObject({
      state: 'sent',
      urgency: 'normal',
      needDomain: 'shelter_housing',
      to: { name: 'Casa Refugio' },
    });
    expect(must(sent.answerDue) > must(sent.sentOn)).toBe(true);
  });

  it('checks what a referral is made of: her need, an active service, her documents', async () => {
    const c = await referableCase(env, net);
    const base = { needId: c.shelterNeed, serviceId: net.shelterService.id, send: false };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ needId: crypto.randomUUID() }, 400, 'needId:need_not_found'],
      [{ serviceId: crypto.randomUUID() }, 400, 'serviceId:service_not_found'],
      [{ scope: ['documents'] }, 400, 'documentIds:documents_scope_required'],
      [{ scope: ['documents'], documentIds: [crypto.randomUUID()] }, 400, 'documentIds:document_not_found'],
      [{ scope: ['everything'] }, 400, 'scope.0:invalid_choice'],
    ];
    for (const [change, status, code] of cases) {
      const res = await post(net.clinicLawyer, `/cases/${c.caseId}/referrals`, { ...base, ...change });
      expect(res.statusCode, code).toBe(status);
      expect(fieldCodes(res)).toContain(code);
    }
    // Her own organization's service is not a referral.
    const own = await post(net.shelterAdmin, `/cases/${c.caseId}/referrals`, base);
    expect(own.statusCode).toBe(404);
  });
});

describe('what the receiving side sees', () => {
  it('exactly the scoped data, never the case', async () => {
    const { caseId, referral } = await sentToShelter();
    const inbox = ok(await get(net.shelterPartner, '/referrals?box=received')).json<ReferralListView>();
    const item = must(inbox.items.find((r) => r.id === referral.id));
    expect(item).toMatchObject({ side: 'recipient', caseId: null, caseCode: null, state: 'sent' });

    const res = ok(await get(net.shelterPartner, `/referrals/${referral.id}`));
    const seen = res.json<ReferralView>();
    expect(Object.keys(must(seen.shared))).toEqual(['identity']);
    expect(seen.shared?.identity).toMatchObject({ givenNames: 'María José', nationalities: ['HN'] });
    expect(seen).toMatchObject({ caseId: null, caseCode: null, message: 'Llega mañana con su hija' });
    expect(seen.can).toMatchObject({
      accept: true,
      decline: true,
      withdraw: false,
      letter: false,
      viewAccessLog: false,
    });
    // Nothing outside the scope is anywhere in the answer: contact, family, case code.
    for (const secret of ['+52 962 000 0000', 'Ana', 'Tapachula', 'IMU-'])
      expect(res.body.includes(secret), secret).toBe(false);

    for (const path of [
      `/cases/${caseId}`,
      `/cases/${caseId}/referrals`,
      `/cases/${caseId}/care`,
      `/cases/${caseId}/incidents`,
    ])
      expect((await get(net.shelterPartner, path)).statusCode, path).toBe(404);
  });

  it('a third organization, and the clinic’s analyst, get nothing', async () => {
    const { referral } = await sentToShelter();
    for (const who of [net.thirdAdmin, net.thirdPartner, net.clinicAnalyst]) {
      expect((await get(who, `/referrals/${referral.id}`)).statusCode).toBe(404);
      expect((await get(who, `/referrals/${referral.id}/access-log`)).statusCode).toBe(404);
      for (const act of ['accept', 'decline', 'withdraw', 'complete', 'assign', 'messages', 'send'])
        expect((await post(who, `/referrals/${referral.id}/${act}`, {})).statusCode, act).not.toBe(200);
      expect((await post(who, `/referrals/${referral.id}/messages`, { body: 'hola' })).statusCode).toBe(404);
    }
    const third = ok(await get(net.thirdAdmin, '/referrals?box=received')).json<ReferralListView>();
    expect(third.items.map((r) => r.id)).not.toContain(referral.id);
    expect((await get(net.clinicAnalyst, '/referrals')).statusCode).toBe(403);
  });

  it('staff of the receiving side who do not answer see only what is assigned to them', async () => {
    const { referral } = await sentToShelter();
    expect((await get(net.shelterWorker, `/referrals/${referral.id}`)).statusCode).toBe(404);
    const accepted = ok(
      await post(net.shelterPartner, `/referrals/${referral.id}/accept`, { assignedTo: net.shelterWorkerId }),
    ).json<ReferralView>();
    expect(accepted).toMatchObject({ state: 'accepted', assignedTo: { id: net.shelterWorkerId } });
    const theirs = ok(await get(net.shelterWorker, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(theirs.can).toMatchObject({ complete: true, assign: false });
    const done = ok(
      await post(net.shelterWorker, `/referrals/${referral.id}/complete`, {
        outcome: 'given',
        comment: 'Ingresó',
      }),
    ).json<ReferralView>();
    expect(done).toMatchObject({ state: 'completed', outcome: 'given' });
    // Once closed the receiving side keeps the record, not her data.
    expect(done.shared).toBeNull();
    const sender = ok(await get(net.clinicLawyer, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(sender.events.map((e) => e.state).filter(Boolean)).toEqual([
      'draft',
      'sent',
      'accepted',
      'completed',
    ]);
    expect(must(sender.events.at(-1))).toMatchObject({
      body: 'Ingresó',
      side: 'recipient',
      organization: 'Casa Refugio',
    });
  });

  it('the same case referred to two organizations: each sees only its own', async () => {
    const { caseId, shelterNeed, referral } = await sentToShelter();
    await consentToShare(env, net.clinicLawyer, caseId, 'Aliada', ['identity', 'contact_details']);
    const toThird = await refer(env, net.clinicLawyer, caseId, {
      needId: shelterNeed,
      serviceId: net.thirdService.id,
      scope: ['contact_details'],
    });
    const thirdView = ok(await get(net.thirdPartner, `/referrals/${toThird.id}`)).json<ReferralView>();
    expect(Object.keys(must(thirdView.shared))).toEqual(['contact']);
    expect((await get(net.thirdPartner, `/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await get(net.shelterPartner, `/referrals/${toThird.id}`)).statusCode).toBe(404);
    const shelterBox = ok(await get(net.shelterAdmin, '/referrals?box=received')).json<ReferralListView>();
    expect(shelterBox.items.map((r) => r.id)).not.toContain(toThird.id);
    const sent = ok(await get(net.clinicLawyer, `/cases/${caseId}/referrals`)).json<ReferralListView>();
    expect(sent.items.map((r) => r.id).sort()).toEqual([referral.id, toThird.id].sort());
  });
});

describe('access ends', () => {
  it('when she withdraws her consent: revoked, and the recipient gets 404 at once', async () => {
    const { caseId, referral } = await sentToShelter();
    const consents = ok(await get(net.clinicLawyer, `/cases/${caseId}/consents`)).json<{
      items: { id: string; recipient: string }[];
    }>();
    const consent = must(consents.items.find((c) => c.recipient === 'Casa Refugio'));
    ok(await get(net.shelterPartner, `/referrals/${referral.id}`));
    ok(
      await post(net.clinicLawyer, `/cases/${caseId}/consents/${consent.id}/withdraw`, {
        withdrawnOn: '2026-02-01',
        withdrawnBy: 'herself',
      }),
    );
    expect((await get(net.shelterPartner, `/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await post(net.shelterPartner, `/referrals/${referral.id}/accept`, {})).statusCode).toBe(404);
    const box = ok(await get(net.shelterPartner, '/referrals?box=received')).json<ReferralListView>();
    expect(box.items.map((r) => r.id)).not.toContain(referral.id);
    const sender = ok(await get(net.clinicLawyer, `/referrals/${referral.id}`)).json<ReferralView>();
    expect(sender).toMatchObject({ state: 'revoked', shared: null, consentHolds: false });
  });

  it('when the sender withdraws it', async () => {
    const { referral } = await sentToShelter();
    ok(await post(net.shelterPartner, `/referrals/${referral.id}/accept`, {}));
    const withdrawn = ok(
      await post(net.clinicLawyer, `/referrals/${referral.id}/withdraw`, { comment: 'Se mudó' }),
    ).json<ReferralView>();
    expect(withdrawn.state).toBe('withdrawn');
    expect((await get(net.shelterPartner, `/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await get(net.shelterAdmin, `/referrals/${referral.id}`)).statusCode).toBe(404);
  });
});

describe('the graph', () => {
  it('refuses moves outside it, and moves of the other side', async () => {
    const { referral } = await sentToShelter();
    const path = `/referrals/${referral.id}`;
    expect((await post(net.clinicLawyer, `${path}/accept`, {})).statusCode).toBe(403);
    expect((await post(net.shelterPartner, `${path}/withdraw`, {})).statusCode).toBe(403);
    expect(fieldCodes(await post(net.shelterPartner, `${path}/complete`, { outcome: 'given' }))).toEqual([
      'state:wrong_state',
    ]);
    expect(fieldCodes(await post(net.clinicLawyer, `${path}/send`))).toEqual(['state:wrong_state']);
    expect(fieldCodes(await post(net.shelterPartner, `${path}/decline`, { reason: 'other' }))).toEqual([
      'comment:reason_required',
    ]);
    ok(await post(net.shelterPartner, `${path}/decline`, { reason: 'no_capacity' }));
    for (const [who, act, body] of [
      [net.shelterPartner, 'accept', {}],
      [net.shelterPartner, 'complete', { outcome: 'given' }],
      [net.clinicLawyer, 'withdraw', {}],
    ] as const)
      expect(fieldCodes(await post(who, `${path}/${act}`, body)), act).toEqual(['state:wrong_state']);
    const declined = ok(await get(net.clinicLawyer, path)).json<ReferralView>();
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'no_capacity' });
    expect(fieldCodes(await post(net.clinicLawyer, `${path}/messages`, { body: 'hola' }))).toEqual([
      'state:wrong_state',
    ]);
  });

  it('not given needs a reason; an assignee must be of the receiving organization', async () => {
    const { referral } = await sentToShelter();
    const path = `/referrals/${referral.id}`;
    const stranger = net.clinicLawyer.userId;
    expect(fieldCodes(await post(net.shelterPartner, `${path}/accept`, { assignedTo: stranger }))).toEqual([
      'assignedTo:not_assignable',
    ]);
    ok(await post(net.shelterPartner, `${path}/accept`, {}));
    expect(fieldCodes(await post(net.shelterPartner, `${path}/complete`, { outcome: 'not_given' }))).toEqual([
      'reason:reason_required',
    ]);
    const done = ok(
      await post(net.shelterPartner, `${path}/complete`, { outcome: 'not_given', reason: 'did_not_arrive' }),
    ).json<ReferralView>();
    expect(done).toMatchObject({
      state: 'not_completed',
      outcome: 'not_given',
      notGivenReason: 'did_not_arrive',
    });
  });
});
