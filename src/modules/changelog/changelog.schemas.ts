import { Type, type Static, type TSchema } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';
import { StatusKindSchema } from '../statuses/index.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ChangelogTypeSchema = Type.Union([Type.Literal('new'), Type.Literal('improved'), Type.Literal('fixed')]);
export const ChangelogStateSchema = Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('published')]);

const StatusRef = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), kind: StatusKindSchema, color: Type.String() });

export const LinkedPostSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  board: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
  status: StatusRef,
  voteCount: Type.Integer(),
});

export const ChangelogEntrySchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  /** The body rendered from markdown and sanitized: the only HTML a client should insert. */
  bodyHtml: Type.String(),
  type: ChangelogTypeSchema,
  state: ChangelogStateSchema,
  scheduledFor: Nullable(Timestamp),
  /** For a scheduled entry: the shipped status its linked posts move to when it publishes. */
  moveLinkedPostsToStatus: Nullable(StatusRef),
  publishedAt: Nullable(Timestamp),
  author: Nullable(Type.Object({ name: Type.String() })),
  posts: Type.Array(LinkedPostSchema),
  url: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean() }),
});

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Body = Type.String({ maxLength: 50000 });
const PostIds = Type.Array(Uuid, { maxItems: 50 });
/** A status id or slug, or the kind `shipped` (the first shipped status). */
const ShippedStatusRef = Type.String({ minLength: 1, maxLength: 60 });

export const CreateChangelogBody = Type.Object({
  title: Title,
  body: Type.Optional(Body),
  type: ChangelogTypeSchema,
  postIds: Type.Optional(PostIds),
});
export type CreateChangelogInput = Static<typeof CreateChangelogBody>;

export const UpdateChangelogBody = Type.Object({
  title: Type.Optional(Title),
  body: Type.Optional(Body),
  type: Type.Optional(ChangelogTypeSchema),
  postIds: Type.Optional(PostIds),
}, { minProperties: 1 });
export type UpdateChangelogInput = Static<typeof UpdateChangelogBody>;

export const PublishChangelogBody = Type.Object({
  moveLinkedPostsToStatus: Type.Optional(ShippedStatusRef),
});
export type PublishChangelogInput = Static<typeof PublishChangelogBody>;

export const ScheduleChangelogBody = Type.Object({
  at: Timestamp,
  moveLinkedPostsToStatus: Type.Optional(ShippedStatusRef),
});
export type ScheduleChangelogInput = Static<typeof ScheduleChangelogBody>;

export const PreviewChangelogBody = Type.Object({ body: Body });
export const PreviewSchema = Type.Object({ bodyHtml: Type.String() });

export const ListChangelogQuery = Type.Object({
  /** The team may list drafts and scheduled entries; everyone else sees published entries only. */
  state: Type.Optional(ChangelogStateSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListChangelogInput = Static<typeof ListChangelogQuery>;
