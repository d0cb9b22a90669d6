import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canTriagePosts } from './posts.policy.ts';
import { adjustBoardPostCount, lockPost } from './posts.repo.ts';
import { postMerged, postNotFound } from './posts.errors.ts';

/** Soft delete: the post disappears from the portal and its board's count; restorePost undoes it. Idempotent. */
export async function deletePost(ctx: Context, postId: string): Promise<void> {
  if (!canTriagePosts(ctx.actor)) throw forbidden('Only the team can delete posts');
  await withTransaction(ctx.db, async (tx) => {
    const post = await lockPost(tx, ctx.actor.workspaceId, postId);
    if (!post) throw postNotFound();
    if (post.merged_into_id) throw postMerged('This post was merged into another post; unmerge it first');
    if (post.deleted_at) return;
    await tx.updateTable('posts').set({ deleted_at: ctx.now }).where('id', '=', post.id).execute();
    await adjustBoardPostCount(tx, post.board_id, -1);
  });
}
