import { Type, type Static, type TSchema } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TokenQuery = Type.Object({
  token: Type.Optional(Type.String({ minLength: 10, maxLength: 512, description: 'A signed link token from a notification email; without it, the signed-in person or member' })),
});

export const SubscriptionReasonSchema = Type.Union([Type.Literal('author'), Type.Literal('voter'), Type.Literal('commenter'), Type.Literal('manual')]);
export const CategorySchema = Type.Union([Type.Literal('status_updates'), Type.Literal('comment_replies'), Type.Literal('changelog')]);
export const DigestSchema = Type.Union([Type.Literal('off'), Type.Literal('daily'), Type.Literal('weekly')]);

export const FollowStateSchema = Type.Object({
  isFollowing: Type.Boolean(),
  reason: Nullable(SubscriptionReasonSchema),
  /** false for visitors who are not signed in (they are offered sign-in instead) */
  canFollow: Type.Boolean(),
}, { $id: 'FollowState' });

export const SubscriptionSchema = Type.Object({
  id: Uuid,
  postId: Uuid,
  title: Type.String(),
  url: Type.String(),
  reason: SubscriptionReasonSchema,
  mergedIntoId: Nullable(Uuid),
  createdAt: Timestamp,
});

export const ListSubscriptionsQuery = Type.Object({
  token: TokenQuery.properties.token,
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const PreferencesSchema = Type.Object({
  statusUpdates: Type.Boolean(),
  commentReplies: Type.Boolean(),
  changelog: Type.Boolean(),
  unsubscribedAll: Type.Boolean(),
  digest: DigestSchema,
});

const ScopeSchema = Type.Object({
  type: Type.Union([Type.Literal('post'), Type.Literal('category'), Type.Literal('all')]),
  postId: Type.Optional(Uuid),
  postTitle: Type.Optional(Nullable(Type.String())),
  category: Type.Optional(CategorySchema),
});

export const PreferencesViewSchema = Type.Object({
  recipient: Type.Object({ kind: Type.Union([Type.Literal('person'), Type.Literal('member')]), email: Type.String(), name: Nullable(Type.String()) }),
  preferences: PreferencesSchema,
  scope: Nullable(ScopeSchema),
}, { $id: 'NotificationPreferences' });

export const UpdatePreferencesBody = Type.Object({
  statusUpdates: Type.Optional(Type.Boolean()),
  commentReplies: Type.Optional(Type.Boolean()),
  changelog: Type.Optional(Type.Boolean()),
  unsubscribedAll: Type.Optional(Type.Boolean()),
  digest: Type.Optional(DigestSchema),
}, { minProperties: 1, additionalProperties: false });
export type UpdatePreferencesInput = Static<typeof UpdatePreferencesBody>;

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 512 }) });

export const UnsubscribeResultSchema = Type.Object({ ok: Type.Literal(true), scope: ScopeSchema, message: Type.String() });
