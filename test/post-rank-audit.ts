// post_rank (migrations/20261123090000_post-rank.sql) against a recomputation from posts, in one SQL:
// a row missing on either side, or any column that differs, is a mismatch.
import { sql } from 'kysely';
import type { DbOrTx } from '../src/db/database.ts';

export type RankMismatch = { post_id: string; in_posts: boolean; in_rank: boolean };

export async function findRankMismatches(db: DbOrTx): Promise<RankMismatch[]> {
  const { rows } = await sql<RankMismatch>`
    select coalesce(p.id, r.post_id) as post_id, p.id is not null as in_posts, r.post_id is not null as in_rank
    from posts p full join post_rank r on r.post_id = p.id
    where (p.id, p.workspace_id, p.board_id, p.status_id, p.deleted_at is null, p.merged_into_id is null, p.created_at,
           p.vote_count, p.hot_score, p.demand_score)
      is distinct from (r.post_id, r.workspace_id, r.board_id, r.status_id, r.listed, r.head, r.created_at,
           r.vote_count, r.hot_score, r.demand_score)
    order by 1`.execute(db);
  return rows;
}
