/**
 * Fresh things for the access matrix's calls that need or consume what their
 * path names (a family member, a procedure, an incident, a document…),
 * created by org A's coordinator on the case under test.
 */
import type { Role } from '@senda/domain';
import { multipartBody, must, request, type Session, type TestEnv } from './harness.js';
import {
  API,
  assessment,
  consent,
  decision,
  incident,
  member,
  need,
  type CaseEndpoint,
} from './access-rules.js';

function ok(res: Awaited<ReturnType<typeof request>>, status: number) {
  if (res.statusCode !== status)
    throw new Error(`setup: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json<Record<string, unknown>>();
}

/** The newest of a list of things with UUIDv7 ids (they sort by creation). */
const newest = (items: { id: string }[]) =>
  must([...items].sort((a, b) => a.id.localeCompare(b.id)).pop()).id;

interface Care {
  needs: { id: string }[];
  goals: { id: string; actions: { id: string }[] }[];
  approvals: { id: string; status: string }[];
}

/** Care things on the case (a need, a goal, an action, a pending plan request), made by org A's staff. */
async function prepareCare(
  env: TestEnv,
  A: Record<Role, Session>,
  callerRole: Role,
  fresh: CaseEndpoint['fresh'],
  params: Record<string, string>,
): Promise<void> {
  const id = must(params.id);
  const coordinator = A.coordinator;
  const db = env.ctx.db;
  // No request left pending by an earlier call; the case open again after a reopening test.
  if (fresh === 'planReady' || fresh === 'planRequest' || fresh === 'closable')
    await db
      .updateTable('case_approvals')
      .set({ status: 'withdrawn' })
      .where('case_id', '=', id)
      .where('status', '=', 'pending')
      .where('kind', '=', fresh === 'closable' ? 'closure' : 'care_plan')
      .execute();
  if (fresh === 'closed') {
    await db
      .updateTable('cases')
      .set({ status: 'closed', closure_reason: 'moved_away' })
      .where('id', '=', id)
      .execute();
    return;
  }
  if (fresh === 'closable') return;
  ok(await request(env, coordinator, 'POST', `${API}/cases/${id}/consents`, consent), 201);
  const withNeed = ok(
    await request(env, coordinator, 'POST', `${API}/cases/${id}/needs`, need),
    201,
  ) as unknown as Care;
  params.needId = newest(withNeed.needs);
  if (fresh === 'need') return;
  const withGoal = ok(
    await request(env, coordinator, 'POST', `${API}/cases/${id}/goals`, {
      needId: params.needId,
      title: 'Meta',
    }),
    201,
  ) as unknown as Care;
  params.goalId = newest(withGoal.goals);
  if (fresh === 'action') {
    const withAction = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${id}/actions`, {
        goalId: params.goalId,
        title: 'Acción',
      }),
      201,
    ) as unknown as Care;
    params.actionId = newest(withAction.goals.flatMap((g) => g.actions));
  }
  if (fresh === 'planRequest') {
    // Asked by someone other than the caller: nobody decides on her own request.
    const requester = callerRole === 'admin' ? A.coordinator : A.admin;
    const asked = ok(
      await request(env, requester, 'POST', `${API}/cases/${id}/care-plan/submit`, {}),
      201,
    ) as unknown as Care;
    params.approvalId = must(asked.approvals.find((a) => a.status === 'pending')).id;
  }
}

/** Undo what a call may leave behind that would stand in the way of the next ones. */
export async function restoreAfter(
  env: TestEnv,
  fresh: CaseEndpoint['fresh'],
  params: Record<string, string>,
) {
  if (fresh === 'closed')
    await env.ctx.db
      .updateTable('cases')
      .set({ status: 'open', closure_reason: null })
      .where('id', '=', must(params.id))
      .execute();
}

export async function prepareFresh(
  env: TestEnv,
  A: Record<Role, Session>,
  callerRole: Role,
  fresh: CaseEndpoint['fresh'],
  params: Record<string, string>,
  spareId: string,
): Promise<void> {
  const coordinator = A.coordinator;
  if (
    fresh === 'need' ||
    fresh === 'goal' ||
    fresh === 'action' ||
    fresh === 'planReady' ||
    fresh === 'closable' ||
    fresh === 'planRequest' ||
    fresh === 'closed'
  )
    return prepareCare(env, A, callerRole, fresh, params);
  if (fresh === 'member') {
    const created = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${params.id}/members`, member),
      201,
    );
    params.memberId = created.id as string;
  }
  if (fresh === 'procedure' || fresh === 'event') {
    const procedure = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${params.id}/procedures`, { label: 'Matriz' }),
      201,
    );
    params.procedureId = procedure.id as string;
    if (fresh === 'event') {
      const events = ok(
        await request(
          env,
          coordinator,
          'POST',
          `${API}/cases/${params.id}/procedures/${params.procedureId}/events`,
          decision,
        ),
        201,
      ).events as { id: string }[];
      params.eventId = must(events[0], 'event').id;
    }
  }
  if (fresh === 'incident') {
    const created = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${params.id}/incidents`, incident),
      201,
    );
    params.incidentId = created.id as string;
  }
  if (fresh === 'assessment') {
    const created = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${params.id}/risk`, assessment),
      201,
    );
    params.assessmentId = created.id as string;
  }
  if (fresh === 'consent') {
    const created = ok(
      await request(env, coordinator, 'POST', `${API}/cases/${params.id}/consents`, consent),
      201,
    );
    params.consentId = created.id as string;
  }
  if (fresh === 'document') {
    const body = multipartBody(
      { kind: 'identity' },
      { name: 'pasaporte.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    );
    const res = await env.app.inject({
      method: 'POST',
      url: `${API}/cases/${params.id}/documents`,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrf,
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    params.documentId = ok(res, 201).id as string;
  }
  if (fresh === 'assignment') {
    ok(
      await request(env, coordinator, 'PUT', `${API}/cases/${params.id}/staff/${spareId}`, {
        roleOnCase: 'support',
      }),
      200,
    );
  }
}
