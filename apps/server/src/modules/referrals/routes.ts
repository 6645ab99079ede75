/**
 * Referrals: made from a case need to a directory service, listed for a case,
 * in the receiving organization's inbox and on the sender's dashboard, read
 * by either side (each read audited; the sending organization's coordinators
 * see who opened it), and the documents it shares.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  OPEN_NEED_STATUSES,
  REFERRAL_OPEN_STATES,
  documentKindsFor,
  referralAccessLogView,
  referralCreateInput,
  referralListQuery,
  referralListView,
  referralView,
  todayInMexico,
  type NeedStatus,
  type ReferralState,
  type Service,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { findVisibleCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { findOpenCase } from '../care/guard.js';
import { sendDocumentFile } from '../documents/routes.js';
import { canReadAccessLog, inboxScope, reachReferral, referralRows, scopeOf, sentScope } from './access.js';
import { addEvent, moveReferral, refuse } from './moves.js';
import { presentReferral, presentSummary, sealText } from './present.js';

export const referralParams = z.strictObject({ id: z.uuid() });
const documentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code for notices and e-mails: random, so it tells nothing about her, the case or the organization. */
function newReferralCode(): string {
  let code = 'R-';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET.charAt(crypto.randomInt(CODE_ALPHABET.length));
  return code;
}

/** Read one referral for the caller, audited (the read of referred data). */
export async function readReferral(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  referralId: string,
  log: Parameters<typeof presentReferral>[1],
) {
  const reach = await reachReferral(trx, actor, referralId);
  await auditAct(trx, ctx.dialect, actor, {
    action: 'referral.read',
    entityType: 'referral',
    entityId: reach.row.id,
    caseId: reach.row.case_id,
    fields: scopeOf(reach.row),
  });
  return presentReferral(ctx, log, trx, actor, reach);
}

