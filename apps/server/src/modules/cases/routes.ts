import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseCreateInput,
  caseDetailView,
  caseListQuery,
  casePageView,
  caseSearchInput,
  caseUpdateInput,
  errorBodySchema,
  sentKeys,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { canCreateCases } from './policy.js';
import { caseDetail, findVisibleCase } from './queries.js';
import { searchCases } from './search-cases.js';
import { createCase, updateCase } from './write-case.js';

export const caseErrors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
export const caseParams = z.strictObject({ id: z.uuid() });

export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases',
    {
      schema: { tags: ['cases'], querystring: caseListQuery, response: { 200: casePageView, ...caseErrors } },
    },
    (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      return searchCases(ctx.db, actor, request.query);
    },
  );

  r.post(
    '/cases/search',
    { schema: { tags: ['cases'], body: caseSearchInput, response: { 200: casePageView, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      return searchCases(ctx.db, actor, request.body);
    },
  );

  r.post(
    '/cases',
    { schema: { tags: ['cases'], body: caseCreateInput, response: { 201: caseDetailView, ...caseErrors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canCreateCases(actor.role)) throw forbidden();
      const view = await inTransaction(ctx, async (trx) => {
        const id = await createCase(ctx, trx, actor, request.body);
        return caseDetail(ctx, trx, actor, await findVisibleCase(trx, actor, id));
      });
      return reply.code(201).send(view);
    },
  );

  r.get(
    '/cases/:id',
    { schema: { tags: ['cases'], params: caseParams, response: { 200: caseDetailView, ...caseErrors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'case.read',
          entityType: 'case',
          entityId: row.id,
          caseId: row.id,
        });
        return caseDetail(ctx, trx, actor, row);
      });
    },
  );

  r.patch(
    '/cases/:id',
    {
      schema: {
        tags: ['cases'],
        params: caseParams,
        body: caseUpdateInput,
        response: { 200: caseDetailView, ...caseErrors },
      },
    },
    (request) => {
      const actor = actorOf(request);
      const change = sentKeys(request.body, request.bodyKeys);
      return inTransaction(ctx, async (trx) => {
        const row = await findVisibleCase(trx, actor, request.params.id);
        await updateCase(ctx, trx, actor, row, change);
        return caseDetail(ctx, trx, actor, await findVisibleCase(trx, actor, row.id));
      });
    },
  );
}
