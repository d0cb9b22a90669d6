import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { RoadmapQuery, RoadmapSchema } from './roadmap.schemas.ts';
import { getRoadmap } from './get-roadmap.ts';
import { presentRoadmap } from './roadmap.present.ts';

export function roadmapRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/v1/roadmap', {
      schema: {
        tags: ['roadmap'],
        summary: 'The roadmap: planned, in progress and recently shipped posts, for one board or every board you can see',
        querystring: RoadmapQuery,
        response: { 200: RoadmapSchema, ...errorResponses },
      },
    }, async (request) => presentRoadmap(await getRoadmap(contextOf(request, deps), request.query)));
  };
}
