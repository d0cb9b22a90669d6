// The one path every status change takes, whoever makes it (triage in update-post.ts, a changelog
// entry shipping its linked posts): a history row and a `post.status_changed` event, written in the
// caller's transaction so subscribers hear about exactly the changes that committed.
import type { Tx } from '../../db/database.ts';
import { memberIdOf, type Actor } from '../auth/index.ts';
import { recordEvent } from '../events/index.ts';
import { lockPost } from './posts.repo.ts';

export type StatusChangeInput = {
  actor: Actor;
  post: { id: string; title: string };
  fromStatusId: string;
  toStatusId: string;
  message: string | null;
  /**
   * Set when a changelog entry's publication moved the post: the `changelog.published` event already
   * tells the post's subscribers, so notification consumers skip this one (no second email).
   */
  viaChangelogId?: string;
};

/** Records a status change whose `posts.status_id` update the caller has made in the same transaction. */
export async function recordStatusChange(tx: Tx, input: StatusChangeInput): Promise<void> {
  const { actor, post } = input;
  await recordEvent(tx, {
    actor, type: 'post.status_changed', postId: post.id,
    data: {
      post: { id: post.id, title: post.title },
      statusId: input.toStatusId,
      message: input.message,
      ...(input.viaChangelogId ? { viaChangelogId: input.viaChangelogId } : {}),
    },
    previous: { statusId: input.fromStatusId },
  });
  await tx.insertInto('status_changes').values({
    workspace_id: actor.workspaceId,
    post_id: post.id,
    from_status_id: input.fromStatusId,
    to_status_id: input.toStatusId,
    actor_member_id: memberIdOf(actor),
    message: input.message,
  }).execute();
}

/**
 * Moves one post of the actor's workspace to `statusId` (a status of that workspace, resolved by the
 * caller) and records it. Deleted and merged posts are left alone, as is a post already there.
 * Returns whether the post moved.
 */
export async function movePostToStatus(
  tx: Tx,
  input: { actor: Actor; postId: string; statusId: string; now: Date; message?: string | null; viaChangelogId?: string },
): Promise<boolean> {
  const post = await lockPost(tx, input.actor.workspaceId, input.postId);
  if (!post || post.deleted_at || post.merged_into_id || post.status_id === input.statusId) return false;
  await tx.updateTable('posts').set({ status_id: input.statusId, updated_at: input.now }).where('id', '=', post.id).execute();
  await recordStatusChange(tx, {
    actor: input.actor,
    post,
    fromStatusId: post.status_id,
    toStatusId: input.statusId,
    message: input.message ?? null,
    viaChangelogId: input.viaChangelogId,
  });
  return true;
}
