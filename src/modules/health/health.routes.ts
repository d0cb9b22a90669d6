import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { AppDeps } from '../../http/context.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/health', {
      schema: {
        tags: ['meta'],
        summary: 'Liveness and database readiness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    }, async () => {
      // migrations run before the server listens, so a database that answers means "ready"
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const };
    });
  };
}
