import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { csrfTokenFor } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { MeSchema } from './auth.schemas.ts';
import { getMe } from './get-me.ts';

export function authRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['auth'];

    app.get('/api/v1/me', {
      schema: { tags, summary: 'Who am I, in which workspace, plus the CSRF token for browser requests', response: { 200: MeSchema, ...errorResponses } },
    }, async (request, reply) => {
      const me = await getMe(contextOf(request, deps));
      return { ...me, csrfToken: csrfTokenFor(reply) };
    });
  };
}
