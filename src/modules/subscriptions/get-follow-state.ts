import type { Context } from '../context.ts';
import type { SubscriptionReason } from '../../db/schema.ts';
import { findVisiblePost } from '../posts/index.ts';
import type { DbOrTx } from '../../db/database.ts';
import { decideFollowers } from './followers.ts';
import { recipientOfActor, type Recipient } from './recipient.ts';
import { listRecipientGroupRows } from './subscriptions.repo.ts';
import { resolveRecipient } from './resolve-recipient.ts';

export type FollowState = { isFollowing: boolean; reason: SubscriptionReason | null; canFollow: boolean };

/** Whether the recipient hears about the post, counting subscriptions on posts merged into it. */
export async function followStateOf(db: DbOrTx, recipient: Recipient, postId: string): Promise<FollowState> {
  const rows = await listRecipientGroupRows(db, recipient, postId);
  const isFollowing = decideFollowers(rows).some((d) => d.isFollowing);
  // the post's own subscription names the reason; else the first live one on a post merged into it
  const live = rows.filter((r) => r.unsubscribed_at === null).sort((a, b) => Number(b.post_id === postId) - Number(a.post_id === postId));
  return { isFollowing, reason: isFollowing ? (live[0]?.reason ?? 'manual') : null, canFollow: true };
}

export async function getFollowState(ctx: Context, postId: string, token?: string): Promise<FollowState> {
  if (token === undefined && !recipientOfActor(ctx.actor)) {
    await findVisiblePost(ctx, postId);
    return { isFollowing: false, reason: null, canFollow: false };
  }
  const who = await resolveRecipient(ctx, token);
  const post = await findVisiblePost({ ...ctx, actor: who.actor }, postId);
  return followStateOf(ctx.db, who.recipient, post.id);
}
