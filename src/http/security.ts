// Security headers and rate limits. Limits are per route (config.rateLimit on the route) and keyed by
// who is acting: an API key or session gets its own bucket, anonymous callers are keyed by IP.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';

export function rateLimitKey(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor?.kind === 'api_key') return `key:${actor.apiKeyId}`;
  if (actor?.kind === 'member') return `member:${actor.memberId}`;
  if (actor?.kind === 'person') return `person:${actor.personId}`;
  return `ip:${request.ip}`;
}

/** Per-minute limits for browser users; API keys (server-to-server) get 50× the budget. */
export function limit(perMinute: number) {
  return {
    rateLimit: {
      max: (_request: FastifyRequest, key: string) => (key.startsWith('key:') ? perMinute * 50 : perMinute),
      timeWindow: '1 minute',
    },
  };
}

/** The precomputed header sets: web pages (the app, the API docs) and the JSON API. */
export type SecurityHeaders = { page: Readonly<Record<string, string>>; api: Readonly<Record<string, string>> };

/** JSON API responses get the API set; the rendered API docs under /api/docs are a page. */
export function isApiResponse(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/**
 * The security headers helmet sets, computed once. They do not depend on the request, so instead of
 * running helmet's middleware on every request (it re-parses the CSP each time: a sixth of the cost
 * of a cached read), every response gets one of two precomputed sets:
 * - pages: helmet's defaults with our CSP (scripts and styles from our origin only);
 * - JSON API responses: what a document-less response needs (OWASP REST Security Cheat Sheet):
 *   `default-src 'none'; frame-ancestors 'none'` (nothing may load or frame it even if a browser
 *   opens it as a document), nosniff, DENY framing, same-origin CORP, no referrer, HSTS in
 *   production. Headers that only mean something to an HTML document are left out.
 */
export function securityHeaders(config: Config): SecurityHeaders {
  const page: HelmetOptions = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    strictTransportSecurity: config.isProduction,
  };
  const api: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.isProduction,
    xContentTypeOptions: true,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  };
  return { page: helmetHeaders(page), api: helmetHeaders(api) };
}

function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: the security headers cannot be precomputed');
  return headers;
}

/** `headers`: securityHeaders(config), computed once by the caller (the raw cache edge sends them too). */
export async function registerSecurity(app: FastifyInstance, config: Config, headers: SecurityHeaders): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiResponse(request.url) ? headers.api : headers.page);
    done();
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: rateLimitKey,
    // limits are off only when explicitly disabled (benchmarks); see config.ts
    allowList: () => config.rateLimitDisabled,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many requests, try again in ${context.after}`,
      errors: [],
    }),
  });
}
