import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema } from './api-keys.schemas.ts';
import { presentApiKey } from './api-keys.present.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';

export function apiKeysRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['api-keys'];

    app.get('/api/v1/api-keys', {
      schema: { tags, summary: 'List active API keys (admin)', response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errorResponses } },
    }, async (request) => ({ items: (await listApiKeys(contextOf(request, deps))).map(presentApiKey) }));

    app.post('/api/v1/api-keys', {
      schema: { tags, summary: 'Create an API key; the key is in this response only (admin)', body: CreateApiKeyBody, response: { 201: CreatedApiKeySchema, ...errorResponses } },
    }, async (request, reply) => {
      const created = await createApiKey(contextOf(request, deps), request.body);
      return reply.status(201).send({ ...presentApiKey(created), key: created.key });
    });

    app.delete('/api/v1/api-keys/:id', {
      schema: { tags, summary: 'Revoke an API key (admin)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await revokeApiKey(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
