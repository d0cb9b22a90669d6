import { http } from './client.ts';
import type { StatusRef, Tag } from './types.ts';

export type RoadmapKind = 'planned' | 'in_progress' | 'shipped';
export type RoadmapCard = {
  id: string;
  title: string;
  board: { id: string; name: string; slug: string };
  status: StatusRef;
  voteCount: number;
  commentCount: number;
  hasVoted: boolean;
  tags: Tag[];
};
export type RoadmapColumn = { kind: RoadmapKind; statuses: StatusRef[]; items: RoadmapCard[]; nextCursor: string | null };
export type Roadmap = { board: { id: string; name: string; slug: string } | null; columns: RoadmapColumn[] };

/** The whole roadmap, or (with a column's cursor) that column's next cards only. */
export const getRoadmap = (query: { boardId?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
  http.get<Roadmap>('/api/v1/roadmap', query, signal);
