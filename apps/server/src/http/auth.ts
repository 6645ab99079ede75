import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, AppContext } from '../context.js';
import { SESSION_COOKIE, resolveSession } from '../modules/auth/sessions.js';
import { AppError, unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Keys the client really sent in a JSON object body, before defaults were applied. */
    bodyKeys: string[];
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, sign-in, OpenAPI). Everything else is denied by default. */
    public?: boolean;
    /** The route reads multipart/form-data (document uploads); every other route refuses it with 415. */
    multipart?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** Cross-site requests are refused when the browser tells us where they come from. */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** Resolve the session on every API request; require it unless the route is public; check CSRF. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('bodyKeys');
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.isMultipart() && request.routeOptions.config.multipart !== true) {
      done(new AppError(415, 'unsupported_media_type', 'This endpoint takes JSON'));
      return;
    }
    const body: unknown = request.body;
    request.bodyKeys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
    done();
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    // The web app marks its own polling (`X-Senda-Background: 1`): not her activity.
    const touch = request.headers['x-senda-background'] !== '1';
    request.actor = token ? await resolveSession(ctx, token, request.ip, { touch }) : null;
    const isPublic = request.routeOptions.config.public === true;
    if (!request.actor && !isPublic) throw unauthenticated();
    if (SAFE_METHODS.has(request.method)) return;
    if (crossSite(request)) throw new AppError(403, 'csrf_invalid', 'Cross-site request refused');
    // Public state-changing routes (sign-in) accept JSON only and pass the cross-site check above.
    if (request.actor && !isPublic) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, request.actor.csrfToken)) {
        throw new AppError(403, 'csrf_invalid', 'Missing or wrong X-CSRF-Token header');
      }
    }
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
