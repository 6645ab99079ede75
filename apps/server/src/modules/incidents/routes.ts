/**
 * A case's violence history. Everyone who may see the case sees the
 * structured facts and the summary; only NARRATIVE_READERS (coordinators,
 * lawyers, psychologists) get the narrative, which is sealed at rest with the
 * incident id as associated data. Others may still write one (at intake) and
 * are told that it exists. Every read and change is audited, field names only.
 */
import type { FastifyInstance, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  ageAtIncident,
  canReadNarratives,
  fieldErrorsFromIssues,
  incidentContextFlags,
  incidentInput,
  incidentListView,
  incidentPatch,
  incidentView,
  summarizeIncidents,
  type Incident,
  type IncidentView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CaseIncidentsTable, CasesTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/errors.js';
import { findVisibleCase, survivorAgeOf, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';

const incidentParams = z.strictObject({ id: z.uuid(), incidentId: z.uuid() });
const narrativeAad = (incidentId: string) => `case_incidents:narrative:${incidentId}`;

type Row = CaseIncidentsTable & { recorded_by: string | null };

/** The stored facts as the domain's incident (the narrative is not part of it). */
function incidentOf(row: CaseIncidentsTable): Omit<Incident, 'narrative'> {
  return {
    from: row.from_date,
    to: row.to_date,
    phase: row.phase as Incident['phase'],
    country: row.country as Incident['country'],
    state: row.state as Incident['state'],
    types: JSON.parse(row.types) as Incident['types'],
    modality: row.modality as Incident['modality'],
    gbvType: row.gbv_type as Incident['gbvType'],
    perpetrator: row.perpetrator as Incident['perpetrator'],
    perpetratorCount: row.perpetrator_count,
    reported: row.reported as Incident['reported'],
    reportedTo: JSON.parse(row.reported_to) as Incident['reportedTo'],
    reportedToDetail: row.reported_to_detail,
  };
}

function columnsOf(incident: Incident) {
  return {
    from_date: incident.from,
    to_date: incident.to,
    phase: incident.phase,
    country: incident.country,
    state: incident.state,
    types: JSON.stringify(incident.types),
    modality: incident.modality,
    gbv_type: incident.gbvType,
    perpetrator: incident.perpetrator,
    perpetrator_count: incident.perpetratorCount,
    reported: incident.reported,
    reported_to: JSON.stringify(incident.reportedTo),
    reported_to_detail: incident.reportedToDetail,
  };
}

async function present(
  ctx: AppContext,
  log: FastifyBaseLogger,
  actor: Actor,
  survivor: CasesTable,
  row: Row,
): Promise<IncidentView> {
  const facts = incidentOf(row);
  const readable = canReadNarratives(actor.role);
  let text: string | null = null;
  let unreadable = false;
  if (readable && row.narrative_enc) {
    try {
      text = await ctx.cipher.decrypt(row.narrative_enc, narrativeAad(row.id));
    } catch {
      log.error({ incidentId: row.id }, 'an incident narrative could not be decrypted');
      unreadable = true;
    }
  }
  const age = ageAtIncident(survivorAgeOf(survivor), facts.from);
  return {
    id: row.id,
    ...facts,
    contextFlags: incidentContextFlags(facts, age),
    narrative: {
      present: row.narrative_enc !== null,
      readable,
      text: readable ? (text ?? '') : null,
      unreadable,
    },
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function loadRows(trx: Db, caseId: string, incidentId?: string) {
  let query = trx
    .selectFrom('case_incidents as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select('u.display_name as recorded_by')
    .where('i.case_id', '=', caseId);
  if (incidentId) query = query.where('i.id', '=', incidentId);
  return query.orderBy('i.from_date').orderBy('i.created_at').execute();
}

export function registerIncidentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/incidents',
    {
      schema: { tags: ['violence'], params: caseParams, response: { 200: incidentListView, ...caseErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const rows = await loadRows(trx, survivor.id);
        const items = await Promise.all(rows.map((row) => present(ctx, request.log, actor, survivor, row)));
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.incidents.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
          fields: canReadNarratives(actor.role) ? ['facts', 'narrative'] : ['facts'],
        });
        return { items, summary: summarizeIncidents(items) };
      });
    },
  );

  r.post(
    '/cases/:id/incidents',
    {
      schema: {
        tags: ['violence'],
        params: caseParams,
        body: incidentInput,
        response: { 201: incidentView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const incident = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const id = uuidv7();
        const now = nowIso();
        const narrative = incident.narrative?.trim() ? incident.narrative : null;
        await trx
          .insertInto('case_incidents')
          .values({
            id,
            case_id: survivor.id,
            ...columnsOf(incident),
            narrative_enc: narrative === null ? null : ctx.cipher.encrypt(narrative, narrativeAad(id)),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.incident.create',
          entityType: 'case_incident',
          entityId: id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, id);
        if (!row) throw notFound();
        return present(ctx, request.log, actor, survivor, row);
      });
      return reply.code(201).send(view);
    },
  );

  r.patch(
    '/cases/:id/incidents/:incidentId',
    {
      schema: {
        tags: ['violence'],
        params: incidentParams,
        body: incidentPatch,
        response: { 200: incidentView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const [current] = await loadRows(trx, survivor.id, request.params.incidentId);
        if (!current) throw notFound();
        // The change applied to the stored facts, checked again as a whole.
        const merged = incidentInput.safeParse({ ...incidentOf(current), ...request.body });
        if (!merged.success) throw invalid(fieldErrorsFromIssues(merged.error.issues));
        const now = nowIso();
        const { narrative } = request.body;
        await trx
          .updateTable('case_incidents')
          .set({
            ...columnsOf(merged.data),
            ...(narrative === undefined
              ? {}
              : {
                  narrative_enc: narrative.trim()
                    ? ctx.cipher.encrypt(narrative, narrativeAad(current.id))
                    : null,
                }),
            updated_at: now,
          })
          .where('id', '=', current.id)
          .execute();
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.incident.update',
          entityType: 'case_incident',
          entityId: current.id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, current.id);
        if (!row) throw notFound();
        return present(ctx, request.log, actor, survivor, row);
      });
    },
  );

  r.delete(
    '/cases/:id/incidents/:incidentId',
    { schema: { tags: ['violence'], params: incidentParams, response: { 204: z.null(), ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const deleted = await trx
          .deleteFrom('case_incidents')
          .where('id', '=', request.params.incidentId)
          .where('case_id', '=', survivor.id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await touchCase(trx, survivor.id, nowIso());
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.incident.delete',
          entityType: 'case_incident',
          entityId: request.params.incidentId,
          caseId: survivor.id,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
