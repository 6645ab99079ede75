/**
 * The access rule under test, written out on its own (not imported from the
 * server's policy), and the endpoints it is checked against. The matrix in
 * access-matrix.test.ts is generated from these tables: a new endpoint is one
 * more row here.
 */
import { CLOSURE_CHECKLIST, RISK_QUESTION_CODES, defaultRule, type Role } from '@senda/domain';
import { PASSWORD } from './harness.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Org = 'A' | 'B';
export type CaseKey = 'assigned' | 'unassigned';

export const API = '/api/v1';
export const ROLES: Role[] = [
  'admin',
  'coordinator',
  'lawyer',
  'psychologist',
  'social_worker',
  'intake',
  'analyst',
  'partner',
];
export const ORGS: Org[] = ['A', 'B'];
export const CASE_KEYS: CaseKey[] = ['assigned', 'unassigned'];

// The rule under test.
export const SEES_ALL_OF_ORG: Role[] = ['admin', 'coordinator'];
export const SEES_ASSIGNED: Role[] = ['lawyer', 'psychologist', 'social_worker', 'intake'];
export const TRAIL_READERS: Role[] = ['admin', 'coordinator'];
/** Who approves or returns care plans and closures. */
export const DECIDERS: Role[] = ['admin', 'coordinator'];
export const NAMES: Record<CaseKey, { givenNames: string; familyNames: string }> = {
  assigned: { givenNames: 'Xiomara', familyNames: 'Quintanilla' },
  unassigned: { givenNames: 'Yolanda', familyNames: 'Zamora' },
};

export function caseWorker(role: Role): boolean {
  return SEES_ALL_OF_ORG.includes(role) || SEES_ASSIGNED.includes(role);
}
/** Which of org A's two cases this person may see. */
export function visible(org: Org, role: Role): CaseKey[] {
  if (org !== 'A' || !caseWorker(role)) return [];
  return SEES_ALL_OF_ORG.includes(role) ? ['assigned', 'unassigned'] : ['assigned'];
}

export interface CaseEndpoint {
  method: Method;
  path: string;
  ok: number;
  /** Audit trail and field history: coordinators and admins only. */
  trail?: boolean;
  /** Deciding on (or withdrawing another's) approval request: coordinators and admins only. */
  deciders?: boolean;
  /** The body; `params` are the prepared ids (absent where nothing was prepared). */
  body?: (who: string, params?: Record<string, string>) => unknown;
  /** The call needs or consumes what its path names: prepare a fresh one first. */
  fresh?:
    | 'member'
    | 'assignment'
    | 'procedure'
    | 'event'
    | 'incident'
    | 'document'
    | 'consent'
    | 'assessment'
    | 'need'
    | 'goal'
    | 'action'
    | 'planReady'
    | 'closable'
    | 'planRequest'
    | 'closed';
}

/** An id that names nothing (for bodies of calls refused before they are read). */
export const NO_ID = '00000000-0000-7000-8000-000000000000';
export const need = { domain: 'other', identifiedOn: '2026-01-12' };
export const checklist = Object.fromEntries(CLOSURE_CHECKLIST.map((item) => [item, true]));

export const assessment = {
  assessedOn: '2026-02-02',
  answers: Object.fromEntries(RISK_QUESTION_CODES.map((q) => [q, 'no'])),
};

export const consent = {
  purpose: 'services',
  scope: ['identity'],
  method: 'electronic_signature',
  givenOn: '2026-01-12',
};

export const incident = {
  from: '2025-11',
  phase: 'transit',
  country: 'GT',
  types: ['physical'],
  gbvType: 'physical_assault',
  perpetrator: 'gang_organized_crime',
  narrative: 'Relato de prueba',
};

export const decision = { type: 'decision_notified', date: '2026-04-01', details: { outcome: 'negative' } };

