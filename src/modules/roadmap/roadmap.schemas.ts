import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/schemas.ts';
import { StatusKindSchema } from '../statuses/index.ts';
import { TagSchema } from '../tags/index.ts';

export const ROADMAP_KINDS = ['planned', 'in_progress', 'shipped'] as const;
export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

export const RoadmapKindSchema = Type.Union([Type.Literal('planned'), Type.Literal('in_progress'), Type.Literal('shipped')]);

const StatusRef = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), kind: StatusKindSchema, color: Type.String() });

export const RoadmapCardSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  board: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
  status: StatusRef,
  voteCount: Type.Integer(),
  commentCount: Type.Integer(),
  hasVoted: Type.Boolean(),
  tags: Type.Array(TagSchema),
});

export const RoadmapColumnSchema = Type.Object({
  kind: RoadmapKindSchema,
  statuses: Type.Array(StatusRef),
  items: Type.Array(RoadmapCardSchema),
  /** Pass back as `cursor` for this column's next cards. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const RoadmapSchema = Type.Object({
  board: Type.Union([Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }), Type.Null()]),
  columns: Type.Array(RoadmapColumnSchema),
});

export const RoadmapQuery = Type.Object({
  /** A board id or slug; every board the caller can see when absent. */
  boardId: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  /** Cards per column (default: 50 planned and in progress, the 10 most recently shipped). */
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  /** A column's nextCursor: only that column is returned, continued. */
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type RoadmapInput = Static<typeof RoadmapQuery>;
