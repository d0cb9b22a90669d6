import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../http/schemas.ts';
import { StatusKindSchema } from '../statuses/index.ts';

const StatusRef = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), kind: StatusKindSchema, color: Type.String() });
const BoardRef = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() });

export const SimilarPostsQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 5000, description: 'The title being typed; the lines after the first are read as the body.' }),
  boardId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
});
export type SimilarPostsQuery = Static<typeof SimilarPostsQuery>;

export const SimilarPostSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  boardId: Uuid,
  board: BoardRef,
  status: StatusRef,
  voteCount: Type.Integer(),
  hasVoted: Type.Boolean(),
  /** ranking score: higher is more similar; comparable within one workspace */
  score: Type.Number(),
  /** the words and phrases of the query found in this post (stemmed forms shown as written in the post) */
  matched: Type.Array(Type.String()),
});

export const SimilarPostsResponse = Type.Object({ items: Type.Array(SimilarPostSchema) });

const DuplicatePostSchema = Type.Object({
  id: Uuid, title: Type.String(), boardId: Uuid, board: BoardRef, status: StatusRef, voteCount: Type.Integer(), createdAt: Timestamp,
});

export const DuplicateCandidateSchema = Type.Object({
  id: Uuid,
  score: Type.Number(),
  /** why the pair was suggested: what the two posts have in common */
  matched: Type.Array(Type.String()),
  /** the newer post, checked when it was created */
  post: DuplicatePostSchema,
  /** the existing post it resembles */
  similarPost: DuplicatePostSchema,
  /** pairs sharing posts form a cluster (the smallest post id names it); size counts its posts */
  cluster: Type.Object({ id: Uuid, size: Type.Integer() }),
  createdAt: Timestamp,
});

export const DuplicatesQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
});
export type DuplicatesQuery = Static<typeof DuplicatesQuery>;

export const DismissedSchema = Type.Object({ id: Uuid, state: Type.Literal('dismissed') });
