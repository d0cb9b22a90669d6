import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import {
  FollowStateSchema, ListSubscriptionsQuery, PreferencesViewSchema, SubscriptionSchema, TokenQuery, UnsubscribeQuery,
  UnsubscribeResultSchema, UpdatePreferencesBody,
} from './subscriptions.schemas.ts';
import { getFollowState } from './get-follow-state.ts';
import { followPost } from './follow-post.ts';
import { listSubscriptions } from './list-subscriptions.ts';
import { getPreferences } from './get-preferences.ts';
import { updatePreferences } from './update-preferences.ts';
import { unsubscribe } from './unsubscribe.ts';
import { presentSubscription } from './subscriptions.present.ts';

export function subscriptionsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['notifications'];
    // RFC 8058: mail providers send the one-click POST as a form ("List-Unsubscribe=One-Click").
    // The body carries nothing we need (the token is in the URL); accept it only in this plugin.
    app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => done(null, { form: body }));

    app.get('/api/v1/posts/:id/subscription', {
      schema: { tags, summary: 'Whether you follow a post (also through posts merged into it)', params: IdParams, querystring: TokenQuery, response: { 200: FollowStateSchema, ...errorResponses } },
    }, async (request) => getFollowState(contextOf(request, deps), request.params.id, request.query.token));

    app.put('/api/v1/posts/:id/subscription', {
      config: limit(60),
      schema: { tags, summary: 'Follow a post: get its status changes, team replies and changelog news', params: IdParams, querystring: TokenQuery, response: { 200: FollowStateSchema, ...errorResponses } },
    }, async (request) => followPost(contextOf(request, deps), request.params.id, { isFollowing: true, token: request.query.token }));

    app.delete('/api/v1/posts/:id/subscription', {
      config: limit(60),
      schema: { tags, summary: 'Unfollow a post (also stops what posts merged into it would send)', params: IdParams, querystring: TokenQuery, response: { 200: FollowStateSchema, ...errorResponses } },
    }, async (request) => followPost(contextOf(request, deps), request.params.id, { isFollowing: false, token: request.query.token }));

    app.get('/api/v1/me/subscriptions', {
      schema: { tags, summary: 'The posts you follow, newest first', querystring: ListSubscriptionsQuery, response: { 200: Page(SubscriptionSchema), ...errorResponses } },
    }, async (request) => {
      const page = await listSubscriptions(contextOf(request, deps), request.query);
      return { items: page.items.map(presentSubscription), nextCursor: page.nextCursor };
    });

    app.get('/api/v1/preferences', {
      schema: { tags, summary: 'Your email preferences (signed in, or with the token of an email link)', querystring: TokenQuery, response: { 200: PreferencesViewSchema, ...errorResponses } },
    }, async (request) => getPreferences(contextOf(request, deps), request.query.token));

    app.patch('/api/v1/preferences', {
      config: limit(30),
      schema: { tags, summary: 'Change your email preferences (categories, all mail, digest for members)', querystring: TokenQuery, body: UpdatePreferencesBody, response: { 200: PreferencesViewSchema, ...errorResponses } },
    }, async (request) => updatePreferences(contextOf(request, deps), { ...request.body, token: request.query.token }));

    app.post('/api/v1/unsubscribe', {
      // generous: a mail provider may post many recipients' one-click unsubscribes from one address
      config: limit(300),
      schema: {
        tags,
        summary: 'One-click unsubscribe (RFC 8058): the List-Unsubscribe target of every notification email',
        description: 'Authorised by the signed token alone: no session and no CSRF token needed. The body (e.g. List-Unsubscribe=One-Click) is ignored.',
        querystring: UnsubscribeQuery,
        response: { 200: UnsubscribeResultSchema, ...errorResponses },
      },
    }, async (request) => ({ ok: true as const, ...(await unsubscribe(contextOf(request, deps), request.query.token)) }));

    app.get('/api/v1/unsubscribe', {
      schema: {
        tags,
        summary: 'Opens the preferences page for an unsubscribe link (a GET never changes anything: link scanners follow links)',
        querystring: UnsubscribeQuery,
        response: { 303: Type.Null(), ...errorResponses },
      },
    }, async (request, reply) => reply.redirect(`/preferences?token=${encodeURIComponent(request.query.token)}&unsubscribe=1`, 303));
  };
}
