// Security headers and rate limits. Limits are per route (config.rateLimit on the route) and keyed by
// who is acting: an API key or session gets its own bucket, anonymous callers are keyed by IP.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
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

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
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
    hsts: config.isProduction,
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
