import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import { PostSchema, presentPost } from '../posts/index.ts';
import { MergeBody } from './merges.schemas.ts';
import { mergePost } from './merge-post.ts';
import { unmergePost } from './unmerge-post.ts';

export function mergesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['posts'];

    app.post('/api/v1/posts/:id/merge', {
      config: limit(30),
      schema: {
        tags,
        summary: 'Merge a duplicate into another post (team): votes and comments count on the target, the post becomes a stub. Returns the target.',
        params: IdParams,
        body: MergeBody,
        response: { 200: PostSchema, ...errorResponses },
      },
    }, async (request) => presentPost(await mergePost(contextOf(request, deps), request.params.id, request.body)));

    app.post('/api/v1/posts/:id/unmerge', {
      config: limit(30),
      schema: {
        tags,
        summary: 'Undo the merge of a post (team): it stands on its own again exactly as before. Returns the post.',
        params: IdParams,
        response: { 200: PostSchema, ...errorResponses },
      },
    }, async (request) => presentPost(await unmergePost(contextOf(request, deps), request.params.id)));
  };
}
