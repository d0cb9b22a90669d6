import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import {
  EventDeliveriesQuery, EventDeliveriesSchema, InboxQuery, InboxSchema, LogEntrySchema, LogQuery, MailSettingsSchema, MarkReadBody, TestMailBody,
  TestMailResultSchema, UnreadSchema,
} from './notifications.schemas.ts';
import { listNotifications, markNotificationsRead } from './list-notifications.ts';
import { listEventDeliveries, listNotificationLog } from './list-event-deliveries.ts';
import { getMailSettings, sendTestMail } from './mail-settings.ts';
import { presentDelivery, presentLogEntry, presentNotification } from './notifications.present.ts';

export function notificationsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['notifications'];

    app.get('/api/v1/notifications', {
      schema: { tags, summary: 'Your in-app notifications, newest first, with the unread count', querystring: InboxQuery, response: { 200: InboxSchema, ...errorResponses } },
    }, async (request) => {
      const page = await listNotifications(contextOf(request, deps), request.query);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
    });

    app.post('/api/v1/notifications/read', {
      config: limit(120),
      schema: { tags, summary: 'Mark notifications read: some ({ids}) or all ({all: true})', body: MarkReadBody, response: { 200: UnreadSchema, ...errorResponses } },
    }, async (request) => markNotificationsRead(contextOf(request, deps), request.body));

    app.get('/api/v1/events/:id/deliveries', {
      schema: {
        tags, summary: 'Who was notified of an event, on which channel, when, and why not (team): recipients paged, counts over all of them',
        params: IdParams, querystring: EventDeliveriesQuery, response: { 200: EventDeliveriesSchema, ...errorResponses },
      },
    }, async (request) => {
      const result = await listEventDeliveries(contextOf(request, deps), request.params.id, request.query);
      return {
        event: { ...result.event, createdAt: result.event.createdAt.toISOString() },
        summary: result.summary,
        items: result.items.map(presentDelivery),
        nextCursor: result.nextCursor,
      };
    });

    app.get('/api/v1/notifications/log', {
      schema: { tags, summary: 'Recent events that notified someone, with delivery counts (team)', querystring: LogQuery, response: { 200: Page(LogEntrySchema), ...errorResponses } },
    }, async (request) => {
      const page = await listNotificationLog(contextOf(request, deps), request.query);
      return { items: page.items.map(presentLogEntry), nextCursor: page.nextCursor };
    });

    app.get('/api/v1/mail/settings', {
      schema: { tags, summary: 'The active mail configuration (password masked) and retry schedule (admin)', response: { 200: MailSettingsSchema, ...errorResponses } },
    }, async (request) => getMailSettings(contextOf(request, deps)));

    app.post('/api/v1/mail/test', {
      config: limit(10),
      schema: { tags, summary: "Send a test message now; reports success or the mail server's exact error (admin)", body: TestMailBody, response: { 200: TestMailResultSchema, ...errorResponses } },
    }, async (request) => sendTestMail(contextOf(request, deps), request.body));
  };
}
