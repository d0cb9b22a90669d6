import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { CreateStatusBody, StatusSchema, UpdateStatusBody } from './statuses.schemas.ts';
import { listStatuses } from './list-statuses.ts';
import { createStatus } from './create-status.ts';
import { updateStatus } from './update-status.ts';
import { deleteStatus } from './delete-status.ts';
import { presentStatus } from './statuses.present.ts';

export function statusesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['statuses'];

    app.get('/api/v1/statuses', {
      schema: { tags, summary: 'List the workspace statuses in display order', response: { 200: Type.Object({ items: Type.Array(StatusSchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listStatuses(contextOf(request, deps))).map(presentStatus) }));

    app.post('/api/v1/statuses', {
      schema: { tags, summary: 'Create a status (admin)', body: CreateStatusBody, response: { 201: StatusSchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentStatus(await createStatus(contextOf(request, deps), request.body))));

    app.patch('/api/v1/statuses/:id', {
      schema: { tags, summary: 'Change or move a status (admin)', params: IdParams, body: UpdateStatusBody, response: { 200: StatusSchema, ...errorResponses } },
    }, async (request) => presentStatus(await updateStatus(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/statuses/:id', {
      schema: { tags, summary: 'Delete an unused status (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteStatus(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
