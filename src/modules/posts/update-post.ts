import type { Updateable } from 'kysely';
import type { Context } from '../context.ts';
import { withTransaction, type Tx } from '../../db/database.ts';
import type { PostsTable } from '../../db/schema.ts';
import { forbidden, invalid } from '../../lib/errors.ts';
import { findBoard } from '../boards/index.ts';
import { findStatusByRef } from '../statuses/index.ts';
import { findTagIds } from '../tags/index.ts';
import { canTriagePosts } from './posts.policy.ts';
import { adjustBoardPostCount, lockPost, replacePostTags } from './posts.repo.ts';
import { postMerged, postNotFound, unknownBoard, unknownStatus, unknownTags } from './posts.errors.ts';
import { getPost } from './get-post.ts';
import { recordStatusChange } from './change-post-status.ts';
import { recordEvent } from '../events/index.ts';
import type { PostDetail } from './posts.present.ts';
import type { UpdatePostInput } from './posts.schemas.ts';

/**
 * Triage in one transaction: edit, retag, move to another board (both boards' counts follow) and
 * change the status. A status change, or a status update message, is recorded in the history with
 * the acting member and the message.
 */
export async function updatePost(ctx: Context, postId: string, input: UpdatePostInput): Promise<PostDetail> {
  const { actor } = ctx;
  if (!canTriagePosts(actor)) throw forbidden('Only the team can change posts');
  const workspaceId = actor.workspaceId;
  const title = input.title?.trim();
  if (title !== undefined && title.length < 3) throw invalid('title', 'must be at least 3 characters (not counting spaces)');
  if (input.statusMessage !== undefined && input.status === undefined) throw invalid('statusMessage', 'needs a status to go with it');

  await withTransaction(ctx.db, async (tx) => {
    const post = await lockPost(tx, workspaceId, postId);
    if (!post) throw postNotFound();
    if (post.merged_into_id) throw postMerged('This post was merged into another post and is read-only; unmerge it first');
    const changes: Updateable<PostsTable> = { updated_at: ctx.now };
    if (title !== undefined) changes.title = title;
    if (input.body !== undefined) changes.body = input.body.trim() ? input.body : '';

    let statusChange: { from: string; to: string; message: string | null } | null = null;
    if (input.status !== undefined) {
      const status = await findStatusByRef(tx, workspaceId, input.status);
      if (!status) throw unknownStatus();
      const message = input.statusMessage?.trim() || null;
      if (status.id !== post.status_id || message) {
        changes.status_id = status.id;
        statusChange = { from: post.status_id, to: status.id, message };
      }
    }
    if (input.boardId !== undefined && input.boardId !== post.board_id) {
      const board = await findBoard(tx, workspaceId, input.boardId);
      if (!board) throw unknownBoard();
      changes.board_id = board.id;
      if (!post.deleted_at) await moveBoardCount(tx, post.board_id, board.id);
    }
    if (input.tags !== undefined) {
      const tagIds = [...new Set(input.tags)];
      if ((await findTagIds(tx, workspaceId, tagIds)).length !== tagIds.length) throw unknownTags();
      await replacePostTags(tx, post.id, tagIds);
    }
    await tx.updateTable('posts').set(changes).where('id', '=', post.id).execute();
    const contentChanged = title !== undefined || input.body !== undefined || input.tags !== undefined || changes.board_id !== undefined;
    if (contentChanged) {
      await recordEvent(tx, {
        actor, type: 'post.updated', postId: post.id,
        data: { post: { id: post.id, boardId: changes.board_id ?? post.board_id, title: changes.title ?? post.title, body: changes.body ?? post.body, tagIds: input.tags } },
        previous: { post: { boardId: post.board_id, title: post.title, body: post.body } },
      });
    }
    if (statusChange) {
      await recordStatusChange(tx, {
        actor,
        post: { id: post.id, title: changes.title ?? post.title },
        fromStatusId: statusChange.from,
        toStatusId: statusChange.to,
        message: statusChange.message,
      });
    }
  });
  return getPost(ctx, postId);
}

/** Board rows are updated in id order so two opposite moves cannot deadlock. */
async function moveBoardCount(tx: Tx, fromBoardId: string, toBoardId: string): Promise<void> {
  const steps: Array<[string, number]> = [[fromBoardId, -1], [toBoardId, 1]];
  steps.sort((a, b) => a[0].localeCompare(b[0]));
  for (const [boardId, delta] of steps) await adjustBoardPostCount(tx, boardId, delta);
}
