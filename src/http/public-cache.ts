// Cached public reads (docs/adr/0006-public-read-cache.md). Anonymous visitors all see the same
// thing, so their board listings, posts and boards are served from memory — as the serialized
// response bytes — until the workspace changes. Invalidation: (1) any successful write through this
// process, at once, and announced to the other processes after it committed (change notifier →
// NOTIFY → their change feed); (2) a maximum age for writes nobody announces (CLI, background jobs).
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerFactory } from 'fastify';
import { VersionedCache } from '../lib/versioned-cache.ts';
import type { ChangeNotifier } from '../db/change-notifier.ts';

/** A cached response: its JSON bytes, and the gzip of them once a client asked for it. */
export type CachedBody = { json: Buffer; gzip: Buffer | null };
export type PublicCache = VersionedCache<CachedBody>;

export const PUBLIC_CACHE_MAX_AGE_MS = 10_000;

export function createPublicCache(): PublicCache {
  return new VersionedCache<CachedBody>(5000, PUBLIC_CACHE_MAX_AGE_MS);
}

/** Whether the client takes gzip (`Accept-Encoding: gzip`, `*`, not with q=0), as browsers and fetch do. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (!q || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** The bytes to send for this Accept-Encoding: gzip is made once per cached entry, then served as it is (50 posts: ~39 KB → ~6 KB). */
function encodeFor(body: CachedBody, acceptEncoding: string | undefined): { bytes: Buffer; gzip: boolean } {
  if (!acceptsGzip(acceptEncoding)) return { bytes: body.json, gzip: false };
  body.gzip ??= gzipSync(body.json);
  return { bytes: body.gzip, gzip: true };
}

const JSON_TYPE = 'application/json; charset=utf-8';

function sendCached(request: FastifyRequest, reply: FastifyReply, body: CachedBody): Buffer {
  const { bytes, gzip } = encodeFor(body, request.headers['accept-encoding']);
  reply.type(JSON_TYPE).header('vary', 'accept-encoding');
  if (gzip) reply.header('content-encoding', 'gzip');
  return bytes;
}

/**
 * Serves the anonymous caller from the cache, computing, serializing (with the route's response
 * schema) and storing on a miss; everyone else gets a fresh computation. Hits usually never get
 * here: registerPublicCacheEdge answers them before routing.
 */
export async function cachedPublicRead<T>(request: FastifyRequest, reply: FastifyReply, cache: PublicCache, compute: () => Promise<T>): Promise<T> {
  if (request.actor.kind !== 'anonymous') return compute();
  const scope = request.actor.workspaceId;
  let body = cache.get(scope, request.url);
  if (body === undefined) {
    const version = cache.versionOf(scope);
    body = { json: Buffer.from(reply.serialize(await compute()) as string), gzip: null };
    cache.set(scope, request.url, body, version);
  }
  // Fastify sends a Buffer as it is (no second serialization); the route's schema already shaped it.
  return sendCached(request, reply, body) as unknown as T;
}

/**
 * Answers an anonymous GET whose exact URL is in the cache before routing, validation and the
 * handler run: the entry was stored by the route itself (cachedPublicRead) for that URL, so it is
 * what the route would answer. Register after the auth hook (it needs request.actor).
 */
export function registerPublicCacheEdge(app: FastifyInstance, cache: PublicCache): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.actor?.kind !== 'anonymous') return;
    const body = cache.get(request.actor.workspaceId, request.url);
    if (body === undefined) return;
    await reply.send(sendCached(request, reply, body));
    return reply;
  });
}

/**
 * The HTTP server, with the cache in front of Fastify: a GET under /api/ with no credentials at all
 * (no Authorization, no Cookie) is an anonymous visitor of the default workspace (src/http/auth.ts), so
 * when its exact URL is cached the raw response is written here, with the headers Fastify would send
 * (the API's security headers, type, Vary, encoding), and Fastify never sees the request. Anything else — a
 * miss, cookies, a key, another method — goes to Fastify, whose onRequest edge (above) still answers
 * hits for callers that resolve to anonymous there. Like a CDN hit, such an answer is not in the
 * request log. The server settings are Fastify's own (it applies them only to servers it creates).
 */
export function publicCacheServerFactory(cache: PublicCache, opts: { defaultWorkspaceId: string; headers: Readonly<Record<string, string>> }): FastifyServerFactory {
  const plain: OutgoingHttpHeaders = { ...opts.headers, 'content-type': JSON_TYPE, vary: 'accept-encoding' };
  const zipped: OutgoingHttpHeaders = { ...plain, 'content-encoding': 'gzip' };
  const answer = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || req.headers.cookie !== undefined) return false;
    const url = req.url;
    if (url === undefined || !url.startsWith('/api/')) return false;
    const body = cache.get(opts.defaultWorkspaceId, url);
    if (body === undefined) return false;
    const { bytes, gzip } = encodeFor(body, req.headers['accept-encoding']);
    res.writeHead(200, { ...(gzip ? zipped : plain), 'content-length': bytes.length });
    res.end(bytes);
    return true;
  };
  return (handler, options): Server => {
    const setting = (name: string, fallback: number): number => {
      const value = (options as Record<string, unknown> | undefined)?.[name];
      return typeof value === 'number' ? value : fallback;
    };
    const server = createServer((req, res) => {
      if (!answer(req, res)) handler(req, res);
    });
    // Fastify's defaults, as it sets them on the servers it creates
    server.keepAliveTimeout = setting('keepAliveTimeout', 72_000);
    server.requestTimeout = setting('requestTimeout', 0);
    server.setTimeout(setting('connectionTimeout', 0));
    const perSocket = setting('maxRequestsPerSocket', 0);
    if (perSocket > 0) server.maxRequestsPerSocket = perSocket;
    return server;
  };
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
