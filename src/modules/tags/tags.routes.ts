import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { CreateTagBody, TagSchema, UpdateTagBody } from './tags.schemas.ts';
import { listTags } from './list-tags.ts';
import { createTag } from './create-tag.ts';
import { updateTag } from './update-tag.ts';
import { deleteTag } from './delete-tag.ts';
import { presentTag } from './tags.present.ts';

export function tagsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['tags'];

    app.get('/api/v1/tags', {
      schema: { tags, summary: 'List the workspace tags', response: { 200: Type.Object({ items: Type.Array(TagSchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listTags(contextOf(request, deps))).map(presentTag) }));

    app.post('/api/v1/tags', {
      schema: { tags, summary: 'Create a tag (admin)', body: CreateTagBody, response: { 201: TagSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentTag(await createTag(contextOf(request, deps), request.body))));

    app.patch('/api/v1/tags/:id', {
      schema: { tags, summary: 'Rename or recolour a tag (admin)', params: IdParams, body: UpdateTagBody, response: { 200: TagSchema, ...errorResponses } },
    }, async (request) => presentTag(await updateTag(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/tags/:id', {
      schema: { tags, summary: 'Delete a tag and remove it from every post (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteTag(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
