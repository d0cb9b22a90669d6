// Authentication for every request: API key (Authorization: Bearer) or session cookie, resolved to an
// Actor by the auth module; CSRF protection for cookie-authenticated state changes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { resolveActor, type Actor } from '../modules/auth/index.ts';

export const SESSION_COOKIE = 'bb_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionId: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerAuth(app: FastifyInstance, deps: { db: Db; config: Config; defaultWorkspaceId: string }): Promise<void> {
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'bb_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: deps.config.isProduction, signed: true },
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);

  // a request without credentials is an anonymous visitor of the default workspace (most portal reads)
  const visitor: Actor = Object.freeze({ kind: 'anonymous', workspaceId: deps.defaultWorkspaceId });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header === undefined && request.headers.cookie === undefined) {
      request.actor = visitor;
      return;
    }
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const resolved = await resolveActor(deps.db, {
      bearer,
      sessionToken: request.cookies[SESSION_COOKIE] ?? null,
      defaultWorkspaceId: deps.defaultWorkspaceId,
      now: new Date(),
    });
    request.actor = resolved.actor;
    request.sessionId = resolved.sessionId;
    // A browser carries ambient cookies, so its state changes must prove they come from our pages.
    // Server-to-server calls with an API key, and cookie-less clients, have no ambient authority to abuse.
    const hasCookies = Boolean(request.headers.cookie);
    if (!SAFE_METHODS.has(request.method) && !bearer && hasCookies) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: config.isProduction, expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function csrfTokenFor(reply: FastifyReply): string {
  return reply.generateCsrf();
}

export type AuthedRequest = FastifyRequest;
