import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { adjustCommentCount, findVisiblePost, lockPostGroup, retryOnDeadlock } from '../posts/index.ts';
import { canDeleteComment, canSeeComment } from './comments.policy.ts';
import { findCommentRow, softDeleteComment } from './comments.repo.ts';
import { commentNotFound } from './comments.errors.ts';

/**
 * Soft delete (idempotent); a public comment leaves the post's comment_count in the same transaction,
 * and, on a merged post, the count of the post it was merged into (under the group lock).
 */
export async function deleteComment(ctx: Context, commentId: string): Promise<void> {
  const comment = await findCommentRow(ctx.db, ctx.actor.workspaceId, commentId);
  if (!comment || !canSeeComment(ctx.actor, comment)) throw commentNotFound();
  // a comment on a post the actor cannot see does not exist for them either
  await findVisiblePost(ctx, comment.post_id).catch((error: unknown) => {
    throw error instanceof AppError && error.kind === 'not_found' ? commentNotFound() : error;
  });
  if (!canDeleteComment(ctx.actor, comment)) throw forbidden('You can only delete your own comments');
  await retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const group = await lockPostGroup(tx, ctx.actor.workspaceId, comment.post_id);
    const deleted = await softDeleteComment(tx, comment.id, ctx.now);
    if (!deleted || deleted.internal) return;
    await adjustCommentCount(tx, deleted.post_id, -1);
    if (group.isMerged) await adjustCommentCount(tx, group.rootId, -1);
  }));
}
