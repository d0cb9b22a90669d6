import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { adjustCommentCount, canCommentInternally, findVisiblePost, lockPostGroup, postMerged, resolveParticipant, retryOnDeadlock } from '../posts/index.ts';
import { canSeeComment } from './comments.policy.ts';
import { findCommentRow, type CommentRow } from './comments.repo.ts';
import { emptyBody, internalForbidden, invalidParent } from './comments.errors.ts';
import type { CreateCommentInput } from './comments.schemas.ts';
import { recordEvent } from '../events/index.ts';
import { subscribe } from '../subscriptions/index.ts';

/**
 * Adds a comment or a reply (one level deep) in one transaction with the post's comment_count,
 * which counts public comments only. A reply inside an internal thread is internal too. A merged
 * post is a read-only stub: the conversation continues on the post it was merged into. The group
 * lock makes a merge that races the comment see it (and count it) or refuse it, never lose it.
 */
export async function createComment(ctx: Context, postId: string, input: CreateCommentInput): Promise<CommentRow> {
  const { actor } = ctx;
  if (!input.body.trim()) throw emptyBody();
  if (input.internal && !canCommentInternally(actor)) throw internalForbidden();
  const post = await findVisiblePost(ctx, postId, { live: true });
  if (post.merged_into_id) throw mergedRefusal();
  const commentId = await retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const group = await lockPostGroup(tx, actor.workspaceId, post.id, post.merged_into_id ?? null);
    if (group.isMerged) throw mergedRefusal();
    const author = await resolveParticipant({ ...ctx, db: tx }, input.author, 'author');
    let internal = input.internal === true;
    if (input.parentId) {
      const parent = await findCommentRow(tx, actor.workspaceId, input.parentId);
      const usable = parent && parent.post_id === post.id && parent.parent_id === null && !parent.deleted_at && canSeeComment(actor, parent);
      if (!usable) throw invalidParent();
      internal ||= parent.internal;
    }
    const row = await tx
      .insertInto('comments')
      .values({
        workspace_id: actor.workspaceId,
        post_id: post.id,
        parent_id: input.parentId ?? null,
        author_person_id: author.personId,
        author_member_id: author.memberId,
        body: input.body,
        internal,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!internal) await adjustCommentCount(tx, post.id, 1);
    await subscribe(tx, { workspaceId: actor.workspaceId, postId: post.id, personId: author.personId, memberId: author.memberId, reason: 'commenter' });
    await recordEvent(tx, {
      actor, type: 'comment.created', postId: post.id,
      data: { comment: { id: row.id, postId: post.id, parentId: input.parentId ?? null, body: input.body, internal, authorPersonId: author.personId, authorMemberId: author.memberId } },
    });
    return row.id;
  }));
  const created = await findCommentRow(ctx.db, actor.workspaceId, commentId);
  if (!created) throw new Error(`comment ${commentId} vanished after insert`);
  return created;
}

const mergedRefusal = () => postMerged('This post was merged into another post; comment on that post instead');
