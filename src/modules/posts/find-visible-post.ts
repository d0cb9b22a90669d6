import type { Context } from '../context.ts';
import { canViewPost, type PostAccess } from './posts.policy.ts';
import { findPostAccess } from './posts.repo.ts';
import { postDeleted, postNotFound } from './posts.errors.ts';

export type VisiblePost = PostAccess & { id: string; board_id: string };

/**
 * The post if the actor may see it, else "not found" (never "forbidden": a private board's posts
 * and other workspaces' posts must not be discoverable). With `live`, a deleted post the team can
 * still see is refused as deleted.
 */
export async function findVisiblePost(ctx: Context, postId: string, opts: { live?: boolean } = {}): Promise<VisiblePost> {
  const post = await findPostAccess(ctx.db, ctx.actor.workspaceId, postId);
  if (!post || !canViewPost(ctx.actor, post)) throw postNotFound();
  if (opts.live && post.deleted_at) throw postDeleted();
  return post;
}
