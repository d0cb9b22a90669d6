// Cached public reads (docs/adr/0006-public-read-cache.md). Anonymous visitors all see the same
// thing, so their board listings, posts and boards are served from memory until the workspace
// changes. Invalidation: (1) any successful write through this process, at once; (2) the database
// change feed (NOTIFY from triggers) for writes by other processes, the CLI and the worker.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { VersionedCache } from '../lib/versioned-cache.ts';

export type PublicCache = VersionedCache<unknown>;

export function createPublicCache(): PublicCache {
  return new VersionedCache<unknown>(5000);
}

/** Serves the anonymous caller from the cache, computing and storing on a miss; others compute. */
export async function cachedPublicRead<T>(request: FastifyRequest, cache: PublicCache, compute: () => Promise<T>): Promise<T> {
  if (request.actor.kind !== 'anonymous') return compute();
  const scope = request.actor.workspaceId;
  const hit = cache.get(scope, request.url);
  if (hit !== undefined) return hit as T;
  const version = cache.versionOf(scope);
  const value = await compute();
  cache.set(scope, request.url, value, version);
  return value;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerPublicCacheInvalidation(app: FastifyInstance, cache: PublicCache): void {
  app.addHook('onResponse', async (request, reply) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 400 || !request.actor) return;
    cache.invalidate(request.actor.workspaceId);
  });
}
