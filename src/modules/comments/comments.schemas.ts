import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';
import { PersonRefSchema } from '../posts/index.ts';

export const CommentSchema = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  bodyHtml: Type.String(),
  body: Type.String(),
  internal: Type.Boolean(),
  author: Type.Object({ name: Type.String(), isTeam: Type.Boolean() }),
  createdAt: Timestamp,
  deletedAt: Type.Union([Timestamp, Type.Null()]),
  /** Set when the comment was made on a post merged into the one whose thread you read. */
  origin: Type.Union([Type.Object({ postId: Uuid, title: Type.String() }), Type.Null()]),
});

export const CreateCommentBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 10000 }),
  /** Replies attach to a top-level comment of the same post (one level of threading). */
  parentId: Type.Optional(Uuid),
  /** The customer the team comments for; end users comment as themselves. */
  author: Type.Optional(PersonRefSchema),
  /** Team-only note, never shown outside the team. */
  internal: Type.Optional(Type.Boolean()),
});
export type CreateCommentInput = Static<typeof CreateCommentBody>;
