import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';

/**
 * Recomputes every denormalised counter of a workspace from the rows themselves (after bulk loads
 * such as the demo seed or benchmark data). Same formulas as the live updates in posts/votes.
 */
export async function recountWorkspace(db: DbOrTx, workspaceId: string): Promise<void> {
  await sql`
    update posts p set
      vote_count = coalesce(v.n, 0),
      comment_count = coalesce(c.n, 0),
      hot_score = log(greatest(coalesce(v.n, 0), 1)) + extract(epoch from p.created_at) / 45000
    from posts p2
    left join (select post_id, count(*) as n from votes where workspace_id = ${workspaceId} group by post_id) v on v.post_id = p2.id
    left join (select post_id, count(*) as n from comments where workspace_id = ${workspaceId} and not internal and deleted_at is null group by post_id) c on c.post_id = p2.id
    where p.id = p2.id and p.workspace_id = ${workspaceId}`.execute(db);
  await sql`
    update boards b set post_count = (select count(*) from posts p where p.board_id = b.id and p.deleted_at is null)
    where b.workspace_id = ${workspaceId}`.execute(db);
}
