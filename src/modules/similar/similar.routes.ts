import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextOf, type ResolvedAppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import { DismissedSchema, DuplicateCandidateSchema, DuplicatesQuery, SimilarPostsQuery, SimilarPostsResponse } from './similar.schemas.ts';
import { findSimilarPosts } from './find-similar-posts.ts';
import { listDuplicates } from './list-duplicates.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import type { SimilarIndexes } from './similar-indexes.ts';

// Typing a title sends a request every ~250 ms: generous for people, bounded for scrapers (anonymous
// callers are keyed by IP; API keys get the usual 50×).
const SIMILAR_PER_MINUTE = { anonymous: 120, signedIn: 300 };

/** `?boardId=` from a form means "every board". */
async function dropEmptyQueryParams(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query) return;
  for (const [key, value] of Object.entries(query)) if (value === '') delete query[key];
}

export function similarRoutes(deps: ResolvedAppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Registered before the posts routes; find-my-way also prefers this static segment to /posts/:id.
    app.get('/api/v1/posts/similar', {
      preValidation: dropEmptyQueryParams,
      config: {
        rateLimit: {
          max: (_request: FastifyRequest, key: string) =>
            key.startsWith('ip:') ? SIMILAR_PER_MINUTE.anonymous : key.startsWith('key:') ? SIMILAR_PER_MINUTE.signedIn * 50 : SIMILAR_PER_MINUTE.signedIn,
          timeWindow: '1 minute',
        },
      },
      schema: {
        tags: ['posts'],
        summary: 'Posts similar to a title being typed (duplicate detection), among the posts you can see; merged and deleted posts excluded',
        querystring: SimilarPostsQuery,
        response: { 200: SimilarPostsResponse, ...errorResponses },
      },
    }, async (request) => ({
      items: await findSimilarPosts(contextOf(request, deps), deps.similarIndexes, request.query),
    }));

    app.get('/api/v1/duplicates', {
      schema: {
        tags: ['duplicates'],
        summary: 'The duplicate queue (team): likely duplicate pairs, best first, with score, matched terms and cluster',
        querystring: DuplicatesQuery,
        response: { 200: Page(DuplicateCandidateSchema), ...errorResponses },
      },
    }, async (request) => listDuplicates(contextOf(request, deps), request.query));

    app.post('/api/v1/duplicates/:id/dismiss', {
      config: limit(120),
      schema: {
        tags: ['duplicates'],
        summary: '"Not a duplicate" (team): the pair leaves the queue for good and the ranking learns from it',
        params: IdParams,
        response: { 200: DismissedSchema, ...errorResponses },
      },
    }, async (request) => dismissDuplicate(contextOf(request, deps), request.params.id));
  };
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A successful write through this server may have changed posts: the workspace's index catches up
 * at its next search instead of waiting out SIMILAR_MAX_STALENESS_MS. Registered at the root (app.ts)
 * so it sees every route's writes.
 */
export function registerSimilarIndexInvalidation(app: FastifyInstance, indexes: SimilarIndexes): void {
  app.addHook('onResponse', async (request, reply) => {
    if (READ_METHODS.has(request.method) || reply.statusCode >= 400 || !request.actor) return;
    indexes.invalidate(request.actor.workspaceId);
  });
}
