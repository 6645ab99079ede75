/**
 * Deadline rules as data: everyone who works on cases reads the rules in
 * effect (with their legal basis); an admin changes a default, adds a rule or
 * resets a change — no release needed. Deadlines are computed live, so every
 * open deadline of the organization follows at once. Audited by rule code.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deadlineRuleCodeParams,
  deadlineRuleSchema,
  deadlineRuleView,
  defaultRule,
  errorBodySchema,
  fieldErrorsFromIssues,
  isDefaultRuleCode,
  mergeDeadlineRules,
  validateRuleChange,
  type DeadlineRuleView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../http/auth.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { canCreateCases } from '../cases/policy.js';
import { loadStoredRules } from './store.js';
import { markProceduresStale } from '../statistics/refresh.js';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

async function ruleViews(db: Db, orgId: string): Promise<DeadlineRuleView[]> {
  const stored = await loadStoredRules(db, orgId);
  const updaters = [...new Set(stored.flatMap((r) => (r.row.updated_by ? [r.row.updated_by] : [])))];
  const names = new Map(
    updaters.length
      ? (
          await db
            .selectFrom('users')
            .select(['id', 'display_name'])
            .where('org_id', '=', orgId)
            .where('id', 'in', updaters)
            .execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  const byCode = new Map(stored.map((s) => [s.row.code, s]));
  return mergeDeadlineRules(stored.map((s) => s.rule)).map((input) => {
    const mine = byCode.get(input.code);
    const isDefault = isDefaultRuleCode(input.code);
    return {
      rule: deadlineRuleSchema.parse(input),
      origin: !mine ? 'default' : isDefault ? 'modified' : 'custom',
      defaultRule: mine && isDefault ? (defaultRule(input.code) ?? null) : null,
      updatedAt: mine?.row.updated_at ?? null,
      updatedBy: mine?.row.updated_by ? (names.get(mine.row.updated_by) ?? null) : null,
    };
  });
}

export function registerDeadlineRuleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/deadline-rules',
    {
      schema: {
        tags: ['procedures'],
        response: { 200: z.object({ items: z.array(deadlineRuleView) }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      return { items: await ruleViews(ctx.db, actor.orgId) };
    },
  );

  r.put(
    '/deadline-rules/:code',
    {
      schema: {
        tags: ['procedures'],
        params: deadlineRuleCodeParams,
        // The rule alone here; against the organization's whole rule set below.
        body: deadlineRuleSchema,
        response: { 200: deadlineRuleView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin') throw forbidden();
      const { code } = request.params;
      await inTransaction(ctx, async (trx) => {
        const stored = await loadStoredRules(trx, actor.orgId);
        const result = validateRuleChange(
          code,
          request.body,
          stored.map((s) => s.rule),
        );
        if (!result.success) throw invalid(fieldErrorsFromIssues(result.issues));
        const row = {
          org_id: actor.orgId,
          code,
          rule: JSON.stringify(result.rule),
          updated_by: actor.userId,
          updated_at: nowIso(),
        };
        await trx
          .insertInto('deadline_rules')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['org_id', 'code']).doUpdateSet({
              rule: row.rule,
              updated_by: row.updated_by,
              updated_at: row.updated_at,
            }),
          )
          .execute();
        await markProceduresStale(trx, actor.orgId);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'deadline_rule.update',
          entityType: 'deadline_rule',
          entityId: code,
          fields: Object.keys(result.rule),
        });
      });
      const views = await ruleViews(ctx.db, actor.orgId);
      const view = views.find((v) => v.rule.code === code);
      if (!view) throw notFound();
      return view;
    },
  );

  r.delete(
    '/deadline-rules/:code',
    {
      schema: {
        tags: ['procedures'],
        params: deadlineRuleCodeParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin') throw forbidden();
      await inTransaction(ctx, async (trx) => {
        const deleted = await trx
          .deleteFrom('deadline_rules')
          .where('org_id', '=', actor.orgId)
          .where('code', '=', request.params.code)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound();
        await markProceduresStale(trx, actor.orgId);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'deadline_rule.reset',
          entityType: 'deadline_rule',
          entityId: request.params.code,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
