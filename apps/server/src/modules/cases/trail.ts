/** A case's audit trail and its field history, for coordinators and admins. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntryView, caseVersionView } from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { caseAbilities } from './policy.js';
import { findVisibleCase } from './queries.js';
import { caseErrors, caseParams } from './routes.js';

export function registerTrailRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/audit',
    {
      schema: {
        tags: ['cases'],
        params: caseParams,
        response: { 200: z.object({ items: z.array(auditEntryView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        if (!caseAbilities(actor, false).viewAudit) throw forbidden();
        const entries = await trx
          .selectFrom('audit_log as a')
          .leftJoin('users as u', 'u.id', 'a.actor_id')
          .select(['a.seq', 'a.at', 'a.action', 'a.entity_type', 'a.entity_id', 'a.fields', 'u.display_name'])
          .where('a.case_id', '=', row.id)
          .orderBy('a.seq', 'desc')
          .limit(500)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.audit.read',
          entityType: 'case',
          entityId: row.id,
          caseId: row.id,
        });
        return {
          items: entries.map((e) => ({
            seq: e.seq,
            at: e.at,
            actorName: e.display_name,
            action: e.action,
            entityType: e.entity_type,
            entityId: e.entity_id,
            fields: JSON.parse(e.fields) as string[],
          })),
        };
      });
    },
  );

  r.get(
    '/cases/:id/history',
    {
      schema: {
        tags: ['cases'],
        params: caseParams,
        response: { 200: z.object({ items: z.array(caseVersionView) }), ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        if (!caseAbilities(actor, false).viewHistory) throw forbidden();
        const versions = await trx
          .selectFrom('case_versions as v')
          .leftJoin('users as u', 'u.id', 'v.changed_by')
          .select(['v.id', 'v.version', 'v.changed_at', 'v.fields', 'v.before_enc', 'u.display_name'])
          .where('v.case_id', '=', row.id)
          .orderBy('v.version', 'desc')
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.history.read',
          entityType: 'case',
          entityId: row.id,
          caseId: row.id,
        });
        return {
          items: await Promise.all(
            versions.map(async (v) => ({
              version: v.version,
              changedAt: v.changed_at,
              changedBy: v.display_name,
              fields: JSON.parse(v.fields) as string[],
              before: JSON.parse(
                await ctx.cipher.decrypt(v.before_enc, `case_versions:before:${v.id}`),
              ) as Record<string, unknown>,
            })),
          ),
        };
      });
    },
  );
}
