import { Type, type TSchema } from 'typebox';
import { Email, Timestamp, Uuid } from '../../http/schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const KindSchema = Type.Union([Type.Literal('status_changed'), Type.Literal('official_reply'), Type.Literal('comment_reply'), Type.Literal('changelog')]);
const SkipReasonSchema = Type.Union([Type.Literal('unsubscribed'), Type.Literal('no_email'), Type.Literal('private_board'), Type.Literal('self'), Type.Literal('preference_off')]);

export const NotificationSchema = Type.Object({
  id: Uuid,
  kind: KindSchema,
  title: Type.String(),
  excerpt: Type.String(),
  url: Type.String(),
  postId: Nullable(Uuid),
  isRead: Type.Boolean(),
  createdAt: Timestamp,
}, { $id: 'Notification' });

export const InboxQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const InboxSchema = Type.Object({ items: Type.Array(NotificationSchema), nextCursor: Nullable(Type.String()), unreadCount: Type.Integer() });

export const MarkReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  all: Type.Optional(Type.Boolean()),
}, { minProperties: 1, additionalProperties: false });

export const UnreadSchema = Type.Object({ unreadCount: Type.Integer() });

export const SummarySchema = Type.Object({
  email: Type.Object({
    sent: Type.Integer(), queued: Type.Integer(), failed: Type.Integer(), skipped: Type.Integer(),
    skippedByReason: Type.Object({
      unsubscribed: Type.Optional(Type.Integer()), no_email: Type.Optional(Type.Integer()), private_board: Type.Optional(Type.Integer()),
      self: Type.Optional(Type.Integer()), preference_off: Type.Optional(Type.Integer()),
    }),
  }),
  inApp: Type.Object({ sent: Type.Integer(), skipped: Type.Integer() }),
});

const DeliveryStateSchema = Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed'), Type.Literal('skipped')]);

export const DeliverySchema = Type.Object({
  id: Uuid,
  channel: Type.Union([Type.Literal('email'), Type.Literal('in_app')]),
  kind: KindSchema,
  recipient: Type.Object({ kind: Type.Union([Type.Literal('person'), Type.Literal('member')]), id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()) }),
  address: Nullable(Type.String()),
  state: DeliveryStateSchema,
  skipReason: Nullable(SkipReasonSchema),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Nullable(Timestamp),
});

export const EventDeliveriesSchema = Type.Object({
  event: Type.Object({ id: Uuid, type: Type.String(), postId: Nullable(Uuid), createdAt: Timestamp }),
  summary: SummarySchema,
  items: Type.Array(DeliverySchema, { description: "This page's recipients: each one's email delivery, then their in-app ones" }),
  nextCursor: Nullable(Type.String()),
}, { $id: 'EventDeliveries' });

export const EventDeliveriesQuery = Type.Object({
  state: Type.Optional({ ...DeliveryStateSchema, description: 'Only recipients whose email is in this state' }),
  q: Type.Optional(Type.String({ maxLength: 200, description: "Part of a recipient's name or email address" })),
  cursor: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Recipients per page (default 50)' })),
});

export const LogQuery = Type.Object({
  postId: Type.Optional(Uuid),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const LogEntrySchema = Type.Object({
  id: Uuid,
  type: Type.String(),
  postId: Nullable(Uuid),
  postTitle: Nullable(Type.String()),
  headline: Nullable(Type.String()),
  createdAt: Timestamp,
  summary: SummarySchema,
});

export const MailSettingsSchema = Type.Object({
  adapter: Type.Union([Type.Literal('smtp'), Type.Literal('file')]),
  from: Type.String(),
  smtp: Nullable(Type.Object({ host: Type.String(), port: Type.Integer(), secure: Type.Boolean(), user: Nullable(Type.String()), password: Nullable(Type.String()) })),
  directory: Nullable(Type.String()),
  retry: Type.Object({ baseMs: Type.Integer(), maxMs: Type.Integer(), maxAttempts: Type.Integer(), scheduleMs: Type.Array(Type.Integer()) }),
}, { $id: 'MailSettings' });

export const TestMailBody = Type.Object({ to: Email }, { additionalProperties: false });

export const TestMailResultSchema = Type.Object({
  ok: Type.Boolean(),
  adapter: Type.Union([Type.Literal('smtp'), Type.Literal('file')]),
  messageId: Nullable(Type.String()),
  location: Nullable(Type.String()),
  error: Nullable(Type.String()),
});
