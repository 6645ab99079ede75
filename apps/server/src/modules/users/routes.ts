import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_ROLES,
  staffOptionView,
  errorBodySchema,
  passwordSchema,
  userCreateInput,
  userUpdateInput,
  userView,
} from '@senda/domain';
import { auditAct } from '../../audit/audit.js';
import { inTransaction, nowIso, type AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/errors.js';
import { destroyUserSessions } from '../auth/sessions.js';
import { authorizeUsers } from './policy.js';
import { asRole, presentUser } from './presenter.js';
import { createUser, setPassword } from './service.js';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const idParams = z.strictObject({ id: z.uuid() });

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/users',
    { schema: { tags: ['users'], response: { 200: z.object({ items: z.array(userView) }), ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      authorizeUsers(actor, 'manage');
      const rows = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .orderBy('display_name')
        .execute();
      return { items: rows.map(presentUser) };
    },
  );

  r.post(
    '/users',
    { schema: { tags: ['users'], body: userCreateInput, response: { 201: userView, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      authorizeUsers(actor, 'manage');
      const user = await inTransaction(ctx, async (trx) => {
        const id = await createUser(trx, { ...request.body, orgId: actor.orgId });
        await auditAct(trx, ctx.dialect, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          fields: ['email', 'displayName', 'role', 'locale', 'password'],
        });
        return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      });
      return reply.code(201).send(presentUser(user));
    },
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: idParams,
        body: userUpdateInput,
        response: { 200: userView, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorizeUsers(actor, 'manage');
      const body = request.body;
      if (
        request.params.id === actor.userId &&
        (body.active === false || (body.role && body.role !== 'admin'))
      ) {
        // An admin cannot lock herself out; another admin must do it.
        throw invalid([{ path: body.active === false ? 'active' : 'role', code: 'invalid' }]);
      }
      return inTransaction(ctx, async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', request.params.id)
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst();
        if (!existing) throw notFound();
        const changes: Record<string, string | number> = {};
        if (body.displayName !== undefined) changes.display_name = body.displayName;
        if (body.role !== undefined) changes.role = body.role;
        if (body.locale !== undefined) changes.locale = body.locale;
        if (body.active !== undefined) changes.active = body.active ? 1 : 0;
        if (Object.keys(changes).length) {
          await trx
            .updateTable('users')
            .set({ ...changes, updated_at: nowIso() })
            .where('id', '=', existing.id)
            .execute();
        }
        if (body.active === false || (body.role !== undefined && body.role !== existing.role)) {
          // Deactivation and a change of role end the user's sessions at once.
          await destroyUserSessions(trx, existing.id);
        }
        await auditAct(trx, ctx.dialect, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: existing.id,
          fields: Object.keys(body),
        });
        return presentUser(
          await trx.selectFrom('users').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow(),
        );
      });
    },
  );

  r.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['users'],
        params: idParams,
        body: z.strictObject({ password: passwordSchema }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorizeUsers(actor, 'manage');
      await inTransaction(ctx, async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select('id')
          .where('id', '=', request.params.id)
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst();
        if (!existing) throw notFound();
        await setPassword(trx, existing.id, request.body.password);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: existing.id,
          fields: ['password'],
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/staff',
    {
      schema: {
        tags: ['users'],
        response: { 200: z.object({ items: z.array(staffOptionView) }), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorizeUsers(actor, 'listStaff');
      const rows = await ctx.db
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('org_id', '=', actor.orgId)
        .where('active', '=', 1)
        .where('role', 'in', [...CASE_ROLES])
        .orderBy('display_name')
        .execute();
      return {
        items: rows.map((u) => ({
          id: u.id,
          displayName: u.display_name,
          role: asRole(u.role),
        })),
      };
    },
  );
}
