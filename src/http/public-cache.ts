// Cached public reads (docs/adr/0006-public-read-cache.md). Anonymous visitors all see the same
// thing, so their board listings, posts and boards are served from memory — as the serialized
// response bytes — until the workspace changes. Invalidation: (1) any successful write through this
// process, at once, and announced to the other processes after it committed (change notifier →
// NOTIFY → their change feed); (2) a maximum age for writes nobody announces (CLI, background jobs).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VersionedCache } from '../lib/versioned-cache.ts';
import type { ChangeNotifier } from '../db/change-notifier.ts';

export type PublicCache = VersionedCache<Buffer>;

export const PUBLIC_CACHE_MAX_AGE_MS = 10_000;

export function createPublicCache(): PublicCache {
  return new VersionedCache<Buffer>(5000, PUBLIC_CACHE_MAX_AGE_MS);
}

/**
 * Serves the anonymous caller from the cache, computing, serializing (with the route's response
 * schema) and storing on a miss; everyone else gets a fresh computation.
 */
export async function cachedPublicRead<T>(request: FastifyRequest, reply: FastifyReply, cache: PublicCache, compute: () => Promise<T>): Promise<T> {
  if (request.actor.kind !== 'anonymous') return compute();
  const scope = request.actor.workspaceId;
  reply.type('application/json; charset=utf-8');
  let body = cache.get(scope, request.url);
  if (body === undefined) {
    const version = cache.versionOf(scope);
    body = Buffer.from(reply.serialize(await compute()) as string);
    cache.set(scope, request.url, body, version);
  }
  // Fastify sends a Buffer as it is (no second serialization); the route's schema already shaped it.
  return body as unknown as T;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerPublicCacheInvalidation(app: FastifyInstance, cache: PublicCache, notifier: ChangeNotifier): void {
  app.addHook('onResponse', async (request, reply) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 400 || !request.actor) return;
    cache.invalidate(request.actor.workspaceId);
    notifier.changed(request.actor.workspaceId);
  });
  app.addHook('onClose', async () => {
    await notifier.flush();
  });
}
