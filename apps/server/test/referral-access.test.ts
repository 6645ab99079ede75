/**
 * Every role of the sending, the receiving and a third organization against
 * every referral endpoint, on both databases. The rule under test, written out:
 * - sending side: who can see the case (admins and coordinators; the lawyer
 *   who made it) reads the referral; the other staff and the analyst and the
 *   partner of the sending organization get 404;
 * - receiving side: admins, coordinators and partners read and answer it;
 *   other staff (not assigned) and the analyst get 404;
 * - a third organization: 404 for every role on every endpoint.
 * Writes by someone who reads it but whose side does not make that move: 403
 * (409 when the graph has no such move from the referral's state at all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_MOVES, ROLES, type ReferralState, type ReferralView, type Role } from '@senda/domain';
import { addUser, createTestEnv, request, signIn, type Session, type TestEnv } from './harness.js';
import {
  API,
  buildNetwork,
  consentToShare,
  refer,
  referableCase,
  type Network,
} from './referral-fixtures.js';

let env: TestEnv;
let net: Network;
let referral: ReferralView;
const people = new Map<string, Session>();

const SENDER_READERS: Role[] = ['admin', 'coordinator', 'lawyer'];
const RECIPIENT_READERS: Role[] = ['admin', 'coordinator', 'partner'];

beforeAll(async () => {
  env = await createTestEnv();
  net = await buildNetwork(env);
  const orgs = await env.ctx.db.selectFrom('organizations').select(['id', 'case_prefix']).execute();
  for (const { id, case_prefix: prefix } of orgs)
    for (const role of ROLES) {
      const email = `${role}.matrix@${prefix.toLowerCase()}.test`;
      // The lawyer of the clinic is the one who makes the referral (fixtures); the others are new.
      if (prefix === 'IMU' && role === 'lawyer') {
        people.set(`IMU:lawyer`, net.clinicLawyer);
        continue;
      }
      await addUser(env, id, role, email);
      people.set(`${prefix}:${role}`, await signIn(env, email));
    }
  const c = await referableCase(env, net);
  await consentToShare(env, net.clinicLawyer, c.caseId, 'Casa Refugio', ['identity']);
  referral = await refer(env, net.clinicLawyer, c.caseId, {
    needId: c.shelterNeed,
    serviceId: net.shelterService.id,
    scope: ['identity'],
  });
});
afterAll(() => env.close());

const TARGET: Record<string, ReferralState | undefined> = {
  withdraw: 'withdrawn',
  send: 'sent',
  accept: 'accepted',
  decline: 'declined',
  complete: 'completed',
};

const reads = () => [`/referrals/${referral.id}`];
/** Moves and acts, with a body that would be valid: refused before or after reading it. */
const writes = (): [string, string, unknown][] => [
  ['sender', 'withdraw', { comment: '' }],
  ['sender', 'send', {}],
  ['recipient', 'accept', {}],
  ['recipient', 'decline', { reason: 'no_capacity' }],
  ['recipient', 'complete', { outcome: 'given' }],
  ['recipient', 'assign', { userId: net.shelterWorkerId }],
];

describe('who reaches a referral', () => {
  for (const prefix of ['IMU', 'REF', 'ALI'])
    for (const role of ROLES)
      it(`${prefix} ${role}`, async () => {
        const who = people.get(`${prefix}:${role}`);
        if (!who) throw new Error('missing person');
        const side =
          prefix === 'IMU' && SENDER_READERS.includes(role)
            ? 'sender'
            : prefix === 'REF' && RECIPIENT_READERS.includes(role)
              ? 'recipient'
              : null;
        for (const path of reads()) {
          const res = await request(env, who, 'GET', `${API}${path}`);
          expect(res.statusCode, path).toBe(side ? 200 : 404);
        }
        const log = await request(env, who, 'GET', `${API}/referrals/${referral.id}/access-log`);
        expect(log.statusCode).toBe(side === 'sender' && role !== 'lawyer' ? 200 : side ? 403 : 404);
        for (const [owner, act, body] of writes()) {
          // The owner side's own moves are tested elsewhere: making them here would change what the next role sees.
          if (side === owner) continue;
          const res = await request(env, who, 'POST', `${API}/referrals/${referral.id}/${act}`, body);
          // The other side's move is forbidden (403); a move the graph does not have from `sent` is refused (409).
          const target = TARGET[act];
          const inGraph = target === undefined || REFERRAL_MOVES.sent[target] !== undefined;
          expect(res.statusCode, act).toBe(side ? (inGraph ? 403 : 409) : 404);
        }
        if (side === 'sender')
          expect(
            (await request(env, who, 'POST', `${API}/referrals/${referral.id}/send`, {})).statusCode,
          ).toBe(409);
        const box = await request(env, who, 'GET', `${API}/referrals?box=received`);
        if (role === 'analyst') expect(box.statusCode).toBe(403);
        else
          expect(box.json<{ items: { id: string }[] }>().items.some((r) => r.id === referral.id)).toBe(
            side === 'recipient',
          );
      });
});
