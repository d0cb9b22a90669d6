import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import { CommentSchema, CreateCommentBody } from './comments.schemas.ts';
import { listComments } from './list-comments.ts';
import { createComment } from './create-comment.ts';
import { deleteComment } from './delete-comment.ts';
import { presentComment } from './comments.present.ts';

export function commentsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['comments'];

    app.get('/api/v1/posts/:id/comments', {
      schema: { tags, summary: 'List the comments of a post (internal ones for the team only)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(CommentSchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listComments(contextOf(request, deps), request.params.id)).map(presentComment) }));

    app.post('/api/v1/posts/:id/comments', {
      config: limit(30),
      schema: { tags, summary: 'Comment on a post or reply to a comment', params: IdParams, body: CreateCommentBody, response: { 201: CommentSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentComment(await createComment(contextOf(request, deps), request.params.id, request.body))));

    app.delete('/api/v1/comments/:id', {
      schema: { tags, summary: 'Delete a comment (the team, or its author)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteComment(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
