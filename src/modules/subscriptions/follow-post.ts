import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { findVisiblePost } from '../posts/index.ts';
import { followStateOf, type FollowState } from './get-follow-state.ts';
import { resolveRecipient } from './resolve-recipient.ts';
import { setFollowing } from './subscriptions.repo.ts';

/** Follow (or, with isFollowing false, unfollow) a post the recipient can see. Idempotent. */
export async function followPost(ctx: Context, postId: string, input: { isFollowing: boolean; token?: string }): Promise<FollowState> {
  const who = await resolveRecipient(ctx, input.token);
  const post = await findVisiblePost({ ...ctx, actor: who.actor }, postId);
  await withTransaction(ctx.db, (tx) => setFollowing(tx, who.recipient, post.id, input.isFollowing, ctx.now));
  return followStateOf(ctx.db, who.recipient, post.id);
}
