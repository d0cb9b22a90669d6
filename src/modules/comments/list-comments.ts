import type { Context } from '../context.ts';
import { canSeeInternalComments, findVisiblePost } from '../posts/index.ts';
import { listCommentRows, type CommentRow } from './comments.repo.ts';

/**
 * The thread of a post, oldest first. Internal comments only for the team. A deleted comment is
 * left out, unless replies still hang under it: then it stays as an empty anchor for them.
 */
export async function listComments(ctx: Context, postId: string): Promise<CommentRow[]> {
  const post = await findVisiblePost(ctx, postId);
  const rows = await listCommentRows(ctx.db, post.id, canSeeInternalComments(ctx.actor));
  const parentsWithReplies = new Set(rows.filter((r) => r.parent_id && !r.deleted_at).map((r) => r.parent_id));
  return rows.filter((r) => !r.deleted_at || (r.parent_id === null && parentsWithReplies.has(r.id)));
}
