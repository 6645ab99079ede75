/**
 * Risk assessments and safety plans of a case. The level comes from the
 * domain's rule (assessRisk); the assessor may set another with her reason.
 * The newest assessment (by date, then by when it was recorded) is the case's
 * current level, kept on the case row for the case list. Reasons, notes and
 * safety plans are sealed at rest. Everything is audited by field names.
 * A high or critical current level gives the responsible staff a task
 * (work/tasks.ts).
 */
import type { FastifyInstance, FastifyBaseLogger } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  RISK_LEVELS,
  assessRisk,
  riskAssessmentInput,
  riskAssessmentView,
  safetyPlanInput,
  type RiskAssessmentView,
  type RiskLevel,
  type SafetyPlan,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import type { CaseRiskAssessmentsTable } from '../../db/schema.js';
import { actorOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { findVisibleCase, touchCase } from '../cases/queries.js';
import { caseErrors, caseParams } from '../cases/routes.js';
import { raiseRiskTask } from '../work/tasks.js';

const assessmentParams = z.strictObject({ id: z.uuid(), assessmentId: z.uuid() });
const aad = (id: string, column: string) => `case_risk_assessments:${column}:${id}`;
const riskList = z.object({ items: z.array(riskAssessmentView), current: z.enum(RISK_LEVELS).nullable() });

type Row = CaseRiskAssessmentsTable & { assessor: string | null };

async function present(ctx: AppContext, log: FastifyBaseLogger, row: Row): Promise<RiskAssessmentView> {
  const open = async (value: string | null, column: string): Promise<string | null> => {
    if (value === null) return null;
    try {
      return await ctx.cipher.decrypt(value, aad(row.id, column));
    } catch {
      log.error({ assessmentId: row.id }, 'a risk assessment could not be decrypted');
      return null;
    }
  };
  const plan = await open(row.safety_plan_enc, 'safety_plan');
  const { redFlags } = assessRisk(JSON.parse(row.answers) as Record<string, 'yes' | 'no' | 'unknown'>);
  return {
    id: row.id,
    assessedOn: row.assessed_on,
    answers: JSON.parse(row.answers) as RiskAssessmentView['answers'],
    computedLevel: row.computed_level as RiskLevel,
    score: row.score,
    redFlags,
    overrideLevel: row.override_level as RiskLevel | null,
    overrideReason: (await open(row.override_reason_enc, 'override_reason')) ?? '',
    level: row.level as RiskLevel,
    notes: (await open(row.notes_enc, 'notes')) ?? '',
    safetyPlan: plan === null ? null : (JSON.parse(plan) as SafetyPlan),
    assessedBy: row.assessor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function loadRows(trx: Db, caseId: string, assessmentId?: string) {
  let query = trx
    .selectFrom('case_risk_assessments as r')
    .leftJoin('users as u', 'u.id', 'r.assessed_by')
    .selectAll('r')
    .select('u.display_name as assessor')
    .where('r.case_id', '=', caseId);
  if (assessmentId) query = query.where('r.id', '=', assessmentId);
  return query.orderBy('r.assessed_on', 'desc').orderBy('r.created_at', 'desc').execute();
}

/** Keep the case's current level in step with its newest assessment. */
async function refreshCurrentLevel(trx: Db, caseId: string): Promise<RiskLevel | null> {
  const [newest] = await loadRows(trx, caseId);
  const level = (newest?.level ?? null) as RiskLevel | null;
  await trx.updateTable('cases').set({ risk_level: level }).where('id', '=', caseId).execute();
  return level;
}

export function registerRiskRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:id/risk',
    { schema: { tags: ['risk'], params: caseParams, response: { 200: riskList, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const rows = await loadRows(trx, survivor.id);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.risk.read',
          entityType: 'case',
          entityId: survivor.id,
          caseId: survivor.id,
        });
        return {
          items: await Promise.all(rows.map((row) => present(ctx, request.log, row))),
          current: (rows[0]?.level ?? null) as RiskLevel | null,
        };
      });
    },
  );

  r.post(
    '/cases/:id/risk',
    {
      schema: {
        tags: ['risk'],
        params: caseParams,
        body: riskAssessmentInput,
        response: { 201: riskAssessmentView, ...caseErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const view = await inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const result = assessRisk(input.answers);
        const id = uuidv7();
        const now = nowIso();
        await trx
          .insertInto('case_risk_assessments')
          .values({
            id,
            case_id: survivor.id,
            assessed_on: input.assessedOn,
            answers: JSON.stringify(input.answers),
            computed_level: result.level,
            score: result.score,
            override_level: input.overrideLevel,
            override_reason_enc: ctx.cipher.encrypt(input.overrideReason, aad(id, 'override_reason')),
            level: input.overrideLevel ?? result.level,
            notes_enc: ctx.cipher.encrypt(input.notes, aad(id, 'notes')),
            safety_plan_enc: null,
            assessed_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const current = await refreshCurrentLevel(trx, survivor.id);
        // Only the newest assessment speaks for the case: an older one entered late raises nothing.
        const [newest] = await loadRows(trx, survivor.id);
        if (newest?.id === id) await raiseRiskTask(ctx, trx, actor, survivor, current);
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.risk.create',
          entityType: 'case_risk_assessment',
          entityId: id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, id);
        if (!row) throw notFound();
        return present(ctx, request.log, row);
      });
      return reply.code(201).send(view);
    },
  );

  r.put(
    '/cases/:id/risk/:assessmentId/safety-plan',
    {
      schema: {
        tags: ['risk'],
        params: assessmentParams,
        body: safetyPlanInput,
        response: { 200: riskAssessmentView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const survivor = await findVisibleCase(trx, actor, request.params.id);
        const [current] = await loadRows(trx, survivor.id, request.params.assessmentId);
        if (!current) throw notFound();
        const now = nowIso();
        await trx
          .updateTable('case_risk_assessments')
          .set({
            safety_plan_enc: ctx.cipher.encrypt(JSON.stringify(request.body), aad(current.id, 'safety_plan')),
            updated_at: now,
          })
          .where('id', '=', current.id)
          .execute();
        await touchCase(trx, survivor.id, now);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.safety_plan.update',
          entityType: 'case_risk_assessment',
          entityId: current.id,
          caseId: survivor.id,
          fields: Object.keys(request.body),
        });
        const [row] = await loadRows(trx, survivor.id, current.id);
        if (!row) throw notFound();
        return present(ctx, request.log, row);
      });
    },
  );
}
