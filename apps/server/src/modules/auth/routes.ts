import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorBodySchema,
  localeInput,
  passwordChangeInput,
  sessionView,
  signInInput,
  type SessionView,
} from '@senda/domain';
import { auditAct, writeAudit } from '../../audit/audit.js';
import { inTransaction, nowIso, type Actor, type AppContext } from '../../context.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { actorOf } from '../../http/auth.js';
import type { Db } from '../../db/database.js';
import { sessionAbilities } from '../users/policy.js';
import { presentUser } from '../users/presenter.js';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession, destroySession, destroyUserSessions } from './sessions.js';
import { clearFailures, isLocked, recordFailure, throttleKeys } from './throttle.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema };

async function presentSession(
  trx: Db,
  ctx: AppContext,
  userId: string,
  csrfToken: string,
): Promise<SessionView> {
  const row = await trx
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['o.name as org_name', 'o.case_prefix'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const user = presentUser(row);
  return {
    user,
    organization: { id: row.org_id, name: row.org_name, casePrefix: row.case_prefix },
    csrfToken,
    idleTimeoutMinutes: ctx.config.sessionIdleMinutes,
    abilities: sessionAbilities(user.role),
  };
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

const INVALID = () => new AppError(401, 'invalid_credentials', 'Wrong e-mail or password');

export function registerSessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/session',
    { schema: { tags: ['session'], response: { 200: sessionView, ...errors } } },
    (request) => {
      const actor = actorOf(request);
      return inTransaction(ctx, (trx) => presentSession(trx, ctx, actor.userId, actor.csrfToken));
    },
  );

  r.post(
    '/session',
    {
      config: { public: true },
      schema: { tags: ['session'], body: signInInput, response: { 200: sessionView, ...errors } },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const keys = throttleKeys(email, request.ip);
      if (await isLocked(ctx, [keys.account, keys.address])) {
        throw new AppError(429, 'too_many_attempts', 'Too many failed attempts; try again later');
      }
      const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      const ok = await verifyPassword(
        user?.password_hash ?? (await dummyPasswordHash()),
        request.body.password,
      );
      if (!user || !ok || user.active !== 1) {
        await recordFailure(ctx, keys.account, ctx.config.login.maxFailuresAccount);
        await recordFailure(ctx, keys.address, ctx.config.login.maxFailuresAddress);
        await inTransaction(ctx, (trx) =>
          writeAudit(trx, ctx.dialect, {
            action: 'session.sign_in_failed',
            entityType: 'session',
            entityId: null,
            actorId: user?.id ?? null,
            orgId: user?.org_id ?? null,
            ip: request.ip,
          }),
        );
        throw INVALID();
      }
      await clearFailures(ctx, keys.account);
      const previous = request.actor;
      const view = await inTransaction(ctx, async (trx) => {
        if (previous) await destroySession(trx, previous.sessionHash);
        const session = await createSession(trx, user.id);
        await trx.updateTable('users').set({ last_sign_in_at: nowIso() }).where('id', '=', user.id).execute();
        await writeAudit(trx, ctx.dialect, {
          action: 'session.sign_in',
          entityType: 'session',
          entityId: null,
          actorId: user.id,
          orgId: user.org_id,
          ip: request.ip,
        });
        setSessionCookie(request, reply, session.token);
        return presentSession(trx, ctx, user.id, session.csrfToken);
      });
      return view;
    },
  );

  r.delete(
    '/session',
    { schema: { tags: ['session'], response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        await destroySession(trx, actor.sessionHash);
        await auditAct(trx, ctx.dialect, actor, {
          action: 'session.sign_out',
          entityType: 'session',
          entityId: null,
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/session/locale',
    { schema: { tags: ['session'], body: localeInput, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(ctx, async (trx) => {
        await trx
          .updateTable('users')
          .set({ locale: request.body.locale, updated_at: nowIso() })
          .where('id', '=', actor.userId)
          .execute();
        await auditAct(trx, ctx.dialect, actor, {
          action: 'user.update',
          entityType: 'user',
          entityId: actor.userId,
          fields: ['locale'],
        });
      });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/session/password',
    { schema: { tags: ['session'], body: passwordChangeInput, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const problems = passwordProblems(request.body.newPassword, 'newPassword');
      if (problems.length) throw invalid(problems);
      await changeOwnPassword(ctx, actor, request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );
}

async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
  if (!user) throw notFound();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw invalid([{ path: 'currentPassword', code: 'invalid' }]);
  }
  const hash = await hashPassword(next);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    // Other sessions of this person end; this one stays.
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.userId)
      .where('id_hash', '!=', actor.sessionHash)
      .execute();
    await auditAct(trx, ctx.dialect, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: actor.userId,
      fields: ['password'],
    });
  });
}

export { destroyUserSessions };
