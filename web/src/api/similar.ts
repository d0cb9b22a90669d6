import { http } from './client.ts';
import type { Page, StatusRef } from './types.ts';

const seg = encodeURIComponent;

type BoardRef = { id: string; name: string; slug: string };

/** GET /api/v1/posts/similar: an existing post like the one being typed, and why it matched. */
export type SimilarPost = {
  id: string;
  title: string;
  boardId: string;
  board: BoardRef;
  status: StatusRef;
  voteCount: number;
  hasVoted: boolean;
  score: number;
  matched: string[];
};

export type DuplicatePost = { id: string; title: string; boardId: string; board: BoardRef; status: StatusRef; voteCount: number; createdAt: string };

/** One entry of the duplicate queue: a likely pair, its score, what matched and its cluster. */
export type DuplicatePair = {
  id: string;
  score: number;
  matched: string[];
  post: DuplicatePost;
  similarPost: DuplicatePost;
  cluster: { id: string; size: number };
  createdAt: string;
};

export const findSimilarPosts = (query: { q: string; boardId?: string; limit?: number }, signal?: AbortSignal) =>
  http.get<{ items: SimilarPost[] }>('/api/v1/posts/similar', query, signal);

export const listDuplicates = (cursor: string | null, signal?: AbortSignal) =>
  http.get<Page<DuplicatePair>>('/api/v1/duplicates', { cursor, limit: 25 }, signal);

export const dismissDuplicate = (id: string) => http.post<{ id: string; state: 'dismissed' }>(`/api/v1/duplicates/${seg(id)}/dismiss`);
