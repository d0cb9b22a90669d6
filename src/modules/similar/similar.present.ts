import type { PostCard } from './similar.repo.ts';

// Row → JSON whitelists for the similar-posts search and the duplicate queue.

export type SimilarPostJson = Omit<PostCard, 'createdAt'> & { hasVoted: boolean; score: number; matched: string[] };
export type DuplicatePostJson = Omit<PostCard, 'createdAt'> & { createdAt: string };
export type DuplicateCandidateJson = {
  id: string;
  score: number;
  matched: string[];
  post: DuplicatePostJson;
  similarPost: DuplicatePostJson;
  cluster: { id: string; size: number };
  createdAt: string;
};

/** Scores are shown, not computed with: four decimals are plenty. */
export const roundScore = (score: number): number => Math.round(score * 10_000) / 10_000;

export function presentSimilarPost(card: PostCard, hit: { score: number; matched: string[] }, hasVoted: boolean): SimilarPostJson {
  return {
    id: card.id, title: card.title, boardId: card.boardId, board: card.board, status: card.status, voteCount: card.voteCount,
    hasVoted, score: roundScore(hit.score), matched: hit.matched,
  };
}

export function presentDuplicatePost(card: PostCard): DuplicatePostJson {
  return {
    id: card.id, title: card.title, boardId: card.boardId, board: card.board, status: card.status, voteCount: card.voteCount,
    createdAt: card.createdAt.toISOString(),
  };
}
