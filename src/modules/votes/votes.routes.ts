import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type ResolvedAppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import { ListVotesQuery, UnvoteQuery, VoteBody, VoteResultSchema, VoteSchema } from './votes.schemas.ts';
import { voteForPost } from './vote-for-post.ts';
import { removeVote } from './remove-vote.ts';
import { listVotes } from './list-votes.ts';
import { presentVote } from './votes.present.ts';

export function votesRoutes(deps: ResolvedAppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['votes'];

    app.post('/api/v1/posts/:id/votes', {
      config: limit(60),
      // a vote button sends no body at all; treat it as {}
      preValidation: async (request) => {
        (request as { body: unknown }).body ??= {};
      },
      schema: {
        tags,
        summary: 'Vote for a post (idempotent; the team may vote for a customer by email)',
        params: IdParams,
        body: VoteBody,
        response: { 200: VoteResultSchema, ...errorResponses },
      },
    }, async (request) => voteForPost(contextOf(request, deps), request.params.id, request.body, deps.voteWriter));

    app.delete('/api/v1/posts/:id/votes', {
      config: limit(60),
      schema: {
        tags,
        summary: 'Remove a vote (your own, or a customer\'s by email for the team)',
        params: IdParams,
        querystring: UnvoteQuery,
        response: { 200: VoteResultSchema, ...errorResponses },
      },
    }, async (request) => removeVote(contextOf(request, deps), request.params.id, request.query));

    app.get('/api/v1/posts/:id/votes', {
      schema: { tags, summary: 'List who voted for a post (team)', params: IdParams, querystring: ListVotesQuery, response: { 200: Page(VoteSchema), ...errorResponses } },
    }, async (request) => {
      const page = await listVotes(contextOf(request, deps), request.params.id, request.query);
      return { items: page.items.map(presentVote), nextCursor: page.nextCursor };
    });
  };
}
