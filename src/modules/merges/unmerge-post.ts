import type { Context } from '../context.ts';
import { withTransaction } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { recordEvent } from '../events/index.ts';
import {
  adjustBoardPostCount, canTriagePosts, getPost, lockPostGroup, postNotFound, recountGroup, retryOnDeadlock, type PostDetail,
} from '../posts/index.ts';
import {
  findActiveMerge, markMergeUndone, parseSnapshot, readMergePost, removeTags, restoreRepointed, statusExists,
} from './merges.repo.ts';
import { notMerged } from './merges.errors.ts';

/**
 * Undoes a merge: the post stands on its own again with the status it had, back in its board's
 * listing; tags the merge added to the target are taken off again, posts the merge moved from it to
 * the target come back to it, and both posts are recounted — votes and comments never moved, so
 * the counts are exactly those from before. The merge log entry is marked undone. Returns the post.
 */
export async function unmergePost(ctx: Context, postId: string): Promise<PostDetail> {
  const { actor } = ctx;
  if (!canTriagePosts(actor)) throw forbidden('Only the team can unmerge posts');
  await retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const group = await lockPostGroup(tx, actor.workspaceId, postId);
    if (!group.isMerged) throw notMerged();
    const targetId = group.rootId;
    const post = await readMergePost(tx, actor.workspaceId, postId);
    if (!post) throw postNotFound();
    const merge = await findActiveMerge(tx, post.id);
    const snapshot = parseSnapshot(merge?.snapshot);

    const restoreStatus = snapshot?.statusSetTo && post.status_id === snapshot.statusSetTo
      && await statusExists(tx, actor.workspaceId, snapshot.sourceStatusId);
    await tx.updateTable('posts')
      .set({ merged_into_id: null, merged_at: null, ...(restoreStatus && snapshot ? { status_id: snapshot.sourceStatusId } : {}) })
      .where('id', '=', post.id)
      .execute();
    if (snapshot && merge) {
      await restoreRepointed(tx, snapshot.repointedPostIds, post.id, targetId);
      // tags go back off the post they were added to (the log's target: a re-pointed merge added them there)
      await removeTags(tx, merge.target_post_id, snapshot.addedTagIds);
      await markMergeUndone(tx, merge.id, memberIdOf(actor), ctx.now);
    }
    if (!post.deleted_at) await adjustBoardPostCount(tx, post.board_id, 1);
    await recountGroup(tx, targetId);
    await recountGroup(tx, post.id);
    await recordEvent(tx, {
      actor, type: 'post.updated', postId: post.id,
      data: { post: { id: post.id, boardId: post.board_id, title: post.title, body: post.body }, unmerged: { fromTargetId: targetId } },
    });
  }));
  return getPost(ctx, postId);
}
