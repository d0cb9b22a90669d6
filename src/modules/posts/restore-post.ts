import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { canTriagePosts } from './posts.policy.ts';
import { adjustBoardPostCount, lockPost } from './posts.repo.ts';
import { postNotFound } from './posts.errors.ts';
import { getPost } from './get-post.ts';
import type { PostDetail } from './posts.present.ts';

/** Undoes a soft delete (idempotent): the post and its board's count come back. */
export async function restorePost(ctx: Context, postId: string): Promise<PostDetail> {
  if (!canTriagePosts(ctx.actor)) throw forbidden('Only the team can restore posts');
  await withTransaction(ctx.db, async (tx) => {
    const post = await lockPost(tx, ctx.actor.workspaceId, postId);
    if (!post) throw postNotFound();
    if (!post.deleted_at) return;
    await tx.updateTable('posts').set({ deleted_at: null }).where('id', '=', post.id).execute();
    await adjustBoardPostCount(tx, post.board_id, 1);
  });
  return getPost(ctx, postId);
}
