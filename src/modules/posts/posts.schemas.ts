import { Type, type Static, type TSchema } from 'typebox';
import { Email, Timestamp, Uuid } from '../../http/schemas.ts';
import { StatusKindSchema } from '../statuses/index.ts';
import { TagSchema } from '../tags/index.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const StatusRefSchema = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), kind: StatusKindSchema, color: Type.String() });

const summaryProperties = {
  id: Uuid,
  boardId: Uuid,
  board: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
  title: Type.String(),
  excerpt: Type.String(),
  status: StatusRefSchema,
  tags: Type.Array(TagSchema),
  author: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  voteCount: Type.Integer(),
  commentCount: Type.Integer(),
  hasVoted: Type.Boolean(),
  source: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
  /** The post's demand score (src/modules/demand): in lists, for the team only. */
  demandScore: Type.Optional(Type.Number()),
};

export const PostSummarySchema = Type.Object(summaryProperties);

export const StatusChangeSchema = Type.Object({
  id: Uuid,
  from: Nullable(StatusRefSchema),
  to: StatusRefSchema,
  message: Nullable(Type.String()),
  bodyHtml: Nullable(Type.String()),
  actor: Nullable(Type.Object({ name: Type.String() })),
  createdAt: Timestamp,
});

export const PostPermissionsSchema = Type.Object({
  edit: Type.Boolean(),
  delete: Type.Boolean(),
  changeStatus: Type.Boolean(),
  vote: Type.Boolean(),
  comment: Type.Boolean(),
  comment_internal: Type.Boolean(),
  merge: Type.Boolean(),
  unmerge: Type.Boolean(),
});

/** One entry of the merge log of a post (as source or target); `undoneAt` is set once unmerged. */
export const MergeLogEntrySchema = Type.Object({
  id: Uuid,
  sourceId: Uuid,
  sourceTitle: Type.String(),
  targetId: Uuid,
  actor: Nullable(Type.Object({ name: Type.String() })),
  createdAt: Timestamp,
  undoneAt: Nullable(Timestamp),
});

/** A post merged into this one, with what it brings: its own voters and public comments. */
export const MergedPostSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  voteCount: Type.Integer(),
  commentCount: Type.Integer(),
  mergedAt: Nullable(Timestamp),
});

export const PostSchema = Type.Object({
  ...summaryProperties,
  body: Type.String(),
  bodyHtml: Type.String(),
  history: Type.Array(StatusChangeSchema),
  can: PostPermissionsSchema,
  /** Set on a merged post (a read-only stub): where it lives on. `title` is null when you cannot see that post. */
  mergedInto: Nullable(Type.Object({ id: Uuid, title: Nullable(Type.String()) })),
  /** Posts merged into this one (the ones you can see). */
  mergedPosts: Type.Array(MergedPostSchema),
  /** Merges this post took part in, newest first (team only; empty for everyone else). */
  merges: Type.Array(MergeLogEntrySchema),
});

// 'demand' (the explainable demand score, README "Demand score") is for the team only
export const PostSort = Type.Union([Type.Literal('top'), Type.Literal('new'), Type.Literal('trending'), Type.Literal('demand')]);
export type PostSortValue = Static<typeof PostSort>;

export const ListPostsQuery = Type.Object({
  boardId: Type.Optional(Uuid),
  sort: Type.Optional(PostSort),
  /** A status id, slug or kind; several separated by commas. */
  status: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  tag: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  includeDeleted: Type.Optional(Type.Boolean()),
});
export type ListPostsInput = Static<typeof ListPostsQuery>;

/** Someone outside the team, named by email: the author or voter a team member acts for, or an anonymous visitor. */
export const PersonRefSchema = Type.Object({
  email: Email,
  name: Type.Optional(Type.String({ maxLength: 80 })),
  externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

const Title = Type.String({ minLength: 3, maxLength: 200 });
const Body = Type.String({ maxLength: 20000 });
const TagIds = Type.Array(Uuid, { maxItems: 20 });

export const CreatePostBody = Type.Object({
  boardId: Uuid,
  title: Title,
  body: Type.Optional(Body),
  author: Type.Optional(PersonRefSchema),
  tags: Type.Optional(TagIds),
  /** The channel the feedback came from (team only), e.g. email, slack, intercom. */
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' })),
});
export type CreatePostInput = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object({
  title: Type.Optional(Title),
  body: Type.Optional(Body),
  /** A status id or slug (a kind or a name also work: the first matching status). */
  status: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  statusMessage: Type.Optional(Type.String({ maxLength: 5000 })),
  tags: Type.Optional(TagIds),
  boardId: Type.Optional(Uuid),
}, { minProperties: 1 });
export type UpdatePostInput = Static<typeof UpdatePostBody>;
