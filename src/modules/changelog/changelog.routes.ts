import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import {
  ChangelogEntrySchema, CreateChangelogBody, ListChangelogQuery, PreviewChangelogBody, PreviewSchema, PublishChangelogBody,
  ScheduleChangelogBody, UpdateChangelogBody,
} from './changelog.schemas.ts';
import { listChangelogEntries } from './list-changelog-entries.ts';
import { getChangelogEntry } from './get-changelog-entry.ts';
import { createChangelogEntry } from './create-changelog-entry.ts';
import { updateChangelogEntry } from './update-changelog-entry.ts';
import { deleteChangelogEntry } from './delete-changelog-entry.ts';
import { publishChangelogEntry } from './publish-changelog-entry.ts';
import { scheduleChangelogEntry } from './schedule-changelog-entry.ts';
import { unscheduleChangelogEntry } from './unschedule-changelog-entry.ts';
import { unpublishChangelogEntry } from './unpublish-changelog-entry.ts';
import { buildChangelogFeed } from './build-changelog-feed.ts';
import { previewChangelogBody } from './preview-changelog-body.ts';
import { presentEntry } from './changelog.present.ts';

/** `POST …/publish` with no body at all means "no options". */
async function defaultEmptyBody(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

export function changelogRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['changelog'];
    const Entry = { 200: ChangelogEntrySchema, ...errorResponses };

    app.get('/api/v1/changelog', {
      schema: { tags, summary: 'List changelog entries (published ones, newest first; the team may filter by state)', querystring: ListChangelogQuery, response: { 200: Page(ChangelogEntrySchema), ...errorResponses } },
    }, async (request) => {
      const page = await listChangelogEntries(contextOf(request, deps), request.query);
      return { items: page.items.map(presentEntry), nextCursor: page.nextCursor };
    });

    app.post('/api/v1/changelog', {
      schema: { tags, summary: 'Write a changelog entry (a draft; team)', body: CreateChangelogBody, response: { 201: ChangelogEntrySchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentEntry(await createChangelogEntry(contextOf(request, deps), request.body))));

    app.post('/api/v1/changelog/preview', {
      schema: { tags, summary: 'Render markdown as a published entry would show it (team)', body: PreviewChangelogBody, response: { 200: PreviewSchema, ...errorResponses } },
    }, async (request) => previewChangelogBody(contextOf(request, deps), request.body.body));

    app.get('/api/v1/changelog/:id', {
      schema: { tags, summary: 'Get a changelog entry (drafts and scheduled entries: team only)', params: IdParams, response: Entry },
    }, async (request) => presentEntry(await getChangelogEntry(contextOf(request, deps), request.params.id)));

    app.patch('/api/v1/changelog/:id', {
      schema: { tags, summary: 'Edit a changelog entry (team)', params: IdParams, body: UpdateChangelogBody, response: Entry },
    }, async (request) => presentEntry(await updateChangelogEntry(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/changelog/:id', {
      schema: { tags, summary: 'Delete a changelog entry (team)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteChangelogEntry(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });

    app.post('/api/v1/changelog/:id/publish', {
      preValidation: defaultEmptyBody,
      schema: {
        tags,
        summary: 'Publish now, optionally moving the linked posts to a shipped status; notifies the linked posts\' subscribers (team)',
        params: IdParams, body: PublishChangelogBody, response: Entry,
      },
    }, async (request) => presentEntry(await publishChangelogEntry(contextOf(request, deps), request.params.id, request.body)));

    app.post('/api/v1/changelog/:id/schedule', {
      schema: { tags, summary: 'Schedule (or reschedule) the entry to publish itself at a time (team)', params: IdParams, body: ScheduleChangelogBody, response: Entry },
    }, async (request) => presentEntry(await scheduleChangelogEntry(contextOf(request, deps), request.params.id, request.body)));

    app.post('/api/v1/changelog/:id/unschedule', {
      schema: { tags, summary: 'Take a scheduled entry back to draft (team)', params: IdParams, response: Entry },
    }, async (request) => presentEntry(await unscheduleChangelogEntry(contextOf(request, deps), request.params.id)));

    app.post('/api/v1/changelog/:id/unpublish', {
      schema: { tags, summary: 'Take a published entry back to draft (team)', params: IdParams, response: Entry },
    }, async (request) => presentEntry(await unpublishChangelogEntry(contextOf(request, deps), request.params.id)));

    // The feed readers subscribe to; registered as static paths, which win over the SPA's `/*` fallback.
    const feed = async (request: FastifyRequest, reply: FastifyReply) => {
      // Outside /api/ nobody is authenticated (http/auth.ts): feed readers are anonymous visitors of
      // the default workspace, and the feed holds only what they may see anyway.
      const ctx = { ...contextOf(request, deps), actor: request.actor ?? { kind: 'anonymous' as const, workspaceId: deps.defaultWorkspaceId } };
      const xml = await buildChangelogFeed(ctx);
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'max-age=300')
        .send(xml);
    };
    const feedSchema = {
      tags, summary: 'Atom feed of published changelog entries (RFC 4287)', produces: ['application/atom+xml'],
      response: { 200: Type.String({ description: 'An Atom 1.0 document' }) },
    };
    app.get('/changelog.atom', { schema: feedSchema }, feed);
    app.get('/api/v1/changelog/feed.atom', { schema: feedSchema }, feed);
  };
}
