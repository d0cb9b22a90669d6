import type { Context } from '../context.ts';
import type { Tx } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';
import { findVisiblePost, lockPostGroup, postMerged, type GroupLock } from '../posts/index.ts';

/**
 * Locks the merge group of the post a vote is cast or taken back on and returns it. Votes on a
 * merged post go to the post it was merged into (a voter following an old link still counts), which
 * must then be live and visible to the voter too.
 */
export async function lockVoteTarget(ctx: Context, tx: Tx, post: { id: string; merged_into_id?: string | null }): Promise<GroupLock> {
  const group = await lockPostGroup(tx, ctx.actor.workspaceId, post.id, post.merged_into_id ?? null);
  if (group.rootId !== post.id) {
    await findVisiblePost({ ...ctx, db: tx }, group.rootId, { live: true }).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'not_found') throw postMerged('This post was merged into a post you cannot vote on');
      throw error;
    });
  }
  return group;
}
