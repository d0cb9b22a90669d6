// Checks for merge tests: every counter recomputed from the rows by an independent query, and a
// snapshot of everything a merge may touch (for "merge then unmerge is the identity").
import { sql } from 'kysely';
import type { Db } from '../src/db/database.ts';

export type CounterMismatch = { what: string; id: string; stored: number; recounted: number };

/**
 * Every post's vote_count/comment_count against a recount from scratch: a post nothing is merged
 * into counts distinct people over itself and the posts merged into it; a merged post its own rows.
 * Boards: live posts that are not merged. Returns the mismatches (empty when all is right).
 */
export async function findCounterMismatches(db: Db, workspaceId: string, boardId?: string): Promise<CounterMismatch[]> {
  const onBoard = boardId ? sql`and p.board_id = ${boardId}` : sql``;
  const board = boardId ? sql`and b.id = ${boardId}` : sql``;
  const { rows: posts } = await sql<{ id: string; vote_count: number; comment_count: number; votes: number; comments: number; hot_ok: boolean }>`
    select p.id, p.vote_count, p.comment_count,
      (select count(distinct v.person_id)::int from votes v join posts g on g.id = v.post_id
        where g.id = p.id or (p.merged_into_id is null and g.merged_into_id = p.id)) as votes,
      (select count(*)::int from comments c join posts g on g.id = c.post_id
        where (g.id = p.id or (p.merged_into_id is null and g.merged_into_id = p.id)) and not c.internal and c.deleted_at is null) as comments,
      abs(p.hot_score - (log(greatest(p.vote_count, 1)::float8) + extract(epoch from p.created_at)::float8 / 45000)) < 1e-9 as hot_ok
    from posts p where p.workspace_id = ${workspaceId} ${onBoard}`.execute(db);
  const { rows: boards } = await sql<{ id: string; post_count: number; n: number }>`
    select b.id, b.post_count, (select count(*)::int from posts p where p.board_id = b.id and p.deleted_at is null and p.merged_into_id is null) as n
    from boards b where b.workspace_id = ${workspaceId} ${board}`.execute(db);
  const out: CounterMismatch[] = [];
  for (const p of posts) {
    if (p.vote_count !== p.votes) out.push({ what: 'vote_count', id: p.id, stored: p.vote_count, recounted: p.votes });
    if (p.comment_count !== p.comments) out.push({ what: 'comment_count', id: p.id, stored: p.comment_count, recounted: p.comments });
    if (!p.hot_ok) out.push({ what: 'hot_score', id: p.id, stored: p.vote_count, recounted: p.votes });
  }
  for (const b of boards) if (b.post_count !== b.n) out.push({ what: 'board.post_count', id: b.id, stored: b.post_count, recounted: b.n });
  return out;
}

/**
 * Everything a merge or an unmerge may change, in a comparable form (ids sorted, dates as strings):
 * of the workspace, or of one board's posts. Not `updated_at`: a trigger moves it on every change of
 * merged_into_id on purpose, so the similar-posts index catches up (migrations/20261123070000_similar.sql).
 */
export async function snapshotMergeState(db: Db, workspaceId: string, boardId?: string) {
  const postIds = db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).$if(boardId !== undefined, (q) => q.where('board_id', '=', boardId!));
  const posts = await db.selectFrom('posts')
    .select(['id', 'board_id', 'status_id', 'title', 'body', 'vote_count', 'comment_count', 'hot_score', 'merged_into_id', 'merged_at', 'deleted_at'])
    .where('id', 'in', postIds).orderBy('id').execute();
  const votes = await db.selectFrom('votes').select(['id', 'post_id', 'person_id', 'importance', 'created_at', 'voted_by_member_id'])
    .where('post_id', 'in', postIds).orderBy('id').execute();
  const comments = await db.selectFrom('comments').select(['id', 'post_id', 'parent_id', 'internal', 'deleted_at'])
    .where('post_id', 'in', postIds).orderBy('id').execute();
  const tags = await db.selectFrom('post_tags').select(['post_id', 'tag_id'])
    .where('post_id', 'in', postIds).orderBy('post_id').orderBy('tag_id').execute();
  const boards = await db.selectFrom('boards').select(['id', 'post_count']).where('workspace_id', '=', workspaceId)
    .$if(boardId !== undefined, (q) => q.where('id', '=', boardId!)).orderBy('id').execute();
  return JSON.parse(JSON.stringify({ posts, votes, comments, tags, boards })) as unknown;
}