export function registerReferralRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/cases/:id/referrals',
    {
      schema: {
        tags: ['referrals'],
        params: caseParams,
        body: referralCreateInput,
        response: { 201: referralView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findOpenCase(trx, actor, request.params.id);
        const need = await trx
          .selectFrom('case_needs')
          .select(['id', 'domain', 'status'])
          .where('id', '=', input.needId)
          .where('case_id', '=', survivor.id)
          .executeTakeFirst();
        if (!need) throw invalid([{ path: 'needId', code: 'need_not_found' }]);
        if (!OPEN_NEED_STATUSES.includes(need.status as NeedStatus))
          throw refuse('The need is no longer open', 'needId', 'need_not_open');
        const service = await trx
          .selectFrom('dir_services as s')
          .innerJoin('dir_organizations as o', 'o.id', 's.organization_id')
          .select([
            's.id',
            's.name',
            's.status',
            's.record',
            'o.id as dir_org_id',
            'o.name as org_name',
            'o.senda_org_id',
          ])
          .where('s.id', '=', input.serviceId)
          .executeTakeFirst();
        if (!service) throw invalid([{ path: 'serviceId', code: 'service_not_found' }]);
        if (service.status !== 'active')
          throw refuse('The service is not active', 'serviceId', 'service_inactive');
        if (service.senda_org_id === actor.orgId)
          throw refuse('This is a service of your own organization', 'serviceId', 'own_organization');
        if (input.documentIds.length) {
          const found = await trx
            .selectFrom('case_documents')
            .select('id')
            .where('case_id', '=', survivor.id)
            .where('id', 'in', input.documentIds)
            .where('kind', 'in', documentKindsFor(actor.role))
            .execute();
          if (found.length !== new Set(input.documentIds).size)
            throw invalid([{ path: 'documentIds', code: 'document_not_found' }]);
        }
        const record = JSON.parse(service.record) as Partial<Service>;
        const id = uuidv7();
        const now = nowIso();
        const row = {
          id,
          code: newReferralCode(),
          case_id: survivor.id,
          need_id: need.id,
          need_domain: need.domain,
          from_org_id: actor.orgId,
          to_dir_org_id: service.dir_org_id,
          to_org_id: service.senda_org_id,
          to_name: service.org_name,
          service_id: service.id,
          service_name: service.name,
          mode: service.senda_org_id ? 'senda' : 'outside',
          state: 'draft',
          urgency: input.urgency,
          scope: JSON.stringify(input.scope),
          document_ids: JSON.stringify([...new Set(input.documentIds)]),
          message_enc: sealText(ctx, 'referrals', id, 'message', input.message),
          response_days: record.response_business_days ?? 3,
          sent_on: null,
          answer_due: null,
          last_news_on: todayInMexico(),
          assigned_to: null,
          decline_reason: null,
          outcome: null,
          not_given_reason: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('referrals').values(row).execute();
        await addEvent(ctx, trx, id, { kind: 'state', state: 'draft', body: '', side: 'sender' }, actor);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'referral.create',
          entityType: 'referral',
          entityId: id,
          caseId: survivor.id,
          fields: Object.keys(input),
        });
        const reach = { row, side: 'sender' as const };
        if (input.send) {
          await moveReferral(ctx, trx, actor, reach, 'sent', { comment: '' });
          reach.row = { ...row, state: 'sent' };
        }
        return presentReferral(ctx, request.log, trx, actor, reach);
      });
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/cases/:id/referrals',
    {
      schema: { tags: ['referrals'], params: caseParams, response: { 200: referralListView, ...caseErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const rows = await referralRows(trx)
          .where('r.case_id', '=', survivor.id)
          .orderBy('r.created_at', 'desc')
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.referrals.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
        });
        return { items: rows.map((row) => presentSummary(row, 'sender')) };
      });
    },
  );

  r.get(
    '/referrals',
    {
      schema: {
        tags: ['referrals'],
        querystring: referralListQuery,
        response: { 200: referralListView, ...caseErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role === 'analyst') throw forbidden();
      const { box, open, limit } = request.query;
      const scope = box === 'sent' ? sentScope(ctx.db, actor) : inboxScope(ctx.db, actor);
      const states: readonly ReferralState[] =
        box === 'sent' ? ['draft', ...REFERRAL_OPEN_STATES] : REFERRAL_OPEN_STATES;
      const rows = await (open ? scope.where('r.state', 'in', [...states]) : scope)
        .orderBy('r.updated_at', 'desc')
        .limit(limit)
        .execute();
      const today = todayInMexico();
      const side = box === 'sent' ? 'sender' : 'recipient';
      return { items: rows.map((row) => presentSummary(row, side, today)) };
    },
  );

  r.get(
    '/referrals/:id',
    {
      schema: { tags: ['referrals'], params: referralParams, response: { 200: referralView, ...caseErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, (trx) => readReferral(ctx, trx, actor, request.params.id, request.log));
    },
  );

  r.get(
    '/referrals/:id/access-log',
    {
      schema: {
        tags: ['referrals'],
        params: referralParams,
        response: { 200: referralAccessLogView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const reach = await reachReferral(trx, actor, request.params.id);
        if (!canReadAccessLog(reach, actor)) throw forbidden();
        const rows = await trx
          .selectFrom('audit_log as l')
          .leftJoin('users as u', 'u.id', 'l.actor_id')
          .leftJoin('organizations as o', 'o.id', 'l.org_id')
          .select(['l.action', 'l.at', 'u.display_name as by', 'o.name as organization'])
          .where('l.entity_type', '=', 'referral')
          .where('l.entity_id', '=', reach.row.id)
          .orderBy('l.seq', 'desc')
          .limit(500)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'referral.access_log.read',
          entityType: 'referral',
          entityId: reach.row.id,
          caseId: reach.row.case_id,
        });
        return {
          items: rows.map((l) => ({ action: l.action, by: l.by, organization: l.organization, at: l.at })),
        };
      });
    },
  );

  r.get(
    '/referrals/:id/documents/:documentId',
    {
      schema: {
        tags: ['referrals'],
        description: 'A document the referral shares, while it is open and consented.',
        params: documentParams,
        response: { ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id, documentId } = request.params;
      const found = await inTransaction(ctx, async (trx) => {
        const reach = await reachReferral(trx, actor, id);
        const shared = JSON.parse(reach.row.document_ids) as string[];
        const open = REFERRAL_OPEN_STATES.includes(reach.row.state as ReferralState);
        if (!open || !scopeOf(reach.row).includes('documents') || !shared.includes(documentId))
          throw notFound();
        const row = await trx
          .selectFrom('case_documents')
          .select(['id', 'kind', 'file_name_enc', 'media_type', 'content_key', 'content'])
          .where('id', '=', documentId)
          .where('case_id', '=', reach.row.case_id)
          .executeTakeFirst();
        // The sending side keeps its own limits on document kinds (medical, evidence).
        if (!row || (reach.side === 'sender' && !documentKindsFor(actor.role).includes(row.kind as never)))
          throw notFound();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'referral.document.download',
          entityType: 'referral',
          entityId: reach.row.id,
          caseId: reach.row.case_id,
          fields: ['documents'],
        });
        return row;
      });
      return sendDocumentFile(ctx, request.log, reply, found);
    },
  );
}
