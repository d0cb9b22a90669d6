import type { Context } from '../context.ts';
import { canSeePrivateBoards } from './similar.policy.ts';
import { loadPostCards, loadVotedIds } from './similar.repo.ts';
import { presentSimilarPost, type SimilarPostJson } from './similar.present.ts';
import { unknownBoard } from './similar.errors.ts';
import type { SimilarIndexes } from './similar-indexes.ts';

export type FindSimilarInput = {
  /** what is being typed: the first line is read as the title, the rest as the body */
  q: string;
  boardId?: string;
  limit?: number;
  /** only posts created before this time (the evaluation harness replays history with it) */
  before?: Date;
  /** the moment the recency prior counts from (default: `before`, else now) */
  now?: Date;
};

const DEFAULT_LIMIT = 5;
// a post can leave between the index and the read of its row (deleted, merged): ask for a few more
const SPARE = 2;

export function splitQuery(q: string): { title: string; body: string } {
  const at = q.indexOf('\n');
  return at < 0 ? { title: q.trim(), body: '' } : { title: q.slice(0, at).trim(), body: q.slice(at + 1).trim() };
}

/**
 * The posts most similar to what is being typed, among those the caller may see (private boards for
 * the team only; other workspaces never), merged and deleted posts excluded. The index is caught up
 * with the database first, so a post created, edited, merged or deleted by any process is reflected.
 */
export async function findSimilarPosts(ctx: Context, indexes: SimilarIndexes, input: FindSimilarInput): Promise<SimilarPostJson[]> {
  const { actor } = ctx;
  const isTeam = canSeePrivateBoards(actor);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const index = await indexes.ready(actor.workspaceId);
  const scope = { isTeam, boardId: input.boardId };
  if (input.boardId !== undefined && !index.hasBoard(input.boardId, scope)) throw unknownBoard();
  const { title, body } = splitQuery(input.q);
  const hits = index.search({ ...scope, title, body, limit: limit + SPARE, before: input.before?.getTime(), now: input.now?.getTime() });
  const ids = hits.map((h) => h.id);
  const cards = await loadPostCards(ctx.db, actor.workspaceId, ids, isTeam);
  const voted = actor.kind === 'person' ? await loadVotedIds(ctx.db, actor.personId, ids) : new Set<string>();
  return hits.flatMap((hit) => {
    const card = cards.get(hit.id);
    return card ? [presentSimilarPost(card, hit, voted.has(hit.id))] : [];
  }).slice(0, limit);
}
