import type { Static } from 'typebox';
import type { Status } from '../../db/schema.ts';
import type { Roadmap } from './get-roadmap.ts';
import type { RoadmapRow } from './roadmap.repo.ts';
import type { RoadmapCardSchema, RoadmapSchema } from './roadmap.schemas.ts';

export type RoadmapJson = Static<typeof RoadmapSchema>;
export type RoadmapCardJson = Static<typeof RoadmapCardSchema>;

function presentStatusRef(s: Pick<Status, 'id' | 'name' | 'slug' | 'kind' | 'color'>) {
  return { id: s.id, name: s.name, slug: s.slug, kind: s.kind, color: s.color };
}

export function presentRoadmapCard(row: RoadmapRow): RoadmapCardJson {
  return {
    id: row.id,
    title: row.title,
    board: { id: row.board_id, name: row.board_name, slug: row.board_slug },
    status: { id: row.status_id, name: row.status_name, slug: row.status_slug, kind: row.status_kind, color: row.status_color },
    voteCount: row.vote_count,
    commentCount: row.comment_count,
    hasVoted: row.has_voted,
    tags: row.tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
  };
}

export function presentRoadmap(roadmap: Roadmap): RoadmapJson {
  return {
    board: roadmap.board ? { id: roadmap.board.id, name: roadmap.board.name, slug: roadmap.board.slug } : null,
    columns: roadmap.columns.map((column) => ({
      kind: column.kind,
      statuses: column.statuses.map(presentStatusRef),
      items: column.rows.map(presentRoadmapCard),
      nextCursor: column.nextCursor,
    })),
  };
}