export const member = { relationship: 'son', givenNames: 'Luis', sex: 'male', estimatedAge: 3 };
export const CASE_ENDPOINTS: CaseEndpoint[] = [
  { method: 'GET', path: '/cases/:id', ok: 200 },
  { method: 'PATCH', path: '/cases/:id', ok: 200, body: (who) => ({ municipality: `Tapachula ${who}` }) },
  { method: 'POST', path: '/cases/:id/members', ok: 201, body: () => member },
  { method: 'PATCH', path: '/cases/:id/members/:memberId', ok: 200, body: (who) => ({ familyNames: who }) },
  { method: 'DELETE', path: '/cases/:id/members/:memberId', ok: 204, fresh: 'member' },
  { method: 'PUT', path: '/cases/:id/staff/:userId', ok: 200, body: () => ({ roleOnCase: 'support' }) },
  { method: 'DELETE', path: '/cases/:id/staff/:userId', ok: 204, fresh: 'assignment' },
  { method: 'GET', path: '/cases/:id/notes', ok: 200 },
  {
    method: 'POST',
    path: '/cases/:id/notes',
    ok: 201,
    body: () => ({ noteClass: 'general', body: 'Llamada de seguimiento' }),
  },
  { method: 'GET', path: '/cases/:id/procedures', ok: 200 },
  { method: 'POST', path: '/cases/:id/procedures', ok: 201, body: (who) => ({ label: `Solicitud ${who}` }) },
  {
    method: 'POST',
    path: '/cases/:id/procedures/:procedureId/events',
    ok: 201,
    body: () => decision,
    fresh: 'procedure',
  },
  { method: 'DELETE', path: '/cases/:id/procedures/:procedureId/events/:eventId', ok: 204, fresh: 'event' },
  { method: 'GET', path: '/cases/:id/incidents', ok: 200 },
  { method: 'POST', path: '/cases/:id/incidents', ok: 201, body: () => incident },
  {
    method: 'PATCH',
    path: '/cases/:id/incidents/:incidentId',
    ok: 200,
    body: () => ({ perpetratorCount: 2 }),
    fresh: 'incident',
  },
  { method: 'DELETE', path: '/cases/:id/incidents/:incidentId', ok: 204, fresh: 'incident' },
  { method: 'GET', path: '/cases/:id/risk', ok: 200 },
  { method: 'POST', path: '/cases/:id/risk', ok: 201, body: () => assessment },
  {
    method: 'PUT',
    path: '/cases/:id/risk/:assessmentId/safety-plan',
    ok: 200,
    body: () => ({ measures: ['Cambiar la ruta'] }),
    fresh: 'assessment',
  },
  { method: 'GET', path: '/cases/:id/consents', ok: 200 },
  { method: 'POST', path: '/cases/:id/consents', ok: 201, body: () => consent },
  {
    method: 'POST',
    path: '/cases/:id/consents/:consentId/withdraw',
    ok: 200,
    body: () => ({ withdrawnOn: '2026-02-01', withdrawnBy: 'herself' }),
    fresh: 'consent',
  },
  { method: 'GET', path: '/cases/:id/care', ok: 200 },
  { method: 'GET', path: '/cases/:id/referrals', ok: 200 },
  { method: 'GET', path: '/cases/:id/service-matches?needId=:needId', ok: 200, fresh: 'need' },
  { method: 'POST', path: '/cases/:id/needs', ok: 201, body: () => need },
  {
    method: 'PATCH',
    path: '/cases/:id/needs/:needId',
    ok: 200,
    body: () => ({ priority: 'high' }),
    fresh: 'need',
  },
  { method: 'DELETE', path: '/cases/:id/needs/:needId', ok: 200, fresh: 'need' },
  {
    method: 'POST',
    path: '/cases/:id/goals',
    ok: 201,
    body: (_, p) => ({ needId: p?.needId ?? NO_ID, title: 'Vivienda segura' }),
    fresh: 'need',
  },
  {
    method: 'PATCH',
    path: '/cases/:id/goals/:goalId',
    ok: 200,
    body: () => ({ title: 'Meta' }),
    fresh: 'goal',
  },
  { method: 'DELETE', path: '/cases/:id/goals/:goalId', ok: 200, fresh: 'goal' },
  {
    method: 'POST',
    path: '/cases/:id/actions',
    ok: 201,
    body: (_, p) => ({ goalId: p?.goalId ?? NO_ID, title: 'Llamar al refugio' }),
    fresh: 'goal',
  },
  {
    method: 'PATCH',
    path: '/cases/:id/actions/:actionId',
    ok: 200,
    body: () => ({ status: 'in_progress' }),
    fresh: 'action',
  },
  { method: 'DELETE', path: '/cases/:id/actions/:actionId', ok: 200, fresh: 'action' },
  {
    method: 'POST',
    path: '/cases/:id/actions/:actionId/follow-ups',
    ok: 201,
    body: () => ({ on: '2026-02-01', note: 'Seguimiento' }),
    fresh: 'action',
  },
  { method: 'POST', path: '/cases/:id/care-plan/submit', ok: 201, body: () => ({}), fresh: 'planReady' },
  {
    method: 'POST',
    path: '/cases/:id/closure',
    ok: 201,
    body: () => ({ reason: 'moved_away', checklist }),
    fresh: 'closable',
  },
  {
    method: 'POST',
    path: '/cases/:id/approvals/:approvalId/decision',
    ok: 200,
    body: () => ({ decision: 'approve' }),
    fresh: 'planRequest',
    deciders: true,
  },
  {
    method: 'POST',
    path: '/cases/:id/approvals/:approvalId/withdraw',
    ok: 200,
    body: () => ({}),
    fresh: 'planRequest',
    deciders: true,
  },
  { method: 'POST', path: '/cases/:id/reopen', ok: 200, body: () => ({ reason: 'Volvió' }), fresh: 'closed' },
  { method: 'GET', path: '/cases/:id/documents', ok: 200 },
  { method: 'GET', path: '/cases/:id/documents/:documentId/file', ok: 200, fresh: 'document' },
  { method: 'GET', path: '/cases/:id/audit', ok: 200, trail: true },
  { method: 'GET', path: '/cases/:id/history', ok: 200, trail: true },
];

