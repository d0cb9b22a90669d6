import type { Context } from '../context.ts';
import { canSeeInternalComments, canViewPost, findVisiblePost, listMergedPosts } from '../posts/index.ts';
import { listCommentRows, type CommentRow } from './comments.repo.ts';

/** A comment as a thread shows it: made on a post merged into this one, it carries its origin. */
export type ThreadComment = CommentRow & { origin: { postId: string; title: string } | null };

/**
 * The thread of a post, oldest first. Internal comments only for the team. A deleted comment is
 * left out, unless replies still hang under it: then it stays as an empty anchor for them. On a post
 * others were merged into, their comments (on the ones the reader may see) join the thread with
 * their origin; they stay attached to their own post, so an unmerge takes them back.
 */
export async function listComments(ctx: Context, postId: string): Promise<ThreadComment[]> {
  const post = await findVisiblePost(ctx, postId);
  const merged = post.merged_into_id ? [] : await listMergedPosts(ctx.db, post.id);
  const postIds = [post.id, ...merged.filter((p) => canViewPost(ctx.actor, p)).map((p) => p.id)];
  const rows = await listCommentRows(ctx.db, postIds, canSeeInternalComments(ctx.actor));
  const parentsWithReplies = new Set(rows.filter((r) => r.parent_id && !r.deleted_at).map((r) => r.parent_id));
  return rows
    .filter((r) => !r.deleted_at || (r.parent_id === null && parentsWithReplies.has(r.id)))
    .map(({ post_title, ...row }) => ({ ...row, origin: row.post_id === post.id ? null : { postId: row.post_id, title: post_title } }));
}
