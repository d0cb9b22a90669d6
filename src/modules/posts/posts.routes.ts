import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf, type ResolvedAppDeps } from '../../http/context.ts';
import { cachedPublicRead } from '../../http/public-cache.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import { CreatePostBody, ListPostsQuery, PostSchema, PostSummarySchema, UpdatePostBody } from './posts.schemas.ts';
import { listPosts } from './list-posts.ts';
import { getPost } from './get-post.ts';
import { createPost } from './create-post.ts';
import { updatePost } from './update-post.ts';
import { deletePost } from './delete-post.ts';
import { restorePost } from './restore-post.ts';
import { presentPost, presentPostSummary } from './posts.present.ts';

/** `?status=&q=` from a form means "no filter", not "invalid filter". */
async function dropEmptyQueryParams(request: FastifyRequest): Promise<void> {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query) return;
  for (const [key, value] of Object.entries(query)) if (value === '') delete query[key];
}

export function postsRoutes(deps: ResolvedAppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['posts'];

    app.get('/api/v1/posts', {
      preValidation: dropEmptyQueryParams,
      schema: {
        tags,
        summary: 'List posts (one board or every board you can see), sorted top, new, trending or demand (team), with filters',
        querystring: ListPostsQuery,
        response: { 200: Page(PostSummarySchema), ...errorResponses },
      },
    }, async (request, reply) => cachedPublicRead(request, reply, deps.publicCache, async () => {
      const page = await listPosts(contextOf(request, deps), request.query);
      return { items: page.items.map(presentPostSummary), nextCursor: page.nextCursor };
    }));

    app.post('/api/v1/posts', {
      config: limit(20),
      schema: { tags, summary: 'Submit a post (the team may post on behalf of a customer)', body: CreatePostBody, response: { 201: PostSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentPost(await createPost(contextOf(request, deps), request.body))));

    app.get('/api/v1/posts/:id', {
      schema: { tags, summary: 'Get a post with its status history and your permissions', params: IdParams, response: { 200: PostSchema, ...errorResponses } },
    }, async (request, reply) => cachedPublicRead(request, reply, deps.publicCache, async () => presentPost(await getPost(contextOf(request, deps), request.params.id))));

    app.patch('/api/v1/posts/:id', {
      schema: { tags, summary: 'Edit, move, tag or change the status of a post (team)', params: IdParams, body: UpdatePostBody, response: { 200: PostSchema, ...errorResponses } },
    }, async (request) => presentPost(await updatePost(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/posts/:id', {
      schema: { tags, summary: 'Delete a post (soft; team)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deletePost(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });

    app.post('/api/v1/posts/:id/restore', {
      schema: { tags, summary: 'Restore a deleted post (team)', params: IdParams, response: { 200: PostSchema, ...errorResponses } },
    }, async (request) => presentPost(await restorePost(contextOf(request, deps), request.params.id)));
  };
}
