import type { Board } from '../../db/schema.ts';

export type BoardJson = {
  id: string;
  name: string;
  slug: string;
  description: string;
  visibility: 'public' | 'private';
  postCount: number;
  createdAt: string;
};

export function presentBoard(board: Board): BoardJson {
  return {
    id: board.id,
    name: board.name,
    slug: board.slug,
    description: board.description,
    visibility: board.visibility,
    postCount: board.post_count,
    createdAt: board.created_at.toISOString(),
  };
}
