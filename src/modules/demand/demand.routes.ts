import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import {
  DemandSegmentsSchema, DemandSettingsSchema, PostActivitySchema, PostDemandSchema, PutDemandWeightsBody, TopDemandItemSchema, TopDemandQuery,
} from './demand.schemas.ts';
import { getPostDemand } from './get-post-demand.ts';
import { getPostActivity } from './get-post-activity.ts';
import { listTopDemand } from './list-top-demand.ts';
import { listDemandSegments } from './list-demand-segments.ts';
import { getDemandWeights } from './get-demand-weights.ts';
import { updateDemandWeights } from './update-demand-weights.ts';
import { resetDemandWeights } from './reset-demand-weights.ts';
import { presentDemandSettings, presentPostDemand, presentTopDemandItem } from './demand.present.ts';

export function demandRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['demand'];

    app.get('/api/v1/posts/:id/demand', {
      schema: {
        tags,
        summary: 'Demand score of a post with "why this rank": components, contributions, segments, sparkline (team)',
        params: IdParams,
        response: { 200: PostDemandSchema, ...errorResponses },
      },
    }, async (request) => presentPostDemand(await getPostDemand(contextOf(request, deps), request.params.id)));

    app.get('/api/v1/posts/:id/activity', {
      schema: {
        tags,
        summary: 'New voters per day over the last 30 days (anyone who can see the post)',
        params: IdParams,
        response: { 200: PostActivitySchema, ...errorResponses },
      },
    }, async (request) => getPostActivity(contextOf(request, deps), request.params.id));

    app.get('/api/v1/demand/top', {
      schema: {
        tags,
        summary: 'Posts by demand, best first; with segment=, ranked by that segment\'s voters only (team)',
        querystring: TopDemandQuery,
        response: { 200: Page(TopDemandItemSchema), ...errorResponses },
      },
    }, async (request) => {
      const page = await listTopDemand(contextOf(request, deps), request.query);
      return { items: page.items.map(presentTopDemandItem), nextCursor: page.nextCursor };
    });

    app.get('/api/v1/demand/segments', {
      schema: { tags, summary: 'Voter segments the Top demand view filters by (team)', response: { 200: DemandSegmentsSchema, ...errorResponses } },
    }, async (request) => ({ items: await listDemandSegments(contextOf(request, deps)) }));

    app.get('/api/v1/workspace/demand-weights', {
      schema: { tags, summary: 'Demand score weights, defaults and formula (team)', response: { 200: DemandSettingsSchema, ...errorResponses } },
    }, async (request) => presentDemandSettings(await getDemandWeights(contextOf(request, deps))));

    app.put('/api/v1/workspace/demand-weights', {
      schema: {
        tags,
        summary: 'Replace the demand score weights (admin); every post is re-scored in the background',
        body: PutDemandWeightsBody,
        response: { 200: DemandSettingsSchema, ...errorResponses },
      },
    }, async (request) => presentDemandSettings(await updateDemandWeights(contextOf(request, deps), request.body)));

    app.delete('/api/v1/workspace/demand-weights', {
      schema: { tags, summary: 'Reset the demand score weights to the defaults (admin)', response: { 200: DemandSettingsSchema, ...errorResponses } },
    }, async (request) => presentDemandSettings(await resetDemandWeights(contextOf(request, deps))));
  };
}
