import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import { refreshDemand } from '../demand/index.ts';

/**
 * Recomputes every denormalised counter of a workspace from the rows themselves (after bulk loads
 * such as the demo seed or benchmark data). Same rules as the live updates in posts/votes/merges:
 * a merge group's root counts distinct people and public comments across the group, a merged post
 * counts its own rows, boards count their live, unmerged posts; then demand is rebuilt.
 */
export async function recountWorkspace(db: DbOrTx, workspaceId: string): Promise<void> {
  await sql`
    with membership as (
      select id as post_id, coalesce(merged_into_id, id) as root_id from posts where workspace_id = ${workspaceId}
    ),
    root_votes as (
      select m.root_id, count(distinct v.person_id) as n from votes v join membership m on m.post_id = v.post_id group by m.root_id
    ),
    own_votes as (
      select post_id, count(*) as n from votes where workspace_id = ${workspaceId} group by post_id
    ),
    root_comments as (
      select m.root_id, count(*) as n from comments c join membership m on m.post_id = c.post_id
      where not c.internal and c.deleted_at is null group by m.root_id
    ),
    own_comments as (
      select post_id, count(*) as n from comments where workspace_id = ${workspaceId} and not internal and deleted_at is null group by post_id
    ),
    counts as (
      select p.id,
        case when p.merged_into_id is null then coalesce(rv.n, 0) else coalesce(ov.n, 0) end as votes,
        case when p.merged_into_id is null then coalesce(rc.n, 0) else coalesce(oc.n, 0) end as comments
      from posts p
      left join root_votes rv on rv.root_id = p.id
      left join own_votes ov on ov.post_id = p.id
      left join root_comments rc on rc.root_id = p.id
      left join own_comments oc on oc.post_id = p.id
      where p.workspace_id = ${workspaceId}
    )
    update posts p set
      vote_count = counts.votes,
      comment_count = counts.comments,
      hot_score = log(greatest(counts.votes, 1)::float8) + extract(epoch from p.created_at)::float8 / 45000
    from counts
    where p.id = counts.id`.execute(db);
  await sql`
    update boards b set post_count = (
      select count(*) from posts p where p.board_id = b.id and p.deleted_at is null and p.merged_into_id is null
    )
    where b.workspace_id = ${workspaceId}`.execute(db);
  await refreshDemand(db, { scope: 'workspace', workspaceId });
}
