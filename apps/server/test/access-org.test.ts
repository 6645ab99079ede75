/**
 * The organization's own endpoints (deadlines, deadline rules, calendar,
 * notifications, calendar feed) for every role of two organizations: allowed
 * roles get their answer, every other role 403; and what one organization
 * writes is never seen by the other. The rows are in access-rules.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@senda/domain';
import {
  addOrganization,
  addUser,
  apiError,
  createTestEnv,
  request,
  signIn,
  type Session,
  type TestEnv,
} from './harness.js';
import {
  API,
  ORGS,
  ORG_ENDPOINTS,
  ROLES,
  holiday,
  revisionRule,
  type Org,
  type OrgEndpoint,
} from './access-rules.js';

let env: TestEnv;
const sessions = {} as Record<Org, Record<Role, Session>>;

beforeAll(async () => {
  env = await createTestEnv();
  for (const org of ORGS) {
    const orgId = await addOrganization(env, `Clínica ${org}`, org === 'A' ? 'IMU' : 'FMB');
    sessions[org] = {} as Record<Role, Session>;
    for (const role of ROLES) {
      await addUser(env, orgId, role, `${role}@${org.toLowerCase()}.test`);
      sessions[org][role] = await signIn(env, `${role}@${org.toLowerCase()}.test`);
    }
  }
});
afterAll(() => env.close());

function allowed(ep: OrgEndpoint, role: Role): boolean {
  return ep.allowed === 'everyone' || ep.allowed.includes(role);
}

/** A fresh thing of the caller's organization for a call that consumes it. */
async function prepare(ep: OrgEndpoint, org: Org): Promise<Record<string, string>> {
  const admin = sessions[org].admin;
  if (ep.fresh === 'calendarEntry') {
    const res = await request(env, admin, 'POST', `${API}/calendar/entries`, holiday('matriz'));
    expect(res.statusCode, res.body).toBe(201);
    return { entryId: res.json<{ id: string }>().id };
  }
  if (ep.fresh === 'ruleChange') {
    const res = await request(env, admin, 'PUT', `${API}/deadline-rules/revision`, revisionRule);
    expect(res.statusCode, res.body).toBe(200);
  }
  return {};
}

const rows = ORGS.flatMap((org) => ROLES.flatMap((role) => ORG_ENDPOINTS.map((ep) => ({ org, role, ep }))));

describe('organization endpoints, by role', () => {
  it.each(
    rows.map(
      (r) =>
        [
          `${r.org} ${r.role} ${r.ep.method} ${r.ep.path} → ${allowed(r.ep, r.role) ? r.ep.ok : 403}`,
          r,
        ] as const,
    ),
  )('%s', async (_name, { org, role, ep }) => {
    const params = await prepare(ep, org);
    const path = API + ep.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `missing-${name}`);
    const res = await request(env, sessions[org][role], ep.method, path, ep.body?.(`${org}-${role}`));
    if (allowed(ep, role)) {
      expect(res.statusCode, res.body).toBe(ep.ok);
    } else {
      expect(res.statusCode, res.body).toBe(403);
      expect(apiError(res).code).toBe('forbidden');
    }
  });
});

describe('between organizations', () => {
  it('a calendar entry, a rule change or a deletion of one organization never reaches the other', async () => {
    const a = sessions.A.admin;
    const b = sessions.B.admin;
    const source = 'Acuerdo solo de A, DOF 2026-07-01';
    const created = await request(env, a, 'POST', `${API}/calendar/entries`, { ...holiday('A'), source });
    expect(created.statusCode).toBe(201);
    const entryId = created.json<{ id: string }>().id;
    const seenByB = await request(env, b, 'GET', `${API}/calendar/entries`);
    expect(seenByB.body).not.toContain(source);
    expect((await request(env, b, 'DELETE', `${API}/calendar/entries/${entryId}`)).statusCode).toBe(404);
    expect((await request(env, a, 'GET', `${API}/calendar/entries`)).body).toContain(source);

    const changed = { ...revisionRule, legalBasis: 'Solo A' };
    expect((await request(env, a, 'PUT', `${API}/deadline-rules/revision`, changed)).statusCode).toBe(200);
    const bRules = await request(env, b, 'GET', `${API}/deadline-rules`);
    expect(bRules.body).not.toContain('Solo A');
    const aRules = await request(env, a, 'GET', `${API}/deadline-rules`);
    expect(aRules.body).toContain('Solo A');
  });
});
