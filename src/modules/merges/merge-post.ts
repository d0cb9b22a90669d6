import type { Context } from '../context.ts';
import { withTransaction, type Tx } from '../../db/database.ts';
import { forbidden } from '../../lib/errors.ts';
import { memberIdOf } from '../auth/index.ts';
import { recordEvent } from '../events/index.ts';
import {
  adjustBoardPostCount, canTriagePosts, getPost, lockGroupRoots, postDeleted, postNotFound, recountGroup, recountOwn, retryOnDeadlock,
} from '../posts/index.ts';
import type { PostDetail } from '../posts/index.ts';
import {
  findDuplicateStatus, insertMergeLog, readMergePost, repointMerged, unionTags, type MergePost, type MergeSnapshot,
} from './merges.repo.ts';
import { alreadyMerged, mergeCycle, mergeIntoItself, mergeTargetDeleted, mergeTargetNotFound } from './merges.errors.ts';
import type { MergeInput } from './merges.schemas.ts';

/**
 * Merges a duplicate (the source) into another post, losslessly: votes and comments stay where they
 * were made and count on the target (one vote per person); the source becomes a read-only stub that
 * points at the target and leaves its board's listing. A target that was itself merged resolves to
 * its final target; posts merged into the source move along to it (one hop). What the merge changes
 * beyond the pointer (the source's status, tags added to the target, re-pointed posts) is kept in
 * the merge log so unmerge restores it. Returns the target.
 */
export async function mergePost(ctx: Context, sourceId: string, input: MergeInput): Promise<PostDetail> {
  const { actor } = ctx;
  if (!canTriagePosts(actor)) throw forbidden('Only the team can merge posts');
  if (input.into === sourceId) throw mergeIntoItself();
  const targetId = await retryOnDeadlock(ctx.db, () => withTransaction(ctx.db, async (tx) => {
    const { source, target } = await lockMergePair(tx, actor.workspaceId, sourceId, input.into);
    const repointedPostIds = await repointMerged(tx, source.id, target.id);
    const duplicate = await findDuplicateStatus(tx, actor.workspaceId);
    const statusSetTo = duplicate && duplicate.id !== source.status_id ? duplicate.id : null;
    const addedTagIds = await unionTags(tx, source.id, target.id);
    await tx.updateTable('posts')
      .set({ merged_into_id: target.id, merged_at: ctx.now, ...(statusSetTo ? { status_id: statusSetTo } : {}) })
      .where('id', '=', source.id)
      .execute();
    await adjustBoardPostCount(tx, source.board_id, -1);
    await recountOwn(tx, [source.id]);
    await recountGroup(tx, target.id);
    const snapshot: MergeSnapshot = { sourceStatusId: source.status_id, statusSetTo, addedTagIds, repointedPostIds, requestedTargetId: input.into };
    await insertMergeLog(tx, { workspaceId: actor.workspaceId, sourceId: source.id, targetId: target.id, actorMemberId: memberIdOf(actor), snapshot, now: ctx.now });
    await recordEvent(tx, { actor, type: 'post.merged', postId: source.id, data: { sourceId: source.id, targetId: target.id } });
    return target.id;
  }));
  return getPost(ctx, targetId);
}

const MAX_ATTEMPTS = 20;

/**
 * Resolves the final target and takes both groups' locks (source's and target's, in id order), then
 * checks again: another merge may have moved either post while we waited.
 */
async function lockMergePair(tx: Tx, workspaceId: string, sourceId: string, requestedId: string): Promise<{ source: MergePost; target: MergePost }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const seenSource = await readMergePost(tx, workspaceId, sourceId);
    const requested = await readMergePost(tx, workspaceId, requestedId);
    checkSource(seenSource);
    if (!requested) throw mergeTargetNotFound();
    const targetId = requested.merged_into_id ?? requested.id;
    await lockGroupRoots(tx, [seenSource.id, targetId]);
    const [source, target, requestedNow] = [
      await readMergePost(tx, workspaceId, sourceId),
      await readMergePost(tx, workspaceId, targetId),
      await readMergePost(tx, workspaceId, requestedId),
    ];
    checkSource(source);
    if (!requestedNow) throw mergeTargetNotFound();
    if ((requestedNow.merged_into_id ?? requestedNow.id) !== targetId || !target || target.merged_into_id) continue;
    if (target.id === source.id) throw mergeCycle(source.title, requested.title);
    if (target.deleted_at) throw mergeTargetDeleted();
    return { source, target };
  }
  throw new Error(`the posts ${sourceId} and ${requestedId} kept changing while being merged`);
}

function checkSource(source: MergePost | undefined): asserts source is MergePost {
  if (!source) throw postNotFound();
  if (source.merged_into_id) throw alreadyMerged();
  if (source.deleted_at) throw postDeleted();
}