export function expectedStatus(org: Org, role: Role, key: CaseKey, ep: CaseEndpoint): number {
  if (!visible(org, role).includes(key)) return 404;
  if (ep.trail && !TRAIL_READERS.includes(role)) return 403;
  if (ep.deciders && !DECIDERS.includes(role)) return 403;
  return ep.ok;
}

export interface ListEndpoint {
  name: string;
  method: Method;
  path: string;
  body?: (key: CaseKey, codes: Record<CaseKey, string>) => unknown;
  /** Only this case is looked for (a search by its name or code). */
  only?: boolean;
}
export const LIST_ENDPOINTS: ListEndpoint[] = [
  { name: 'GET /cases', method: 'GET', path: '/cases?limit=100' },
  {
    name: 'POST /cases/search without q',
    method: 'POST',
    path: '/cases/search',
    body: () => ({ limit: 100 }),
  },
  {
    name: 'POST /cases/search by name',
    method: 'POST',
    path: '/cases/search',
    body: (k) => ({ q: NAMES[k].familyNames }),
    only: true,
  },
  {
    name: 'POST /cases/search by code',
    method: 'POST',
    path: '/cases/search',
    body: (k, codes) => ({ q: codes[k] }),
    only: true,
  },
];

export interface UserEndpoint {
  method: Method;
  path: string;
  ok: number;
  body?: (who: string) => unknown;
  /** Names a user of org A. */
  targetsA?: boolean;
}
export const USER_ENDPOINTS: UserEndpoint[] = [
  { method: 'GET', path: '/users', ok: 200 },
  {
    method: 'POST',
    path: '/users',
    ok: 201,
    body: (who) => ({
      email: `new-${who}@test.org`,
      displayName: 'Nueva',
      role: 'lawyer',
      password: PASSWORD,
    }),
  },
  {
    method: 'PATCH',
    path: '/users/:userId',
    ok: 200,
    body: () => ({ displayName: 'Apoyo' }),
    targetsA: true,
  },
  {
    method: 'POST',
    path: '/users/:userId/password',
    ok: 204,
    body: () => ({ password: 'another long passphrase 42' }),
    targetsA: true,
  },
];

/**
 * Endpoints of the organization (not of one case): who may call them. Each
 * answers about the caller's own organization only; the tests check that too.
 */
export interface OrgEndpoint {
  method: Method;
  path: string;
  ok: number;
  allowed: readonly Role[] | 'everyone';
  body?: (who: string) => unknown;
  /** The call consumes what its path names: the caller's organization gets a fresh one first. */
  fresh?: 'calendarEntry' | 'ruleChange';
}

export const revisionRule = { ...defaultRule('revision'), legalBasis: 'LRPCAP art. 25 (revisado)' };
const CASE_WORKERS: Role[] = [...SEES_ALL_OF_ORG, ...SEES_ASSIGNED];
export const holiday = (who: string) => ({
  authority: 'comar_inm',
  kind: 'non_business_day',
  date: '2026-06-15',
  source: `Acuerdo ${who}, DOF 2026-06-01`,
});
export const ORG_ENDPOINTS: OrgEndpoint[] = [
  { method: 'GET', path: '/deadlines', ok: 200, allowed: CASE_WORKERS },
  { method: 'GET', path: '/deadline-rules', ok: 200, allowed: CASE_WORKERS },
  { method: 'PUT', path: '/deadline-rules/revision', ok: 200, allowed: ['admin'], body: () => revisionRule },
  { method: 'DELETE', path: '/deadline-rules/revision', ok: 204, allowed: ['admin'], fresh: 'ruleChange' },
  { method: 'GET', path: '/calendar/entries', ok: 200, allowed: CASE_WORKERS },
  { method: 'GET', path: '/calendar/comar_inm/2026', ok: 200, allowed: CASE_WORKERS },
  { method: 'POST', path: '/calendar/entries', ok: 201, allowed: SEES_ALL_OF_ORG, body: holiday },
  {
    method: 'DELETE',
    path: '/calendar/entries/:entryId',
    ok: 204,
    allowed: SEES_ALL_OF_ORG,
    fresh: 'calendarEntry',
  },
  { method: 'GET', path: '/notifications', ok: 200, allowed: 'everyone' },
  { method: 'GET', path: '/session/calendar-feed', ok: 200, allowed: 'everyone' },
  { method: 'POST', path: '/session/calendar-feed', ok: 201, allowed: CASE_WORKERS },
  { method: 'DELETE', path: '/session/calendar-feed', ok: 204, allowed: 'everyone' },
  { method: 'GET', path: '/my-work', ok: 200, allowed: CASE_WORKERS },
];
