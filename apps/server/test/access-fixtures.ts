/**
 * Fresh things for the access matrix's calls that need or consume what their
 * path names (a family member, a procedure, an incident, a document…),
 * created by org A's coordinator on the case under test.
 */
import { multipartBody, must, request, type Session, type TestEnv } from './harness.js';
import { API, assessment, consent, decision, incident, member, type CaseEndpoint } from './access-rules.js';

function ok(res: Awaited<ReturnType<typeof request>>, status: number) {
  if (res.statusCode !== status)
    throw new Error(`setup: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json<Record<string, unknown>>();
}

export async function prepareFresh(
  env: TestEnv,
  coordinator: Session,
  fresh: CaseEndpoint['fresh'],
  params: Record<string, string>,
  spareId: string,
): Promise<void> {
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
